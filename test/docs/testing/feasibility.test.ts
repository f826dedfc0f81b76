import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCluster, placementCase, statisticsLabels } from '../../../src/arbitraries/index';

describe('requests built to place, or to fail', () => {
  it('place every task of a feasible case, whatever the chain', () => {
    fc.assert(
      fc.property(placementCase({ feasibility: 'feasible' }), (drawn) => {
        const result = buildCluster(drawn).place(drawn.request);
        expect(result.placements).toHaveLength(drawn.request.count ?? 1);
      }),
      { numRuns: 30 },
    );
  });

  it('fail a task that wants more memory than any instance has, for that reason', () => {
    fc.assert(
      fc.property(placementCase({ feasibility: { infeasible: 'RESOURCE:MEMORY' } }), (drawn) => {
        const result = buildCluster(drawn).place(drawn.request);
        expect(result.placements).toEqual([]);
        for (const failure of result.failures) expect(failure.reason).toBe('RESOURCE:MEMORY');
      }),
      { numRuns: 30 },
    );
  });

  it('mix both at a stated rate, labelled by placing each case on a copy', () => {
    // fc.statistics logs lines such as "feasibility: feasible ...... 74.00%".
    const lines: string[] = [];
    const cases = placementCase({ feasibility: 'mixed', infeasibleRate: 0.25 });
    fc.statistics(cases, statisticsLabels, { numRuns: 60, logger: (line) => lines.push(line) });
    expect(lines.some((line) => line.startsWith('feasibility: infeasible'))).toBe(true);
  });
});
