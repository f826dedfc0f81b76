import fc from 'fast-check';
import type { InstancePatch, InstanceSpec, InstanceStatus } from '../../src/model/InstanceSpec';
import type { PlacementConstraint, PlacementRequest, PlacementStrategy } from '../../src/model/PlacementRequest';
import type { MemberOfConstraint, TaskSpec } from '../../src/model/TaskSpec';

// Small vocabularies, so that generated tasks, instances and expressions meet often.
export const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'] as const;
export const INSTANCE_TYPES = ['t3.medium', 't3.large', 'm5.large', 'c5.xlarge', 'g4dn.xlarge'] as const;
export const FAMILIES = ['web', 'worker', 'batch'] as const;
export const SERVICES = ['web', 'api'] as const;
export const GROUPS = ['batch-jobs', 'family:web', 'nightly'] as const;
export const RACKS = ['r1', 'r2', 'r3'] as const;
export const TASK_ENI = 'ecs.capability.task-eni';
export const BINPACK_FIELDS = ['cpu', 'memory', 'eni', 'gpu'] as const;
export const SPREAD_FIELDS = ['instanceId', 'host', 'attribute:ecs.availability-zone', 'attribute:rack'] as const;

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

/** `arbitrary` one time in `oneIn`, else `undefined`; shrinks towards `undefined`. */
export function sometimes<T>(arbitrary: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
}

/** `usual` most of the time, `rare` one time in `oneIn`; shrinks towards `usual`. */
function mostly<T>(usual: T, rare: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T> {
  return fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(usual) }, { weight: 1, arbitrary: rare });
}

const instanceShape = fc.record({
  // Ids are numbered at random, so that registration order and id order disagree.
  number: fc.integer({ min: 1, max: 99 }),
  zone: fc.constantFrom(...ZONES),
  type: fc.constantFrom(...INSTANCE_TYPES),
  cpu: fc.constantFrom(1024, 2048, 4096),
  memory: fc.constantFrom(512, 1024, 2048, 3072, 4096, 8192),
  gpu: sometimes(fc.constantFrom(1, 2), 4),
  // An eni count of 0 is registered and kept: it must read as 0, like an unlisted one.
  eni: sometimes(fc.constantFrom(0, 1, 2, 3), 2),
  // Mostly the usual SSH port; sometimes a port that tasks want too.
  reservedTcp: fc.constantFrom<number[]>([22], [], [22, 443], [22, 80], [22, 8080], [22, 80, 443, 8080]),
  reservedUdp: mostly<number[]>([], fc.constant([53]), 4),
  taskEni: fc.boolean(),
  // Absent, valueless and valued racks: spread puts the first two in one bucket.
  rack: fc.constantFrom<string | null | undefined>(undefined, ...RACKS, null),
  status: fc.oneof(
    { weight: 12, arbitrary: fc.constant<InstanceStatus>('ACTIVE') },
    { weight: 2, arbitrary: fc.constant<InstanceStatus>('DRAINING') },
    { weight: 1, arbitrary: fc.constant<InstanceStatus>('REGISTERING') },
  ),
  agentConnected: mostly(true, fc.constant(false), 10),
});

type InstanceShape = typeof instanceShape extends fc.Arbitrary<infer T> ? T : never;

function toInstanceSpec(shape: InstanceShape): InstanceSpec {
  const attributes: Record<string, string | null> = {
    'ecs.availability-zone': shape.zone,
    'ecs.instance-type': shape.type,
    'ecs.os-type': 'linux',
  };
  if (shape.taskEni) attributes[TASK_ENI] = null;
  if (shape.rack !== undefined) attributes['rack'] = shape.rack;
  return {
    id: `ci-${shape.number}`,
    resources: {
      cpu: shape.cpu,
      memory: shape.memory,
      ...(shape.gpu === undefined ? {} : { gpu: shape.gpu }),
      ...(shape.eni === undefined ? {} : { eni: shape.eni }),
    },
    reservedPorts: { tcp: shape.reservedTcp, udp: shape.reservedUdp },
    attributes,
    ...(shape.status === 'ACTIVE' ? {} : { status: shape.status }),
    ...(shape.agentConnected ? {} : { agentConnected: false }),
  };
}

/** A fleet of 0 to `maxLength` instances with unique ids, in registration order. */
export function fleet(maxLength = 12, minLength = 0): fc.Arbitrary<InstanceSpec[]> {
  return fc.uniqueArray(instanceShape, { selector: (shape) => shape.number, minLength, maxLength, size: 'large' }).map((shapes) => shapes.map(toInstanceSpec));
}

/** A fleet of 0 to 12 instances. */
export const instanceSpecs = fleet();

/** What the task generator may vary; every part has a realistic default. */
export interface TaskArbitraries {
  readonly cpu?: fc.Arbitrary<number>;
  readonly memory?: fc.Arbitrary<number>;
  readonly gpu?: fc.Arbitrary<number | undefined>;
  readonly eni?: fc.Arbitrary<number | undefined>;
  readonly tcp?: fc.Arbitrary<number[]>;
  readonly udp?: fc.Arbitrary<number[]>;
  readonly requiresAttributes?: fc.Arbitrary<string[] | undefined>;
  readonly memberOf?: fc.Arbitrary<string | undefined>;
}

/** Task specs small enough that several fit on an instance, sometimes with ports, attributes and a memberOf. */
export function taskSpecArbitrary(parts: TaskArbitraries = {}): fc.Arbitrary<TaskSpec> {
  return fc
    .record({
      family: mostly<string | undefined>('web', fc.constantFrom(...FAMILIES, undefined), 2),
      cpu: parts.cpu ?? fc.constantFrom(256, 0, 128, 512, 1024),
      memory: parts.memory ?? fc.constantFrom(512, 128, 256, 1024, 2048),
      gpu: parts.gpu ?? sometimes(fc.constant(1), 10),
      eni: parts.eni ?? sometimes(fc.constant(1), 5),
      // 0 is a dynamic port: it takes nothing, and may sit beside static ones.
      tcp: parts.tcp ?? mostly<number[]>([], fc.subarray([0, 80, 8080], { minLength: 1 }), 3),
      udp: parts.udp ?? mostly<number[]>([], fc.constant([53]), 6),
      requiresAttributes: parts.requiresAttributes ?? sometimes(fc.subarray([TASK_ENI, 'rack'], { minLength: 1 }), 5),
      memberOf: parts.memberOf ?? sometimes(fc.constantFrom(...MEMBER_OF_EXPRESSIONS), 6),
    })
    .map((shape): TaskSpec => ({
      ...(shape.family === undefined ? {} : { family: shape.family }),
      resources: {
        cpu: shape.cpu,
        memory: shape.memory,
        ...(shape.gpu === undefined ? {} : { gpu: shape.gpu }),
        ...(shape.eni === undefined ? {} : { eni: shape.eni }),
      },
      ...(shape.tcp.length + shape.udp.length === 0 ? {} : { ports: { tcp: shape.tcp, udp: shape.udp } }),
      ...(shape.requiresAttributes === undefined ? {} : { requiresAttributes: shape.requiresAttributes }),
      ...(shape.memberOf === undefined ? {} : { placementConstraints: [{ type: 'memberOf', expression: shape.memberOf }] }),
    }));
}

/** Tasks that need only cpu and memory, with only dynamic ports: most instances can take several. */
export const plainTaskSpec = taskSpecArbitrary({
  gpu: fc.constant(undefined),
  eni: fc.constant(undefined),
  tcp: fc.constantFrom<number[]>([], [0]),
  udp: fc.constant([]),
  requiresAttributes: fc.constant(undefined),
  memberOf: fc.constant(undefined),
});

/** A task spec as most requests have. */
export const taskSpec = taskSpecArbitrary();

/** `binpack` on a resource. */
export const binpackStrategy: fc.Arbitrary<PlacementStrategy> = fc.constantFrom(...BINPACK_FIELDS).map((field) => ({ type: 'binpack', field }));
/** `spread` on an instance or attribute field. */
export const spreadStrategy: fc.Arbitrary<PlacementStrategy> = fc.constantFrom(...SPREAD_FIELDS).map((field) => ({ type: 'spread', field }));
/** `random`. */
export const randomStrategy: fc.Arbitrary<PlacementStrategy> = fc.constant({ type: 'random' });
/** Any ECS strategy. */
export const placementStrategy: fc.Arbitrary<PlacementStrategy> = fc.oneof(binpackStrategy, spreadStrategy, randomStrategy);

/** A memberOf constraint with one of {@link MEMBER_OF_EXPRESSIONS}. */
export const memberOfConstraint: fc.Arbitrary<MemberOfConstraint> = fc
  .constantFrom(...MEMBER_OF_EXPRESSIONS)
  .map((expression) => ({ type: 'memberOf', expression }));
/** A constraint as a request gives it. */
export const placementConstraint: fc.Arbitrary<PlacementConstraint> = fc.oneof(
  memberOfConstraint,
  fc.constant<PlacementConstraint>({ type: 'distinctInstance' }),
);

/** Mostly no constraint, sometimes a memberOf or distinctInstance: requests that usually find room. */
export const fewConstraints: fc.Arbitrary<readonly PlacementConstraint[]> = fc.oneof(
  { weight: 4, arbitrary: fc.constant([]) },
  { weight: 2, arbitrary: memberOfConstraint.map((constraint) => [constraint]) },
  { weight: 1, arbitrary: fc.constant([{ type: 'distinctInstance' }] as const) },
);

/** Who the tasks belong to: a service, a named group, or neither (the family's group). */
export type Grouping = { readonly service?: string; readonly group?: string };

/** A service, a group or neither. */
export const grouping: fc.Arbitrary<Grouping> = fc.oneof(
  fc.constant({}),
  fc.constantFrom(...SERVICES).map((service) => ({ service })),
  fc.constantFrom(...GROUPS).map((group) => ({ group })),
);

/** What the request generator may vary; `undefined` from a part leaves the field out. */
export interface RequestArbitraries {
  readonly task?: fc.Arbitrary<TaskSpec>;
  readonly count?: fc.Arbitrary<number | undefined>;
  readonly grouping?: fc.Arbitrary<Grouping>;
  readonly strategies?: fc.Arbitrary<readonly PlacementStrategy[] | undefined>;
  readonly constraints?: fc.Arbitrary<readonly PlacementConstraint[] | undefined>;
}

/** Placement requests built from the given parts, the others realistic. */
export function requestArbitrary(parts: RequestArbitraries = {}): fc.Arbitrary<PlacementRequest> {
  return fc
    .record({
      task: parts.task ?? taskSpec,
      count: parts.count ?? fc.option(fc.integer({ min: 1, max: 8 }), { freq: 5, nil: undefined }),
      grouping: parts.grouping ?? grouping,
      strategies: parts.strategies ?? fc.array(placementStrategy, { maxLength: 3 }),
      constraints: parts.constraints ?? fc.array(placementConstraint, { maxLength: 2 }),
    })
    .map(({ task, count, grouping: { service, group }, strategies, constraints }): PlacementRequest => ({
      task,
      ...(count === undefined ? {} : { count }),
      ...(service === undefined ? {} : { service }),
      ...(group === undefined ? {} : { group }),
      ...(strategies === undefined ? {} : { placementStrategy: strategies }),
      ...(constraints === undefined ? {} : { placementConstraints: constraints }),
    }));
}

/** Mostly tasks that need only cpu and memory, now and then any task. */
export const roomyTaskSpec: fc.Arbitrary<TaskSpec> = fc.oneof({ weight: 2, arbitrary: plainTaskSpec }, { weight: 1, arbitrary: taskSpec });

/** Requests that usually find room for several tasks: roomy tasks, few constraints, 1 to 8 tasks, and the given strategies. */
export function roomyRequest(
  strategies: fc.Arbitrary<readonly PlacementStrategy[] | undefined>,
  count: fc.Arbitrary<number> = fc.noBias(fc.integer({ min: 1, max: 8 })),
): fc.Arbitrary<PlacementRequest> {
  return requestArbitrary({ task: roomyTaskSpec, count, constraints: fewConstraints, strategies });
}

/** Any valid request: count 1 to 8 or none, a service, a group or neither, 0 to 3 strategies, 0 to 2 constraints. */
export const placementRequest = requestArbitrary();

/** Changes people make to running instances, which leave tasks on instances that can no longer take any. */
export const INSTANCE_PATCHES: readonly InstancePatch[] = [
  { status: 'DRAINING' },
  { status: 'ACTIVE' },
  { agentConnected: false },
  { agentConnected: true },
  { attributes: { rack: 'r2' } },
  { removeAttributes: ['rack'] },
];

/** One thing that happened to a cluster before the request under test; `pick` chooses a task or instance modulo the count. */
export type HistoryStep =
  | { readonly kind: 'place'; readonly request: PlacementRequest }
  | { readonly kind: 'stop'; readonly pick: number }
  | { readonly kind: 'update'; readonly pick: number; readonly patch: InstancePatch };

/** A place, a stop or an update; mostly places. */
export const historyStep: fc.Arbitrary<HistoryStep> = fc.oneof(
  { weight: 4, arbitrary: placementRequest.map((request) => ({ kind: 'place', request }) as const) },
  { weight: 2, arbitrary: fc.nat(40).map((pick) => ({ kind: 'stop', pick }) as const) },
  { weight: 1, arbitrary: fc.record({ pick: fc.nat(40), patch: fc.constantFrom(...INSTANCE_PATCHES) }).map((step) => ({ kind: 'update', ...step }) as const) },
);

/** A fleet, a generator seed, and what happened before: the fleet already runs tasks of several groups. */
export interface ClusterScenario {
  readonly instances: readonly InstanceSpec[];
  readonly seed: number;
  readonly history: readonly HistoryStep[];
}

/** Scenarios with fleets from `instances` and up to `maxHistory` steps of history. */
export function scenarioArbitrary(instances = instanceSpecs, maxHistory = 6): fc.Arbitrary<ClusterScenario> {
  return fc.record({ instances, seed: fc.nat(), history: fc.array(historyStep, { maxLength: maxHistory }) });
}

/** A fleet of 0 to 12 instances with up to 6 steps of history. */
export const clusterScenario = scenarioArbitrary();

/** A fleet of 3 to 12 instances with up to 4 steps of history: room for strategies to choose. */
export const roomyScenario = scenarioArbitrary(fleet(12, 3), 4);

/** Faults that make a request invalid, each a small step away from a valid one. */
const requestFaults: fc.Arbitrary<(request: PlacementRequest) => unknown> = fc.oneof(
  fc.integer({ min: 1, max: 4096 }).map((amount) => (request: PlacementRequest) => ({
    ...request,
    task: { ...request.task, resources: { ...request.task.resources, memory: -amount } },
  })),
  fc
    .tuple(
      fc.oneof(
        fc.constantFrom('CPU', 'Memory', '1cpu', '', 'eni count').map((field) => ({ type: 'binpack', field })),
        fc.constantFrom('zone', 'attribute:', 'instanceID', 'attribute:two words').map((field) => ({ type: 'spread', field })),
        fc.constant({ type: 'binpack' }),
        fc.constant({ type: 'random', field: 'memory' }),
        fc.constant({ type: 'pack', field: 'memory' }),
      ),
      fc.nat(3),
    )
    .map(([bad, at]) => (request: PlacementRequest) => {
      const strategies: unknown[] = [...(request.placementStrategy ?? [])];
      strategies.splice(at % (strategies.length + 1), 0, bad);
      return { ...request, placementStrategy: strategies };
    }),
  fc.array(placementStrategy, { minLength: 6, maxLength: 8 }).map((strategies) => (request: PlacementRequest) => ({ ...request, placementStrategy: strategies })),
  fc.constantFrom('attribute:rack exists', '').map((expression) => (request: PlacementRequest) => ({
    ...request,
    placementConstraints: [...(request.placementConstraints ?? []), { type: 'distinctInstance', expression }],
  })),
  fc
    .constantFrom('attribute:ecs.instance-type ==', 'runningTasksCount =~ 1', '(attribute:rack exists', '', '   ', 'registeredAt < 13/02/2018', 'attribute:rack = r1')
    .map((expression) => (request: PlacementRequest) => ({
      ...request,
      placementConstraints: [...(request.placementConstraints ?? []), { type: 'memberOf', expression }],
    })),
  fc.array(memberOfConstraint, { minLength: 11, maxLength: 12 }).map((constraints) => (request: PlacementRequest) => ({ ...request, placementConstraints: constraints })),
  fc.constantFrom(0, -1, 2.5, Number.NaN).map((count) => (request: PlacementRequest) => ({ ...request, count })),
);

/** Requests that are invalid by one fault: a negative resource, a bad strategy, too many strategies or constraints, a bad constraint or count. */
export const nearMissRequest: fc.Arbitrary<unknown> = fc.tuple(placementRequest, requestFaults).map(([request, fault]) => fault(request));
