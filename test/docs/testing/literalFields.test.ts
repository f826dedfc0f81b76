import fc from 'fast-check';
import { expect, it } from 'vitest';
import { strategyChain } from '../../../src/arbitraries/index';

// The fields listed are read as literal types: no `as const`, no cast.
const chains = strategyChain({ types: ['binpack', 'spread'], binpackFields: ['memory'], spreadFields: ['attribute:ecs.availability-zone'] });

it('types each strategy by the fields its options list', () => {
  fc.assert(
    fc.property(chains, (chain) => {
      for (const strategy of chain) {
        // strategy.type narrows strategy.field: 'memory' for a binpack, the zone attribute for a spread.
        const field: 'memory' | 'attribute:ecs.availability-zone' = strategy.field;
        expect(field).toBe(strategy.type === 'binpack' ? 'memory' : 'attribute:ecs.availability-zone');
      }
    }),
  );
});
