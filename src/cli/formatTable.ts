/**
 * Plain-text tables for the terminal.
 *
 * @module
 */
import { visible } from './visible';
import { wrapText } from './wrapText';

/** A column: its heading and whether its cells line up on the right (numbers). */
export interface Column {
  readonly heading: string;
  readonly align?: 'left' | 'right';
}

const GAP = '  ';

/**
 * Lays rows out in aligned columns under a heading line and a rule.
 *
 * When the table is wider than `width`, the widest columns give up width
 * first and their cells wrap at spaces onto continuation lines, no column
 * narrower than its longest word. When even that does not fit, each row
 * becomes a record instead, one `HEADING  value` line per column and a blank
 * line between rows, so that no id is broken. Invisible characters in
 * headings and cells are shown escaped (see {@link visible}).
 *
 * @param columns - the columns
 * @param rows - one array of cell texts per row
 * @param width - the most characters a line may have; unbounded by default
 * @returns the text, without a trailing newline
 */
export function formatTable(columns: readonly Column[], rows: readonly (readonly string[])[], width = Number.POSITIVE_INFINITY): string {
  const headings = columns.map((column) => visible(column.heading));
  const body = rows.map((row) => columns.map((_column, index) => visible(row[index] ?? '')));
  const all = [headings, ...body];
  const natural = columns.map((_column, index) => Math.max(...all.map((cells) => (cells[index] ?? '').length)));
  const room = width - GAP.length * (columns.length - 1);
  const widths = sum(natural) <= room ? natural : capped(natural, wholeWords(columns, all, natural), room);
  if (widths === undefined) return records(headings, body, width);
  const lines = (cells: readonly string[]): string[] => {
    const wrapped = cells.map((cell, index) => wrapText(cell, widths[index] ?? cell.length));
    const height = Math.max(...wrapped.map((cellLines) => cellLines.length));
    return Array.from({ length: height }, (_line, line) =>
      columns
        .map((column, index) => {
          const text = wrapped[index]?.[line] ?? '';
          const columnWidth = widths[index] ?? 0;
          return column.align === 'right' ? text.padStart(columnWidth) : text.padEnd(columnWidth);
        })
        .join(GAP)
        .trimEnd());
  };
  const rule = widths.map((columnWidth) => '-'.repeat(columnWidth)).join(GAP);
  return [...lines(headings), rule, ...body.flatMap(lines)].join('\n');
}

/**
 * The narrowest each column can be without breaking a word: its longest word,
 * or its whole width for numbers, which read wrong on two lines.
 */
function wholeWords(columns: readonly Column[], all: readonly (readonly string[])[], natural: readonly number[]): number[] {
  return columns.map((column, index) => {
    if (column.align === 'right') return natural[index] ?? 0;
    return Math.max(1, ...all.flatMap((cells) => (cells[index] ?? '').split(' ').map((word) => word.length)));
  });
}

/**
 * Caps the widest columns at the largest width under which the table fits,
 * none below its floor, then hands what room is left to the capped columns,
 * left to right; `undefined` when even the floors do not fit.
 */
function capped(natural: readonly number[], floors: readonly number[], room: number): number[] | undefined {
  if (sum(floors) > room) return undefined;
  const at = (cap: number): number[] => natural.map((each, index) => Math.max(floors[index] ?? 1, Math.min(each, cap)));
  let cap = Math.max(...natural);
  while (sum(at(cap)) > room) cap -= 1;
  const widths = at(cap);
  let left = room - sum(widths);
  for (const [index, each] of natural.entries()) {
    const extra = Math.max(0, Math.min(left, each - (widths[index] ?? each)));
    widths[index] = (widths[index] ?? 0) + extra;
    left -= extra;
  }
  return widths;
}

/** Each row as `HEADING  value` lines, values wrapped to what the headings leave. */
function records(headings: readonly string[], body: readonly (readonly string[])[], width: number): string {
  const label = Math.max(...headings.map((heading) => heading.length));
  const room = Math.max(1, width - label - GAP.length);
  return body
    .map((cells) =>
      cells
        .flatMap((cell, index) => wrapText(cell, room).map((line, at) => `${(at === 0 ? headings[index] ?? '' : '').padEnd(label)}${GAP}${line}`.trimEnd()))
        .join('\n'))
    .join('\n\n');
}

function sum(widths: readonly number[]): number {
  return widths.reduce((total, each) => total + each, 0);
}
