/**
 * DescribeContainerInstances responses, as `aws ecs
 * describe-container-instances` prints them, valid or broken in one way.
 *
 * @module
 */
import * as fc from 'fast-check';
import { DEFAULT_INSTANCE_TYPES } from '../defaults';
import { fail, integer, ordered, readFields, where } from '../internal/readConstraints';
import { mostly, sometimes } from '../internal/sometimes';
import type { EcsFault, EcsJsonCase, EcsJsonObject, EcsJsonValidity } from './EcsJsonCase';
import { readFaults, readValidity, withFaults, type Fault } from './withFaults';

/** The ways {@link describeContainerInstancesResponse} breaks a response, as {@link EcsFault.kind} names them. */
export type DescribeContainerInstancesFault =
  | 'missing_list' | 'missing_arn' | 'duplicate_instance' | 'missing_cpu' | 'fractional_amount'
  | 'amount_as_text' | 'unknown_resource_type' | 'invalid_port' | 'duplicate_port' | 'remaining_above_registered'
  | 'unknown_status' | 'agent_connected_as_text' | 'unreadable_date' | 'attribute_twice' | 'more_tasks_than_memory';

/** What {@link describeContainerInstancesResponse} may generate. */
export interface DescribeContainerInstancesConstraints {
  /**
   * Valid responses, responses broken in exactly one way, or both.
   * @defaultValue `'valid'`
   */
  readonly validity?: EcsJsonValidity;
  /**
   * The fewest container instances listed.
   * @defaultValue `1`
   */
  readonly minInstances?: number;
  /**
   * The most container instances listed, up to 100 (DescribeContainerInstances' own limit).
   * @defaultValue `4`
   */
  readonly maxInstances?: number;
  /**
   * The ways to break a response, with `validity` `'invalid'` or `'mixed'`;
   * the first is the one counter-examples shrink to.
   * @defaultValue every one
   */
  readonly faults?: readonly DescribeContainerInstancesFault[];
}

const KEYS = ['validity', 'minInstances', 'maxInstances', 'faults'];
const MAX_INSTANCES = 100;
const RESERVED_TCP = ['22', '2375', '2376', '51678', '51679'];
const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const CAPABILITIES = ['com.amazonaws.ecs.capability.docker-remote-api.1.19', 'com.amazonaws.ecs.capability.logging-driver.awslogs', 'ecs.capability.task-eni'];
/** Where each resource sits in `registeredResources` and `remainingResources`. */
const CPU = 0;
const MEMORY = 1;
const PORTS = 2;

/** One ECS `Resource`, with the zero fields ECS prints beside the one that matters. */
function resource(name: string, value: number | readonly string[]): EcsJsonObject {
  const base = { name, doubleValue: 0, longValue: 0, integerValue: 0 };
  return typeof value === 'number' ? { ...base, type: 'INTEGER', integerValue: value } : { ...base, type: 'STRINGSET', stringSetValue: [...value] };
}

/** `length` hexadecimal digits; from whole numbers, as drawing the text itself costs far more. */
const hex = (length: number): fc.Arbitrary<string> => fc.array(fc.nat({ max: 0xffff }), { minLength: Math.ceil(length / 4), maxLength: Math.ceil(length / 4) })
  .map((words) => words.map((word) => word.toString(16).padStart(4, '0')).join('').slice(0, length));

function containerInstance(index: number): fc.Arbitrary<EcsJsonObject> {
  return fc.record({
    id: hex(24),
    ec2: hex(17),
    type: fc.constantFrom(...DEFAULT_INSTANCE_TYPES),
    cpuUsed: fc.nat({ max: 1024 }),
    memoryUsed: fc.nat({ max: 700 }),
    tasks: fc.nat({ max: 3 }),
    portsInUse: fc.subarray(['80', '443', '8080']),
    status: mostly('ACTIVE', [[fc.constant('DRAINING'), 0.1]]),
    agentConnected: mostly(true, [[fc.constant(false), 0.1]]),
    stack: sometimes(fc.constantFrom('prod', 'dev'), 0.5, undefined),
    zone: fc.constantFrom(...ZONES),
    capabilities: fc.subarray(CAPABILITIES),
    provider: sometimes(fc.constantFrom('asg-on-demand', 'asg-spot'), 0.3, undefined),
    registeredAt: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2025, 0, 1) }),
  }).map((drawn) => {
    const { type } = drawn;
    const gpus = Array.from({ length: type.gpu ?? 0 }, (_, gpu) => `GPU-${drawn.id.slice(0, 8)}-${gpu}`);
    const registered = [resource('CPU', type.cpu), resource('MEMORY', type.memory), resource('PORTS', RESERVED_TCP), resource('PORTS_UDP', [])];
    const remaining = [
      resource('CPU', type.cpu - Math.min(drawn.cpuUsed, type.cpu)),
      resource('MEMORY', type.memory - Math.min(drawn.memoryUsed, type.memory)),
      resource('PORTS', [...RESERVED_TCP, ...drawn.portsInUse]),
      resource('PORTS_UDP', []),
    ];
    if (gpus.length > 0) {
      registered.push(resource('GPU', gpus));
      remaining.push(resource('GPU', gpus));
    }
    const attributes = [
      { name: 'ecs.availability-zone', value: drawn.zone },
      { name: 'ecs.instance-type', value: type.name },
      { name: 'ecs.os-type', value: 'linux' },
      { name: 'ecs.cpu-architecture', value: type.architecture ?? 'x86_64' },
      ...drawn.capabilities.map((name) => ({ name })),
      ...(drawn.stack === undefined ? [] : [{ name: 'stack', value: drawn.stack }]),
    ];
    return {
      containerInstanceArn: `arn:aws:ecs:us-east-1:123456789012:container-instance/prod/${drawn.id}${index.toString(16).padStart(8, '0')}`,
      ec2InstanceId: `i-${drawn.ec2}`,
      version: 3,
      versionInfo: { agentVersion: '1.86.3', agentHash: 'a7c6a3d6', dockerVersion: 'DockerVersion: 25.0.8' },
      remainingResources: remaining,
      registeredResources: registered,
      status: drawn.status,
      agentConnected: drawn.agentConnected,
      runningTasksCount: drawn.tasks,
      pendingTasksCount: 0,
      attributes,
      registeredAt: new Date(drawn.registeredAt).toISOString(),
      ...(drawn.provider === undefined ? {} : { capacityProviderName: drawn.provider }),
      attachments: [],
      tags: [],
    };
  });
}

/** The response as the faults see it: the instances typed as objects. */
interface Response extends EcsJsonObject {
  containerInstances: Instance[];
}
interface Instance extends EcsJsonObject {
  registeredResources: EcsJsonObject[];
  remainingResources: EcsJsonObject[];
  attributes: EcsJsonObject[];
}

/** The instance a fault breaks, and its path. */
function chosen(state: Response, pick: number): [Instance, string] {
  const index = pick % state.containerInstances.length;
  return [state.containerInstances[index] as Instance, `containerInstances[${index}]`];
}

/** The instances a response needs for a fault to break it, when not 1. */
const INSTANCES_NEEDED: Partial<Record<DescribeContainerInstancesFault, number>> = { missing_list: 0, duplicate_instance: 2 };

const hasInstances = (state: Response): boolean => state.containerInstances.length > 0;

const FAULTS: readonly Fault<Response, DescribeContainerInstancesFault>[] = [
  {
    kind: 'missing_list',
    inject: (state) => {
      delete (state as EcsJsonObject)['containerInstances'];
      return { path: 'containerInstances', code: 'invalid_ecs_json' };
    },
  },
  {
    kind: 'missing_arn',
    applies: hasInstances,
    inject: (state, pick) => {
      const [instance, path] = chosen(state, pick);
      delete instance['containerInstanceArn'];
      return { path: `${path}.containerInstanceArn`, code: 'invalid_ecs_json' };
    },
  },
  {
    kind: 'duplicate_instance',
    applies: (state) => state.containerInstances.length > 1,
    inject: (state, pick) => {
      const index = 1 + (pick % (state.containerInstances.length - 1));
      const [first] = state.containerInstances;
      (state.containerInstances[index] as Instance)['containerInstanceArn'] = first?.['containerInstanceArn'];
      return { path: `containerInstances[${index}].containerInstanceArn`, code: 'duplicate_instance' };
    },
  },
  {
    kind: 'missing_cpu',
    applies: hasInstances,
    inject: (state, pick) => {
      const [instance, path] = chosen(state, pick);
      instance.registeredResources.splice(CPU, 1);
      return { path: `${path}.registeredResources`, code: 'invalid_ecs_json' };
    },
  },
  {
    kind: 'fractional_amount',
    applies: hasInstances,
    inject: (state, pick) => {
      const [instance, path] = chosen(state, pick);
      const memory = instance.registeredResources[MEMORY] as EcsJsonObject;
      memory['integerValue'] = Number(memory['integerValue']) + 0.5;
      return { path: `${path}.registeredResources[${MEMORY}].integerValue`, code: 'invalid_resource' };
    },
  },
  {
    kind: 'amount_as_text',
    applies: hasInstances,
    inject: (state, pick) => {
      const [instance, path] = chosen(state, pick);
      const cpu = instance.registeredResources[CPU] as EcsJsonObject;
      cpu['integerValue'] = String(cpu['integerValue']);
      return { path: `${path}.registeredResources[${CPU}].integerValue`, code: 'invalid_ecs_json' };
    },
  },
  {
    kind: 'unknown_resource_type',
    applies: hasInstances,
    inject: (state, pick) => {
      const [instance, path] = chosen(state, pick);
      (instance.registeredResources[MEMORY] as EcsJsonObject)['type'] = 'FLOAT';
      return { path: `${path}.registeredResources[${MEMORY}].type`, code: 'invalid_ecs_json' };
    },
  },
  {
    kind: 'invalid_port',
    applies: hasInstances,
    inject: (state, pick) => {
      const [instance, path] = chosen(state, pick);
      const ports = (instance.registeredResources[PORTS] as EcsJsonObject)['stringSetValue'] as string[];
      ports.push('65536');
      return { path: `${path}.registeredResources[${PORTS}].stringSetValue[${ports.length - 1}]`, code: 'invalid_port' };
    },
  },
  {
    kind: 'duplicate_port',
    applies: hasInstances,
    inject: (state, pick) => {
      const [instance, path] = chosen(state, pick);
      const ports = (instance.registeredResources[PORTS] as EcsJsonObject)['stringSetValue'] as string[];
      ports.push(ports[pick % ports.length] ?? '22');
      return { path: `${path}.registeredResources[${PORTS}].stringSetValue[${ports.length - 1}]`, code: 'duplicate_port' };
    },
  },
  {
    kind: 'remaining_above_registered',
    applies: hasInstances,
    inject: (state, pick) => {
      const [instance, path] = chosen(state, pick);
      const registered = instance.registeredResources[CPU] as EcsJsonObject;
      (instance.remainingResources[CPU] as EcsJsonObject)['integerValue'] = Number(registered['integerValue']) + 1;
      return { path: `${path}.remainingResources[${CPU}].integerValue`, code: 'invalid_ecs_json' };
    },
  },
  {
    kind: 'unknown_status',
    applies: hasInstances,
    inject: (state, pick) => {
      const [instance, path] = chosen(state, pick);
      instance['status'] = 'SLEEPING';
      return { path: `${path}.status`, code: 'invalid_status' };
    },
  },
  {
    kind: 'agent_connected_as_text',
    applies: hasInstances,
    inject: (state, pick) => {
      const [instance, path] = chosen(state, pick);
      instance['agentConnected'] = String(instance['agentConnected']);
      return { path: `${path}.agentConnected`, code: 'invalid_ecs_json' };
    },
  },
  {
    kind: 'unreadable_date',
    applies: hasInstances,
    inject: (state, pick) => {
      const [instance, path] = chosen(state, pick);
      instance['registeredAt'] = 'last Tuesday';
      return { path: `${path}.registeredAt`, code: 'invalid_date' };
    },
  },
  {
    kind: 'attribute_twice',
    applies: hasInstances,
    inject: (state, pick) => {
      const [instance, path] = chosen(state, pick);
      instance.attributes.push({ name: 'ecs.os-type', value: 'windows' });
      return { path: `${path}.attributes[${instance.attributes.length - 1}].name`, code: 'invalid_attribute' };
    },
  },
  {
    kind: 'more_tasks_than_memory',
    applies: hasInstances,
    inject: (state, pick) => {
      const [instance, path] = chosen(state, pick);
      instance['runningTasksCount'] = Number((instance.registeredResources[MEMORY] as EcsJsonObject)['integerValue']) + 1;
      return { path: `${path}.runningTasksCount`, code: 'invalid_ecs_json' };
    },
  },
];

/**
 * Generates DescribeContainerInstances responses (`{ containerInstances,
 * failures }`) as the AWS CLI prints them: ARNs, EC2 instance ids,
 * `registeredResources` and `remainingResources` with `CPU`, `MEMORY`,
 * `PORTS`, `PORTS_UDP` (and the GPU ids of a GPU instance type), the
 * attributes ECS sets, `versionInfo`, `status`, `agentConnected`, task
 * counts, and now and then a capacity provider.
 *
 * @remarks
 * With `validity: 'invalid'` each response is broken in exactly one way (a
 * fractional amount, a port listed twice, more remaining than registered,
 * an instance listed twice...), and its `fault` says which, where and with
 * what code task-placement's `fromDescribeContainerInstances` refuses it.
 *
 * @param constraints - which responses, how many instances, and which faults
 * @returns an arbitrary of responses with their fault, if any
 * @throws {@link ConstraintsError} naming `describeContainerInstancesResponse` when a constraint is unknown or out of range
 *
 * @example
 * ```ts
 * fc.assert(fc.property(describeContainerInstancesResponse({ validity: 'invalid' }), ({ value, fault }) => {
 *   expect(() => myReader(value)).toThrow(fault?.path);
 * }));
 * ```
 */
export function describeContainerInstancesResponse(constraints: DescribeContainerInstancesConstraints = {}): fc.Arbitrary<EcsJsonCase> {
  const at = where('describeContainerInstancesResponse');
  const fields = readFields(at, constraints, KEYS);
  const validity = readValidity(at, fields);
  const minInstances = integer(at, fields, 'minInstances', 1, 0, MAX_INSTANCES);
  const maxInstances = integer(at, fields, 'maxInstances', Math.max(4, minInstances), 0, MAX_INSTANCES);
  ordered(at, 'minInstances', minInstances, 'maxInstances', maxInstances);
  const faults = readFaults(at, fields, FAULTS);
  const needed = Math.min(...faults.map((fault) => INSTANCES_NEEDED[fault.kind] ?? 1));
  if (validity !== 'valid' && needed > maxInstances) fail(at, 'faults', `need ${needed} instances or more to break, but maxInstances is ${maxInstances}`);
  const response = fc.integer({ min: minInstances, max: maxInstances })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => containerInstance(index))))
    .map((instances): Response => ({ containerInstances: instances as Instance[], failures: [] }));
  return withFaults(response, faults, validity).map(({ state, fault }) => (fault === undefined ? { value: state } : { value: state, fault }));
}
