import type { FlagChange, GenClassItem, GenNode, ShorthandLetter } from './genRegex';

/**
 * Java's shorthand sets, restated independently of the engine, as inclusive
 * ranges for a JavaScript class.
 */
const SETS: Readonly<Record<Lowercase<ShorthandLetter>, readonly (readonly [number, number])[]>> = {
  d: [[0x30, 0x39]],
  w: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]],
  s: [[0x09, 0x0d], [0x20, 0x20]],
  h: [[0x09, 0x09], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x180e, 0x180e], [0x2000, 0x200a], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000]],
  v: [[0x0a, 0x0d], [0x85, 0x85], [0x2028, 0x2029]],
};

/** Java's `$` (and `\Z`) without MULTILINE, in JavaScript terms. */
const JAVA_DOLLAR = '(?:$|(?=\\r\\n$)|(?<!\\r)(?=\\n$)|(?=[\\r\\u{85}\\u{2028}\\u{2029}]$))';
const ANY = '[\\s\\S]';
const DOT = '[^\\n\\r\\u{85}\\u{2028}\\u{2029}]';

interface Flags {
  ci: boolean;
  dotAll: boolean;
}

const u = (cp: number): string => `\\u{${cp.toString(16)}}`;
const ranges = (list: readonly (readonly [number, number])[]): string =>
  list.map(([lo, hi]) => (lo === hi ? u(lo) : `${u(lo)}-${u(hi)}`)).join('');

/** Adds the other-case twin of every ASCII letter in the ranges, as Java's ASCII-only `(?i)` does. */
function fold(list: readonly (readonly [number, number])[]): (readonly [number, number])[] {
  const out = [...list];
  for (const [lo, hi] of list) {
    for (const [from, to, shift] of [[0x61, 0x7a, -0x20], [0x41, 0x5a, 0x20]] as const) {
      const a = Math.max(lo, from);
      const b = Math.min(hi, to);
      if (a <= b) out.push([a + shift, b + shift]);
    }
  }
  return out;
}

function apply(flags: Flags, change: FlagChange): void {
  for (const f of change.on) flags[f === 'i' ? 'ci' : 'dotAll'] = true;
  for (const f of change.off) flags[f === 'i' ? 'ci' : 'dotAll'] = false;
}

function shorthand(letter: ShorthandLetter): { set: readonly (readonly [number, number])[]; negated: boolean } {
  const lower = letter.toLowerCase() as Lowercase<ShorthandLetter>;
  return { set: SETS[lower], negated: lower !== letter };
}

function charClass(negated: boolean, items: readonly GenClassItem[], ci: boolean): string {
  let positive: (readonly [number, number])[] = [];
  const negatives: string[] = [];
  for (const item of items) {
    if (item.t === 'one') positive.push([item.cp, item.cp]);
    else if (item.t === 'range') positive.push([item.lo, item.hi]);
    else {
      const { set, negated: neg } = shorthand(item.letter);
      if (neg) negatives.push(ranges(set));
      else positive.push(...set);
    }
  }
  if (ci) positive = fold(positive);
  const p = ranges(positive);
  if (!negated) return `(?:${[...(p === '' ? [] : [`[${p}]`]), ...negatives.map((s) => `[^${s}]`)].join('|')})`;
  if (negatives.length === 0) return `[^${p}]`;
  return `(?:${p === '' ? '' : `(?![${p}])`}${negatives.map((s) => `(?=[${s}])`).join('')}${ANY})`;
}

function literal(cp: number, ci: boolean): string {
  const letter = (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return ci && letter ? `[${u(cp)}${u(cp ^ 0x20)}]` : u(cp);
}

/**
 * Prints a generated tree as a JavaScript `u`-mode pattern with Java's
 * meaning: literals as `\u{...}`, case-insensitivity expanded into classes
 * (Node has no `(?i:...)`), Java's sets, `.` and `$` spelled out.
 *
 * @returns A pattern to wrap as `^(?:...)$` with the `u` flag.
 */
export function printJavaScript(root: GenNode): string {
  const flags: Flags = { ci: false, dotAll: false };
  const scoped = (body: () => string): string => {
    const saved = { ...flags };
    const text = body();
    Object.assign(flags, saved);
    return `(?:${text})`;
  };
  const print = (node: GenNode): string => {
    switch (node.t) {
      case 'lit':
        return literal(node.cp, flags.ci);
      case 'dot':
        return flags.dotAll ? ANY : DOT;
      case 'shorthand': {
        const { set, negated } = shorthand(node.letter);
        return `[${negated ? '^' : ''}${ranges(set)}]`;
      }
      case 'class':
        return charClass(node.negated, node.items, flags.ci);
      case 'anchor':
        return { '^': '^', A: '^', z: '$', $: JAVA_DOLLAR, Z: JAVA_DOLLAR, b: '\\b', B: '\\B' }[node.kind];
      case 'quote':
        return node.cps.map((cp) => literal(cp, flags.ci)).join('');
      case 'seq':
        return node.items.map((item) => (item.t === 'alt' ? scoped(() => print(item)) : print(item))).join('');
      case 'alt':
        return node.alts.map(print).join('|');
      case 'setFlags':
        apply(flags, node.change);
        return '';
      case 'group':
        return scoped(() => {
          if (node.kind === 'flags') apply(flags, node.change);
          return print(node.body);
        });
      case 'repeat': {
        const body = scoped(() => print(node.body));
        return body + quantifier(node.min, node.max, node.counted) + (node.lazy ? '?' : '');
      }
    }
  };
  return print(root);
}

function quantifier(min: number, max: number, counted: boolean): string {
  if (counted) return max === min ? `{${min}}` : max === Infinity ? `{${min},}` : `{${min},${max}}`;
  if (max === 1) return '?';
  return min === 0 ? '*' : '+';
}
