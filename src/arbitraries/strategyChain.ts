/**
 * A chain of placement strategies as a request gives it.
 *
 * @module
 */
import * as fc from 'fast-check';
import type { PlacementStrategy, PlacementStrategyType } from '../model/PlacementRequest';
import { BINPACK_FIELDS, SPREAD_FIELDS } from './defaults';
import type { ChainStrategy, GeneratedStrategy } from './GeneratedStrategy';
import { requestString } from './internal/accepted';
import { choiceItem, fail, integer, list, ordered, rate, readFields, where, type ItemReader, type Where } from './internal/readConstraints';
import { readSelectors, SELECTOR_KEYS } from './internal/selectors';
import { CROSS_SHRINK } from './internal/sometimes';

/**
 * What {@link strategyChain} may generate. The type parameters are the
 * fields and types listed, which the generated strategies' type follows
 * (see {@link GeneratedStrategy}); they are inferred, never written.
 *
 * @typeParam B - the binpack fields listed
 * @typeParam S - the spread fields listed
 * @typeParam T - the strategy types listed
 */
export interface StrategyChainConstraints<B extends string = string, S extends string = string, T extends PlacementStrategyType = PlacementStrategyType> {
  /**
   * The fewest strategies; a chain of none leaves ECS's defaults.
   * @defaultValue `0`
   */
  readonly minLength?: number;
  /**
   * The most strategies, at most 5 (ECS's limit).
   * @defaultValue `3`
   */
  readonly maxLength?: number;
  /**
   * The strategy types to draw from.
   * @defaultValue `['binpack', 'spread', 'random']`
   */
  readonly types?: readonly T[];
  /**
   * Resources binpack packs on.
   * @defaultValue `['memory', 'cpu', 'gpu', 'eni']`
   */
  readonly binpackFields?: readonly B[];
  /**
   * Fields spread spreads over.
   * @defaultValue `['attribute:ecs.availability-zone', 'instanceId', 'host', 'attribute:ecs.instance-type']`
   */
  readonly spreadFields?: readonly S[];
  /**
   * The chance that a chain holds a `random` strategy, when `types` has it.
   * The checker judges no strategy from a `random` on, so the default keeps
   * most chains judged; 0 leaves `random` out, 1 puts one in every chain
   * that has room for it.
   * @defaultValue `0.1`
   */
  readonly randomRate?: number;
  /**
   * The chance that a spread has a `taskSelector` (the library's extension
   * beside ECS: it counts only the group's tasks of a family or revision,
   * as a rollout spreads), drawn from `selectorFamilies` and
   * `selectorRevisions`: one revision, one family, or both. Needs `spread`
   * in `types` and at least one of those lists. ECS's readers refuse it.
   * @defaultValue `0`: no spread has a selector, and the chains drawn are what they always were
   */
  readonly taskSelectorRate?: number;
  /**
   * The task definition families a `taskSelector` may select; the first is the one counter-examples shrink to.
   * @defaultValue none
   */
  readonly selectorFamilies?: readonly string[];
  /**
   * The task definition revisions (whole numbers of at least 1) a
   * `taskSelector` may select, such as those given to {@link task} as
   * `revisions`; the first is the one counter-examples shrink to.
   * @defaultValue none
   */
  readonly selectorRevisions?: readonly number[];
}

const KEYS = ['minLength', 'maxLength', 'types', 'binpackFields', 'spreadFields', 'randomRate', ...SELECTOR_KEYS];
const TYPES: readonly PlacementStrategyType[] = ['binpack', 'spread', 'random'];
/** ECS refuses more strategies than this. */
const MAX_STRATEGIES = 5;

function field(at: Where, type: PlacementStrategyType): ItemReader<string> {
  return requestString(at, (value) => ({ task: { resources: {} }, placementStrategy: [{ type, field: value }] }));
}

/** The arbitrary of one strategy for constraints read at `at`, with the chain's length bounds. */
export function strategyChainFrom(value: unknown, at: Where): fc.Arbitrary<PlacementStrategy[]> {
  const fields = readFields(at, value, KEYS);
  const minLength = integer(at, fields, 'minLength', 0, 0, MAX_STRATEGIES);
  const maxLength = integer(at, fields, 'maxLength', Math.max(3, minLength), 0, MAX_STRATEGIES);
  ordered(at, 'minLength', minLength, 'maxLength', maxLength);
  const types = list(at, fields, 'types', TYPES, choiceItem(at, TYPES));
  const binpackFields = list(at, fields, 'binpackFields', BINPACK_FIELDS, field(at, 'binpack'), types.includes('binpack') ? 1 : 0);
  const spreadFields = list(at, fields, 'spreadFields', SPREAD_FIELDS, field(at, 'spread'), types.includes('spread') ? 1 : 0);
  const randomRate = rate(at, fields, 'randomRate', 0.1);
  if (fields.has('randomRate') && !types.includes('random')) fail(at, 'randomRate', 'is given, but types leaves random out');
  const selector = readSelectors(at, fields, types.includes('spread') && maxLength > 0, 'types leaves spread out: no spread is drawn');
  const ranked = types.filter((type) => type !== 'random').map((type): fc.Arbitrary<PlacementStrategy> => {
    const plainStrategy = fc.constantFrom(...(type === 'binpack' ? binpackFields : spreadFields)).map((name): PlacementStrategy => ({ type, field: name }));
    // Without selectors the strategy is the one it always was, so values and shrinking stay exactly as they were.
    if (type !== 'spread' || selector === undefined) return plainStrategy;
    return fc.tuple(plainStrategy, selector).map(([strategy, taskSelector]): PlacementStrategy => (taskSelector === undefined ? strategy : { ...strategy, taskSelector }));
  });
  const random: PlacementStrategy = { type: 'random' };
  if (ranked.length === 0) return fc.array(fc.constant(random), { minLength, maxLength });
  const plain = fc.array(fc.oneof(CROSS_SHRINK, ...ranked), { minLength, maxLength });
  const chance = Math.round((types.includes('random') && maxLength > 0 ? randomRate : 0) * 1000);
  if (chance === 0) return plain;
  // The random strategy goes anywhere in the chain; whatever follows it is not judged, but it is still validated.
  const withRandom = fc
    .tuple(fc.array(fc.oneof(CROSS_SHRINK, ...ranked), { minLength: Math.max(0, minLength - 1), maxLength: maxLength - 1 }), fc.nat())
    .map(([chain, slot]) => {
      const position = slot % (chain.length + 1);
      return [...chain.slice(0, position), random, ...chain.slice(position)];
    });
  if (chance === 1000) return withRandom;
  // Chains without random first: they are the ones the checker judges, and the simpler counter-examples.
  return fc.oneof(CROSS_SHRINK, { weight: 1000 - chance, arbitrary: plain }, { weight: chance, arbitrary: withRandom });
}

/**
 * Generates a `placementStrategy` array as a RunTask or CreateService call
 * gives it: binpack on a resource, spread over an instance or attribute
 * field, random, and, with `taskSelectorRate`, spreads that count only a
 * family's or a revision's tasks (`taskSelector`). Shrinks towards a
 * shorter chain (none: ECS's defaults) of the first type on the first field,
 * without a selector.
 *
 * The strategies' type follows the fields and types listed:
 * `strategyChain({ binpackFields: ['memory'] })` is an arbitrary of chains
 * whose binpacks have `field: 'memory'` (see {@link GeneratedStrategy}).
 * Without literal lists it is {@link PlacementStrategy}, as before.
 *
 * @typeParam B - the binpack fields listed, inferred as literals
 * @typeParam S - the spread fields listed, inferred as literals
 * @typeParam T - the strategy types listed, inferred as literals
 * @param constraints - the chain's length, types and fields
 * @returns an arbitrary of {@link PlacementStrategy} arrays that `place` accepts
 * @throws {@link ConstraintsError} naming `strategyChain` when a constraint is unknown, out of range, or a field is refused by the library
 *
 * @example
 * ```ts
 * fc.assert(fc.property(strategyChain({ minLength: 1, types: ['spread'] }), (chain) => chain[0]?.type === 'spread'));
 * ```
 */
export function strategyChain<const B extends string = string, const S extends string = string, const T extends PlacementStrategyType = PlacementStrategyType>(
  constraints: StrategyChainConstraints<B, S, T> = {},
): fc.Arbitrary<ChainStrategy<B, S, T>[]> {
  // The chain is drawn from the lists given, so its strategies are of the types those lists name.
  return strategyChainFrom(constraints, where('strategyChain')) as fc.Arbitrary<ChainStrategy<B, S, T>[]>;
}
