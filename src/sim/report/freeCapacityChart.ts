/**
 * Free capacity: how much memory and cpu is left on the ACTIVE instances, as
 * two histograms side by side.
 *
 * @module
 */
import type { SimulationReport } from '../SimulationReport';
import { verticalValueAxis } from './axes';
import { categoricalColor } from './colorScale';
import { renderFigure } from './figure';
import { formatCount, formatDecimal } from './format';
import { linearAxis, niceStep, scaleLength } from './scale';
import { CHART_WIDTH, chartSvg, element, text, title } from './svg';

const PANEL_GAP = 48;
const PANEL_LEFT = 64;
const PANEL_RIGHT = 8;
const PANEL_TOP = 34;
const PLOT_HEIGHT = 200;
const PANEL_BOTTOM = 50;
const TARGET_BINS = 10;

/** Counts of values in equal bins starting at 0. */
export interface Histogram {
  /** Width of each bin; bin `i` holds values in `[i·step, (i+1)·step)`, the last bin also its upper edge. */
  readonly step: number;
  /** Number of values in each bin. */
  readonly counts: readonly number[];
}

/**
 * Bins values into about ten bins of a nice width from 0 to the largest
 * value. Negative and non-finite values count as 0, so every value lands in
 * a bin and the counts add up to the number of values.
 *
 * @param values - the values
 * @returns the histogram; one bin of width 1 when every value is 0 or there are none
 */
export function histogram(values: readonly number[]): Histogram {
  const clean = values.map((value) => (Number.isFinite(value) && value > 0 ? value : 0));
  const max = clean.reduce((highest, value) => Math.max(highest, value), 0);
  const step = max > 0 ? niceStep(max / TARGET_BINS) : 1;
  const bins = Math.max(1, Math.ceil(max / step));
  const counts = new Array<number>(bins).fill(0);
  for (const value of clean) {
    const index = Math.min(bins - 1, Math.floor(value / step));
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return { step, counts };
}

interface Panel {
  readonly heading: string;
  readonly axisTitle: string;
  readonly unit: string;
  readonly values: readonly number[];
  readonly color: string;
}

function renderPanel(panel: Panel, left: number, width: number): string {
  const plotLeft = left + PANEL_LEFT;
  const plotWidth = width - PANEL_LEFT - PANEL_RIGHT;
  const parts = [text({ class: 'panel-title', x: left, y: 16 }, panel.heading)];
  if (panel.values.length === 0) {
    parts.push(text({ class: 'empty', x: left, y: PANEL_TOP + 40 }, 'No ACTIVE instances.'));
    return parts.join('');
  }
  const { step, counts } = histogram(panel.values);
  const axis = linearAxis(Math.max(0, ...counts), 5, true);
  parts.push(verticalValueAxis({ axis, left: plotLeft, width: plotWidth, top: PANEL_TOP, height: PLOT_HEIGHT, title: 'Instances' }));
  const bottom = PANEL_TOP + PLOT_HEIGHT;
  const binWidth = plotWidth / counts.length;
  const gap = binWidth >= 8 ? 2 : 0;
  counts.forEach((count, index) => {
    const x = plotLeft + index * binWidth;
    const height = count > 0 ? Math.max(1, scaleLength(count, axis.top, PLOT_HEIGHT)) : 0;
    const low = index * step;
    const high = low + step;
    if (height > 0) {
      parts.push(
        element(
          'rect',
          { class: 'bar', x: x + gap / 2, y: bottom - height, width: Math.max(1, binWidth - gap), height, fill: panel.color },
          title(`${formatDecimal(low, 2)}–${formatDecimal(high, 2)} ${panel.unit} free: ${formatCount(count)} ${count === 1 ? 'instance' : 'instances'}`),
        ),
      );
      if (binWidth >= 18) parts.push(text({ class: 'value', x: x + binWidth / 2, y: bottom - height - 4, 'text-anchor': 'middle' }, formatCount(count)));
    }
  });
  // Bin edges are the x ticks, thinned so labels stay about 40 px apart.
  const labelEvery = Math.max(1, Math.ceil(40 / binWidth));
  for (let index = 0; index <= counts.length; index += 1) {
    const x = plotLeft + index * binWidth;
    parts.push(element('line', { class: 'axis-line', x1: x, x2: x, y1: bottom, y2: bottom + 4 }));
    if (index % labelEvery === 0) parts.push(text({ class: 'tick', x, y: bottom + 17, 'text-anchor': 'middle' }, formatDecimal(index * step, 2)));
  }
  parts.push(text({ class: 'axis-title', x: plotLeft + plotWidth / 2, y: bottom + 38, 'text-anchor': 'middle' }, panel.axisTitle));
  return parts.join('');
}

/**
 * Draws the chart's root SVG (`data-chart="free-capacity"`): free memory in
 * GiB and free cpu in vCPU (1,024 units) over the ACTIVE instances.
 *
 * @param report - the simulation report
 * @returns the SVG markup
 */
export function freeCapacitySvg(report: SimulationReport): string {
  const active = report.instances.filter((instance) => instance.status === 'ACTIVE');
  const panelWidth = (CHART_WIDTH - PANEL_GAP) / 2;
  const panels: Panel[] = [
    {
      heading: 'Free memory',
      axisTitle: 'Free memory per instance (GiB)',
      unit: 'GiB',
      values: active.map((instance) => instance.freeMemory / 1024),
      color: categoricalColor(0),
    },
    {
      heading: 'Free cpu',
      axisTitle: 'Free cpu per instance (vCPU = 1,024 units)',
      unit: 'vCPU',
      values: active.map((instance) => instance.freeCpu / 1024),
      color: categoricalColor(2),
    },
  ];
  const body = panels.map((panel, index) => renderPanel(panel, index * (panelWidth + PANEL_GAP), panelWidth)).join('');
  const label = `Histograms of free memory and free cpu over ${formatCount(active.length)} ACTIVE instances.`;
  return chartSvg({ chart: 'free-capacity', width: CHART_WIDTH, height: PANEL_TOP + PLOT_HEIGHT + PANEL_BOTTOM, label }, body);
}

/**
 * The free-capacity figure, with its caption.
 *
 * @param report - the simulation report
 * @returns the figure markup
 */
export function renderFreeCapacityChart(report: SimulationReport): string {
  const active = report.instances.filter((instance) => instance.status === 'ACTIVE').length;
  return renderFigure({
    id: 'free-capacity',
    title: 'Free capacity',
    description: `How much memory and cpu is left per instance, over the ${formatCount(active)} ACTIVE ${active === 1 ? 'instance' : 'instances'}. A tall bar at the left means a tightly packed fleet; bars at the right are capacity left idle.`,
    chart: freeCapacitySvg(report),
  });
}
