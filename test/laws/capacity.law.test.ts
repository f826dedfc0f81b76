import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { PlacementRequest } from '../../src/model/PlacementRequest';
import { clusterScenario, crowdedPortScenario, requestArbitrary, roomyScenario } from '../support/lawArbitraries';
import { runs } from '../support/runs';
import { ENGINES, scenarioCluster } from '../support/scenarioCluster';

/** Requests whose task reserves something, with any chain and constraints (memberOf on task counts and groups, distinctInstance). */
const request = requestArbitrary().filter((candidate) => Object.values(candidate.task.resources ?? {}).some((amount) => (amount ?? 0) > 0));
const scenario = fc.oneof(clusterScenario, roomyScenario, crowdedPortScenario());

/** The capacity question a request asks. */
function question(candidate: PlacementRequest): Parameters<ReturnType<typeof scenarioCluster>['capacity']> {
  return [candidate.task, {
    ...(candidate.service === undefined ? {} : { service: candidate.service }),
    ...(candidate.group === undefined ? {} : { group: candidate.group }),
    ...(candidate.placementConstraints === undefined ? {} : { placementConstraints: candidate.placementConstraints }),
  }];
}

describe.each(ENGINES)('capacity on the %s engine', (engine) => {
  test.prop([scenario, request, fc.nat(2)], { numRuns: runs(120) })(
    'is exact: placing that many copies, by any chain, succeeds, and one more fails; and it changes nothing',
    (history, candidate, warmUps) => {
      const cluster = scenarioCluster(history, engine);
      for (let index = 0; index < warmUps; index += 1) cluster.place(candidate);
      const before = cluster.snapshot();
      const answer = cluster.capacity(...question(candidate));
      expect(cluster.snapshot()).toEqual(before);
      const result = cluster.place({ ...candidate, count: answer.total + 1 });
      expect(result.placements).toHaveLength(answer.total);
      expect(result.failures).toHaveLength(1);
    },
  );

  test.prop([scenario, request], { numRuns: runs(60) })('counts every copy once by instance type and once by attribute value, where placing them puts them', (history, candidate) => {
    const cluster = scenarioCluster(history, engine);
    const answer = cluster.capacity(...question(candidate));
    const sum = (counts: readonly { readonly copies: number }[]): number => counts.reduce((total, { copies }) => total + copies, 0);
    expect(sum(answer.byInstanceType)).toBe(answer.total);
    expect(sum(answer.byAttribute)).toBe(answer.total);
    // Filling the cluster puts the copies where the answer counted them.
    const instances = new Map(cluster.snapshot().instances.map((instance) => [instance.id, instance]));
    const placed = new Map<string | null, number>();
    for (const { instanceId } of cluster.place({ ...candidate, count: Math.max(1, answer.total) }).placements) {
      const zone = instances.get(instanceId)?.attributes['ecs.availability-zone'] ?? null;
      placed.set(zone, (placed.get(zone) ?? 0) + 1);
    }
    expect(Object.fromEntries(placed)).toEqual(Object.fromEntries(answer.byAttribute.map(({ value, copies }) => [String(value), copies])));
  });
});

describe('capacity on both engines', () => {
  test.prop([scenario, request], { numRuns: runs(60) })('gives the same answer', (history, candidate) => {
    expect(scenarioCluster(history, 'indexed').capacity(...question(candidate))).toEqual(scenarioCluster(history, 'reference').capacity(...question(candidate)));
  });
});
