import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { Cluster } from '../../src/cluster/Cluster';
import type { InstanceSpec } from '../../src/model/InstanceSpec';
import { checkPlacement, formatViolations } from '../../src/arbitraries/index';
import { clusterScenario, grouping, lawFleet, placementStrategy, randomStrategy, requestArbitrary, roomyScenario, roomyTaskSpec } from '../support/lawArbitraries';
import { chiSquareStatistic } from '../support/chiSquare';
import { ENGINES, scenarioCluster } from '../support/scenarioCluster';
import { runs } from '../support/runs';

/** Requests whose chain starts with random, or standalone requests that get random by default. */
const randomRequests = requestArbitrary({
  task: roomyTaskSpec,
  strategies: fc.oneof(
    fc.tuple(randomStrategy, fc.array(placementStrategy, { maxLength: 2 })).map(([first, rest]) => [first, ...rest]),
    fc.constant(undefined),
  ),
  grouping: grouping.map(({ group }) => (group === undefined ? {} : { group })),
});

const TRIALS_PER_INSTANCE = 300;
/** Chi-square critical values for p = 1e-6 with 1 to 5 degrees of freedom: a fair choice fails one run in a million. */
const CHI_SQUARE_ONE_IN_A_MILLION = [23.93, 27.63, 30.66, 33.38, 35.89];

/** `size` instances identical to `template` but for their ids, all able to take tasks. */
function twins(template: InstanceSpec, size: number): InstanceSpec[] {
  return Array.from({ length: size }, (_, index): InstanceSpec => ({ ...template, id: `twin-${index}`, status: 'ACTIVE', agentConnected: true }));
}

describe.each(ENGINES)('random on the %s engine', (engine) => {
  test.prop([fc.oneof(clusterScenario, roomyScenario), randomRequests], { numRuns: runs(150) })('random places every task on an instance that could take it', (scenario, request) => {
    const cluster = scenarioCluster(scenario, engine);
    const before = cluster.snapshot();
    const violations = checkPlacement(before, request, cluster.place(request));
    expect(violations, formatViolations(violations)).toEqual([]);
  });

  test.prop([clusterScenario, randomRequests], { numRuns: runs(100) })('the same seed, state and request give the same random placements', (scenario, request) => {
    const first = scenarioCluster(scenario, engine);
    const second = scenarioCluster(scenario, engine);
    expect(first.place(request)).toEqual(second.place(request));
    expect(first.snapshot()).toEqual(second.snapshot());
  });

  test.prop([lawFleet(1, 1), fc.integer({ min: 2, max: 6 }), fc.nat()], { numRuns: runs(100) })(
    'across seeds, one task placed at random over identical instances lands on every one of them',
    ([template], size, firstSeed) => {
      const instances = twins(template as InstanceSpec, size);
      const chosen = new Set<string | undefined>();
      // A fair choice misses one of `size` instances in 20 * size tries with probability below e^-20.
      for (let seed = firstSeed; seed < firstSeed + size * 20; seed += 1) {
        chosen.add(new Cluster({ instances, seed, engine }).place({ task: { resources: {} } }).placements[0]?.instanceId);
      }
      expect([...chosen].sort()).toEqual(instances.map((instance) => instance.id).sort());
    },
  );

  test.prop([lawFleet(1, 1), fc.integer({ min: 2, max: 6 }), fc.nat()], { numRuns: runs(100) })(
    'random over identical instances passes a chi-square test of uniformity',
    ([template], size, seed) => {
      const instances = twins(template as InstanceSpec, size);
      // A task that needs nothing leaves every instance able to take the next one.
      const { placements } = new Cluster({ instances, seed, engine }).place({ task: { resources: {} }, count: size * TRIALS_PER_INSTANCE });
      const hits = new Map(instances.map((instance) => [instance.id, 0]));
      for (const { instanceId } of placements) hits.set(instanceId, (hits.get(instanceId) ?? 0) + 1);
      const statistic = chiSquareStatistic([...hits.values()], instances.map(() => TRIALS_PER_INSTANCE));
      expect(hits.size, JSON.stringify(Object.fromEntries(hits))).toBe(size);
      expect(statistic, JSON.stringify(Object.fromEntries(hits))).toBeLessThan(CHI_SQUARE_ONE_IN_A_MILLION[size - 2] as number);
    },
  );
});
