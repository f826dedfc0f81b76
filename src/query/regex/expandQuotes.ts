import type { Span } from './regexNode';

/** A pattern with its `\Q...\E` quotes rewritten as escapes, plus the way back. */
export interface QuoteExpansion {
  /** The pattern with every quoted character escaped and the markers removed. */
  readonly text: string;
  /**
   * Maps a span of `text` to the span of the original pattern that produced it,
   * so errors point at what the user wrote.
   */
  toPatternSpan(start: number, end: number): Span;
}

const BACKSLASH = 0x5c;

/**
 * Rewrites `\Q...\E` quotes the way Java's `Pattern` does before parsing:
 * letters and non-ASCII characters stay as they are, other ASCII characters get
 * a backslash, and a digit that opens a quote becomes `\x3N` so that it cannot
 * extend an escape just before the quote (`\0\Q1\E` is `\0` then `1`, which
 * Java rejects). A quote left open runs to the end of the pattern.
 *
 * Doing this textually, as Java does, keeps Java's quirks: `\Qab\E*` repeats
 * only the `b`.
 *
 * @param pattern - The pattern as written.
 * @returns The rewritten text and an offset map back to `pattern`.
 */
export function expandQuotes(pattern: string): QuoteExpansion {
  const first = findQuote(pattern);
  if (first < 0) {
    return { text: pattern, toPatternSpan: (start, end) => ({ start, end }) };
  }
  const units: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const emit = (text: string, start: number, end: number): void => {
    for (let k = 0; k < text.length; k++) {
      units.push(text.charAt(k));
      from.push(start);
      to.push(end);
    }
  };
  for (let k = 0; k < first; k++) emit(pattern.charAt(k), k, k + 1);
  rewrite(pattern, first + 2, emit);
  const text = units.join('');
  return {
    text,
    toPatternSpan(start, end) {
      const s = start < from.length ? (from[start] ?? pattern.length) : pattern.length;
      return { start: s, end: end > start ? (to[end - 1] ?? s) : s };
    },
  };
}

/** The offset of the first `\Q` that is not itself escaped, or -1. */
function findQuote(pattern: string): number {
  for (let i = 0; i < pattern.length - 1; i++) {
    if (pattern.charCodeAt(i) === BACKSLASH) {
      if (pattern.charAt(i + 1) === 'Q') return i;
      i++;
    }
  }
  return -1;
}

type Emit = (text: string, start: number, end: number) => void;

/** Copies `pattern` from just inside an opening `\Q`, resolving quotes as it goes. */
function rewrite(pattern: string, begin: number, emit: Emit): void {
  let inQuote = true;
  let beginQuote = true;
  let i = begin;
  while (i < pattern.length) {
    const at = i++;
    const c = pattern.charAt(at);
    const code = pattern.charCodeAt(at);
    if (code >= 0x80 || isAsciiLetter(code)) {
      emit(c, at, at + 1);
    } else if (code >= 0x30 && code <= 0x39) {
      emit(beginQuote ? `\\x3${c}` : c, at, at + 1);
    } else if (code !== BACKSLASH) {
      emit(inQuote ? `\\${c}` : c, at, at + 1);
    } else if (inQuote) {
      if (pattern.charAt(i) === 'E') {
        i++;
        inQuote = false;
      } else {
        emit('\\\\', at, at + 1);
      }
    } else if (pattern.charAt(i) === 'Q') {
      i++;
      inQuote = true;
      beginQuote = true;
      continue;
    } else {
      emit(c, at, at + 1);
      if (i < pattern.length) {
        emit(pattern.charAt(i), i, i + 1);
        i++;
      }
    }
    beginQuote = false;
  }
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}
