import type { GenClassItem, GenNode, Spelling } from './genRegex';

const META_OUTSIDE = new Set('\\^$.|?*+()[{');
const META_INSIDE = new Set('\\[]^-&');
const NAMED: Readonly<Record<number, string>> = { 9: 't', 10: 'n', 13: 'r', 12: 'f', 7: 'a', 27: 'e' };

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/**
 * Writes one code point in the requested spelling when it applies, or else
 * the first that does, as the engine under test must read it back.
 */
function spell(cp: number, spelling: Spelling, inClass: boolean): string {
  const ch = String.fromCodePoint(cp);
  const isAsciiAlnum = /^[A-Za-z0-9]$/.test(ch);
  switch (spelling) {
    case 'hex2':
      if (cp < 0x100) return `\\x${hex(cp, 2)}`;
      break;
    case 'hex4':
      if (cp < 0x10000) return `\\u${hex(cp, 4)}`;
      break;
    case 'hexBrace':
      return `\\x{${cp.toString(16)}}`;
    case 'octal':
      // Always three digits, so that a digit printed next cannot extend it.
      if (cp < 0x100) return `\\0${cp.toString(8).padStart(3, '0')}`;
      break;
    case 'named':
      if (NAMED[cp] !== undefined) return `\\${NAMED[cp]}`;
      break;
    case 'control':
      // Not `\c\`: a backslash there would pair with the next character when quotes are scanned.
      if (cp < 0x80 && (cp ^ 64) > 0x20 && (cp ^ 64) < 0x7f && (cp ^ 64) !== 0x5c) return `\\c${String.fromCharCode(cp ^ 64)}`;
      break;
    case 'quote':
      return `\\Q${ch}\\E`;
    case 'escaped':
      if (cp < 0x80 && !isAsciiAlnum) return `\\${ch}`;
      break;
    case 'raw':
      break;
  }
  const meta = inClass ? META_INSIDE : META_OUTSIDE;
  return meta.has(ch) ? `\\${ch}` : ch;
}

function classItem(item: GenClassItem): string {
  switch (item.t) {
    case 'one':
      return spell(item.cp, item.spelling, true);
    case 'range':
      return `${spell(item.lo, item.spelling, true)}-${spell(item.hi, item.spelling, true)}`;
    case 'shorthand':
      return `\\${item.letter}`;
  }
}

/** True when a quantifier can follow the printed node directly. */
function isQuantifiable(node: GenNode): boolean {
  return node.t !== 'seq' && node.t !== 'alt' && node.t !== 'setFlags' && node.t !== 'quote' && node.t !== 'repeat';
}

function flags(change: { readonly on: readonly string[]; readonly off: readonly string[] }): string {
  return change.on.join('') + (change.off.length > 0 ? `-${change.off.join('')}` : '');
}

/**
 * Prints a generated tree as a Java pattern.
 *
 * @returns The pattern text.
 */
export function printJava(root: GenNode): string {
  let names = 0;
  const print = (node: GenNode): string => {
    switch (node.t) {
      case 'lit':
        return spell(node.cp, node.spelling, false);
      case 'dot':
        return '.';
      case 'shorthand':
        return `\\${node.letter}`;
      case 'class':
        return `[${node.negated ? '^' : ''}${node.items.map(classItem).join('')}]`;
      case 'anchor':
        return node.kind === '^' || node.kind === '$' ? node.kind : `\\${node.kind}`;
      case 'quote':
        return `\\Q${String.fromCodePoint(...node.cps)}\\E`;
      case 'seq':
        return node.items.map((item) => (item.t === 'alt' ? `(?:${print(item)})` : print(item))).join('');
      case 'alt':
        return node.alts.map(print).join('|');
      case 'setFlags':
        return `(?${flags(node.change)})`;
      case 'group':
        return `${groupOpen(node.kind, node.change, () => `g${++names}`)}${print(node.body)})`;
      case 'repeat': {
        const body = isQuantifiable(node.body) ? print(node.body) : `(?:${print(node.body)})`;
        return body + quantifier(node.min, node.max, node.counted) + (node.lazy ? '?' : '');
      }
    }
  };
  return print(root);
}

function groupOpen(kind: string, change: { readonly on: readonly string[]; readonly off: readonly string[] }, name: () => string): string {
  if (kind === 'capture') return '(';
  if (kind === 'plain') return '(?:';
  if (kind === 'named') return `(?<${name()}>`;
  return `(?${flags(change)}:`;
}

function quantifier(min: number, max: number, counted: boolean): string {
  if (counted) return max === min ? `{${min}}` : max === Infinity ? `{${min},}` : `{${min},${max}}`;
  if (max === 1) return '?';
  return min === 0 ? '*' : '+';
}
