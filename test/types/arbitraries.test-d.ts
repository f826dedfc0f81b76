// Compiled by `npm run typecheck` (tsconfig.json includes test/), never run:
// the kit's generated types follow the literal fields and types a caller lists,
// and stay what they were for callers that list none.
import type * as fc from 'fast-check';
import { expectTypeOf } from 'vitest';
import {
  placementRequest, strategyChain, type GeneratedPlacementRequest, type GeneratedStrategy, type StrategyChainConstraints,
} from '../../src/arbitraries/index';
import type { PlacementRequest, PlacementStrategy } from '../../src/model/PlacementRequest';

/** What an arbitrary draws. */
type Drawn<A> = A extends fc.Arbitrary<infer V> ? V : never;

// Listed inline, the fields are read as constants: no `as const` needed.
expectTypeOf(strategyChain({ types: ['binpack'], binpackFields: ['memory'] })).toEqualTypeOf<fc.Arbitrary<{ readonly type: 'binpack'; readonly field: 'memory' }[]>>();
const fields = ['memory', 'cpu'] as const;
expectTypeOf(strategyChain({ types: ['binpack', 'random'], binpackFields: fields })).toEqualTypeOf<
  fc.Arbitrary<({ readonly type: 'binpack'; readonly field: 'memory' | 'cpu' } | { readonly type: 'random' })[]>
>();
// Fields alone: every type may be drawn, each with the fields listed for it.
expectTypeOf(strategyChain({ spreadFields: ['instanceId'] })).toEqualTypeOf<fc.Arbitrary<GeneratedStrategy<string, 'instanceId'>[]>>();

declare const chain: GeneratedStrategy<'memory', 'instanceId'>[];
const first = chain[0];
if (first?.type === 'binpack') expectTypeOf(first.field).toEqualTypeOf<'memory'>();
if (first?.type === 'spread') expectTypeOf(first.field).toEqualTypeOf<'instanceId'>();
// @ts-expect-error a binpack field not listed is not a field the chain has
if (first?.type === 'binpack' && first.field === 'cpu') throw new Error('unreachable');

// The same through a request's strategies.
const requests = placementRequest({ strategies: { types: ['spread'], spreadFields: ['attribute:ecs.availability-zone'] } });
expectTypeOf(requests).toEqualTypeOf<fc.Arbitrary<GeneratedPlacementRequest<{ readonly type: 'spread'; readonly field: 'attribute:ecs.availability-zone' }>>>();
// A precise request is still one place takes, and still a generated request.
expectTypeOf<Drawn<typeof requests>>().toExtend<PlacementRequest>();
expectTypeOf<Drawn<typeof requests>>().toExtend<GeneratedPlacementRequest>();

// Callers that list nothing as literals keep the types they had.
expectTypeOf(strategyChain()).toEqualTypeOf<fc.Arbitrary<PlacementStrategy[]>>();
expectTypeOf(strategyChain({ minLength: 1 })).toEqualTypeOf<fc.Arbitrary<PlacementStrategy[]>>();
expectTypeOf(placementRequest()).toEqualTypeOf<fc.Arbitrary<GeneratedPlacementRequest>>();
declare const someFields: string[];
expectTypeOf(strategyChain({ binpackFields: someFields, spreadFields: someFields })).toEqualTypeOf<fc.Arbitrary<PlacementStrategy[]>>();
const written: StrategyChainConstraints = { binpackFields: ['memory'] };
expectTypeOf(strategyChain(written)).toEqualTypeOf<fc.Arbitrary<PlacementStrategy[]>>();
export const asBefore: fc.Arbitrary<PlacementStrategy[]> = strategyChain({ binpackFields: ['memory'] });

// @ts-expect-error a strategy type ECS does not have
strategyChain({ types: ['binpak'] });
// @ts-expect-error a misspelt constraint is still refused at compile time
strategyChain({ binpackField: ['memory'] });
