import { describe, expect, it } from 'vitest';
import { makeInstanceSpec } from '../../../test/support/makeInstanceSpec';
import { Cluster, type ClusterSnapshot } from '../../cluster/Cluster';
import type { PlacementRequest } from '../../model/PlacementRequest';
import type { PlacementResult } from '../../placement/PlacementResult';
import { binpack } from '../../strategies/binpack';
import { random } from '../../strategies/random';
import { spread } from '../../strategies/spread';
import { assertPlacement } from './assertPlacement';
import { checkPlacement } from './checkPlacement';
import { checkSnapshot } from './checkSnapshot';
import { PlacementLawError } from './PlacementLawError';

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
    expect(() => checkPlacement(cluster as unknown as ClusterSnapshot, binpackMemory, result)).toThrow(
      new TypeError('checkPlacement: before must be cluster.snapshot() taken before place(), not the cluster itself, which place() has already changed'),
    );
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
