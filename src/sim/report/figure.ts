/**
 * The frame around each chart: a `<figure>` with its caption above it.
 *
 * @module
 */
import { escapeHtml } from './escapeHtml';

/** What a figure shows. */
export interface FigureContent {
  /** The `id` of the figure, for links within the page. */
  readonly id: string;
  /** The chart's title. */
  readonly title: string;
  /** One or two sentences on how to read the chart; plain text. */
  readonly description: string;
  /** A colour key, as HTML above the chart, where it wraps with the page. */
  readonly legend?: string;
  /** The chart's markup (its root `<svg>`). */
  readonly chart: string;
  /** Markup after the chart, such as a table. */
  readonly after?: string;
}

/**
 * Writes a figure. The caption comes first so a reader sees what a chart is
 * before the chart, then its key; the chart sits in a box that scrolls
 * sideways rather than squeezing text on a narrow screen.
 *
 * @param content - the figure's parts
 * @returns the markup
 */
export function renderFigure(content: FigureContent): string {
  return (
    `<figure class="card" id="${escapeHtml(content.id)}">` +
    `<figcaption><h2>${escapeHtml(content.title)}</h2><p>${escapeHtml(content.description)}</p></figcaption>` +
    (content.legend ?? '') +
    `<div class="chart-box">${content.chart}</div>` +
    (content.after ?? '') +
    `</figure>`
  );
}
