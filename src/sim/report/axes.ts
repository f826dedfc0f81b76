/**
 * Axes shared by the bar charts: value ticks with grid lines, and axis titles.
 *
 * @module
 */
import { formatDecimal } from './format';
import type { LinearAxis } from './scale';
import { scaleLength } from './scale';
import { element, FLUID_MIN_WIDTH, num, text } from './svg';

/** Where a horizontal value axis goes, in a fluid chart. */
export interface HorizontalAxisPlacement {
  /** The axis, drawn from the chart's left edge (0%) to its right edge (100%). */
  readonly axis: LinearAxis;
  /** Top of the plot area. */
  readonly top: number;
  /** Bottom of the plot area, where the tick labels go. */
  readonly bottom: number;
  /** Axis title, under the tick labels. */
  readonly title: string;
}

/**
 * A position across a fluid chart, as a percentage of its width.
 *
 * @param value - the value
 * @param top - the value at the right edge
 * @returns e.g. `42.5%`
 */
export function percentAcross(value: number, top: number): string {
  return `${num(scaleLength(value, top, 100))}%`;
}

/**
 * Draws a value axis along the bottom of a fluid horizontal bar chart, with
 * a light grid line per tick across the plot area. Positions are
 * percentages of the chart's width, so the axis stretches with the page
 * while its labels keep their size.
 *
 * @param placement - the axis and plot area
 * @returns the markup
 */
export function horizontalValueAxis(placement: HorizontalAxisPlacement): string {
  const { axis, top, bottom } = placement;
  const labelEvery = tickLabelInterval(axis, FLUID_MIN_WIDTH);
  const parts = axis.ticks.map((tick, index) => {
    const x = percentAcross(tick, axis.top);
    const grid = element('line', { class: index === 0 ? 'axis-line' : 'grid-line', x1: x, x2: x, y1: top, y2: bottom });
    const label = index % labelEvery === 0 ? text({ class: 'tick', x, y: bottom + 14, 'text-anchor': 'middle' }, formatDecimal(tick, 2)) : '';
    return grid + label;
  });
  parts.push(text({ class: 'axis-title', x: '50%', y: bottom + 32, 'text-anchor': 'middle' }, placement.title));
  return parts.join('');
}

/** Where a vertical value axis goes. */
export interface VerticalAxisPlacement {
  /** The axis. */
  readonly axis: LinearAxis;
  /** Left end of the plot area, where the tick labels end. */
  readonly left: number;
  /** Width of the plot area, for the grid lines. */
  readonly width: number;
  /** Top of the plot area. */
  readonly top: number;
  /** Height of the plot area. */
  readonly height: number;
  /** Axis title, turned to read bottom to top. */
  readonly title: string;
}

/**
 * Draws a value axis along the left of a column chart, with grid lines.
 *
 * @param placement - the axis and plot area
 * @returns the markup
 */
export function verticalValueAxis(placement: VerticalAxisPlacement): string {
  const { axis, left, width, top, height } = placement;
  const bottom = top + height;
  const labelEvery = Math.max(1, Math.ceil(axis.ticks.length / Math.max(1, Math.floor(height / 18))));
  const parts = axis.ticks.map((tick, index) => {
    const y = bottom - scaleLength(tick, axis.top, height);
    const grid = element('line', { class: index === 0 ? 'axis-line' : 'grid-line', x1: left, x2: left + width, y1: y, y2: y });
    const label = index % labelEvery === 0 ? text({ class: 'tick', x: left - 6, y: y + 4, 'text-anchor': 'end' }, formatDecimal(tick, 2)) : '';
    return grid + label;
  });
  const titleX = left - 40;
  const titleY = top + height / 2;
  parts.push(text({ class: 'axis-title', x: titleX, y: titleY, 'text-anchor': 'middle', transform: `rotate(-90 ${num(titleX)} ${num(titleY)})` }, placement.title));
  return parts.join('');
}

// Labels about 40 px apart at most, so wide numbers never touch.
function tickLabelInterval(axis: LinearAxis, width: number): number {
  const widest = Math.max(...axis.ticks.map((tick) => formatDecimal(tick, 2).length), 1);
  const room = Math.max(1, width / Math.max(1, axis.ticks.length - 1));
  return Math.max(1, Math.ceil((widest * 7 + 12) / room));
}
