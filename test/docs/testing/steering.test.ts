import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../src/index';
import { assertPlacement, fleet, placementRequest, statisticsLabels } from '../../../src/arbitraries/index';

// One fleet's constraints, given to the fleet and to the requests drawn for it.
const euFleet = { zones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] };
// Expressions name eu-west-1 zones; no chain holds random, so the checker judges every strategy.
const requests = placementRequest({ fleet: euFleet, strategies: { randomRate: 0 } });

describe('requests drawn for an eu-west-1 fleet', () => {
  it('keep every law, every strategy judged', () => {
    fc.assert(
      fc.property(fleet(euFleet), requests, (instances, request) => {
        const cluster = new Cluster({ instances });
        const before = cluster.snapshot();
        assertPlacement(before, request, cluster.place(request));
        expect(JSON.stringify(request)).not.toContain('us-east-1');
        expect(request.placementStrategy?.some((strategy) => 'type' in strategy && strategy.type === 'random') ?? false).toBe(false);
      }),
    );
  });

  it('keep every law on fleets of up to 111 instances, most of them still small', () => {
    fc.assert(
      fc.property(fleet({ ...euFleet, size: 'medium' }), requests, (instances, request) => {
        const cluster = new Cluster({ instances });
        const before = cluster.snapshot();
        assertPlacement(before, request, cluster.place(request));
      }),
      { numRuns: 20 },
    );
  });

  it('label what they are for fc.statistics, and print an instance on one line', () => {
    // fc.statistics(requests, statisticsLabels) logs lines such as "chain: judged whole ...... 58.50%".
    const lines: string[] = [];
    fc.statistics(requests, statisticsLabels, { numRuns: 100, logger: (line) => lines.push(line) });
    expect(lines.some((line) => line.startsWith('chain: judged whole'))).toBe(true);
    expect(fc.stringify(fc.sample(fleet(euFleet), 1)[0]?.[0])).toMatch(/^<ci-\d+ \S+ eu-west-1[abc] cpu=\d+ memory=\d+/);
  });
});
