/**
 * Tasks per zone: a horizontal bar per zone, grouped by service, so an
 * uneven spread shows as bars of unequal length within a group.
 *
 * @module
 */
import type { SimulationReport } from '../SimulationReport';
import { horizontalValueAxis, percentAcross } from './axes';
import { categoricalColor } from './colorScale';
import { escapeHtml } from './escapeHtml';
import { renderFigure } from './figure';
import { formatCount } from './format';
import { orderZones } from './orderZones';
import { swatchLegend } from './swatchLegend';
import { linearAxis } from './scale';
import { CHART_WIDTH, chartSvg, element, FLUID_MIN_WIDTH, fitText, text, title } from './svg';

const NAME_FONT = 12;
// Names and notes share one line above their bars; the note needs about this much.
const NOTE_ROOM = 70;
const HEADING_HEIGHT = 18;
const BAND_GAP = 14;
const AXIS_ROOM = 44;

/**
 * The zones to chart: the scenario's, in its order, then any other zone a
 * service reports, in natural order.
 *
 * @param report - the simulation report
 * @returns the zone names
 */
function chartZones(report: SimulationReport): string[] {
  return orderZones(report.scenario.zones, report.services.flatMap((service) => Object.keys(service.byZone)));
}

/**
 * The zones' colour key, as HTML that wraps on a narrow screen.
 *
 * @param zones - the zones, in chart order
 * @returns the markup, empty without zones
 */
function zoneLegend(zones: readonly string[]): string {
  if (zones.length === 0) return '';
  return swatchLegend(zones.map((zone, index) => ({ name: zone, color: categoricalColor(index) })), 'Zones');
}

/**
 * Draws the chart's root SVG (`data-chart="zones"`), fluid: each service's
 * name above its bars, one bar per zone, lengths in percentages of the
 * chart's width.
 *
 * @param report - the simulation report
 * @returns the SVG markup
 */
function zoneChartSvg(report: SimulationReport): string {
  const zones = chartZones(report);
  const services = report.services;
  const label = `Grouped bar chart of running tasks per zone for ${formatCount(services.length)} services over ${formatCount(zones.length)} zones.`;
  if (services.length === 0 || zones.length === 0) {
    const message = services.length === 0 ? 'No services in this report.' : 'No zones in this report.';
    return chartSvg({ chart: 'zones', width: CHART_WIDTH, height: 60, label, layout: 'fluid' }, text({ class: 'empty', x: 0, y: 34 }, message));
  }
  const barHeight = zones.length <= 4 ? 13 : zones.length <= 8 ? 9 : 6;
  const barGap = 2;
  const barsHeight = zones.length * (barHeight + barGap) - barGap;
  const bandHeight = HEADING_HEIGHT + barsHeight;
  const plotTop = 4;
  const plotBottom = plotTop + services.length * (bandHeight + BAND_GAP);
  const max = Math.max(0, ...services.flatMap((service) => zones.map((zone) => service.byZone[zone] ?? 0)).filter(Number.isFinite));
  const axis = linearAxis(max, 6, true);

  const parts = [horizontalValueAxis({ axis, top: plotTop, bottom: plotBottom, title: 'Running tasks' })];
  services.forEach((service, serviceIndex) => {
    const bandTop = plotTop + BAND_GAP / 2 + serviceIndex * (bandHeight + BAND_GAP);
    const name = fitText(service.name, FLUID_MIN_WIDTH - NOTE_ROOM, NAME_FONT, true);
    const heading = element('text', { class: 'category', x: 0, y: bandTop + 12 }, escapeHtml(name) + element('tspan', { class: 'category-note', dx: 8 }, escapeHtml(`skew ${formatCount(service.zoneSkew)}`)));
    parts.push(element('g', {}, title(`${service.name}: ${formatCount(service.running)} of ${formatCount(service.desiredCount)} running, zone skew ${formatCount(service.zoneSkew)}`) + heading));
    zones.forEach((zone, zoneIndex) => {
      const value = service.byZone[zone] ?? 0;
      const y = bandTop + HEADING_HEIGHT + zoneIndex * (barHeight + barGap);
      const width = value > 0 && Number.isFinite(value) ? percentAcross(Math.max(value, axis.top / 200), axis.top) : '0%';
      const bar =
        value > 0 && Number.isFinite(value)
          ? element('rect', { class: 'bar', x: 0, y, width, height: barHeight, fill: categoricalColor(zoneIndex) }, title(`${service.name} in ${zone}: ${formatCount(value)} tasks`))
          : '';
      const valueLabel = barHeight >= 9 ? text({ class: 'value', x: width, dx: 4, y: y + barHeight - 2 }, formatCount(value)) : '';
      parts.push(bar + valueLabel);
    });
  });
  return chartSvg({ chart: 'zones', width: CHART_WIDTH, height: plotBottom + AXIS_ROOM, label, layout: 'fluid' }, parts.join(''));
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
    legend: zoneLegend(chartZones(report)),
    chart: zoneChartSvg(report),
  });
}
