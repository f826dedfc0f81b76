/**
 * The public arbitraries, set up for the project's own law tests: small
 * vocabularies, so that generated tasks, instances and expressions meet
 * often, a `rack` attribute that is absent, valueless or valued (spread puts
 * the first two in one bucket), and a standalone group named like a family
 * group, `family:web`.
 */
import fc from 'fast-check';
import type { ClusterConstraints, ClusterScenario } from '../../src/arbitraries/cluster';
import { cluster } from '../../src/arbitraries/cluster';
import { constraint } from '../../src/arbitraries/constraint';
import { DEFAULT_INSTANCE_TYPES, INSTANCE_PATCHES as DEFAULT_PATCHES } from '../../src/arbitraries/defaults';
import { fleet, type FleetConstraints } from '../../src/arbitraries/fleet';
import { requestOf, type Grouping, type RequestParts } from '../../src/arbitraries/placementRequest';
import { strategyChain } from '../../src/arbitraries/strategyChain';
import { task, type TaskConstraints } from '../../src/arbitraries/task';
import type { InstancePatch, InstanceSpec } from '../../src/model/InstanceSpec';
import type { PlacementConstraint, PlacementRequest, PlacementStrategy } from '../../src/model/PlacementRequest';
import type { MemberOfConstraint, TaskSpec } from '../../src/model/TaskSpec';

export type { ClusterScenario } from '../../src/arbitraries/cluster';
export type { Grouping } from '../../src/arbitraries/placementRequest';

export const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'] as const;
export const RACKS = ['r1', 'r2', 'r3'] as const;
const SERVICES = ['web', 'api'] as const;
const GROUPS = ['batch-jobs', 'family:web', 'nightly'] as const;
const TASK_ENI = 'ecs.capability.task-eni';
export const BINPACK_FIELDS = ['cpu', 'memory', 'eni', 'gpu'] as const;
export const SPREAD_FIELDS = ['instanceId', 'host', 'attribute:ecs.availability-zone', 'attribute:rack', 'attribute:ecs.instance-type'] as const;

/** Valid expressions of the kinds people write, each true on some instances and false on others. */
export const MEMBER_OF_EXPRESSIONS = [
  'attribute:ecs.availability-zone != us-east-1c',
  'attribute:ecs.instance-type =~ t3.*',
  'not(task:group == service:web)',
  'runningTasksCount < 3',
  'attribute:rack exists',
  'attribute:ecs.availability-zone in [us-east-1a, us-east-1b]',
  'attribute:rack == r1 or attribute:ecs.instance-type == m5.large',
  'task:group == family:web or runningTasksCount == 0',
] as const;

/**
 * Instances as the laws see them: the default types, one more with two GPUs,
 * racks instead of stacks, and now and then untracked tasks, as a cluster
 * read from ECS has.
 */
const LAW_FLEET: FleetConstraints = {
  zones: ZONES,
  instanceTypes: [...DEFAULT_INSTANCE_TYPES, { name: 'g4dn.12xlarge', cpu: 8192, memory: 31_000, gpu: 2 }],
  customAttributes: { rack: [...RACKS, null] },
  drainingRate: 0.13,
  otherStatusRate: 0.07,
  untrackedTaskRate: 0.15,
};

/** A fleet of `minInstances` to `maxInstances` instances with unique ids, in registration order. */
export function lawFleet(maxInstances = 12, minInstances = 0): fc.Arbitrary<InstanceSpec[]> {
  return fleet({ ...LAW_FLEET, maxInstances, minInstances });
}

const LAW_TASK: TaskConstraints = {
  resources: { cpu: [256, 0, 128, 512, 1024], memory: [512, 128, 256, 1024, 2048], gpuRate: 0.1, customRate: 0.2 },
  tcpPorts: [80, 0, 8080],
  tcpPortRate: 1 / 3,
  udpPortRate: 1 / 6,
  requiredAttributes: [TASK_ENI, 'rack'],
  requiredAttributesRate: 0.2,
  // Values some instances have, others have not, or have without a value (rack).
  requiredValues: { 'ecs.cpu-architecture': ['x86_64', 'arm64'], rack: ['r1', 'r2'] },
  requiredValueRate: 0.5,
  memberOfRate: 1 / 6,
  expressions: MEMBER_OF_EXPRESSIONS,
};

/** Task specs from the law vocabulary, with some fields (and some resources) changed. */
export function lawTask(overrides: TaskConstraints = {}): fc.Arbitrary<TaskSpec> {
  return task({ ...LAW_TASK, ...overrides, resources: { ...LAW_TASK.resources, ...overrides.resources } });
}

/** A task spec as most requests have. */
export const taskSpec = lawTask();

/** Tasks that need only cpu and memory, with only dynamic ports: most instances can take several. */
export const plainTaskSpec = lawTask({
  resources: { gpuRate: 0, customRate: 0 },
  tcpPorts: [0],
  tcpPortRate: 0.5,
  udpPortRate: 0,
  requiredAttributesRate: 0,
  memberOfRate: 0,
});

/** Mostly tasks that need only cpu and memory, now and then any task. */
export const roomyTaskSpec: fc.Arbitrary<TaskSpec> = fc.oneof({ weight: 2, arbitrary: plainTaskSpec }, { weight: 1, arbitrary: taskSpec });

/** One strategy of a type, from the law fields. */
const oneStrategy = (type: PlacementStrategy['type']): fc.Arbitrary<PlacementStrategy> =>
  strategyChain({ minLength: 1, maxLength: 1, types: [type], binpackFields: BINPACK_FIELDS, spreadFields: SPREAD_FIELDS }).map((chain) => chain[0] as PlacementStrategy);

/** `binpack` on a resource. */
export const binpackStrategy = oneStrategy('binpack');
/** `spread` on an instance or attribute field. */
export const spreadStrategy = oneStrategy('spread');
/** `random`. */
export const randomStrategy = oneStrategy('random');
/** Any ECS strategy. */
export const placementStrategy: fc.Arbitrary<PlacementStrategy> = fc.oneof(binpackStrategy, spreadStrategy, randomStrategy);

/** A memberOf constraint with one of {@link MEMBER_OF_EXPRESSIONS}. */
export const memberOfConstraint = constraint({ expressions: MEMBER_OF_EXPRESSIONS, distinctInstanceRate: 0 }) as fc.Arbitrary<MemberOfConstraint>;
/** A constraint as a request gives it. */
export const placementConstraint: fc.Arbitrary<PlacementConstraint> = constraint({ expressions: MEMBER_OF_EXPRESSIONS, distinctInstanceRate: 0.5 });

/** Mostly no constraint, sometimes a memberOf or distinctInstance: requests that usually find room. */
export const fewConstraints: fc.Arbitrary<readonly PlacementConstraint[]> = fc.oneof(
  { weight: 4, arbitrary: fc.constant([]) },
  { weight: 2, arbitrary: memberOfConstraint.map((memberOf) => [memberOf]) },
  { weight: 1, arbitrary: fc.constant([{ type: 'distinctInstance' }] as const) },
);

/** A service, a group or neither. */
export const grouping: fc.Arbitrary<Grouping> = fc.oneof(
  fc.constant({}),
  fc.constantFrom(...SERVICES).map((service) => ({ service })),
  fc.constantFrom(...GROUPS).map((group) => ({ group })),
);

/** Placement requests built from the given parts, the others from the law vocabulary. */
export function requestArbitrary(parts: Partial<RequestParts> = {}): fc.Arbitrary<PlacementRequest> {
  return requestOf({
    task: taskSpec,
    count: fc.option(fc.integer({ min: 1, max: 8 }), { freq: 5, nil: undefined }),
    grouping,
    strategies: fc.array(placementStrategy, { maxLength: 3 }),
    constraints: fc.array(placementConstraint, { maxLength: 2 }),
    ...parts,
  });
}

/** Requests that usually find room for several tasks: roomy tasks, few constraints, 1 to 8 tasks, and the given strategies. */
export function roomyRequest(
  strategies: fc.Arbitrary<readonly PlacementStrategy[] | undefined>,
  count: fc.Arbitrary<number> = fc.noBias(fc.integer({ min: 1, max: 8 })),
): fc.Arbitrary<PlacementRequest> {
  return requestArbitrary({ task: roomyTaskSpec, count, constraints: fewConstraints, strategies });
}

/** Any valid request: count 1 to 8 or none, a service, a group or neither, 0 to 3 strategies, 0 to 2 constraints. */
export const placementRequest = requestArbitrary();

/**
 * Changes people make to running instances, which leave tasks on instances
 * that can no longer take any, and the untracked task counts an ECS sync sets.
 */
const INSTANCE_PATCHES: readonly InstancePatch[] = [
  ...DEFAULT_PATCHES.filter((patch) => patch.attributes === undefined && patch.removeAttributes === undefined),
  { attributes: { rack: 'r2' } },
  { removeAttributes: ['rack'] },
  { untrackedTasks: 2 },
  { untrackedTasks: 0 },
];

/** The history the law clusters went through: mostly placements, then stops, then updates. */
const LAW_HISTORY: ClusterConstraints = {
  request: {
    task: LAW_TASK,
    groups: GROUPS,
    serviceRate: 1 / 3,
    groupRate: 1 / 3,
    strategies: { binpackFields: BINPACK_FIELDS, spreadFields: SPREAD_FIELDS },
    constraint: { expressions: MEMBER_OF_EXPRESSIONS, distinctInstanceRate: 0.5 },
    constraintsRate: 2 / 3,
  },
  stopRate: 2 / 7,
  updateRate: 1 / 7,
  patches: INSTANCE_PATCHES,
};

/** Scenarios with fleets of `minInstances` to `maxInstances` and up to `maxHistory` steps of history. */
export function scenarioArbitrary(maxInstances = 12, minInstances = 0, maxHistory = 6): fc.Arbitrary<ClusterScenario> {
  return cluster({ ...LAW_HISTORY, fleet: { ...LAW_FLEET, maxInstances, minInstances }, maxHistory });
}

/** A fleet of 0 to 12 instances with up to 6 steps of history. */
export const clusterScenario = scenarioArbitrary();

/** A fleet of 3 to 12 instances with up to 4 steps of history: room for strategies to choose. */
export const roomyScenario = scenarioArbitrary(12, 3, 4);

/** A run of `count` ports from `from`. */
const portRun = (from: number, count: number): number[] => Array.from({ length: count }, (_, index) => from + index);

/**
 * Instances whose agent reserves 85 to 97 TCP ports (and now and then UDP
 * 53), close to the 100 host ports ECS lets an instance reserve: a task or
 * two with static ports fill one. None of the ports is one a task binds,
 * so the limit, not a conflict, is what turns tasks away.
 */
const CROWDED_FLEET: FleetConstraints = {
  ...LAW_FLEET,
  reservedTcpPorts: [22, 2375, 2376, 51678, 51679, ...portRun(30_000, 80)],
  extraReservedTcpPorts: portRun(31_000, 12),
  extraReservedUdpPorts: [53],
  extraReservedPortRate: 0.6,
};

/** Tasks that bind up to eight static TCP ports and three UDP ones, most of the time. */
const CROWDED_TASK: TaskConstraints = {
  ...LAW_TASK,
  tcpPorts: [0, 9001, 9002, 9003, 9004, 9005, 9006, 9007, 9008],
  tcpPortRate: 0.8,
  udpPorts: [5001, 5002, 5003],
  udpPortRate: 0.4,
};

/** A crowded fleet (see {@link CROWDED_FLEET}) of `minInstances` to `maxInstances`. */
export function crowdedPortFleet(maxInstances = 12, minInstances = 0): fc.Arbitrary<InstanceSpec[]> {
  return fleet({ ...CROWDED_FLEET, maxInstances, minInstances });
}

/** Tasks with several static ports, which soon take a crowded instance to the port limit. */
export const crowdedPortTask: fc.Arbitrary<TaskSpec> = lawTask(CROWDED_TASK);

/** Scenarios on crowded fleets whose history places tasks with several static ports. */
export function crowdedPortScenario(maxInstances = 10, minInstances = 1, maxHistory = 8): fc.Arbitrary<ClusterScenario> {
  return cluster({
    ...LAW_HISTORY,
    request: { ...LAW_HISTORY.request, task: CROWDED_TASK },
    fleet: { ...CROWDED_FLEET, maxInstances, minInstances },
    maxHistory,
  });
}
