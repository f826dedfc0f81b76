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
import { type PanelGrid, PANEL_WIDTH, panelGrid } from './panelGrid';
import { CHART_WIDTH, chartSvg, element, fitText, num, text, textWidth, title } from './svg';

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
interface TypeGroup {
  /** Instance type. */
  readonly type: string;
  /** Its instances; none when the zone has no instance of the type. */
  readonly instances: readonly InstanceUsage[];
}

/** The instances of one zone, by type. */
export interface ZoneGroup {
  /** Availability zone. */
  readonly zone: string;
  /**
   * Every instance type of the report, in natural order (`m5.2xlarge`
   * before `m5.12xlarge`), the same list in every zone, so that a type has
   * the same row in every zone's panel.
   */
  readonly types: readonly TypeGroup[];
  /** All its instances. */
  readonly instances: readonly InstanceUsage[];
}

/**
 * Groups instances by zone, then by type. Zones come in the scenario's
 * order; zones the scenario does not list follow in natural order. Each
 * zone lists every type of the report, those it has no instance of too.
 *
 * @param instances - the instances, in registration order
 * @param zoneOrder - the scenario's zones
 * @returns the zones that have instances, each with every type
 */
export function groupInstances(instances: readonly InstanceUsage[], zoneOrder: readonly string[]): ZoneGroup[] {
  const byZone = new Map<string, Map<string, InstanceUsage[]>>();
  const allTypes = new Set<string>();
  for (const instance of instances) {
    allTypes.add(instance.type);
    let types = byZone.get(instance.zone);
    if (types === undefined) {
      types = new Map();
      byZone.set(instance.zone, types);
    }
    const list = types.get(instance.type);
    if (list === undefined) types.set(instance.type, [instance]);
    else list.push(instance);
  }
  const typeOrder = [...allTypes].sort(compareNatural);
  return orderZones(zoneOrder, byZone.keys()).filter((zone) => byZone.has(zone)).map((zone) => {
    const types = byZone.get(zone) ?? new Map<string, InstanceUsage[]>();
    const groups = typeOrder.map((type) => ({ type, instances: types.get(type) ?? [] }));
    return { zone, types: groups, instances: groups.flatMap((group) => group.instances) };
  });
}

interface RowLayout {
  readonly type: string;
  readonly y: number;
  readonly height: number;
}

interface Layout {
  readonly cell: number;
  readonly gap: number;
  readonly perLine: number;
  readonly labelWidth: number;
  // The same rows in every panel: a row is as tall as its type needs in the zone with most of it.
  readonly rows: readonly RowLayout[];
  readonly grid: PanelGrid;
}

function layout(zones: readonly ZoneGroup[], cell: number): Layout {
  const gap = cell >= 11 ? 2 : cell >= 6 ? 1 : 0;
  const types = zones[0]?.types.map((group) => group.type) ?? [];
  const widestType = Math.max(0, ...types.map((type) => textWidth(fitText(type, MAX_LABEL_WIDTH, LABEL_FONT), LABEL_FONT)));
  const labelWidth = Math.max(40, widestType) + 10;
  const perLine = Math.max(1, Math.floor((PANEL_WIDTH - labelWidth + gap) / (cell + gap)));
  let y = HEADING_HEIGHT;
  const rows = types.map((type, index) => {
    const most = Math.max(0, ...zones.map((zone) => zone.types[index]?.instances.length ?? 0));
    const height = Math.max(MIN_ROW_HEIGHT, Math.ceil(most / perLine) * (cell + gap) - gap);
    const row = { type, y, height };
    y += height + ROW_GAP;
    return row;
  });
  return { cell, gap, perLine, labelWidth, rows, grid: panelGrid(zones.length, y - ROW_GAP + 4) };
}

function chooseLayout(zones: readonly ZoneGroup[]): Layout {
  let chosen = layout(zones, CELL_SIZES[0]);
  for (const cell of CELL_SIZES.slice(1)) {
    if (chosen.grid.height <= TARGET_HEIGHT) break;
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

function renderPanel(zone: ZoneGroup, index: number, shape: Layout): string {
  const parts = [
    text({ class: 'panel-title', x: 0, y: 14 }, fitText(zone.zone, PANEL_WIDTH, 13, true)),
    text(
      { class: 'panel-note', x: 0, y: 30 },
      `${formatCount(zone.instances.length)} ${zone.instances.length === 1 ? 'instance' : 'instances'} · mean memory ${formatPercent(mean(zone.instances.map((i) => i.memory)))} · cpu ${formatPercent(mean(zone.instances.map((i) => i.cpu)))}`,
    ),
  ];
  shape.rows.forEach((row, rowIndex) => {
    const group = zone.types[rowIndex];
    const instances = group?.instances ?? [];
    const labelY = row.y + Math.min(row.height, Math.max(shape.cell, MIN_ROW_HEIGHT)) / 2 + 4;
    const label = text({ class: instances.length === 0 ? 'row-label none' : 'row-label', x: 0, y: labelY }, fitText(row.type, MAX_LABEL_WIDTH, LABEL_FONT));
    parts.push(element('g', {}, title(`${row.type} in ${zone.zone}: ${formatCount(instances.length)}`) + label));
    instances.forEach((instance, position) => {
      const x = shape.labelWidth + (position % shape.perLine) * (shape.cell + shape.gap);
      const y = row.y + Math.floor(position / shape.perLine) * (shape.cell + shape.gap);
      parts.push(renderCell(instance, x, y, shape.cell));
    });
  });
  return element('g', { class: 'panel', 'data-zone': zone.zone, transform: shape.grid.transforms[index], style: shape.grid.panelStyles[index] }, parts.join(''));
}

/**
 * The heat map's key, as HTML that wraps on a narrow screen: which half of
 * a cell is which resource, the colour scale, and the mark of instances that
 * are not ACTIVE.
 *
 * @param anyInactive - whether the map marks instances that are not ACTIVE
 * @returns the markup
 */
function heatmapLegend(anyInactive: boolean): string {
  const stops = viridisStops()
    .map((stop) => `${stop.color} ${formatPercent(stop.offset)}`)
    .join(', ');
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((tick) => `<span>${formatPercent(tick)}</span>`).join('');
  const items = [
    `<li><span class="key-cell"><span style="background:${viridis(0.8)}"></span><span style="background:${viridis(0.3)}"></span></span>top half: memory, bottom half: cpu</li>`,
    `<li class="ramp-key"><span>Utilization (share of registered capacity in use)</span><span class="ramp" style="background:linear-gradient(to right, ${stops})"></span><span class="ramp-ticks">${ticks}</span></li>`,
  ];
  if (anyInactive) items.push(`<li><span class="key-cell inactive-key"></span>not ACTIVE (draining or inactive)</li>`);
  return `<ul class="legend" aria-label="Key">${items.join('')}</ul>`;
}

interface Drawing {
  readonly svg: string;
  readonly anyInactive: boolean;
}

function draw(report: SimulationReport): Drawing {
  const zones = groupInstances(report.instances, report.scenario.zones);
  const count = report.instances.length;
  const label = `Heat map of memory and cpu utilization of ${formatCount(count)} instances in ${formatCount(zones.length)} zones, grouped by zone and instance type.`;
  if (count === 0) {
    return { svg: chartSvg({ chart: 'heatmap', width: CHART_WIDTH, height: 60, label, layout: 'fluid' }, text({ class: 'empty', x: 0, y: 34 }, 'No instances in this report.')), anyInactive: false };
  }
  const shape = chooseLayout(zones);
  const anyInactive = shape.cell >= 8 && report.instances.some((instance) => instance.status !== 'ACTIVE');
  const body = zones.map((zone, index) => renderPanel(zone, index, shape)).join('');
  return { svg: chartSvg({ chart: 'heatmap', width: shape.grid.width, height: shape.grid.height, label, layout: 'grid', style: shape.grid.rootStyle }, body), anyInactive };
}

/**
 * Draws the heat map's root SVG (`data-chart="heatmap"`): per zone a panel
 * (`g.panel` with `data-zone`) with a row per instance type, the same rows
 * in the same order in every zone, and a cell per instance. Every cell has a
 * tooltip with the instance's id, type, zone, status, memory and cpu
 * utilization and task count. The panels re-flow from one column on a phone
 * to three on a wide screen.
 *
 * @param report - the simulation report
 * @returns the SVG markup
 */
export function heatmapSvg(report: SimulationReport): string {
  return draw(report).svg;
}

/**
 * The heat map figure, with its caption and key.
 *
 * @param report - the simulation report
 * @returns the figure markup
 */
export function renderHeatmapChart(report: SimulationReport): string {
  const { svg, anyInactive } = draw(report);
  return renderFigure({
    id: 'heatmap',
    title: 'Utilization per instance',
    description:
      'One cell per instance, grouped by zone and instance type; each type has the same row in every zone. The top half of a cell is its memory utilization, the bottom half its cpu; dark purple is idle, yellow is full. Hover a cell for its details.',
    legend: heatmapLegend(anyInactive),
    chart: svg,
  });
}
