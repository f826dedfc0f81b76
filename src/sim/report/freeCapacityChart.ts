/**
 * Free capacity: how much memory and cpu is left on the ACTIVE instances, as
 * histograms of the amounts and of the shares of each instance's capacity.
 *
 * @module
 */
import type { SimulationReport } from '../SimulationReport';
import { verticalValueAxis } from './axes';
import { categoricalColor } from './colorScale';
import { renderFigure } from './figure';
import { formatCount, formatDecimal, formatPercent } from './format';
import { type PanelGrid, PANEL_WIDTH, panelGrid } from './panelGrid';
import { linearAxis, niceStep, scaleLength } from './scale';
import { chartSvg, element, text, title } from './svg';

const PANEL_LEFT = 60;
const PANEL_RIGHT = 18;
const PANEL_TOP = 34;
const PLOT_HEIGHT = 170;
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
 * value, or into ten equal bins from 0 to `range` when it is given (for
 * shares, 0 to 1). Negative and non-finite values count as 0, and values
 * past `range` as `range`, so every value lands in a bin and the counts add
 * up to the number of values.
 *
 * @param values - the values
 * @param range - the top of the last bin, when fixed; a positive finite number
 * @returns the histogram; one bin of width 1 when every value is 0 or there
 *   are none and no range is given
 */
export function histogram(values: readonly number[], range?: number): Histogram {
  const fixed = range !== undefined && Number.isFinite(range) && range > 0 ? range : undefined;
  const clean = values.map((value) => (Number.isFinite(value) && value > 0 ? Math.min(value, fixed ?? value) : 0));
  const max = fixed ?? clean.reduce((highest, value) => Math.max(highest, value), 0);
  const step = fixed !== undefined ? fixed / TARGET_BINS : max > 0 ? niceStep(max / TARGET_BINS) : 1;
  const bins = fixed !== undefined ? TARGET_BINS : Math.max(1, Math.ceil(max / step));
  const counts = new Array<number>(bins).fill(0);
  for (const value of clean) {
    // Rounded first, so 0.3 of a 0.1 step is bin 3, not bin 2 by a rounding error.
    const index = Math.min(bins - 1, Math.floor(Math.round((value / step) * 1e9) / 1e9));
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return { step, counts };
}

interface Panel {
  readonly heading: string;
  readonly axisTitle: string;
  readonly values: readonly number[];
  // Shares are binned from 0 to 1 whatever their largest value.
  readonly range?: number;
  readonly edge: (value: number) => string;
  readonly bin: (low: number, high: number) => string;
  readonly color: string;
}

function renderPanel(panel: Panel, index: number, grid: PanelGrid): string {
  const plotLeft = PANEL_LEFT;
  const plotWidth = PANEL_WIDTH - PANEL_LEFT - PANEL_RIGHT;
  const parts = [text({ class: 'panel-title', x: 0, y: 16 }, panel.heading)];
  const wrap = (markup: string): string => element('g', { class: 'panel', transform: grid.transforms[index], style: grid.panelStyles[index] }, markup);
  if (panel.values.length === 0) {
    parts.push(text({ class: 'empty', x: 0, y: PANEL_TOP + 40 }, 'No ACTIVE instances.'));
    return wrap(parts.join(''));
  }
  const { step, counts } = histogram(panel.values, panel.range);
  const axis = linearAxis(Math.max(0, ...counts), 5, true);
  parts.push(verticalValueAxis({ axis, left: plotLeft, width: plotWidth, top: PANEL_TOP, height: PLOT_HEIGHT, title: 'Instances' }));
  const bottom = PANEL_TOP + PLOT_HEIGHT;
  const binWidth = plotWidth / counts.length;
  const gap = binWidth >= 8 ? 2 : 0;
  counts.forEach((count, bin) => {
    const x = plotLeft + bin * binWidth;
    const height = count > 0 ? Math.max(1, scaleLength(count, axis.top, PLOT_HEIGHT)) : 0;
    const low = bin * step;
    if (height > 0) {
      parts.push(
        element(
          'rect',
          { class: 'bar', x: x + gap / 2, y: bottom - height, width: Math.max(1, binWidth - gap), height, fill: panel.color },
          title(`${panel.bin(low, low + step)}: ${formatCount(count)} ${count === 1 ? 'instance' : 'instances'}`),
        ),
      );
      if (binWidth >= 18) parts.push(text({ class: 'value', x: x + binWidth / 2, y: bottom - height - 4, 'text-anchor': 'middle' }, formatCount(count)));
    }
  });
  // Bin edges are the x ticks, thinned so labels stay about 40 px apart.
  const labelEvery = Math.max(1, Math.ceil(40 / binWidth));
  for (let edge = 0; edge <= counts.length; edge += 1) {
    const x = plotLeft + edge * binWidth;
    parts.push(element('line', { class: 'axis-line', x1: x, x2: x, y1: bottom, y2: bottom + 4 }));
    if (edge % labelEvery === 0) parts.push(text({ class: 'tick', x, y: bottom + 17, 'text-anchor': 'middle' }, panel.edge(edge * step)));
  }
  parts.push(text({ class: 'axis-title', x: plotLeft + plotWidth / 2, y: bottom + 38, 'text-anchor': 'middle' }, panel.axisTitle));
  return wrap(parts.join(''));
}

/**
 * Draws the chart's root SVG (`data-chart="free-capacity"`): four
 * histograms over the ACTIVE instances, free memory in GiB and as a share of
 * each instance's registered memory, then free cpu in vCPU (1,024 units) and
 * as a share of its registered cpu. The panels re-flow from one column on a
 * phone to two, amount beside share, on a wider screen.
 *
 * @param report - the simulation report
 * @returns the SVG markup
 */
export function freeCapacitySvg(report: SimulationReport): string {
  const active = report.instances.filter((instance) => instance.status === 'ACTIVE');
  const amount = (unit: string) => ({ edge: (value: number) => formatDecimal(value, 2), bin: (low: number, high: number) => `${formatDecimal(low, 2)}–${formatDecimal(high, 2)} ${unit} free` });
  const share = { range: 1, edge: (value: number) => formatPercent(value), bin: (low: number, high: number) => `${formatPercent(low)}–${formatPercent(high)} free` };
  const panels: Panel[] = [
    { heading: 'Free memory (GiB)', axisTitle: 'Free memory per instance (GiB)', values: active.map((instance) => instance.freeMemory / 1024), color: categoricalColor(0), ...amount('GiB') },
    { heading: 'Free memory (share)', axisTitle: 'Free memory, % of registered', values: active.map((instance) => 1 - instance.memory), color: categoricalColor(0), ...share },
    { heading: 'Free cpu (vCPU)', axisTitle: 'Free vCPU per instance (1,024 units)', values: active.map((instance) => instance.freeCpu / 1024), color: categoricalColor(2), ...amount('vCPU') },
    { heading: 'Free cpu (share)', axisTitle: 'Free cpu, % of registered', values: active.map((instance) => 1 - instance.cpu), color: categoricalColor(2), ...share },
  ];
  const grid = panelGrid(panels.length, PANEL_TOP + PLOT_HEIGHT + PANEL_BOTTOM, 2);
  const body = panels.map((panel, index) => renderPanel(panel, index, grid)).join('');
  const label = `Histograms of free memory and free cpu, in amounts and as shares of each instance's capacity, over ${formatCount(active.length)} ACTIVE instances.`;
  return chartSvg({ chart: 'free-capacity', width: grid.width, height: grid.height, label, layout: 'grid', style: grid.rootStyle }, body);
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
    description: `How much memory and cpu is left per instance, over the ${formatCount(active)} ACTIVE ${active === 1 ? 'instance' : 'instances'}: in GiB and vCPU, and as a share of what each instance registered. A tall bar at the left means a tightly packed fleet; bars at the right are capacity left idle.`,
    chart: freeCapacitySvg(report),
  });
}
