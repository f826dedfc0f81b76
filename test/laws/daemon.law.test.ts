import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { expectedReason, expectedResolvable } from '../../src/arbitraries/check/rejectionWords';
import { ModelCluster } from '../../src/arbitraries/model/ModelCluster';
import { groupOf, modelRequest } from '../../src/arbitraries/model/modelRequest';
import type { ClusterSnapshot } from '../../src/cluster/Cluster';
import type { DaemonOptions } from '../../src/model/DaemonOptions';
import type { PlacementRequest } from '../../src/model/PlacementRequest';
import type { Rejection } from '../../src/model/Rejection';
import type { InstanceStrategy } from '../../src/model/Strategy';
import type { TaskSpec } from '../../src/model/TaskSpec';
import {
  clusterScenario, crowdedPortScenario, grouping, placementConstraint, placementRequest, roomyScenario, roomyTaskSpec, type ClusterScenario,
} from '../support/lawArbitraries';
import { runs } from '../support/runs';
import { ENGINES, scenarioCluster } from '../support/scenarioCluster';

/** A daemon: its task, its service or group, its constraints (memberOf on attributes, task counts and groups, and distinctInstance), and as a request. */
interface Daemon {
  readonly task: TaskSpec;
  readonly options: DaemonOptions;
  /** The same as a one-task request, which the model and `place` read. */
  readonly request: PlacementRequest;
}

const daemon: fc.Arbitrary<Daemon> = fc.record({
  task: roomyTaskSpec,
  grouping,
  constraints: fc.array(placementConstraint, { maxLength: 2 }),
}).map(({ task, grouping: named, constraints }) => {
  const options = { ...named, ...(constraints.length === 0 ? {} : { placementConstraints: constraints }) };
  return { task, options, request: { task, ...options } };
});

/** A cluster after its history, with the daemon's task already placed on some instances (by spread over instances, `warmUps` tasks). */
const setting = fc.record({
  history: fc.oneof(clusterScenario, roomyScenario, crowdedPortScenario()),
  daemon,
  warmUps: fc.nat(3),
});

function prepared(history: ClusterScenario, { task, options }: Daemon, warmUps: number, engine: (typeof ENGINES)[number]) {
  const cluster = scenarioCluster(history, engine);
  if (warmUps > 0) cluster.place({ task, ...options, count: warmUps, placementStrategy: [{ type: 'spread', field: 'instanceId' }] });
  return cluster;
}

/** The group's tasks on each instance. */
function groupCounts(snapshot: ClusterSnapshot, group: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const task of snapshot.tasks) if (task.group === group) counts.set(task.instanceId, (counts.get(task.instanceId) ?? 0) + 1);
  return counts;
}

/** The first check each instance fails for one more of the daemon's tasks, by the independent model; undefined where it passes them all. */
function modelRejections(snapshot: ClusterSnapshot, request: PlacementRequest): Map<string, Rejection | undefined> {
  const model = new ModelCluster(snapshot);
  const checked = modelRequest({ ...request, count: 1 });
  return new Map(model.instances.map((instance) => [instance.id, model.check(instance, checked).rejection]));
}

describe.each(ENGINES)('placeDaemon on the %s engine', (engine) => {
  test.prop([setting], { numRuns: runs(40) })(
    'gives one task of the group to every instance that runs none and passes the checks, and none to any other',
    ({ history, daemon: { task, options, request }, warmUps }) => {
      const cluster = prepared(history, { task, options, request }, warmUps, engine);
      const before = cluster.snapshot();
      const group = groupOf(request);
      const result = cluster.placeDaemon(task, options);
      const after = cluster.snapshot();
      const [was, is] = [groupCounts(before, group), groupCounts(after, group)];
      // Every task a daemon places only changes its own instance, and every check drawn here reads only the instance it checks.
      const passes = modelRejections(before, request);
      const placedOn = result.placements.map(({ instanceId }) => instanceId);
      expect(new Set(placedOn).size).toBe(placedOn.length);
      for (const { id } of before.instances) {
        const running = was.get(id) ?? 0;
        if (running > 0) expect(is.get(id), id).toBe(running);
        else expect(is.get(id) ?? 0, id).toBe(passes.get(id) === undefined ? 1 : 0);
      }
      expect(result.alreadyRunning).toEqual(before.instances.filter(({ id }) => was.has(id)).map(({ id }) => id));
      expect(after.tasks.length - before.tasks.length).toBe(result.placements.length);
      expect(result.group).toBe(group);
    },
  );

  test.prop([setting], { numRuns: runs(40) })(
    'says of every instance it skipped the first check it fails, as an independent model finds it on the cluster after',
    ({ history, daemon: { task, options, request }, warmUps }) => {
      const cluster = prepared(history, { task, options, request }, warmUps, engine);
      const result = cluster.placeDaemon(task, options);
      const model = modelRejections(cluster.snapshot(), request);
      for (const { instanceId, rejection, reason, resolvable } of result.skipped) {
        expect(rejection, instanceId).toEqual(model.get(instanceId));
        expect(reason).toBe(expectedReason(rejection));
        expect(resolvable).toBe(expectedResolvable(rejection));
      }
      // Every instance is in exactly one of the three lists.
      const listed = [...result.placements.map(({ instanceId }) => instanceId), ...result.alreadyRunning, ...result.skipped.map(({ instanceId }) => instanceId)];
      expect(listed.sort()).toEqual(cluster.instances().map(({ id }) => id).sort());
    },
  );

  test.prop([setting], { numRuns: runs(40) })(
    'places in registration order, the task ids in sequence, and lists the others in registration order',
    ({ history, daemon: { task, options, request }, warmUps }) => {
      const cluster = prepared(history, { task, options, request }, warmUps, engine);
      const { nextTaskNumber, instances } = cluster.snapshot();
      const position = new Map(instances.map(({ id }, index) => [id, index]));
      const result = cluster.placeDaemon(task, options);
      const ascending = (ids: readonly string[]): void => {
        const at = ids.map((id) => position.get(id) ?? -1);
        expect(at).toEqual([...at].sort((a, b) => a - b));
      };
      ascending(result.placements.map(({ instanceId }) => instanceId));
      ascending(result.alreadyRunning);
      ascending(result.skipped.map(({ instanceId }) => instanceId));
      expect(result.placements.map(({ taskId }) => taskId)).toEqual(result.placements.map((_, index) => `task-${nextTaskNumber + index}`));
    },
  );

  test.prop([setting], { numRuns: runs(40) })('places nothing when called again, and changes nothing', ({ history, daemon: { task, options, request }, warmUps }) => {
    const cluster = prepared(history, { task, options, request }, warmUps, engine);
    const first = cluster.placeDaemon(task, options);
    const between = cluster.snapshot();
    const second = cluster.placeDaemon(task, options);
    expect(second.placements).toEqual([]);
    expect(second.skipped).toEqual(first.skipped);
    const placed = new Set([...first.alreadyRunning, ...first.placements.map(({ instanceId }) => instanceId)]);
    expect(second.alreadyRunning).toEqual(between.instances.filter(({ id }) => placed.has(id)).map(({ id }) => id));
    expect(cluster.snapshot()).toEqual(between);
  });
});

/**
 * Daemons under constraints beside ECS that read the group's tasks on other
 * instances (spreadLimit, atMost), with now and then a memberOf: an instance
 * they refuse may take a task once others have theirs.
 */
const domainField = fc.constantFrom('instanceId', 'attribute:ecs.availability-zone', 'attribute:rack');
const domainDaemon: fc.Arbitrary<Daemon> = fc.record({
  task: roomyTaskSpec,
  grouping,
  domain: fc.oneof(
    fc.record({ type: fc.constant('spreadLimit' as const), field: domainField, maxSkew: fc.integer({ min: 1, max: 2 }) }),
    fc.record({ type: fc.constant('atMost' as const), field: domainField, count: fc.integer({ min: 1, max: 3 }) }),
  ),
  others: fc.array(placementConstraint, { maxLength: 1 }),
}).map(({ task, grouping: named, domain, others }) => {
  const options = { ...named, placementConstraints: [domain, ...others] };
  return { task, options, request: { task, ...options } };
});

describe.each(ENGINES)('placeDaemon under constraints across instances, on the %s engine', (engine) => {
  test.prop([fc.oneof(clusterScenario, roomyScenario), domainDaemon, fc.nat(3)], { numRuns: runs(30) })(
    'leaves no instance that could take a task without one: each it skipped fails a check on the cluster after, and a second call places nothing',
    (history, drawn, warmUps) => {
      const cluster = prepared(history, drawn, warmUps, engine);
      const result = cluster.placeDaemon(drawn.task, drawn.options);
      const after = cluster.snapshot();
      const running = groupCounts(after, result.group);
      const explained = new Map(cluster.explain({ ...drawn.request, count: 1 }).instances.map(({ instanceId, rejection }) => [instanceId, rejection]));
      for (const { id } of after.instances) if (!running.has(id)) expect(explained.get(id), id).toBeDefined();
      for (const { instanceId, rejection } of result.skipped) expect(rejection, instanceId).toEqual(explained.get(instanceId));
      expect(cluster.placeDaemon(drawn.task, drawn.options).placements).toEqual([]);
      expect(cluster.snapshot()).toEqual(after);
    },
  );

  test.prop([fc.oneof(clusterScenario, roomyScenario), domainDaemon, fc.nat(3)], { numRuns: runs(30) })(
    'places each task where the pipeline, as the cluster then stood, lets one go',
    (history, drawn, warmUps) => {
      const placed = prepared(history, drawn, warmUps, engine).placeDaemon(drawn.task, drawn.options).placements;
      // Replayed one task at a time by place, with a strategy that prefers the instance the daemon chose: place puts it there only if its checks pass.
      const replay = prepared(history, drawn, warmUps, engine);
      for (const { taskId, instanceId } of placed) {
        const pin: InstanceStrategy = { name: 'pin', dependsOn: 'instance', key: (instance) => (instance.id === instanceId ? 0 : 1) };
        expect(replay.place({ ...drawn.request, count: 1, placementStrategy: [pin] }).placements).toEqual([{ taskId, instanceId }]);
      }
    },
  );
});

describe('placeDaemon on both engines', () => {
  test.prop([fc.oneof(setting, fc.record({ history: roomyScenario, daemon: domainDaemon, warmUps: fc.nat(3) })), placementRequest], { numRuns: runs(40) })(
    'gives the same result and the same cluster, on which the next placement agrees too',
    ({ history, daemon: drawn, warmUps }, next) => {
      const [reference, indexed] = ENGINES.map((engine) => prepared(history, drawn, warmUps, engine)) as [ReturnType<typeof prepared>, ReturnType<typeof prepared>];
      expect(indexed.placeDaemon(drawn.task, drawn.options)).toEqual(reference.placeDaemon(drawn.task, drawn.options));
      expect(indexed.snapshot()).toEqual(reference.snapshot());
      // The indexed engine saw every task start: it places the next request as the reference one does.
      expect(indexed.place(next)).toEqual(reference.place(next));
      expect(indexed.place(drawn.request)).toEqual(reference.place(drawn.request));
    },
  );
});
