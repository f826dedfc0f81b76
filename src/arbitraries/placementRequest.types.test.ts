import * as fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AtMostConstraint, PlacementConstraint, PlacementRequest, PlacementStrategy, RequestConstraint, SpreadLimitConstraint } from '../model/PlacementRequest';
import { constraint, placementRequest, type ConstraintConstraints, type GeneratedPlacementRequest } from './index';

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

describe('the type of a generated constraint', () => {
  it("is ECS's unless the options ask for the constraints beyond ECS", () => {
    expectTypeOf(constraint()).toEqualTypeOf<fc.Arbitrary<PlacementConstraint>>();
    expectTypeOf(constraint({ distinctInstanceRate: 0.5, groups: ['batch-jobs'] })).toEqualTypeOf<fc.Arbitrary<PlacementConstraint>>();
    expectTypeOf(constraint({ spreadLimitRate: 0.2 })).toEqualTypeOf<fc.Arbitrary<PlacementConstraint | SpreadLimitConstraint>>();
    expectTypeOf(constraint({ atMostRate: 0.2 })).toEqualTypeOf<fc.Arbitrary<PlacementConstraint | AtMostConstraint>>();
    // Options whose type is not literal may ask for anything.
    const options: ConstraintConstraints = {};
    expectTypeOf(constraint(options)).toEqualTypeOf<fc.Arbitrary<RequestConstraint>>();
  });
});
