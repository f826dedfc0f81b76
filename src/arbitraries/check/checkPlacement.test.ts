import { describe, expect, it } from 'vitest';
import { makeInstanceSpec } from '../../../test/support/makeInstanceSpec';
import { Cluster, type ClusterSnapshot } from '../../cluster/Cluster';
import type { InstanceSpec } from '../../model/InstanceSpec';
import type { PlacementRequest } from '../../model/PlacementRequest';
import type { Rejection } from '../../model/Rejection';
import type { PlacementResult } from '../../placement/PlacementResult';
import { binpack } from '../../strategies/binpack';
import { random } from '../../strategies/random';
import { spread } from '../../strategies/spread';
import { assertPlacement } from './assertPlacement';
import { CheckInputError } from './CheckInputError';
import { checkPlacement } from './checkPlacement';
import { checkSnapshot } from './checkSnapshot';
import { PlacementLawError } from './PlacementLawError';


/** The error `run` throws; a test that expects one fails when nothing is thrown. */
function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('nothing thrown');
}

const binpackMemory: PlacementRequest = { task: { resources: { memory: 1024 } }, group: 'g', placementStrategy: [{ type: 'binpack', field: 'memory' }] };

/** Two 4 GiB instances, the first already holding 1 GiB of group g: binpack(memory) sends the next task to it. */
function placed(request: PlacementRequest = binpackMemory): { before: ClusterSnapshot; result: PlacementResult } {
  const cluster = new Cluster({ instances: [makeInstanceSpec('a'), makeInstanceSpec('b', { zone: 'us-east-1b' })] });
  // A tie between the two: the earliest registered, a, takes it.
  cluster.place({ ...binpackMemory, task: { resources: { memory: 1024 }, ports: { tcp: [80] } } });
  const before = cluster.snapshot();
  return { before, result: cluster.place(request) };
}

function moved(result: PlacementResult, instanceId: string): PlacementResult {
  return { ...result, placements: result.placements.map((placement, index) => (index === 0 ? { ...placement, instanceId } : placement)) };
}

describe('checkPlacement', () => {
  it('finds nothing wrong with what the cluster did', () => {
    const { before, result } = placed();
    expect(checkPlacement(before, binpackMemory, result)).toEqual([]);
  });

  it('names the strategy, its keys and the instances when binpack did not pick a best candidate', () => {
    const { before, result } = placed();
    expect(checkPlacement(before, binpackMemory, moved(result, 'b'))).toEqual([
      expect.objectContaining({ law: 'binpack', step: 0, field: 'memory', position: 0, chosenKey: 4096, bestKey: 3072, instanceIds: ['b', 'a'] }),
    ]);
  });

  it("judges a chain's preferences as one strategy where the first stands, by their summed weight", () => {
    // a runs a task and is in zone 1a: 15; b is in zone 1b: 10. The preferences come before binpack, which would choose a too.
    const preferred: PlacementRequest = {
      ...binpackMemory,
      placementStrategy: [
        { type: 'prefer', expression: 'attribute:ecs.availability-zone == us-east-1b', weight: 10 },
        { type: 'binpack', field: 'memory' },
        { type: 'prefer', expression: 'runningTasksCount >= 1', weight: 15 },
      ],
    };
    const { before, result } = placed(preferred);
    expect(result.placements.map((placement) => placement.instanceId)).toEqual(['a']);
    expect(checkPlacement(before, preferred, result)).toEqual([]);
    const [violation] = checkPlacement(before, preferred, moved(result, 'b'));
    expect(violation).toEqual(expect.objectContaining({ law: 'prefer', step: 0, position: 0, chosenWeight: 10, bestWeight: 15, instanceIds: ['b', 'a'] }));
    expect(violation?.message).toContain('prefer(attribute:ecs.availability-zone == us-east-1b weight 10; runningTasksCount >= 1 weight 15)');
  });

  it('judges the exported binpack(), spread() and random() values as their JSON forms', () => {
    const asValue: PlacementRequest = { ...binpackMemory, placementStrategy: [binpack('memory')] };
    const { before, result } = placed(asValue);
    expect(checkPlacement(before, asValue, result)).toEqual([]);
    expect(checkPlacement(before, asValue, moved(result, 'b'))).toEqual([
      expect.objectContaining({ law: 'binpack', step: 0, field: 'memory', chosenKey: 4096, bestKey: 3072 }),
    ]);
    // Spread over instances sends the task to b, which holds none of group g; a is a wrong choice.
    const spreadValue: PlacementRequest = { ...binpackMemory, placementStrategy: [spread('instanceId')] };
    const spreadPlaced = placed(spreadValue);
    expect(spreadPlaced.result.placements[0]?.instanceId).toBe('b');
    expect(checkPlacement(spreadPlaced.before, spreadValue, moved(spreadPlaced.result, 'a'))).toEqual([
      expect.objectContaining({ law: 'spread', step: 0, field: 'instanceId' }),
    ]);
    // After random() the chain is not judged, as after { type: 'random' }: any candidate will do.
    const randomValue: PlacementRequest = { ...binpackMemory, placementStrategy: [random()] };
    const randomPlaced = placed(randomValue);
    const other = randomPlaced.result.placements[0]?.instanceId === 'a' ? 'b' : 'a';
    expect(checkPlacement(randomPlaced.before, randomValue, moved(randomPlaced.result, other))).toEqual([]);
  });

  it('gives the rejection when a task went where a port is already bound', () => {
    const request: PlacementRequest = { task: { resources: {}, ports: { tcp: [80] } }, group: 'g', placementStrategy: [{ type: 'spread', field: 'instanceId' }] };
    const { before, result } = placed(request);
    const [violation] = checkPlacement(before, request, moved(result, 'a'));
    expect(violation).toMatchObject({ law: 'ports', step: 0, instanceIds: ['a'], rejection: { code: 'port_in_use', protocol: 'tcp', port: 80, reserved: false } });
    expect(violation?.message).toBe('placed on a, which has tcp port 80 bound by a task');
  });

  it('gives the rejection when a task went where its static ports take the instance past 100 reserved host ports', () => {
    const cluster = new Cluster({
      instances: [makeInstanceSpec('a', { reservedPorts: { tcp: Array.from({ length: 98 }, (_, at) => 10_000 + at) } }), makeInstanceSpec('b')],
    });
    const request: PlacementRequest = { task: { resources: {}, ports: { tcp: [80], udp: [53, 54] } }, group: 'g' };
    const before = cluster.snapshot();
    const result = cluster.place(request);
    expect(result.placements).toEqual([{ taskId: 'task-1', instanceId: 'b' }]);
    const [violation] = checkPlacement(before, request, moved(result, 'a'));
    expect(violation).toMatchObject({ law: 'ports', instanceIds: ['a'], rejection: { code: 'too_many_ports', requested: 3, reserved: 98, bound: 0 } });
    expect(violation?.message).toBe("placed on a, which reserves 98 ports for the agent and its tasks bind 0, so the task's 3 would pass 100");
  });

  it('gives the rejection when a task went where the attribute it requires has another value', () => {
    const cluster = new Cluster({
      instances: [makeInstanceSpec('a', { attributes: { 'ecs.cpu-architecture': 'x86_64' } }), makeInstanceSpec('b', { attributes: { 'ecs.cpu-architecture': 'arm64' } })],
    });
    const request: PlacementRequest = { task: { resources: {}, requiresAttributes: [{ name: 'ecs.cpu-architecture', value: 'arm64' }] }, group: 'g' };
    const before = cluster.snapshot();
    const result = cluster.place(request);
    expect(checkPlacement(before, request, result)).toEqual([]);
    const [violation] = checkPlacement(before, request, moved(result, 'a'));
    expect(violation).toMatchObject({ law: 'requiredAttributes', instanceIds: ['a'], rejection: { code: 'missing_attribute', attribute: 'ecs.cpu-architecture', value: 'arm64' } });
    expect(violation?.message).toBe('placed on a, which lacks the attribute ecs.cpu-architecture = arm64');
  });

  it('flags distinctInstance broken', () => {
    const request: PlacementRequest = { ...binpackMemory, placementConstraints: [{ type: 'distinctInstance' }] };
    const { before, result } = placed(request);
    expect(checkPlacement(before, request, moved(result, 'a')).map((violation) => violation.law)).toEqual(['distinctInstance']);
  });

  it('flags a failure where an instance could have taken the task, and a count that does not add up', () => {
    const { before, result } = placed();
    const diagnosis = { instances: 2, available: 0, rejected: [], summary: '' };
    const failed: PlacementResult = { placements: [], failures: [{ reason: 'RESOURCE:MEMORY', detail: '', diagnosis }, { reason: 'RESOURCE:MEMORY', detail: '', diagnosis }] };
    expect(checkPlacement(before, binpackMemory, failed).map(({ law, step }) => [law, step])).toEqual([['count', 0], ['avoidableFailure', 0], ['avoidableFailure', 1]]);
    expect(result.failures).toEqual([]);
  });

  it('flags diagnosis counts that do not add up', () => {
    const request: PlacementRequest = { task: { resources: { memory: 8192 } }, group: 'g' };
    const { before, result } = placed(request);
    const failure = result.failures[0];
    if (failure === undefined) throw new Error('the request was meant to fail');
    const miscounted = { ...result, failures: [{ ...failure, diagnosis: { ...failure.diagnosis, instances: 3 } }] };
    expect(checkPlacement(before, request, miscounted).map((violation) => violation.law)).toEqual(['diagnosis']);
  });

  it('flags an over-committed resource and a port bound twice in the state before', () => {
    const { before, result } = placed();
    const [task] = before.tasks;
    if (task === undefined) throw new Error('the cluster was meant to run a task');
    const broken: ClusterSnapshot = { ...before, tasks: [...before.tasks, { ...task, taskId: 'extra', resources: { memory: 4000 } }] };
    const laws = checkSnapshot(broken).map((violation) => violation.law);
    expect(laws).toEqual(expect.arrayContaining(['overcommitted', 'portConflict', 'bookkeeping']));
    expect(checkPlacement(broken, binpackMemory, result).map((violation) => violation.law)).toEqual(expect.arrayContaining(['overcommitted', 'portConflict']));
  });

  it('flags bookkeeping on an instance running portless tasks of one group, which it checks without the full tallies', () => {
    const cluster = new Cluster({ instances: [makeInstanceSpec('a'), makeInstanceSpec('b')] });
    cluster.place({ ...binpackMemory, count: 2 });
    const before = cluster.snapshot();
    expect(checkSnapshot(before)).toEqual([]);
    const [a, b] = before.instances;
    const [task] = before.tasks;
    if (a === undefined || b === undefined || task === undefined) throw new Error('the cluster was meant to run two tasks on a');
    const on = (changed: typeof a): ClusterSnapshot => ({ ...before, instances: [changed, b] });
    const lawsOf = (snapshot: ClusterSnapshot) => checkSnapshot(snapshot).map((violation) => violation.law);
    expect(lawsOf(on({ ...a, remainingResources: { ...a.remainingResources, memory: 1 } }))).toEqual(['bookkeeping']);
    expect(lawsOf(on({ ...a, taskGroups: { g: 1 } }))).toEqual(['bookkeeping']);
    expect(lawsOf(on({ ...a, taskGroups: { g: 2, other: 0 } }))).toEqual(['bookkeeping']);
    expect(lawsOf(on({ ...a, runningTasksCount: 3 }))).toEqual(['bookkeeping']);
    expect(lawsOf({ ...before, tasks: [...before.tasks, { ...task, taskId: 'extra', resources: { memory: 1_000_000 } }] })).toEqual(expect.arrayContaining(['overcommitted', 'bookkeeping']));
    expect(lawsOf({ ...before, tasks: [...before.tasks, { ...task, taskId: 'elsewhere', instanceId: 'gone' }] })).toEqual(['orphanTask']);
  });

  it('counts untracked tasks in the task count, and flags a count that leaves them out', () => {
    const cluster = new Cluster({ instances: [makeInstanceSpec('a', { untrackedTasks: 2 })] });
    const request: PlacementRequest = { ...binpackMemory, placementConstraints: [{ type: 'memberOf', expression: 'runningTasksCount == 2' }] };
    const before = cluster.snapshot();
    const result = cluster.place(request);
    expect(result.placements).toHaveLength(1);
    expect(checkSnapshot(cluster.snapshot())).toEqual([]);
    expect(checkPlacement(before, request, result)).toEqual([]);
    const [instance] = cluster.snapshot().instances;
    const { untrackedTasks: _untracked, ...withoutUntracked } = instance!;
    const forgotten: ClusterSnapshot = { ...cluster.snapshot(), instances: [withoutUntracked] };
    expect(checkSnapshot(forgotten).map((violation) => violation.message)).toEqual(['a reports 3 tasks (g: 1), but runs 1 (g: 1)']);
    const miscounted: ClusterSnapshot = { ...cluster.snapshot(), instances: [{ ...instance!, runningTasksCount: 1 }] };
    expect(checkSnapshot(miscounted).map((violation) => violation.message)).toEqual(['a reports 1 tasks (g: 1), but runs 1 and 2 untracked (g: 1)']);
  });

  it('refuses the cluster itself in place of its snapshot', () => {
    const cluster = new Cluster();
    const result = cluster.place(binpackMemory);
    const thrown = errorOf(() => checkPlacement(cluster as unknown as ClusterSnapshot, binpackMemory, result));
    expect(thrown).toBeInstanceOf(CheckInputError);
    expect(thrown).toMatchObject({
      code: 'not_a_snapshot', argument: 'before',
      message: 'checkPlacement: before must be cluster.snapshot() taken before place(), not the cluster itself, which place() has already changed',
    });
  });

  it("refuses a request place() refuses, and a result that is not place()'s, rather than judging them right", () => {
    const cluster = new Cluster({ instances: [makeInstanceSpec('a')] });
    const before = cluster.snapshot();
    const result = cluster.place(binpackMemory);
    const bad = { ...binpackMemory, task: { resources: { memory: -1 } } };
    const refused = errorOf(() => checkPlacement(before, bad, result));
    expect(refused).toMatchObject({ code: 'invalid_request', argument: 'request' });
    expect((refused as Error).cause).toMatchObject({ code: 'invalid_resource', path: 'request.task.resources.memory' });
    for (const broken of [null, { placements: 5, failures: [] }, { placements: [{ taskId: 1, instanceId: 'a' }], failures: [] }, { placements: [] }, { placements: [], failures: [{}] }]) {
      expect(errorOf(() => checkPlacement(before, binpackMemory, broken as never)), JSON.stringify(broken)).toMatchObject({ code: 'not_a_result', argument: 'result' });
    }
    expect(errorOf(() => assertPlacement(before, binpackMemory, { placements: 5 } as never))).toBeInstanceOf(CheckInputError);
  });
});

describe('checkPlacement with the constraints beyond ECS', () => {
  const zone = (id: string, name: string, overrides: Parameters<typeof makeInstanceSpec>[1] = {}) => makeInstanceSpec(id, { zone: `us-east-1${name}`, ...overrides });
  const binpack: PlacementRequest['placementStrategy'] = [{ type: 'binpack', field: 'memory' }];
  const web = { family: 'web', resources: { cpu: 256, memory: 512 } };

  /** Places `request` on a new cluster of `instances`, after `first` requests; the snapshot before it, its result and the cluster. */
  function run(instances: readonly InstanceSpec[], request: PlacementRequest, first: PlacementRequest[] = []) {
    const cluster = new Cluster({ instances });
    for (const earlier of first) cluster.place(earlier);
    const before = cluster.snapshot();
    const result = cluster.place(request);
    return { before, result, cluster };
  }

  function movedAt(result: PlacementResult, step: number, instanceId: string): PlacementResult {
    return { ...result, placements: result.placements.map((placement, index) => (index === step ? { ...placement, instanceId } : placement)) };
  }

  it('judges spreadLimit by the emptiest eligible domain, counting the tasks placed earlier in the request, in placements and in failures', () => {
    // The example of docs/placement.md: c-1 takes one task, so the zones stay within one task of each other and the sixth fails.
    const request: PlacementRequest = {
      task: web, service: 'web', count: 6, placementStrategy: binpack,
      placementConstraints: [{ type: 'spreadLimit', field: 'attribute:ecs.availability-zone', maxSkew: 1 }],
    };
    const { before, result } = run([zone('a-1', 'a', { resources: { cpu: 1024, memory: 2048 } }), zone('b-1', 'b', { resources: { cpu: 1024, memory: 2048 } }), zone('c-1', 'c', { resources: { cpu: 256, memory: 512 } })], request);
    expect(result.placements.map((placement) => placement.instanceId)).toEqual(['c-1', 'a-1', 'b-1', 'a-1', 'b-1']);
    expect(checkPlacement(before, request, result)).toEqual([]);
    // Before task 2, us-east-1a holds 1 and us-east-1b none: a second in us-east-1a would be 2 above it.
    const [violation] = checkPlacement(before, request, movedAt(result, 2, 'a-1'));
    expect(violation).toMatchObject({
      law: 'spreadLimit', step: 2, instanceIds: ['a-1'],
      rejection: { code: 'spread_limit', field: 'attribute:ecs.availability-zone', domain: 'us-east-1a', tasks: 1, minimum: 0, maxSkew: 1, emptiest: 'us-east-1b' },
    });
    expect(violation?.message).toBe('placed on a-1, which is in us-east-1a, which holds 1 tasks: one more would be 2 above the 0 of the emptiest domain us-east-1b, more than maxSkew 1');
    // The failure names the emptiest domain the engine found; another is a wrong reason.
    const failure = result.failures[0];
    expect(failure?.rejection).toEqual({ code: 'spread_limit', field: 'attribute:ecs.availability-zone', domain: 'us-east-1a', tasks: 2, minimum: 1, maxSkew: 1, emptiest: 'us-east-1c' });
    const wrong = { ...result, failures: [{ ...failure!, rejection: { ...failure!.rejection!, emptiest: 'us-east-1b' } as Rejection }] };
    expect(checkPlacement(before, request, wrong).map((found) => found.law)).toEqual(['failureReason']);
  });

  it('takes the minimum over the domains of instances that could take the task if they had room, and no others', () => {
    const limit: PlacementRequest['placementConstraints'] = [{ type: 'spreadLimit', field: 'attribute:ecs.availability-zone', maxSkew: 1 }];
    const request = (more: Partial<PlacementRequest> = {}): PlacementRequest => ({ task: web, group: 'g', count: 4, placementStrategy: binpack, placementConstraints: limit, ...more });
    const pair = [zone('a', 'a', { attributes: { stack: 'prod' } }), zone('b', 'b', { attributes: { stack: 'prod' } })];
    // Each third zone is not eligible, so it does not hold the minimum at 0, and a and b take two tasks each.
    const cases: [string, InstanceSpec, Partial<PlacementRequest>][] = [
      ['DRAINING', zone('c', 'c', { status: 'DRAINING', attributes: { stack: 'prod' } }), {}],
      ['with its agent disconnected', zone('c', 'c', { agentConnected: false, attributes: { stack: 'prod' } }), {}],
      ['without the attribute the task requires', zone('c', 'c'), { task: { ...web, requiresAttributes: ['stack'] } }],
      ['outside a memberOf that reads only attributes', zone('c', 'c'), { placementConstraints: [...limit, { type: 'memberOf', expression: 'attribute:stack == prod' }] }],
    ];
    for (const [why, third, more] of cases) {
      const { before, result } = run([...pair, third], request(more));
      expect(result.placements.map((placement) => placement.instanceId), why).toEqual(['a', 'b', 'a', 'b']);
      expect(checkPlacement(before, request(more), result), why).toEqual([]);
    }
    // No room, or a memberOf that reads more than attributes, leaves the zone eligible: its empty zone keeps the others at one task.
    const eligible: [string, InstanceSpec, string][] = [
      ['without room', zone('c', 'c', { resources: { memory: 256 } }), 'not(task:group == other)'],
      ['outside a memberOf that reads task counts', zone('c', 'c', { untrackedTasks: 2 }), 'runningTasksCount <= 1'],
    ];
    for (const [why, third, expression] of eligible) {
      const reading = request({ placementConstraints: [{ type: 'memberOf', expression }, ...limit] });
      const { before, result } = run([...pair, third], reading);
      expect(result.placements.map((placement) => placement.instanceId), why).toEqual(['a', 'b']);
      expect(result.failures[0]?.rejection, why).toMatchObject({ code: 'spread_limit', minimum: 0, emptiest: 'us-east-1c' });
      expect(checkPlacement(before, reading, result), why).toEqual([]);
    }
  });

  it('counts the minimum as 0 while domains are fewer than minDomains, and spreads over the domains listed only', () => {
    const two = [zone('a', 'a'), zone('b', 'b'), makeInstanceSpec('bare', { attributes: { 'ecs.availability-zone': null } })];
    const few: PlacementRequest = { task: web, group: 'g', count: 6, placementStrategy: binpack, placementConstraints: [{ type: 'spreadLimit', field: 'attribute:ecs.availability-zone', maxSkew: 2, minDomains: 3 }] };
    const fewer = run(two, few);
    expect(fewer.result.placements).toHaveLength(4);
    expect(fewer.result.failures[0]?.rejection).toEqual({ code: 'spread_limit', field: 'attribute:ecs.availability-zone', domain: 'us-east-1a', tasks: 2, minimum: 0, maxSkew: 2 });
    expect(checkPlacement(fewer.before, few, fewer.result)).toEqual([]);
    const [outside] = checkPlacement(fewer.before, few, movedAt(fewer.result, 0, 'bare'));
    expect(outside).toMatchObject({ law: 'spreadLimit', rejection: { code: 'outside_domains', constraint: 'spreadLimit', field: 'attribute:ecs.availability-zone' } });

    const listed: PlacementRequest = { ...few, placementConstraints: [{ type: 'spreadLimit', field: 'attribute:ecs.availability-zone', maxSkew: 1, domains: ['us-east-1z', 'us-east-1a'] }] };
    const only = run(two, listed);
    // us-east-1z has no instance and holds the minimum at 0; b is in no domain listed.
    expect(only.result.placements.map((placement) => placement.instanceId)).toEqual(['a']);
    expect(only.result.failures[0]?.rejection).toMatchObject({ code: 'spread_limit', domain: 'us-east-1a', minimum: 0, emptiest: 'us-east-1z' });
    expect(checkPlacement(only.before, listed, only.result)).toEqual([]);
    expect(checkPlacement(only.before, listed, movedAt(only.result, 0, 'b'))[0]).toMatchObject({ law: 'spreadLimit', rejection: { code: 'outside_domains' } });
  });

  it('names the emptiest domain by the least value, or by the earliest registered instance', () => {
    // Zones registered in reverse, b and a full after one task each: of the two, us-east-1a is the emptiest.
    const zones: PlacementRequest = { task: web, group: 'g', count: 5, placementStrategy: binpack, placementConstraints: [{ type: 'spreadLimit', field: 'attribute:ecs.availability-zone', maxSkew: 1 }] };
    const reversed = run([zone('c', 'c'), zone('b', 'b', { resources: { memory: 512 } }), zone('a', 'a', { resources: { memory: 512 } })], zones);
    expect(reversed.result.placements.map((placement) => placement.instanceId)).toEqual(['b', 'a', 'c', 'c']);
    expect(reversed.result.failures[0]?.rejection).toMatchObject({ domain: 'us-east-1c', tasks: 2, minimum: 1, emptiest: 'us-east-1a' });
    expect(checkPlacement(reversed.before, zones, reversed.result)).toEqual([]);
    // Ids against registration order: z registered first is the emptiest of the tied instances.
    const instances: PlacementRequest = { ...zones, placementConstraints: [{ type: 'spreadLimit', field: 'instanceId', maxSkew: 1 }] };
    const tied = run([makeInstanceSpec('z', { resources: { memory: 512 } }), makeInstanceSpec('a', { resources: { memory: 512 } }), makeInstanceSpec('m')], instances);
    expect(tied.result.placements.map((placement) => placement.instanceId)).toEqual(['z', 'a', 'm', 'm']);
    expect(tied.result.failures[0]?.rejection).toMatchObject({ domain: 'm', tasks: 2, minimum: 1, emptiest: 'z' });
    expect(checkPlacement(tied.before, instances, tied.result)).toEqual([]);
  });

  it('judges atMost per instance and per attribute value, counting the other groups it lists and the tasks placed earlier', () => {
    const other: PlacementRequest = { task: web, group: 'other', placementStrategy: binpack };
    const perZone: PlacementRequest = { task: web, group: 'g', count: 4, placementStrategy: binpack, placementConstraints: [{ type: 'atMost', count: 2, field: 'attribute:ecs.availability-zone', groups: ['other'] }] };
    const zoned = run([zone('a', 'a'), zone('a2', 'a'), zone('b', 'b'), makeInstanceSpec('bare', { attributes: { 'ecs.availability-zone': null } })], perZone, [other]);
    // other's task on a counts: us-east-1a takes one task of g, us-east-1b two.
    expect(zoned.result.placements.map((placement) => placement.instanceId)).toEqual(['a', 'b', 'b']);
    expect(zoned.result.failures[0]?.rejection).toMatchObject({ code: 'at_most', domain: 'us-east-1a', tasks: 2, count: 2 });
    expect(checkPlacement(zoned.before, perZone, zoned.result)).toEqual([]);
    expect(checkPlacement(zoned.before, perZone, movedAt(zoned.result, 2, 'a2'))[0]).toMatchObject({
      law: 'atMost', step: 2, rejection: { code: 'at_most', field: 'attribute:ecs.availability-zone', domain: 'us-east-1a', tasks: 2, count: 2 },
    });
    expect(checkPlacement(zoned.before, perZone, movedAt(zoned.result, 0, 'bare'))[0]).toMatchObject({ law: 'atMost', rejection: { code: 'outside_domains', constraint: 'atMost' } });

    const perInstance: PlacementRequest = { task: web, group: 'g', count: 3, placementStrategy: binpack, placementConstraints: [{ type: 'atMost', count: 2, field: 'instanceId' }] };
    const single = run([makeInstanceSpec('a')], perInstance);
    expect(single.result.placements).toHaveLength(2);
    expect(checkPlacement(single.before, perInstance, single.result)).toEqual([]);
    const third = { placements: [...single.result.placements, { taskId: 'task-3', instanceId: 'a' }], failures: [] };
    expect(checkPlacement(single.before, perInstance, third)[0]).toMatchObject({ law: 'atMost', step: 2, rejection: { code: 'at_most', domain: 'a', tasks: 2, count: 2 } });
    // Over instances too, the other groups listed count.
    const withOther: PlacementRequest = { ...perInstance, count: 1, placementConstraints: [{ type: 'atMost', count: 1, field: 'instanceId', groups: ['other'] }] };
    const shared = run([makeInstanceSpec('a'), makeInstanceSpec('b')], withOther, [other]);
    expect(shared.result.placements.map((placement) => placement.instanceId)).toEqual(['b']);
    expect(checkPlacement(shared.before, withOther, shared.result)).toEqual([]);
    expect(checkPlacement(shared.before, withOther, moved(shared.result, 'a'))[0]).toMatchObject({ law: 'atMost', rejection: { code: 'at_most', domain: 'a', tasks: 1, count: 1 } });
  });

  it('counts only the tasks a task selector selects, in spread, spreadLimit and atMost', () => {
    // The rollout of docs/placement.md: three tasks of revision 7 on a-1, and revision 8 spread over the zones.
    const old = ['old-1', 'old-2', 'old-3'].map((taskId) => ({ taskId, instanceId: 'a-1', group: 'service:web', family: 'web', revision: 7, resources: { cpu: 256, memory: 512 }, ports: { tcp: [], udp: [] } }));
    const instances = [zone('a-1', 'a'), zone('b-1', 'b'), zone('c-1', 'c')];
    const newRevision = { taskSelector: { revision: 8 } } as const;
    const rollout: PlacementRequest = {
      task: { ...web, revision: 8 }, service: 'web', count: 4,
      placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone', ...newRevision }],
      placementConstraints: [
        { type: 'spreadLimit', field: 'attribute:ecs.availability-zone', maxSkew: 1, ...newRevision },
        { type: 'atMost', count: 1, field: 'instanceId', groups: ['other'], taskSelector: { family: 'web', revision: 8 } },
      ],
    };
    const cluster = new Cluster({ instances, tasks: old });
    const before = cluster.snapshot();
    const result = cluster.place(rollout);
    expect(result.placements.map((placement) => placement.instanceId)).toEqual(['a-1', 'b-1', 'c-1']);
    expect(result.failures[0]?.rejection).toEqual({ code: 'at_most', field: 'instanceId', domain: 'a-1', tasks: 1, count: 1 });
    expect(checkPlacement(before, rollout, result)).toEqual([]);
    // The new revision's tasks alone count: b-1 was no better than a-1 for the first, but is for the second.
    expect(checkPlacement(before, rollout, movedAt(result, 0, 'b-1'))[0]).toMatchObject({ law: 'finalTie', step: 0 });
    expect(checkPlacement(before, rollout, movedAt(result, 1, 'a-1'))[0]).toMatchObject({
      law: 'spreadLimit', step: 1, rejection: { code: 'spread_limit', domain: 'us-east-1a', tasks: 1, minimum: 0, emptiest: 'us-east-1b' },
    });
    const [spreadOnly] = checkPlacement(before, { ...rollout, placementConstraints: [] }, movedAt(result, 1, 'a-1'));
    expect(spreadOnly).toMatchObject({ law: 'spread', step: 1, chosenKey: 1, bestKey: 0 });
    expect(spreadOnly?.message).toContain('spread(attribute:ecs.availability-zone, revision 8)');
  });

  it('judges distinctInstance over groups, naming the group found', () => {
    const request: PlacementRequest = { ...binpackMemory, placementConstraints: [{ type: 'distinctInstance', groups: ['h', 'other'] }] };
    const { before, result } = run([makeInstanceSpec('a'), makeInstanceSpec('b')], request, [{ ...binpackMemory, group: 'other' }]);
    expect(result.placements.map((placement) => placement.instanceId)).toEqual(['b']);
    expect(checkPlacement(before, request, result)).toEqual([]);
    expect(checkPlacement(before, request, moved(result, 'a'))).toEqual([
      expect.objectContaining({ law: 'distinctInstance', rejection: { code: 'distinct_instance', group: 'other' }, message: 'placed on a, which already runs a task of other' }),
    ]);
  });
});

describe('assertPlacement', () => {
  it('does nothing for a right result', () => {
    const { before, result } = placed();
    expect(() => assertPlacement(before, binpackMemory, result)).not.toThrow();
  });

  it('throws a PlacementLawError that lists every broken law, one per line', () => {
    const { before, result } = placed();
    let thrown: unknown;
    try {
      assertPlacement(before, binpackMemory, moved(result, 'b'));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PlacementLawError);
    expect((thrown as PlacementLawError).violations).toHaveLength(1);
    expect((thrown as Error).message).toBe(
      'The placement broke 1 law:\n[binpack] task 0: placed on b with binpack(memory) key 4096, but a had key 3072 (group g; candidates a, b)',
    );
  });
});
