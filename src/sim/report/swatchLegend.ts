/**
 * A colour key of named swatches, as HTML above a chart.
 *
 * @module
 */
import { escapeHtml } from './escapeHtml';

/**
 * A key of one coloured swatch a name, as HTML that wraps with the page.
 *
 * @param entries - each name and its colour, in the chart's order
 * @param label - what the key names, for screen readers, such as `Zones`
 * @returns the markup
 */
export function swatchLegend(entries: readonly { readonly name: string; readonly color: string }[], label: string): string {
  const items = entries.map(({ name, color }) => `<li><span class="swatch" style="background:${color}"></span>${escapeHtml(name)}</li>`);
  return `<ul class="legend" aria-label="${escapeHtml(label)}">${items.join('')}</ul>`;
}
