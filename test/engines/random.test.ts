import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/Cluster';
import type { InstanceSpec } from '../../src/model/InstanceSpec';
import type { PlacementRequest } from '../../src/model/PlacementRequest';
import type { EngineName } from '../../src/model/EngineName';
import { chiSquareStatistic, chiSquareTail, uniformityPValue } from '../support/chiSquare';
import { makeInstanceSpec } from '../support/makeInstanceSpec';

/** A fair choice fails a test at this threshold once in a million; with the fixed seeds below, never. */
const P_THRESHOLD = 1e-6;
const SEED = 20261127;
const ZONE = 'attribute:ecs.availability-zone';

/** Tasks that reserve nothing: every instance can always take the next one. */
const free = (request: Omit<PlacementRequest, 'task'>): PlacementRequest => ({ task: { resources: {} }, group: 'g', ...request });

const twelveTwins = Array.from({ length: 12 }, (_, index) => makeInstanceSpec(`twin-${index}`));

/** 2, 3 and 5 instances in three zones, registered interleaved so that every zone's instances are spread over the registration order. */
const unevenZones: InstanceSpec[] = ['a', 'b', 'c', 'c', 'b', 'c', 'a', 'c', 'b', 'c'].map((zone, index) =>
  makeInstanceSpec(`${zone}-${index}`, { zone: `us-east-1${zone}` }));

/** Places one task at a time and stops it, so every trial starts from the same state; returns where each went. */
function placeAndStop(cluster: Cluster, request: PlacementRequest, trials: number): string[] {
  const chosen: string[] = [];
  for (let trial = 0; trial < trials; trial += 1) {
    const placement = cluster.place(request).placements[0];
    if (placement === undefined) throw new Error(`trial ${trial}: ${JSON.stringify(request)} placed nothing`);
    chosen.push(placement.instanceId);
    cluster.stopTask(placement.taskId);
  }
  return chosen;
}

/** How often each id was chosen, in the order of `ids`. */
function hits(ids: readonly string[], chosen: readonly string[]): number[] {
  return ids.map((id) => chosen.filter((instanceId) => instanceId === id).length);
}

function describeHits(ids: readonly string[], counts: readonly number[]): string {
  return ids.map((id, index) => `${id}: ${counts[index]}`).join(', ');
}

function expectUniform(ids: readonly string[], chosen: readonly string[]): void {
  const counts = hits(ids, chosen);
  const missed = chosen.filter((id) => !ids.includes(id));
  expect(missed, `draws outside the ${ids.length} tied candidates`).toEqual([]);
  expect(uniformityPValue(counts), `chi-square p-value of ${describeHits(ids, counts)}`).toBeGreaterThan(P_THRESHOLD);
}

describe('the chi-square tail', () => {
  it('is exp(-x/2) with 2 degrees of freedom', () => {
    expect(chiSquareTail(2 * Math.log(1e6), 2)).toBeCloseTo(1e-6, 12);
    expect(chiSquareTail(3, 2)).toBeCloseTo(Math.exp(-1.5), 12);
  });

  it.each([
    [1, 23.93],
    [3, 30.66],
    [5, 35.89],
  ])('gives about 1e-6 at the tabulated critical value for %i degrees of freedom', (degrees, critical) => {
    const tail = chiSquareTail(critical, degrees);
    expect(tail, `tail at ${critical}`).toBeGreaterThan(0.97e-6);
    expect(tail, `tail at ${critical}`).toBeLessThan(1.03e-6);
  });

  it('gives 1 at 0 and about one half at the mean for many degrees of freedom', () => {
    expect(chiSquareTail(0, 11)).toBe(1);
    expect(chiSquareTail(100, 100)).toBeCloseTo(0.48, 2);
    expect(chiSquareStatistic([10, 20], [15, 15])).toBeCloseTo(50 / 15, 12);
  });
});

describe('random on the indexed engine', () => {
  it('places on each of 12 identical instances equally often, one task at a time from the same state', () => {
    const cluster = new Cluster({ instances: twelveTwins, seed: SEED });
    const chosen = placeAndStop(cluster, free({ placementStrategy: [{ type: 'random' }] }), 12 * 500);
    expectUniform(twelveTwins.map((spec) => spec.id), chosen);
  });

  it('gives the first task of fresh clusters to each of 12 identical instances equally often across seeds', () => {
    const chosen = Array.from({ length: 12 * 400 }, (_, seed) =>
      new Cluster({ instances: twelveTwins, seed }).place(free({})).placements[0]?.instanceId ?? 'nothing');
    expectUniform(twelveTwins.map((spec) => spec.id), chosen);
  });

  it('after spread by zone, draws uniformly over every candidate of every tied zone, not zone by zone', () => {
    const cluster = new Cluster({ instances: unevenZones, seed: SEED });
    const chosen = placeAndStop(cluster, free({ placementStrategy: [{ type: 'spread', field: ZONE }, { type: 'random' }] }), 10 * 500);
    expectUniform(unevenZones.map((spec) => spec.id), chosen);
    // Zone by zone would give each zone a third; over the tied candidates, zones get 2, 3 and 5 tenths.
    const zones = ['a', 'b', 'c'].map((zone) => chosen.filter((id) => id.startsWith(`${zone}-`)).length);
    const statistic = chiSquareStatistic(zones, [0.2, 0.3, 0.5].map((share) => share * chosen.length));
    expect(chiSquareTail(statistic, 2), `zones a, b, c chosen ${zones.join(', ')} times`).toBeGreaterThan(P_THRESHOLD);
  });

  it('never draws from a zone with more tasks of the group, and draws uniformly over the tied zones', () => {
    const cluster = new Cluster({ instances: unevenZones, seed: SEED });
    // One task of the group stays in zone c, so only zones a and b tie.
    cluster.place(free({ placementConstraints: [{ type: 'memberOf', expression: `${ZONE} == us-east-1c` }] }));
    const chosen = placeAndStop(cluster, free({ placementStrategy: [{ type: 'spread', field: ZONE }, { type: 'random' }] }), 5 * 600);
    expectUniform(unevenZones.map((spec) => spec.id).filter((id) => !id.startsWith('c-')), chosen);
  });

  it('after spread by zone and binpack, draws uniformly over the instances tied on both, across zones', () => {
    // The instances with 4096 MiB (every other one) tie on binpack(memory); the others never do.
    const instances = unevenZones.map((spec, index) => ({ ...spec, resources: { cpu: 2048, memory: index % 2 === 0 ? 4096 : 8192 } }));
    const cluster = new Cluster({ instances, seed: SEED });
    const chain = [{ type: 'spread', field: ZONE }, { type: 'binpack', field: 'memory' }, { type: 'random' }] as const;
    const chosen = placeAndStop(cluster, free({ placementStrategy: chain }), 5 * 600);
    expectUniform(instances.filter((_, index) => index % 2 === 0).map((spec) => spec.id), chosen);
  });
});

describe('random on both engines', () => {
  const setups: readonly [string, readonly InstanceSpec[], PlacementRequest][] = [
    ['random over 12 identical instances', twelveTwins, free({ placementStrategy: [{ type: 'random' }] })],
    ['the default random of a standalone request', twelveTwins, free({})],
    ['spread by zone, then random', unevenZones, free({ placementStrategy: [{ type: 'spread', field: ZONE }, { type: 'random' }] })],
    ['random, then spread by zone (ignored)', unevenZones, free({ placementStrategy: [{ type: 'random' }, { type: 'spread', field: ZONE }] })],
  ];

  it.each(setups)('make the same choices for the same seeds: %s', (_, instances, request) => {
    for (let seed = 0; seed < 100; seed += 1) {
      const run = (engine: EngineName): string[] => {
        const cluster = new Cluster({ instances, seed, engine });
        const oneByOne = placeAndStop(cluster, request, 10);
        const together = cluster.place({ ...request, count: 8 }).placements.map((placement) => placement.instanceId);
        return [...oneByOne, ...together];
      };
      expect(run('indexed'), `seed ${seed}`).toEqual(run('reference'));
    }
  });
});
