import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { Cluster } from '../../src/cluster/Cluster';
import type { PlacementRequest } from '../../src/model/PlacementRequest';
import { resolveGroup } from '../../src/model/validation/resolveGroup';
import { enginePack } from '../support/engineArbitraries';
import { clusterScenario, requestArbitrary, roomyScenario } from '../support/lawArbitraries';
import { runs } from '../support/runs';
import { ENGINES, scenarioCluster } from '../support/scenarioCluster';

/** Batches of up to five requests of any kind, now and then with pack in a chain. */
const batch: fc.Arbitrary<PlacementRequest[]> = fc.array(
  fc.tuple(requestArbitrary(), fc.option(enginePack, { freq: 3 })).map(([request, pack]): PlacementRequest =>
    (pack === null ? request : { ...request, placementStrategy: [...(request.placementStrategy ?? []).slice(0, 4), pack] })),
  { maxLength: 5 },
);

const scenario = fc.oneof(clusterScenario, roomyScenario);

describe.each(ENGINES)('placeBatch on the %s engine', (engine) => {
  test.prop([scenario, batch], { numRuns: runs(80) })(
    'in the given order, gives exactly what placing the requests one after another gives, and leaves the same cluster',
    (history, requests) => {
      const batched = scenarioCluster(history, engine);
      const oneByOne = scenarioCluster(history, engine);
      const result = batched.placeBatch(requests, { order: 'given' });
      expect(result.results).toEqual(requests.map((request) => oneByOne.place(request)));
      expect(result.method).toBe('given');
      expect(batched.snapshot()).toEqual(oneByOne.snapshot());
    },
  );

  test.prop([scenario, batch], { numRuns: runs(80) })(
    'largest first places at least as many tasks as the given order and, placing as many, uses no more instances; the cluster it leaves is consistent',
    (history, requests) => {
      const batched = scenarioCluster(history, engine);
      const given = scenarioCluster(history, engine).placeBatch(requests, { order: 'given' });
      const result = batched.placeBatch(requests);
      const placed = (outcome: typeof result): number => outcome.results.reduce((sum, one) => sum + one.placements.length, 0);
      expect(placed(result)).toBeGreaterThanOrEqual(placed(given));
      if (placed(result) === placed(given)) expect(result.instancesUsed).toBeLessThanOrEqual(given.instancesUsed);
      // Every task is accounted for, once.
      result.results.forEach((one, index) => expect(one.placements.length + one.failures.length).toBe(requests[index]?.count ?? 1));
      const snapshot = batched.snapshot();
      expect(new Set(result.results.flatMap((one) => one.placements.map((placement) => placement.taskId))).size).toBe(placed(result));
      expect(result.instancesUsed).toBe(snapshot.instances.filter((instance) => instance.runningTasksCount > 0).length);
      expect(result.lowerBound).toBeLessThanOrEqual(result.instancesUsed);
      // Restoring checks that no instance holds more than it registered and that no port is bound twice.
      expect(() => new Cluster(snapshot)).not.toThrow();
    },
  );

  test.prop([scenario, batch], { numRuns: runs(80) })(
    'keeps every constraint, whichever way it keeps: distinctInstance tasks each on an instance of their own, memberOf on attributes met',
    (history, requests) => {
      const cluster = scenarioCluster(history, engine);
      const before = cluster.snapshot();
      const result = cluster.placeBatch(requests);
      const groupOf = (request: PlacementRequest): string => resolveGroup({ service: request.service, group: request.group, family: request.task.family });
      const held = new Map<string, Set<string>>();
      for (const task of before.tasks) held.set(task.group, (held.get(task.group) ?? new Set()).add(task.instanceId));
      // Instances a distinctInstance task of each group went to: none twice, none that ran a task of the group before.
      const distinct = new Map<string, string[]>();
      result.results.forEach((one, index) => {
        const request = requests[index] as PlacementRequest;
        const constraints = [...(request.placementConstraints ?? []), ...(request.task.placementConstraints ?? [])];
        const where = one.placements.map((placement) => placement.instanceId);
        if (constraints.some((constraint) => constraint.type === 'distinctInstance')) distinct.set(groupOf(request), [...(distinct.get(groupOf(request)) ?? []), ...where]);
        for (const constraint of constraints) {
          // Expressions on task counts and groups read what the batch changes as it goes: their verdict at the end says nothing of the moment the task started.
          if (constraint.type !== 'memberOf' || /runningTasksCount|task:group/.test(constraint.expression)) continue;
          const members = new Set(cluster.listInstances(constraint.expression).map((instance) => instance.id));
          for (const id of where) expect(members.has(id), `${id} is not in ${constraint.expression}`).toBe(true);
        }
      });
      for (const [group, instances] of distinct) {
        expect(new Set(instances).size).toBe(instances.length);
        for (const id of instances) expect(held.get(group)?.has(id) ?? false).toBe(false);
      }
    },
  );

  test.prop([scenario, batch], { numRuns: runs(40) })('gives the same result on the same cluster and seed', (history, requests) => {
    expect(scenarioCluster(history, engine).placeBatch(requests)).toEqual(scenarioCluster(history, engine).placeBatch(requests));
  });
});

describe('placeBatch on both engines', () => {
  test.prop([scenario, batch], { numRuns: runs(60) })('gives the same result', (history, requests) => {
    expect(scenarioCluster(history, 'indexed').placeBatch(requests)).toEqual(scenarioCluster(history, 'reference').placeBatch(requests));
  });
});
