/**
 * Checks on the report page's markup shared by the unit, property and
 * browser tests.
 */

/** Every element the report writes. A tag outside this list can only come from an unescaped report string. */
const REPORT_TAGS: ReadonlySet<string> = new Set([
  '!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'main', 'header', 'footer', 'section', 'figure', 'figcaption',
  'h1', 'h2', 'h3', 'p', 'strong', 'small', 'span', 'div', 'ul', 'li', 'a', 'dl', 'dt', 'dd', 'code',
  'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td',
  'svg', 'g', 'rect', 'line', 'path', 'text', 'tspan',
]);

/** The names of all tags in the page, lower case, opening and closing alike. */
function tagNames(html: string): string[] {
  return [...html.matchAll(/<\/?([!a-zA-Z][^\s/>]*)/g)].map((match) => (match[1] ?? '').toLowerCase());
}

/** The tags in the page that the report does not write. */
export function foreignTags(html: string): string[] {
  return [...new Set(tagNames(html).filter((name) => !REPORT_TAGS.has(name)))];
}

/** The `data-chart` names of the page's root SVGs, in page order. */
export function chartNames(html: string): string[] {
  return [...html.matchAll(/<svg\b[^>]*\bdata-chart="([^"]*)"/g)].map((match) => match[1] ?? '');
}

/** The markup of the chart named `chart`, from its `<svg` to its `</svg>` (charts do not nest). */
export function chartMarkup(html: string, chart: string): string {
  const start = html.indexOf(`data-chart="${chart}"`);
  if (start < 0) return '';
  return html.slice(html.lastIndexOf('<svg', start), html.indexOf('</svg>', start) + '</svg>'.length);
}

/** How often `needle` occurs in `haystack`, without overlaps. */
export function occurrences(haystack: string, needle: string): number {
  return needle === '' ? 0 : haystack.split(needle).length - 1;
}

/** The number of heat map cells in the page. */
export function heatmapCells(html: string): number {
  return occurrences(chartMarkup(html, 'heatmap'), '<g class="cell">');
}

/** The words that mean a number went wrong on the way to the page. */
export const BAD_NUMBERS = ['NaN', 'Infinity', 'undefined'] as const;

/** The charts every page has, in page order. */
export const CHARTS = ['heatmap', 'zones', 'free-capacity', 'failures'] as const;
