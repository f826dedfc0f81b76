/**
 * Tasks per zone: a horizontal bar per zone, grouped by service, so an
 * uneven spread shows as bars of unequal length within a group.
 *
 * @module
 */
import type { SimulationReport } from '../SimulationReport';
import { horizontalValueAxis } from './axes';
import { categoricalColor } from './colorScale';
import { renderFigure } from './figure';
import { formatCount } from './format';
import { orderZones } from './orderZones';
import { linearAxis, scaleLength } from './scale';
import { CHART_WIDTH, chartSvg, element, fitText, text, textWidth, title } from './svg';

const NAME_FONT = 12;
const MAX_NAME_WIDTH = 240;
const LEGEND_ROW = 22;
const BAND_GAP = 16;
const VALUE_ROOM = 56;
const AXIS_ROOM = 44;

/**
 * The zones to chart: the scenario's, in its order, then any other zone a
 * service reports, in natural order.
 *
 * @param report - the simulation report
 * @returns the zone names
 */
export function chartZones(report: SimulationReport): string[] {
  return orderZones(report.scenario.zones, report.services.flatMap((service) => Object.keys(service.byZone)));
}

function legend(zones: readonly string[], left: number): { readonly markup: string; readonly height: number } {
  const parts: string[] = [];
  let x = left;
  let y = 4;
  for (const [index, zone] of zones.entries()) {
    const name = fitText(zone, 200, 12);
    const width = 18 + textWidth(name, 12) + 18;
    if (x + width > CHART_WIDTH && x > left) {
      x = left;
      y += LEGEND_ROW;
    }
    parts.push(element('rect', { class: 'swatch', x, y, width: 12, height: 12, fill: categoricalColor(index) }));
    parts.push(text({ class: 'legend-text', x: x + 18, y: y + 11 }, name));
    x += width;
  }
  return { markup: parts.join(''), height: y + LEGEND_ROW + 6 };
}

/**
 * Draws the chart's root SVG (`data-chart="zones"`).
 *
 * @param report - the simulation report
 * @returns the SVG markup
 */
export function zoneChartSvg(report: SimulationReport): string {
  const zones = chartZones(report);
  const services = report.services;
  const label = `Grouped bar chart of running tasks per zone for ${formatCount(services.length)} services over ${formatCount(zones.length)} zones.`;
  if (services.length === 0 || zones.length === 0) {
    const message = services.length === 0 ? 'No services in this report.' : 'No zones in this report.';
    return chartSvg({ chart: 'zones', width: CHART_WIDTH, height: 60, label }, text({ class: 'empty', x: 0, y: 34 }, message));
  }
  const names = services.map((service) => fitText(service.name, MAX_NAME_WIDTH, NAME_FONT, true));
  const labelWidth = Math.max(80, ...names.map((name) => textWidth(name, NAME_FONT, true))) + 16;
  const plotLeft = labelWidth;
  const plotWidth = CHART_WIDTH - plotLeft - VALUE_ROOM;
  const barHeight = zones.length <= 4 ? 13 : zones.length <= 8 ? 9 : 6;
  const barGap = 2;
  const bandHeight = Math.max(34, zones.length * (barHeight + barGap) - barGap);
  const key = legend(zones, plotLeft);
  const plotTop = key.height + 8;
  const plotBottom = plotTop + services.length * (bandHeight + BAND_GAP);
  const max = Math.max(0, ...services.flatMap((service) => zones.map((zone) => service.byZone[zone] ?? 0)).filter(Number.isFinite));
  const axis = linearAxis(max, 8, true);

  const parts = [key.markup, horizontalValueAxis({ axis, left: plotLeft, width: plotWidth, top: plotTop - 4, bottom: plotBottom, title: 'Running tasks' })];
  parts.push(text({ class: 'axis-title', x: 0, y: plotTop - 8 }, 'Service'));
  services.forEach((service, serviceIndex) => {
    const bandTop = plotTop + BAND_GAP / 2 + serviceIndex * (bandHeight + BAND_GAP);
    const barsHeight = zones.length * (barHeight + barGap) - barGap;
    const barsTop = bandTop + (bandHeight - barsHeight) / 2;
    const middle = bandTop + bandHeight / 2;
    parts.push(
      element(
        'g',
        {},
        title(`${service.name}: ${formatCount(service.running)} of ${formatCount(service.desiredCount)} running, zone skew ${formatCount(service.zoneSkew)}`) +
          text({ class: 'category', x: plotLeft - 10, y: middle - 2, 'text-anchor': 'end' }, names[serviceIndex] ?? service.name) +
          text({ class: 'category-note', x: plotLeft - 10, y: middle + 12, 'text-anchor': 'end' }, `skew ${formatCount(service.zoneSkew)}`),
      ),
    );
    zones.forEach((zone, zoneIndex) => {
      const value = service.byZone[zone] ?? 0;
      const y = barsTop + zoneIndex * (barHeight + barGap);
      const length = value > 0 ? Math.max(1, scaleLength(value, axis.top, plotWidth)) : 0;
      const bar =
        length > 0
          ? element('rect', { class: 'bar', x: plotLeft, y, width: length, height: barHeight, fill: categoricalColor(zoneIndex) }, title(`${service.name} in ${zone}: ${formatCount(value)} tasks`))
          : '';
      const valueLabel = barHeight >= 9 ? text({ class: 'value', x: plotLeft + length + 4, y: y + barHeight - 2 }, formatCount(value)) : '';
      parts.push(bar + valueLabel);
    });
  });
  return chartSvg({ chart: 'zones', width: CHART_WIDTH, height: plotBottom + AXIS_ROOM, label }, parts.join(''));
}

/**
 * The tasks-per-zone figure, with its caption.
 *
 * @param report - the simulation report
 * @returns the figure markup
 */
export function renderZoneChart(report: SimulationReport): string {
  return renderFigure({
    id: 'zones',
    title: 'Running tasks per zone',
    description: 'For each service, one bar per availability zone. Bars of equal length mean an even spread; skew is the largest minus the smallest zone count.',
    chart: zoneChartSvg(report),
  });
}
