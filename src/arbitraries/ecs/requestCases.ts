/**
 * What RunTask and CreateService requests share: the task definition they
 * name, the launch type or capacity providers, the strategies and
 * constraints, and the ways to break them.
 *
 * @module
 */
import * as fc from 'fast-check';
import { inside, readFields, where } from '../internal/readConstraints';
import { mostly, sometimes } from '../internal/sometimes';
import type { EcsFault, EcsJsonObject, EcsJsonValidity, EcsRequestCase } from './EcsJsonCase';
import type { TaskDefinitionConstraints } from './taskDefinition';
import { taskDefinitionDocuments } from './taskDefinition';
import { readFaults, readValidity, withFaults, type Fault } from './withFaults';

/** A request and the task definition it runs; only the request is ever broken. */
export interface RequestState {
  /** The request. */
  readonly request: EcsJsonObject;
  /** The task definition, always valid. */
  readonly taskDefinition: EcsJsonObject;
}

/** The ways both request arbitraries break a request, as {@link EcsFault.kind} names them. */
export type RequestFault =
  | 'fargate' | 'launch_type_and_providers' | 'fargate_provider' | 'other_task_definition' | 'too_many_strategies'
  | 'unparsable_expression' | 'misspelt_field' | 'unknown_spread_field' | 'unknown_strategy_type';

/** The constraints both request arbitraries take; `K` names their faults. */
export interface RequestConstraints<K extends string> {
  /**
   * Valid requests, requests broken in exactly one way, or both.
   * @defaultValue `'valid'`
   */
  readonly validity?: EcsJsonValidity;
  /**
   * The task definitions the requests run (always valid): their shape and size.
   * @defaultValue `{}`
   */
  readonly taskDefinition?: Omit<TaskDefinitionConstraints, 'validity' | 'faults'>;
  /**
   * The ways to break a request, with `validity` `'invalid'` or `'mixed'`;
   * the first is the one counter-examples shrink to.
   * @defaultValue every one
   */
  readonly faults?: readonly K[];
}

const STRATEGIES: readonly EcsJsonObject[] = [
  { type: 'spread', field: 'attribute:ecs.availability-zone' },
  { type: 'binpack', field: 'memory' },
  { type: 'spread', field: 'instanceId' },
  { type: 'binpack', field: 'cpu' },
];
const PROVIDERS: readonly EcsJsonObject[] = [{ capacityProvider: 'asg-on-demand', base: 1, weight: 1 }, { capacityProvider: 'asg-spot', weight: 3 }];

/** The family, revision and ARN of a task definition document. */
function identity(document: EcsJsonObject): { family: string; revision?: number; arn?: string } {
  const inner = (document['taskDefinition'] ?? document) as EcsJsonObject;
  const family = String(inner['family']);
  const revision = inner['revision'];
  return typeof revision === 'number' ? { family, revision, arn: String(inner['taskDefinitionArn']) } : { family };
}

/** The fields both requests share, for the task definition given. */
function placementFields(document: EcsJsonObject): fc.Arbitrary<EcsJsonObject> {
  const { family, revision, arn } = identity(document);
  const references = revision === undefined ? [family] : [family, `${family}:${revision}`, arn ?? family];
  return fc.record({
    taskDefinition: fc.constantFrom(...references),
    launch: mostly<EcsJsonObject>({}, [[fc.constant({ launchType: 'EC2' }), 0.3], [fc.constant({ capacityProviderStrategy: PROVIDERS }), 0.2]]),
    strategies: sometimes(fc.subarray([...STRATEGIES], { minLength: 1 }), 0.7, undefined),
    random: fc.boolean(),
    distinct: fc.boolean(),
    expression: sometimes(fc.constantFrom('attribute:stack == prod', 'attribute:ecs.availability-zone in [us-east-1a, us-east-1b]'), 0.3, undefined),
  }).map((drawn) => {
    const constraints = [...(drawn.distinct ? [{ type: 'distinctInstance' }] : []), ...(drawn.expression === undefined ? [] : [{ type: 'memberOf', expression: drawn.expression }])];
    return {
      cluster: 'prod',
      taskDefinition: drawn.taskDefinition,
      ...drawn.launch,
      ...(drawn.strategies === undefined ? {} : { placementStrategy: [...drawn.strategies, ...(drawn.random ? [{ type: 'random' }] : [])] }),
      ...(constraints.length === 0 ? {} : { placementConstraints: constraints }),
      enableECSManagedTags: true,
      propagateTags: 'TASK_DEFINITION',
      tags: [{ key: 'team', value: 'platform' }],
    };
  });
}

function strategies(state: RequestState): EcsJsonObject[] {
  return (state.request['placementStrategy'] ?? []) as EcsJsonObject[];
}

/** Breaks the request by making `first` its first strategy: in place of the one there, as one more might make too many. */
function firstStrategy(kind: RequestFault, first: EcsJsonObject, at: string, code: 'invalid_strategy_field' | 'unknown_strategy_type'): Fault<RequestState, RequestFault> {
  return {
    kind,
    inject: (state) => {
      state.request['placementStrategy'] = [first, ...strategies(state).slice(1)];
      return { path: `placementStrategy[0].${at}`, code };
    },
  };
}

const PLACEMENT_FAULTS: readonly Fault<RequestState, RequestFault>[] = [
  {
    kind: 'fargate',
    inject: ({ request }) => {
      delete request['capacityProviderStrategy'];
      request['launchType'] = 'FARGATE';
      return { path: 'launchType', code: 'unsupported_ecs_feature' };
    },
  },
  {
    kind: 'launch_type_and_providers',
    inject: ({ request }) => {
      request['launchType'] = 'EC2';
      request['capacityProviderStrategy'] = [{ capacityProvider: 'asg-spot', weight: 1 }];
      return { path: 'launchType', code: 'conflicting_launch_type' };
    },
  },
  {
    kind: 'fargate_provider',
    inject: ({ request }) => {
      delete request['launchType'];
      request['capacityProviderStrategy'] = [{ capacityProvider: 'FARGATE', weight: 1 }];
      return { path: 'capacityProviderStrategy[0].capacityProvider', code: 'unsupported_ecs_feature' };
    },
  },
  {
    kind: 'other_task_definition',
    inject: ({ request }) => {
      request['taskDefinition'] = 'nightly-report:3';
      return { path: 'taskDefinition', code: 'task_definition_mismatch' };
    },
  },
  firstStrategy('unknown_spread_field', { type: 'spread', field: 'availability-zone' }, 'field', 'invalid_strategy_field'),
  firstStrategy('unknown_strategy_type', { type: 'pack', field: 'memory' }, 'type', 'unknown_strategy_type'),
  {
    kind: 'too_many_strategies',
    inject: ({ request }) => {
      request['placementStrategy'] = [...STRATEGIES, ...STRATEGIES].slice(0, 6);
      return { path: 'placementStrategy', code: 'too_many_strategies' };
    },
  },
  {
    kind: 'unparsable_expression',
    inject: ({ request }) => {
      request['placementConstraints'] = [{ type: 'memberOf', expression: 'attribute:stack ==' }, ...((request['placementConstraints'] ?? []) as EcsJsonObject[])];
      return { path: 'placementConstraints[0].expression', code: 'invalid_expression' };
    },
  },
  {
    kind: 'misspelt_field',
    inject: ({ request }) => {
      request['placementStrategies'] = request['placementStrategy'] ?? [{ type: 'random' }];
      delete request['placementStrategy'];
      return { path: 'placementStrategies', code: 'unknown_field' };
    },
  },
];

/**
 * Requests of one kind, valid or broken, with the task definitions they run.
 *
 * @param fn - the arbitrary, for errors in its constraints
 * @param constraints - {@link RequestConstraints}
 * @param ownFields - the fields of this kind of request, for the task definition given
 * @param ownFaults - the faults of this kind of request, beside those both kinds share
 * @returns the cases
 */
export function requestCases<K extends string>(
  fn: string,
  constraints: unknown,
  ownFields: fc.Arbitrary<EcsJsonObject>,
  ownFaults: readonly Fault<RequestState, K>[],
): fc.Arbitrary<EcsRequestCase> {
  const at = where(fn);
  const fields = readFields(at, constraints, ['validity', 'taskDefinition', 'faults']);
  const faults = readFaults<RequestState, K | RequestFault>(at, fields, [...ownFaults, ...PLACEMENT_FAULTS]);
  const validity = readValidity(at, fields);
  const { documents } = taskDefinitionDocuments(inside(at, 'taskDefinition'), fields.get('taskDefinition'), ['form', 'maxContainers']);
  const states = documents.chain((taskDefinition) => fc.tuple(placementFields(taskDefinition), ownFields)
    .map(([shared, own]): RequestState => ({ request: { ...own, ...shared }, taskDefinition })));
  return withFaults(states, faults, validity).map(({ state, fault }) => ({
    value: state.request,
    taskDefinition: state.taskDefinition,
    ...(fault === undefined ? {} : { fault }),
  }));
}
