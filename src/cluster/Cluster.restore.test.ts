import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { engineRequest, engineScenario } from '../../test/support/engineArbitraries';
import { inputErrorOf } from '../../test/support/inputErrorOf';
import { makeInstanceSpec } from '../../test/support/makeInstanceSpec';
import { ENGINES, scenarioCluster } from '../../test/support/scenarioCluster';
import type { PlacementRequest } from '../model/PlacementRequest';
import type { TaskInfo } from '../model/TaskInfo';
import { Cluster } from './Cluster';
import { runs } from '../../test/support/runs';

const web: PlacementRequest = { task: { family: 'web', resources: { cpu: 256, memory: 1024 }, ports: { tcp: [8080] } }, service: 'web', count: 3 };
const packed: PlacementRequest = { task: { resources: { memory: 512 } }, group: 'batch', count: 2, placementStrategy: [{ type: 'binpack', field: 'memory' }] };

function busyCluster(engine: 'indexed' | 'reference' = 'indexed'): Cluster {
  const cluster = new Cluster({
    engine,
    instances: [
      makeInstanceSpec('a', { zone: 'us-east-1a', reservedPorts: { tcp: [22] } }),
      makeInstanceSpec('b', { zone: 'us-east-1b' }),
      makeInstanceSpec('c', { zone: 'us-east-1c', status: 'DRAINING' }),
    ],
  });
  cluster.place(web);
  cluster.place(packed);
  cluster.stopTask('task-2');
  cluster.updateInstance('b', { status: 'DRAINING' });
  return cluster;
}

describe('new Cluster({ instances, tasks })', () => {
  it.each(ENGINES)('restores a snapshot exactly, and places after it as the original does (%s engine)', (engine) => {
    const original = busyCluster(engine);
    const copy = new Cluster({ ...original.snapshot(), engine });
    expect(copy.snapshot()).toStrictEqual(original.snapshot());
    original.updateInstance('b', { status: 'ACTIVE' });
    copy.updateInstance('b', { status: 'ACTIVE' });
    expect(copy.place(packed)).toStrictEqual(original.place(packed));
    expect(copy.snapshot()).toStrictEqual(original.snapshot());
  });

  it('restores tasks on instances given as specs, on DRAINING instances too, and numbers new tasks after the highest task-N', () => {
    const tasks: TaskInfo[] = [
      { taskId: 'task-7', instanceId: 'a', group: 'service:web', family: 'web', resources: { memory: 1024 }, ports: { tcp: [80], udp: [] } },
      { taskId: 'arn:aws:ecs:us-east-1:123456789012:task/prod/0f1e', instanceId: 'b', group: 'family:batch', resources: { cpu: 512 }, ports: { tcp: [], udp: [53] } },
      { taskId: 'task-0099', instanceId: 'b', group: 'family:batch', resources: {}, ports: { tcp: [], udp: [] } },
    ];
    const cluster = new Cluster({ instances: [makeInstanceSpec('a'), makeInstanceSpec('b', { status: 'DRAINING' })], tasks });
    expect(cluster.tasks()).toEqual(tasks);
    expect(cluster.instances().map(({ id, remainingResources, portsInUse, runningTasksCount, taskGroups }) => ({ id, remainingResources, portsInUse, runningTasksCount, taskGroups }))).toEqual([
      { id: 'a', remainingResources: { cpu: 2048, memory: 3072 }, portsInUse: { tcp: [80], udp: [] }, runningTasksCount: 1, taskGroups: { 'service:web': 1 } },
      { id: 'b', remainingResources: { cpu: 1536, memory: 4096 }, portsInUse: { tcp: [], udp: [53] }, runningTasksCount: 2, taskGroups: { 'family:batch': 2 } },
    ]);
    expect(cluster.place({ task: { resources: { memory: 8 } } }).placements[0]?.taskId).toBe('task-8');
    expect(cluster.deregisterInstance('b', { force: true }).stoppedTasks.map((task) => task.taskId)).toEqual([tasks[1]?.taskId, 'task-0099']);
  });

  it.each<[string, string]>([
    ['task-50', 'task-51'],
    ['task-12345678901234567', 'task-1'],
    ['task-50x', 'task-1'],
    ['task-5 0', 'task-1'],
    ['Task-50', 'task-1'],
    ['task-', 'task-1'],
    ['task-0', 'task-1'],
    ['xtask-50', 'task-1'],
  ])('numbers the first new task after a restored %s as %s', (taskId, next) => {
    const cluster = new Cluster({ instances: [makeInstanceSpec('a')], tasks: [{ taskId, instanceId: 'a', group: 'g', resources: {}, ports: { tcp: [], udp: [] } }] });
    expect(cluster.place({ task: { resources: { memory: 8 } } }).placements[0]?.taskId).toBe(next);
  });

  it.each(ENGINES)('never gives a new task the id of a restored task-N beyond 2^53, where numbers round (%s engine)', (engine) => {
    // 9007199254740993 reads as 9007199254740992, so the next number written is the restored id itself.
    const restored: TaskInfo = { taskId: 'task-9007199254740993', instanceId: 'a', group: 'g', resources: { memory: 8 }, ports: { tcp: [], udp: [] } };
    const cluster = new Cluster({ engine, instances: [makeInstanceSpec('a')], tasks: [restored] });
    const placed = cluster.place({ task: { resources: { memory: 8 } }, count: 2 }).placements.map((placement) => placement.taskId);
    expect(placed).toHaveLength(2);
    expect(placed).not.toContain(restored.taskId);
    expect(new Set(cluster.tasks().map((task) => task.taskId)).size).toBe(3);
  });

  it('refuses a port of the same task on an instance a task of its service already binds, wherever it was given', () => {
    const [first] = busyCluster().snapshot().tasks;
    const clash = { ...(first as TaskInfo), taskId: 'task-100' };
    const build = (): Cluster => new Cluster({ ...busyCluster().snapshot(), tasks: [...busyCluster().snapshot().tasks, clash] });
    expect(inputErrorOf(build)).toEqual({ code: 'port_conflict', path: 'options.tasks[3].ports.tcp[0]' });
    expect(build).toThrow(`Task ${first?.taskId} already binds TCP port 8080 on instance ${first?.instanceId}.`);
  });

  const snapshot = busyCluster().snapshot();
  const [instanceA] = snapshot.instances;
  const [taskOnA] = snapshot.tasks;
  const task = (fields: Partial<TaskInfo>): TaskInfo => ({ taskId: 'task-50', instanceId: 'a', group: 'g', resources: {}, ports: { tcp: [], udp: [] }, ...fields });
  const specs = [makeInstanceSpec('a', { reservedPorts: { tcp: [22] } }), makeInstanceSpec('b')];
  it.each<[string, () => unknown, string, string]>([
    ['tasks that are not an array', () => new Cluster({ instances: specs, tasks: {} as unknown as TaskInfo[] }), 'invalid_type', 'options.tasks'],
    ['a hole in the tasks', () => new Cluster({ instances: specs, tasks: [task({}), , task({ taskId: 't2' })] as TaskInfo[] }), 'invalid_type', 'options.tasks[1]'],
    ['a task without an id', () => new Cluster({ instances: specs, tasks: [{ ...task({}), taskId: '' }] }), 'invalid_id', 'options.tasks[0].taskId'],
    ['a task with an unknown field', () => new Cluster({ instances: specs, tasks: [{ ...task({}), status: 'RUNNING' } as TaskInfo] }), 'unknown_field', 'options.tasks[0].status'],
    ['a task with a bad group', () => new Cluster({ instances: specs, tasks: [task({ group: ' g' })] }), 'invalid_name', 'options.tasks[0].group'],
    ['a task with a negative resource', () => new Cluster({ instances: specs, tasks: [task({ resources: { memory: -1 } })] }), 'invalid_resource', 'options.tasks[0].resources.memory'],
    ['two tasks with one id', () => new Cluster({ instances: specs, tasks: [task({}), task({ instanceId: 'b' })] }), 'duplicate_task', 'options.tasks[1].taskId'],
    ['a task on an instance not given', () => new Cluster({ instances: specs, tasks: [task({ instanceId: 'z' })] }), 'unknown_instance', 'options.tasks[0].instanceId'],
    ['tasks that reserve more than the instance registered', () => new Cluster({ instances: specs, tasks: [task({ resources: { memory: 3000 } }), task({ taskId: 't2', resources: { memory: 1097 } })] }), 'overcommitted_instance', 'options.tasks[1].resources.memory'],
    ['a task reserving a resource the instance lacks', () => new Cluster({ instances: specs, tasks: [task({ resources: { gpu: 1 } })] }), 'overcommitted_instance', 'options.tasks[0].resources.gpu'],
    ['a task on a port the agent reserves', () => new Cluster({ instances: specs, tasks: [task({ ports: { tcp: [22], udp: [] } })] }), 'port_conflict', 'options.tasks[0].ports.tcp[0]'],
    ['tasks whose static ports take the instance past 100 reserved ones', () => new Cluster({
      instances: specs,
      tasks: [task({ ports: { tcp: Array.from({ length: 60 }, (_, at) => 1000 + at), udp: [] } }), task({ taskId: 't2', ports: { tcp: [], udp: Array.from({ length: 40 }, (_, at) => 2000 + at) } })],
    }), 'overcommitted_instance', 'options.tasks[1].ports'],
    ['two tasks on one port', () => new Cluster({ instances: specs, tasks: [task({ ports: { tcp: [], udp: [53] } }), task({ taskId: 't2', ports: { tcp: [], udp: [53] } })] }), 'port_conflict', 'options.tasks[1].ports.udp[0]'],
    ['a snapshot without its tasks', () => new Cluster({ instances: snapshot.instances }), 'inconsistent_snapshot', 'options.instances[0].remainingResources'],
    ['a snapshot whose ports in use differ', () => new Cluster({ ...snapshot, instances: [{ ...instanceA!, portsInUse: { tcp: [], udp: [] } }, ...snapshot.instances.slice(1)] }), 'inconsistent_snapshot', 'options.instances[0].portsInUse'],
    ['a snapshot with as many ports in use, but others', () => new Cluster({ ...snapshot, instances: [{ ...instanceA!, portsInUse: { tcp: [81], udp: [] } }, ...snapshot.instances.slice(1)] }), 'inconsistent_snapshot', 'options.instances[0].portsInUse'],
    ['a snapshot whose task count differs', () => new Cluster({ ...snapshot, instances: [{ ...instanceA!, runningTasksCount: 2 }, ...snapshot.instances.slice(1)] }), 'inconsistent_snapshot', 'options.instances[0].runningTasksCount'],
    ['a snapshot whose groups differ', () => new Cluster({ ...snapshot, instances: [{ ...instanceA!, taskGroups: { 'service:api': 1 } }, ...snapshot.instances.slice(1)] }), 'inconsistent_snapshot', 'options.instances[0].taskGroups'],
    ['a snapshot task moved to another instance', () => new Cluster({ ...snapshot, tasks: [{ ...taskOnA!, instanceId: 'b' }, ...snapshot.tasks.slice(1)] }), 'inconsistent_snapshot', 'options.instances[0].remainingResources'],
    ['a next task number of 0', () => new Cluster({ instances: specs, nextTaskNumber: 0 }), 'invalid_option', 'options.nextTaskNumber'],
    ['a snapshot instance with both resource fields', () => new Cluster({ instances: [{ ...instanceA!, resources: instanceA!.registeredResources } as never] }), 'unknown_field', 'options.instances[0].resources'],
  ])('refuses %s', (_, build, code, path) => {
    expect(inputErrorOf(build)).toEqual({ code, path });
  });

  test.prop([engineScenario, engineRequest], { numRuns: runs(150) })(
    'restores any cluster, on either engine, to the same state, and places a request on it alike',
    (scenario, request) => {
      const original = scenarioCluster(scenario, 'reference');
      for (const engine of ENGINES) {
        const copy = new Cluster({ ...original.snapshot(), seed: scenario.seed, engine });
        expect(copy.snapshot(), `restored on ${engine}`).toStrictEqual(original.snapshot());
      }
      const deterministic: PlacementRequest = { ...request, placementStrategy: [{ type: 'binpack', field: 'memory' }] };
      const restored = new Cluster({ ...original.snapshot() });
      expect(restored.place(deterministic)).toStrictEqual(original.place(deterministic));
      expect(restored.snapshot()).toStrictEqual(original.snapshot());
    },
  );
});
