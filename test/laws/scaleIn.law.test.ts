import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { checkPlacement, checkSnapshot, formatViolations } from '../../src/arbitraries/index';
import type { Cluster } from '../../src/cluster/Cluster';
import type { ClusterSnapshot } from '../../src/cluster/Cluster';
import type { PlacementRequest, PlacementStrategy } from '../../src/model/PlacementRequest';
import { placementStrategy, roomyRequest, roomyScenario, spreadStrategy, type ClusterScenario } from '../support/lawArbitraries';
import { ENGINES, placeTimes, scenarioCluster } from '../support/scenarioCluster';
import { runs } from '../support/runs';

/** A service's requests: the placement that fills the cluster, and the chain its scale-in follows (none: the default). */
const serviceRequest = roomyRequest(fc.option(fc.array(placementStrategy, { maxLength: 3 }), { nil: undefined }))
  .map((request): PlacementRequest => {
    const { group: _group, ...rest } = request;
    return { ...rest, service: 'web' };
  });
const scaleInChain = fc.option(fc.array(placementStrategy, { maxLength: 3 }), { nil: undefined });

interface Story {
  readonly cluster: Cluster;
  readonly request: PlacementRequest;
}

/** A cluster after its history, running a few rounds of the service. */
function story(scenario: ClusterScenario, engine: 'reference' | 'indexed', request: PlacementRequest, rounds: number): Story {
  const cluster = scenarioCluster(scenario, engine);
  placeTimes(cluster, request, rounds);
  return { cluster, request };
}

const groupTaskIds = (snapshot: ClusterSnapshot, group: string): string[] => snapshot.tasks.filter((task) => task.group === group).map((task) => task.taskId);

/** The group's tasks per bucket of a spread field, over every instance's bucket. */
function bucketCounts(snapshot: ClusterSnapshot, group: string, field: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const instance of snapshot.instances) {
    const bucket = field === 'instanceId' || field === 'host' ? instance.id : `=${instance.attributes[field.slice('attribute:'.length)] ?? '(none)'}`;
    counts.set(bucket, (counts.get(bucket) ?? 0) + (instance.taskGroups[group] ?? 0));
  }
  return counts;
}

const skew = (counts: Map<string, number>): number => Math.max(...counts.values()) - Math.min(...counts.values());

describe.each(ENGINES)('scale-in on the %s engine', (engine) => {
  test.prop([roomyScenario, serviceRequest, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 12 }), scaleInChain, fc.array(fc.nat(), { maxLength: 4 })], { numRuns: runs(200) })(
    'chooses distinct unprotected tasks of the group: count of them, or every one when fewer, and says which',
    (scenario, request, rounds, count, chain, picks) => {
      const { cluster } = story(scenario, engine, request, rounds);
      const before = cluster.snapshot();
      const ids = groupTaskIds(before, 'service:web');
      const protectedTasks = [...new Set(picks.map((pick) => ids[pick % Math.max(ids.length, 1)]).filter((id): id is string => id !== undefined))];
      const choice = cluster.chooseTasksToStop({ service: 'web', count, protectedTasks, ...(chain === undefined ? {} : { placementStrategy: chain }) });
      const chosen = choice.tasks.map((task) => task.taskId);
      const stoppable = ids.filter((id) => !protectedTasks.includes(id));
      expect(new Set(chosen).size).toBe(chosen.length);
      for (const id of chosen) expect(stoppable).toContain(id);
      expect(chosen).toHaveLength(Math.min(count, stoppable.length));
      expect(choice.complete).toBe(chosen.length === count);
      expect(choice.protectedTasks).toBe(protectedTasks.length);
      for (const task of choice.tasks) expect(task.reasons.length).toBeGreaterThan(0);
      // A dry run: nothing changed, and asking again gives the same answer.
      expect(cluster.snapshot()).toEqual(before);
      expect(cluster.chooseTasksToStop({ service: 'web', count, protectedTasks, ...(chain === undefined ? {} : { placementStrategy: chain }) })).toEqual(choice);
    },
  );

  test.prop([roomyScenario, serviceRequest, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 8 }), scaleInChain], { numRuns: runs(200) })(
    'stopping the choice leaves a valid state, and placing as many back is a valid placement',
    (scenario, request, rounds, count, chain) => {
      const { cluster } = story(scenario, engine, request, rounds);
      const choice = cluster.chooseTasksToStop({ service: 'web', count, ...(chain === undefined ? {} : { placementStrategy: chain }) });
      fc.pre(choice.tasks.length > 0);
      const stopped = cluster.stopTasks(choice);
      expect(stopped.map((task) => task.taskId)).toEqual(choice.tasks.map((task) => task.taskId));
      const after = cluster.snapshot();
      const left = groupTaskIds(after, 'service:web');
      for (const task of stopped) expect(left).not.toContain(task.taskId);
      const broken = checkSnapshot(after);
      expect(broken, formatViolations(broken)).toEqual([]);
      const again: PlacementRequest = { ...request, count: choice.tasks.length };
      const violations = checkPlacement(after, again, cluster.place(again));
      expect(violations, formatViolations(violations)).toEqual([]);
    },
  );

  test.prop([roomyScenario, serviceRequest, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 8 }), spreadStrategy, fc.array(placementStrategy, { maxLength: 2 })], { numRuns: runs(200) })(
    'spread first: each task comes from a bucket holding the most, so the max-min of the bucket counts never grows, except from 0 to 1',
    (scenario, request, rounds, count, first, rest) => {
      const { cluster } = story(scenario, engine, request, rounds);
      const field = (first as PlacementStrategy & { field: string }).field;
      const chain = [first, ...rest];
      const choice = cluster.chooseTasksToStop({ service: 'web', count, placementStrategy: chain });
      for (const task of choice.tasks) {
        const counts = bucketCounts(cluster.snapshot(), 'service:web', field);
        const instance = cluster.snapshot().instances.find((candidate) => candidate.id === task.instanceId);
        const bucket = field === 'instanceId' || field === 'host' ? task.instanceId : `=${instance?.attributes[field.slice('attribute:'.length)] ?? '(none)'}`;
        expect(counts.get(bucket)).toBe(Math.max(...counts.values()));
        cluster.stopTasks([task.taskId]);
        const after = bucketCounts(cluster.snapshot(), 'service:web', field);
        expect(skew(after)).toBeLessThanOrEqual(Math.max(skew(counts), 1));
      }
    },
  );

  test.prop([roomyScenario, serviceRequest, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 8 }), scaleInChain], { numRuns: runs(150) })(
    'gives the same choice for the same state and seed, on either engine',
    (scenario, request, rounds, count, chain) => {
      const here = story(scenario, engine, request, rounds).cluster;
      const there = story(scenario, engine === 'indexed' ? 'reference' : 'indexed', request, rounds).cluster;
      const scaleIn = { service: 'web', count, ...(chain === undefined ? {} : { placementStrategy: chain }) };
      expect(here.chooseTasksToStop(scaleIn)).toEqual(there.chooseTasksToStop(scaleIn));
    },
  );
});
