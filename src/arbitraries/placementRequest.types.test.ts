import * as fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { PlacementRequest, PlacementStrategy } from '../model/PlacementRequest';
import { placementRequest, type GeneratedPlacementRequest } from './index';

describe('the type of a generated request', () => {
  it('has JSON strategies only, and is a request place takes', () => {
    expectTypeOf(placementRequest()).toEqualTypeOf<fc.Arbitrary<GeneratedPlacementRequest>>();
    expectTypeOf<GeneratedPlacementRequest['placementStrategy']>().toEqualTypeOf<readonly PlacementStrategy[] | undefined>();
    expectTypeOf<GeneratedPlacementRequest>().toExtend<PlacementRequest>();
    // What the type promises holds for what is drawn: every strategy has a type, none is a Strategy object.
    for (const request of fc.sample(placementRequest(), { numRuns: 200, seed: 7 })) {
      for (const strategy of request.placementStrategy ?? []) expect(['binpack', 'spread', 'random']).toContain(strategy.type);
    }
  });
});
