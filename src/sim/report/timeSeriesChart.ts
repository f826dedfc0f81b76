/**
 * A line chart of values over time: one line a series, on a time axis
 * along the bottom and a value axis up the left.
 *
 * @module
 */
import { verticalValueAxis } from './axes';
import { formatCount } from './format';
import { linearAxis, scaleLength } from './scale';
import { CHART_WIDTH, chartSvg, element, num, text } from './svg';

const HEIGHT = 280;
const LEFT = 72;
const RIGHT = 24;
const TOP = 12;
const BOTTOM = 48;
const TIME_TICKS = 6;

/** One line of the chart. */
export interface TimeSeries {
  readonly name: string;
  readonly color: string;
  /** One value a time, in the order of the times. */
  readonly values: readonly number[];
}

/** What a time series chart draws. */
export interface TimeSeriesChart {
  /** Its `data-chart` name. */
  readonly chart: string;
  /** What it shows, for screen readers. */
  readonly label: string;
  /** The sample times, in seconds, ascending. */
  readonly times: readonly number[];
  readonly series: readonly TimeSeries[];
  /** The value axis's title. */
  readonly valueTitle: string;
  /** Whether values are whole numbers (counts), for the axis's ticks. */
  readonly integers: boolean;
}

/**
 * Draws the chart at a fixed width, scrolling in its box on a narrow page,
 * so that its text keeps its size.
 *
 * @param chart - the times, the series and the axis title
 * @returns the root `<svg>` markup
 */
export function renderTimeSeriesChart(chart: TimeSeriesChart): string {
  const width = CHART_WIDTH - LEFT - RIGHT;
  const height = HEIGHT - TOP - BOTTOM;
  const highest = Math.max(0, ...chart.series.flatMap((series) => series.values.filter(Number.isFinite)));
  const axis = linearAxis(highest, 5, chart.integers);
  const first = chart.times[0] ?? 0;
  const span = Math.max(1e-9, (chart.times[chart.times.length - 1] ?? first) - first);
  const x = (time: number): number => LEFT + ((time - first) / span) * width;
  const y = (value: number): number => TOP + height - scaleLength(Number.isFinite(value) ? value : 0, axis.top, height);
  const parts = [verticalValueAxis({ axis, left: LEFT, width, top: TOP, height, title: chart.valueTitle })];
  for (let tick = 0; tick < TIME_TICKS; tick += 1) {
    const time = first + (span * tick) / (TIME_TICKS - 1);
    parts.push(text({ class: 'tick', x: x(time), y: TOP + height + 18, 'text-anchor': 'middle' }, formatCount(Math.round(time))));
  }
  parts.push(text({ class: 'axis-title', x: LEFT + width / 2, y: HEIGHT - 8, 'text-anchor': 'middle' }, 'Time (seconds)'));
  for (const series of chart.series) {
    const points = chart.times.map((time, index) => `${num(x(time))},${num(y(series.values[index] ?? 0))}`).join(' ');
    parts.push(element('polyline', { class: 'line', points, fill: 'none', stroke: series.color, 'stroke-width': 2, 'data-series': series.name }));
  }
  return chartSvg({ chart: chart.chart, width: CHART_WIDTH, height: HEIGHT, label: chart.label }, parts.join(''));
}
