/**
 * RunTask requests, as `aws ecs run-task --cli-input-json` takes them,
 * valid or broken in one way.
 *
 * @module
 */
import * as fc from 'fast-check';
import { sometimes } from '../internal/sometimes';
import type { EcsFault, EcsJsonObject, EcsRequestCase } from './EcsJsonCase';
import { requestCases, type RequestConstraints, type RequestFault, type RequestState } from './requestCases';
import type { Fault } from './withFaults';

/** What {@link runTaskRequest} may generate. */
export type RunTaskRequestConstraints = RequestConstraints<RunTaskRequestFault>;

/** The ways {@link runTaskRequest} breaks a request, as {@link EcsFault.kind} names them: its own, and those of every request. */
export type RunTaskRequestFault = RequestFault | 'resource_override' | 'count_above_limit' | 'count_zero';

const FIELDS: fc.Arbitrary<EcsJsonObject> = fc.record({
  count: sometimes(fc.integer({ min: 1, max: 10 }), 0.8, undefined),
  group: sometimes(fc.constantFrom('batch-jobs', 'nightly'), 0.3, undefined),
}).map(({ count, group }) => ({
  ...(count === undefined ? {} : { count }),
  ...(group === undefined ? {} : { group }),
  startedBy: 'ci-pipeline',
}));

/** A fault that sets one field of the request. */
function setField(kind: Exclude<RunTaskRequestFault, RequestFault>, field: string, value: unknown, code: 'invalid_count'): Fault<RequestState, Exclude<RunTaskRequestFault, RequestFault>> {
  return {
    kind,
    inject: ({ request }) => {
      request[field] = value;
      return { path: field, code };
    },
  };
}

const FAULTS: readonly Fault<RequestState, Exclude<RunTaskRequestFault, RequestFault>>[] = [
  setField('count_above_limit', 'count', 11, 'invalid_count'),
  setField('count_zero', 'count', 0, 'invalid_count'),
  {
    kind: 'resource_override',
    inject: ({ request }) => {
      request['overrides'] = { containerOverrides: [{ name: 'app', memory: 4096 }] };
      return { path: 'overrides.containerOverrides[0].memory', code: 'unsupported_ecs_feature' };
    },
  },
];

/**
 * Generates RunTask requests with the task definitions they run: a
 * `taskDefinition` that names it (family, `family:revision` or ARN), a
 * `count` of 1 to 10, now and then a `group`, a `launchType` of `EC2` or a
 * `capacityProviderStrategy`, `placementStrategy` and
 * `placementConstraints`, and fields placement ignores (`tags`,
 * `startedBy`...).
 *
 * @remarks
 * With `validity: 'invalid'` each request is broken in exactly one way (a
 * count above RunTask's 10, `FARGATE`, a launch type beside a capacity
 * provider strategy, a misspelt `placementStrategies`, an expression that
 * does not parse, a resource override...), and its `fault` says which,
 * where and with what code task-placement's `fromRunTaskRequest` refuses
 * it. The task definition is always valid.
 *
 * @param constraints - which requests, which task definitions, which faults
 * @returns an arbitrary of requests with their task definition and fault, if any
 * @throws {@link ConstraintsError} naming `runTaskRequest` when a constraint is unknown or out of range
 *
 * @example
 * ```ts
 * fc.assert(fc.property(runTaskRequest(), ({ value }) => (value['count'] ?? 1) <= 10));
 * ```
 */
export function runTaskRequest(constraints: RunTaskRequestConstraints = {}): fc.Arbitrary<EcsRequestCase> {
  return requestCases('runTaskRequest', constraints, FIELDS, FAULTS);
}
