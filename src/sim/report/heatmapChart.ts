/**
 * The utilization heat map: one split cell per instance, memory on top and
 * cpu below, grouped into a panel per zone and a row per instance type.
 *
 * @module
 */
import type { InstanceUsage, SimulationReport } from '../SimulationReport';
import { viridis, viridisStops } from './colorScale';
import { compareNatural } from './compareNatural';
import { renderFigure } from './figure';
import { formatCount, formatPercent } from './format';
import { orderZones } from './orderZones';
import { CHART_WIDTH, chartSvg, element, fitText, num, text, textWidth, title } from './svg';

const LEGEND_HEIGHT = 62;
const MIN_PANEL_WIDTH = 320;
const PANEL_GAP_X = 28;
const PANEL_GAP_Y = 22;
const HEADING_HEIGHT = 40;
const ROW_GAP = 6;
const LABEL_FONT = 11;
const MAX_LABEL_WIDTH = 118;
const MIN_ROW_HEIGHT = 14;
// Largest first: the map uses the biggest cells that keep it this short,
// so 300 instances get roomy cells and 10,000 a dense grid of small ones.
const CELL_SIZES = [18, 14, 11, 8, 6, 4] as const;
const TARGET_HEIGHT = 820;

/** The instances of one type within one zone, in registration order. */
export interface TypeGroup {
  /** Instance type. */
  readonly type: string;
  /** Its instances. */
  readonly instances: readonly InstanceUsage[];
}

/** The instances of one zone, by type. */
export interface ZoneGroup {
  /** Availability zone. */
  readonly zone: string;
  /** Its types, in natural order (`m5.2xlarge` before `m5.12xlarge`). */
  readonly types: readonly TypeGroup[];
  /** All its instances. */
  readonly instances: readonly InstanceUsage[];
}

/**
 * Groups instances by zone, then by type. Zones come in the scenario's
 * order; zones the scenario does not list follow in natural order.
 *
 * @param instances - the instances, in registration order
 * @param zoneOrder - the scenario's zones
 * @returns the zones that have instances, each with its types
 */
export function groupInstances(instances: readonly InstanceUsage[], zoneOrder: readonly string[]): ZoneGroup[] {
  const byZone = new Map<string, Map<string, InstanceUsage[]>>();
  for (const instance of instances) {
    let types = byZone.get(instance.zone);
    if (types === undefined) {
      types = new Map();
      byZone.set(instance.zone, types);
    }
    const list = types.get(instance.type);
    if (list === undefined) types.set(instance.type, [instance]);
    else list.push(instance);
  }
  return orderZones(zoneOrder, byZone.keys()).filter((zone) => byZone.has(zone)).map((zone) => {
    const types = byZone.get(zone) ?? new Map<string, InstanceUsage[]>();
    const groups = [...types.keys()].sort(compareNatural).map((type) => ({ type, instances: types.get(type) ?? [] }));
    return { zone, types: groups, instances: groups.flatMap((group) => group.instances) };
  });
}

interface RowLayout {
  readonly group: TypeGroup;
  readonly y: number;
  readonly height: number;
}

interface PanelLayout {
  readonly zone: ZoneGroup;
  readonly x: number;
  readonly y: number;
  readonly rows: readonly RowLayout[];
}

interface Layout {
  readonly cell: number;
  readonly gap: number;
  readonly perLine: number;
  readonly labelWidth: number;
  readonly panelWidth: number;
  readonly panels: readonly PanelLayout[];
  readonly height: number;
}

function layout(zones: readonly ZoneGroup[], cell: number): Layout {
  const gap = cell >= 11 ? 2 : cell >= 6 ? 1 : 0;
  const columns = Math.max(1, Math.min(zones.length, Math.floor((CHART_WIDTH + PANEL_GAP_X) / (MIN_PANEL_WIDTH + PANEL_GAP_X))));
  const panelWidth = (CHART_WIDTH - (columns - 1) * PANEL_GAP_X) / columns;
  const widestType = Math.max(0, ...zones.flatMap((zone) => zone.types.map((group) => textWidth(fitText(group.type, MAX_LABEL_WIDTH, LABEL_FONT), LABEL_FONT))));
  const labelWidth = Math.max(40, widestType) + 10;
  const perLine = Math.max(1, Math.floor((panelWidth - labelWidth + gap) / (cell + gap)));
  const panels: PanelLayout[] = [];
  let rowTop = LEGEND_HEIGHT;
  let rowBottom = rowTop;
  zones.forEach((zone, index) => {
    const column = index % columns;
    if (column === 0 && index > 0) rowTop = rowBottom + PANEL_GAP_Y;
    let y = rowTop + HEADING_HEIGHT;
    const rows = zone.types.map((group) => {
      const lines = Math.ceil(group.instances.length / perLine);
      const height = Math.max(MIN_ROW_HEIGHT, lines * (cell + gap) - gap);
      const row = { group, y, height };
      y += height + ROW_GAP;
      return row;
    });
    panels.push({ zone, x: column * (panelWidth + PANEL_GAP_X), y: rowTop, rows });
    rowBottom = Math.max(rowBottom, y - ROW_GAP);
  });
  return { cell, gap, perLine, labelWidth, panelWidth, panels, height: rowBottom + 4 };
}

function chooseLayout(zones: readonly ZoneGroup[]): Layout {
  let chosen = layout(zones, CELL_SIZES[0]);
  for (const cell of CELL_SIZES.slice(1)) {
    if (chosen.height <= TARGET_HEIGHT) break;
    chosen = layout(zones, cell);
  }
  return chosen;
}

function mean(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite);
  return finite.length === 0 ? Number.NaN : finite.reduce((sum, value) => sum + value, 0) / finite.length;
}

function cellTitle(instance: InstanceUsage): string {
  return [
    instance.id,
    `${instance.type} · ${instance.zone} · ${instance.status}`,
    `memory ${formatPercent(instance.memory)} · cpu ${formatPercent(instance.cpu)}`,
    `${formatCount(instance.tasks)} ${instance.tasks === 1 ? 'task' : 'tasks'}`,
    `free: ${formatCount(instance.freeMemory)} MiB memory, ${formatCount(instance.freeCpu)} cpu units`,
  ].join('\n');
}

function renderCell(instance: InstanceUsage, x: number, y: number, cell: number): string {
  const half = cell / 2;
  const inactive = instance.status !== 'ACTIVE' && cell >= 8;
  // A white slash marks instances that take no tasks (DRAINING, INACTIVE),
  // so their emptiness is not read as waste; too small to see in dense grids.
  const slash = inactive ? element('path', { class: 'inactive', d: `M${num(x)} ${num(y + cell)}L${num(x + cell)} ${num(y)}` }) : '';
  return (
    `<g class="cell">${title(cellTitle(instance))}` +
    element('rect', { x, y, width: cell, height: half, fill: viridis(instance.memory) }) +
    element('rect', { x, y: y + half, width: cell, height: half, fill: viridis(instance.cpu) }) +
    `${slash}</g>`
  );
}

function renderPanel(panel: PanelLayout, shape: Layout): string {
  const { zone } = panel;
  const parts = [
    text({ class: 'panel-title', x: panel.x, y: panel.y + 14 }, fitText(zone.zone, shape.panelWidth, 13, true)),
    text(
      { class: 'panel-note', x: panel.x, y: panel.y + 30 },
      `${formatCount(zone.instances.length)} ${zone.instances.length === 1 ? 'instance' : 'instances'} · mean memory ${formatPercent(mean(zone.instances.map((i) => i.memory)))} · cpu ${formatPercent(mean(zone.instances.map((i) => i.cpu)))}`,
    ),
  ];
  for (const row of panel.rows) {
    const labelY = row.y + Math.min(row.height, Math.max(shape.cell, MIN_ROW_HEIGHT)) / 2 + 4;
    parts.push(element('g', {}, title(`${row.group.type} in ${zone.zone}: ${formatCount(row.group.instances.length)}`) + text({ class: 'row-label', x: panel.x, y: labelY }, fitText(row.group.type, MAX_LABEL_WIDTH, LABEL_FONT))));
    row.group.instances.forEach((instance, index) => {
      const x = panel.x + shape.labelWidth + (index % shape.perLine) * (shape.cell + shape.gap);
      const y = row.y + Math.floor(index / shape.perLine) * (shape.cell + shape.gap);
      parts.push(renderCell(instance, x, y, shape.cell));
    });
  }
  return parts.join('');
}

function renderLegend(anyInactive: boolean): string {
  const stops = viridisStops()
    .map((stop) => element('stop', { offset: stop.offset, 'stop-color': stop.color }))
    .join('');
  const parts = [
    `<defs>${element('linearGradient', { id: 'tp-viridis', x1: 0, x2: 1, y1: 0, y2: 0 }, stops)}</defs>`,
    // The key cell: which half is which resource.
    element('rect', { x: 0, y: 8, width: 28, height: 14, fill: viridis(0.8) }),
    element('rect', { x: 0, y: 22, width: 28, height: 14, fill: viridis(0.3) }),
    text({ class: 'legend-text', x: 36, y: 19 }, 'top half: memory'),
    text({ class: 'legend-text', x: 36, y: 34 }, 'bottom half: cpu'),
    text({ class: 'legend-text', x: 170, y: 12 }, 'Utilization (share of registered capacity in use)'),
    element('rect', { x: 170, y: 18, width: 300, height: 12, fill: 'url(#tp-viridis)', class: 'legend-ramp' }),
  ];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const x = 170 + tick * 300;
    parts.push(element('line', { class: 'legend-tick', x1: x, x2: x, y1: 30, y2: 35 }));
    parts.push(text({ class: 'tick', x, y: 47, 'text-anchor': tick === 0 ? 'start' : tick === 1 ? 'end' : 'middle' }, formatPercent(tick)));
  }
  if (anyInactive) {
    parts.push(element('rect', { x: 520, y: 12, width: 18, height: 18, fill: viridis(0) }));
    parts.push(element('path', { class: 'inactive', d: 'M520 30L538 12' }));
    parts.push(text({ class: 'legend-text', x: 546, y: 25 }, 'not ACTIVE (draining or inactive)'));
  }
  return parts.join('');
}

/**
 * Draws the heat map's root SVG (`data-chart="heatmap"`): a legend, then per
 * zone a panel with a row per instance type and a cell per instance. Every
 * cell has a tooltip with the instance's id, type, zone, status, memory and
 * cpu utilization and task count.
 *
 * @param report - the simulation report
 * @returns the SVG markup
 */
export function heatmapSvg(report: SimulationReport): string {
  const zones = groupInstances(report.instances, report.scenario.zones);
  const count = report.instances.length;
  const label = `Heat map of memory and cpu utilization of ${formatCount(count)} instances in ${formatCount(zones.length)} zones, grouped by zone and instance type.`;
  if (count === 0) {
    return chartSvg({ chart: 'heatmap', width: CHART_WIDTH, height: 60, label }, text({ class: 'empty', x: 0, y: 34 }, 'No instances in this report.'));
  }
  const shape = chooseLayout(zones);
  const anyInactive = shape.cell >= 8 && report.instances.some((instance) => instance.status !== 'ACTIVE');
  const body = renderLegend(anyInactive) + shape.panels.map((panel) => renderPanel(panel, shape)).join('');
  return chartSvg({ chart: 'heatmap', width: CHART_WIDTH, height: shape.height, label }, body);
}

/**
 * The heat map figure, with its caption.
 *
 * @param report - the simulation report
 * @returns the figure markup
 */
export function renderHeatmapChart(report: SimulationReport): string {
  return renderFigure({
    id: 'heatmap',
    title: 'Utilization per instance',
    description:
      'One cell per instance, grouped by zone and instance type. The top half of a cell is its memory utilization, the bottom half its cpu; dark purple is idle, yellow is full. Hover a cell for its details.',
    chart: heatmapSvg(report),
  });
}
