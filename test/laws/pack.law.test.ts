import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { checkPlacement, formatViolations } from '../../src/arbitraries/index';
import type { ModelInstance } from '../../src/arbitraries/model/ModelInstance';
import { replayPlacements } from '../../src/arbitraries/model/replayPlacements';
import type { PackScorer, PackStrategy } from '../../src/model/PackStrategy';
import type { PlacementRequest } from '../../src/model/PlacementRequest';
import { enginePack } from '../support/engineArbitraries';
import { clusterScenario, placementStrategy, roomyRequest, roomyScenario } from '../support/lawArbitraries';
import { runs } from '../support/runs';
import { ENGINES, placeTimes, scenarioCluster } from '../support/scenarioCluster';

/**
 * Each scorer's score as its source states it, higher being better, written
 * apart from the library's keys: Tetris's alignment, Nomad's
 * ScoreFitBinPack (20 minus the sum of 10 to the free share after placing),
 * Kubernetes' MostAllocated, LeastAllocated and BalancedAllocation (on 0 to
 * 100). A resource the instance has not registered counts as full.
 */
function sourceScore(scorer: PackScorer, spec: PackStrategy, instance: ModelInstance, demands: Readonly<Record<string, number | undefined>>): number {
  const weights = spec.weights ?? spec.resources.map(() => 1);
  const rows = spec.resources.map((resource, index) => {
    const capacity = instance.info.registeredResources[resource] ?? 0;
    const weight = weights[index] as number;
    if (!(capacity > 0)) return { weight, demand: 0, free: 0, usedAfter: 1 };
    const demand = demands[resource] ?? 0;
    const remaining = instance.remainingOf(resource);
    return { weight, demand: demand / capacity, free: remaining / capacity, usedAfter: (capacity - remaining + demand) / capacity };
  });
  const totalWeight = rows.reduce((sum, row) => sum + row.weight, 0);
  const meanUsed = rows.reduce((sum, row) => sum + row.weight * row.usedAfter, 0) / totalWeight;
  switch (scorer) {
    case 'dotProduct':
      return rows.reduce((sum, row) => sum + row.weight * row.demand * row.free, 0);
    case 'bestFit':
      return 20 - rows.reduce((sum, row) => sum + row.weight * 10 ** (1 - row.usedAfter), 0);
    case 'mostAllocated':
      return 100 * meanUsed;
    case 'leastAllocated':
      return 100 * (1 - meanUsed);
    case 'balanced':
      return 100 * (1 - Math.sqrt(rows.reduce((sum, row) => sum + row.weight * (row.usedAfter - meanUsed) ** 2, 0) / totalWeight));
  }
}

const packFirst = fc
  .tuple(roomyRequest(fc.constant([])), enginePack, fc.array(placementStrategy, { maxLength: 2 }))
  .map(([request, pack, rest]): PlacementRequest => ({ ...request, placementStrategy: [pack, ...rest] }));

const packAnywhere = fc
  .tuple(roomyRequest(fc.constant([])), fc.array(placementStrategy, { maxLength: 2 }), enginePack, fc.array(fc.oneof(placementStrategy, enginePack), { maxLength: 2 }))
  .map(([request, before, pack, after]): PlacementRequest => ({ ...request, placementStrategy: [...before, pack, ...after] }));

describe.each(ENGINES)('pack on the %s engine', (engine) => {
  test.prop([roomyScenario, packFirst, fc.nat(2)], { numRuns: runs(120) })(
    'pack first picks, at every step, a candidate whose score, as its source computes it, is the best of all candidates',
    (scenario, request, warmUps) => {
      const cluster = scenarioCluster(scenario, engine);
      placeTimes(cluster, request, warmUps);
      const spec = (request.placementStrategy ?? [])[0] as PackStrategy;
      const demands = request.task.resources ?? {};
      const gaps: string[] = [];
      replayPlacements(cluster.snapshot(), request, cluster.place(request).placements, ({ step, candidates, chosen, instanceId }) => {
        if (chosen === undefined) {
          gaps.push(`task ${step} went to ${instanceId}, which is not registered`);
          return;
        }
        const scores = candidates.map((candidate) => sourceScore(spec.scorer, spec, candidate, demands));
        const best = Math.max(...scores);
        const score = sourceScore(spec.scorer, spec, chosen, demands);
        // The library keys by the same formula in another arithmetic order: scores a few units in the last place apart are one score.
        if (score < best - 1e-9 * Math.max(1, Math.abs(best))) {
          gaps.push(`task ${step} went to ${chosen.id}, scored ${score}, but the best was ${best} (${candidates.map((candidate, index) => `${candidate.id}=${String(scores[index])}`).join(', ')})`);
        }
      });
      expect(gaps, gaps.join('\n')).toEqual([]);
    },
  );

  test.prop([fc.oneof(clusterScenario, roomyScenario), packAnywhere], { numRuns: runs(100) })(
    'pack anywhere in a chain only orders the candidates: every task goes where the checks allow, after the strategies before it, and a task fails only when no instance can take it',
    (scenario, request) => {
      const cluster = scenarioCluster(scenario, engine);
      const before = cluster.snapshot();
      const result = cluster.place(request);
      const violations = checkPlacement(before, request, result);
      expect(violations, formatViolations(violations)).toEqual([]);
    },
  );
});
