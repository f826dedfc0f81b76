import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { Cluster } from '../../src/cluster/Cluster';
import type { InstancePatch, InstanceSpec } from '../../src/model/InstanceSpec';
import { firstStrategyGaps } from '../support/firstStrategyGaps';
import { lawFleet, placementStrategy, roomyRequest, roomyScenario, SPREAD_FIELDS, spreadStrategy } from '../support/lawArbitraries';
import { ENGINES, placeTimes, scenarioCluster } from '../support/scenarioCluster';
import { runs } from '../support/runs';

const spreadFirst = roomyRequest(fc.tuple(spreadStrategy, fc.array(placementStrategy, { maxLength: 2 })).map(([first, rest]) => [first, ...rest]));

/** Every instance ACTIVE with a connected agent: with a task that needs nothing, all of them can take every task. */
const openFleet = lawFleet(12, 1).map((instances) => instances.map((instance): InstanceSpec => ({ ...instance, status: 'ACTIVE', agentConnected: true })));

/** The bucket of an instance under a spread field: absent and valueless attributes share one. */
function bucketOf(field: string, instance: InstanceSpec): string {
  if (field === 'instanceId' || field === 'host') return instance.id;
  const value = instance.attributes?.[field.slice('attribute:'.length)];
  return value === undefined || value === null ? '(no value)' : value;
}

describe.each(ENGINES)('spread on the %s engine', (engine) => {
  test.prop([roomyScenario, spreadFirst, fc.nat(3)], { numRuns: runs(300) })(
    'spread picks a candidate in a bucket with the fewest tasks of the group, counted over every instance, at every step',
    (scenario, request, warmUps) => {
      const cluster = scenarioCluster(scenario, engine);
      placeTimes(cluster, request, warmUps);
      const gaps = firstStrategyGaps(cluster, request);
      expect(gaps, gaps.join('\n')).toEqual([]);
    },
  );

  test.prop([roomyScenario, spreadFirst, fc.integer({ min: 1, max: 3 }), fc.nat(), fc.constantFrom<InstancePatch>({ status: 'DRAINING' }, { agentConnected: false })], { numRuns: runs(200) })(
    'spread still counts the tasks of an instance that can no longer take any, such as a DRAINING one',
    (scenario, request, warmUps, pick, patch) => {
      const cluster = scenarioCluster(scenario, engine);
      placeTimes(cluster, request, warmUps);
      const busy = cluster.instances().filter((instance) => instance.runningTasksCount > 0);
      const changed = busy[pick % Math.max(busy.length, 1)];
      fc.pre(changed !== undefined);
      cluster.updateInstance(changed.id, patch);
      const gaps = firstStrategyGaps(cluster, request);
      expect(gaps, gaps.join('\n')).toEqual([]);
    },
  );

  test.prop([openFleet, fc.constantFrom(...SPREAD_FIELDS), fc.integer({ min: 1, max: 24 }), fc.nat()], { numRuns: runs(200) })(
    'spread alone keeps the buckets within one task of each other when every instance can take every task',
    (instances, field, count, seed) => {
      const cluster = new Cluster({ instances, seed, engine });
      const result = cluster.place({ task: { resources: {} }, count, group: 'even', placementStrategy: [{ type: 'spread', field }] });
      const perBucket = new Map(instances.map((instance) => [bucketOf(field, instance), 0]));
      for (const { instanceId } of result.placements) {
        const bucket = bucketOf(field, instances.find((instance) => instance.id === instanceId) as InstanceSpec);
        perBucket.set(bucket, (perBucket.get(bucket) ?? 0) + 1);
      }
      const counts = [...perBucket.values()];
      expect(result.placements).toHaveLength(count);
      expect(Math.max(...counts) - Math.min(...counts), JSON.stringify(Object.fromEntries(perBucket))).toBeLessThanOrEqual(1);
    },
  );
});
