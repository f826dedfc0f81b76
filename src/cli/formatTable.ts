/**
 * Plain-text tables for the terminal.
 *
 * @module
 */

/** A column: its heading and whether its cells line up on the right (numbers). */
export interface Column {
  readonly heading: string;
  readonly align?: 'left' | 'right';
}

/**
 * Lays rows out in aligned columns under a heading line and a rule.
 *
 * @param columns - the columns
 * @param rows - one array of cell texts per row
 * @returns the table, one line per row, without a trailing newline
 */
export function formatTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, index) => Math.max(column.heading.length, ...rows.map((row) => (row[index] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    columns
      .map((column, index) => {
        const cell = cells[index] ?? '';
        const width = widths[index] ?? 0;
        return column.align === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(columns.map((column) => column.heading)), rule, ...rows.map(line)].join('\n');
}
