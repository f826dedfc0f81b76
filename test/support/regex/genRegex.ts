import fc from 'fast-check';

/** How a literal code point is written in the Java pattern; a printer falls back when one does not apply. */
export type Spelling = 'raw' | 'escaped' | 'hex2' | 'hex4' | 'hexBrace' | 'octal' | 'named' | 'control' | 'quote';

/** Shorthand class letters, Java meanings. */
export type ShorthandLetter = 'd' | 'D' | 'w' | 'W' | 's' | 'S' | 'h' | 'H' | 'v' | 'V';

/** Zero-width assertions, by their Java spelling without the backslash (`^` and `$` as is). */
type AnchorKind = '^' | '$' | 'A' | 'z' | 'Z' | 'b' | 'B';

/** Changes to the two supported flags; a flag missing from both lists is left alone. */
export interface FlagChange {
  readonly on: readonly ('i' | 's')[];
  readonly off: readonly ('i' | 's')[];
}

/** One item inside a generated `[...]`. */
export type GenClassItem =
  | { readonly t: 'one'; readonly cp: number; readonly spelling: Spelling }
  | { readonly t: 'range'; readonly lo: number; readonly hi: number; readonly spelling: Spelling }
  | { readonly t: 'shorthand'; readonly letter: ShorthandLetter };

/**
 * A generated pattern, printed once as Java syntax (for the engine) and once
 * as an equivalent JavaScript `u`-mode pattern (the oracle).
 */
export type GenNode =
  | { readonly t: 'lit'; readonly cp: number; readonly spelling: Spelling }
  | { readonly t: 'dot' }
  | { readonly t: 'shorthand'; readonly letter: ShorthandLetter }
  | { readonly t: 'class'; readonly negated: boolean; readonly items: readonly GenClassItem[] }
  | { readonly t: 'anchor'; readonly kind: AnchorKind }
  | { readonly t: 'quote'; readonly cps: readonly number[] }
  | { readonly t: 'seq'; readonly items: readonly GenNode[] }
  | { readonly t: 'alt'; readonly alts: readonly GenNode[] }
  | { readonly t: 'setFlags'; readonly change: FlagChange }
  | { readonly t: 'group'; readonly kind: 'capture' | 'plain' | 'named' | 'flags'; readonly change: FlagChange; readonly body: GenNode }
  | { readonly t: 'repeat'; readonly body: GenNode; readonly min: number; readonly max: number; readonly counted: boolean; readonly lazy: boolean };

const cp = (s: string): number => s.codePointAt(0) ?? 0;

/** Code points for literals: mostly a few letters, plus characters that test escaping, case and line ends. */
const literalCodePoint: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.constantFrom(...'abcAB'.split('').map(cp)), weight: 6 },
  { arbitrary: fc.constantFrom(...'-._ 01\n\r\t\\*{}[]&^$|?+()#é'.split('').map(cp), 0x1f600, 0x85, 0x2028, 0xa0), weight: 2 },
);

/** Values to match: strings over a small alphabet close to the literals, plus look-alikes. */
export const valueArbitrary: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { arbitrary: fc.constantFrom('a', 'b', 'c', 'A', 'B'), weight: 8 },
      {
        arbitrary: fc.constantFrom(
          ...'C-_ 019\n\r\t\u000b\u000c\\*]{é\u00c9\u0085\u2028\u00a0\u212a\u017f'.split(''),
          '😀',
          '\ud83d',
        ),
        weight: 3,
      },
    ),
    { maxLength: 8 },
  )
  .map((units) => units.join(''));

const spelling: fc.Arbitrary<Spelling> = fc.constantFrom('raw', 'raw', 'raw', 'escaped', 'hex2', 'hex4', 'hexBrace', 'octal', 'named', 'control', 'quote');
const flagName = fc.constantFrom<'i' | 's'>('i', 's');
const flagChange: fc.Arbitrary<FlagChange> = fc.record({
  on: fc.uniqueArray(flagName, { maxLength: 2 }),
  off: fc.uniqueArray(flagName, { maxLength: 1 }),
});

const classItem: fc.Arbitrary<GenClassItem> = fc.oneof(
  fc.record({ t: fc.constant('one' as const), cp: literalCodePoint, spelling }),
  fc
    .record({ a: literalCodePoint, b: literalCodePoint, spelling })
    .map(({ a, b, spelling: s }) => ({ t: 'range' as const, lo: Math.min(a, b), hi: Math.max(a, b), spelling: s })),
  fc.record({ t: fc.constant('shorthand' as const), letter: fc.constantFrom<ShorthandLetter>('d', 'D', 'w', 'W', 's', 'S', 'h', 'H', 'v', 'V') }),
);

const atom: fc.Arbitrary<GenNode> = fc.oneof(
  { arbitrary: fc.record({ t: fc.constant('lit' as const), cp: literalCodePoint, spelling }), weight: 8 },
  { arbitrary: fc.constant({ t: 'dot' as const }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constant('shorthand' as const), letter: fc.constantFrom<ShorthandLetter>('d', 'D', 'w', 'W', 's', 'S', 'h', 'H', 'v', 'V') }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('class' as const), negated: fc.boolean(), items: fc.array(classItem, { minLength: 1, maxLength: 3 }) }), weight: 3 },
  { arbitrary: fc.record({ t: fc.constant('anchor' as const), kind: fc.constantFrom<AnchorKind>('^', '$', 'A', 'z', 'Z', 'b', 'B') }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('quote' as const), cps: fc.array(literalCodePoint.filter((c) => c !== 0x5c), { minLength: 1, maxLength: 3 }) }), weight: 1 },
);

const bounds = fc.oneof(
  fc.constantFrom<[number, number, boolean]>([0, Infinity, false], [1, Infinity, false], [0, 1, false]),
  fc.tuple(fc.nat(3), fc.option(fc.nat(3), { nil: Infinity })).map(([n, extra]): [number, number, boolean] => [n, n + extra, true]),
);

/** Arbitrary regular-expression trees of bounded depth. */
export const regexTree: fc.Arbitrary<GenNode> = fc.letrec<{ node: GenNode; term: GenNode; seq: GenNode }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'regex' },
    tie('seq'),
    fc.array(tie('seq'), { minLength: 2, maxLength: 3 }).map((alts): GenNode => ({ t: 'alt', alts })),
  ),
  seq: fc
    .array(fc.oneof({ arbitrary: tie('term'), weight: 6 }, { arbitrary: flagChange.map((change): GenNode => ({ t: 'setFlags', change })), weight: 1 }), { maxLength: 4 })
    .map((items): GenNode => ({ t: 'seq', items })),
  term: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'regex' },
    { arbitrary: atom, weight: 5 },
    {
      arbitrary: fc.record({ body: tie('term'), bounds, lazy: fc.boolean() }).map(
        ({ body, bounds: [min, max, counted], lazy }): GenNode => ({ t: 'repeat', body, min, max, counted, lazy }),
      ),
      weight: 2,
    },
    {
      arbitrary: fc.record({ kind: fc.constantFrom('capture' as const, 'plain' as const, 'named' as const, 'flags' as const), change: flagChange, body: tie('node') }).map(
        (group): GenNode => ({ t: 'group', ...group }),
      ),
      weight: 2,
    },
  ),
})).node;
