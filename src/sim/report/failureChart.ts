/**
 * Failures by reason: a horizontal bar per ECS reason over the whole run,
 * and a table of each service's first failure.
 *
 * @module
 */
import type { ServiceReport, SimulationReport } from '../SimulationReport';
import { horizontalValueAxis, percentAcross } from './axes';
import { compareNatural } from './compareNatural';
import { escapeHtml } from './escapeHtml';
import { renderFigure } from './figure';
import { formatCount, MISSING } from './format';
import { linearAxis } from './scale';
import { CHART_WIDTH, chartSvg, element, FLUID_MIN_WIDTH, text, title, wrapText } from './svg';

const LABEL_FONT = 12;
const EMPTY_FONT = 14;
const LINE_HEIGHT = 15;
const LABEL_LINES = 2;
const BAR_HEIGHT = 16;
const ROW_GAP = 12;
const TOP = 4;
const AXIS_ROOM = 44;
// Vermillion from the Okabe–Ito palette: reads as "problem" and keeps 3.9:1
// contrast on white.
const FAILURE_COLOR = '#d55e00';

/**
 * The reasons with at least one failure, most frequent first, ties in
 * natural order.
 *
 * @param failures - failed placements by reason
 * @returns reason and count pairs
 */
function sortedReasons(failures: Readonly<Record<string, number>>): [string, number][] {
  return Object.entries(failures)
    .filter(([, count]) => Number.isFinite(count) && count > 0)
    .sort(([reasonA, countA], [reasonB, countB]) => countB - countA || compareNatural(reasonA, reasonB));
}

/**
 * Total failed placements of a service, over all reasons.
 *
 * @param service - the service
 * @returns the total, counting only finite positive numbers
 */
export function totalFailures(service: ServiceReport): number {
  return Object.values(service.failures).reduce((sum, count) => sum + (Number.isFinite(count) && count > 0 ? count : 0), 0);
}

/**
 * Draws the chart's root SVG (`data-chart="failures"`), fluid: each reason
 * above its bar, broken at spaces onto a second line when the narrowest
 * chart has no room for it on one.
 *
 * @param report - the simulation report
 * @returns the SVG markup
 */
function failureChartSvg(report: SimulationReport): string {
  const reasons = sortedReasons(report.metrics.failuresByReason);
  const total = reasons.reduce((sum, [, count]) => sum + count, 0);
  const label = `Horizontal bar chart of ${formatCount(total)} failed placements by ECS reason.`;
  if (reasons.length === 0) {
    const lines = wrapText('No failed placements: every task found an instance.', FLUID_MIN_WIDTH, EMPTY_FONT);
    return chartSvg(
      { chart: 'failures', width: CHART_WIDTH, height: 20 + lines.length * 20, label: 'No failed placements.', layout: 'fluid' },
      lines.map((line, index) => text({ class: 'empty', x: 0, y: 28 + index * 20 }, line)).join(''),
    );
  }
  const axis = linearAxis(reasons[0]?.[1] ?? 0, 6, true);
  const rows = reasons.map(([reason, count]) => ({ reason, count, lines: wrapText(reason, FLUID_MIN_WIDTH, LABEL_FONT, true, LABEL_LINES) }));
  const parts: string[] = [];
  let y = TOP + ROW_GAP / 2;
  for (const { reason, count, lines } of rows) {
    const labelHeight = lines.length * LINE_HEIGHT;
    const barY = y + labelHeight + 3;
    const length = percentAcross(Math.max(count, axis.top / 200), axis.top);
    const share = total > 0 ? ` (${Math.round((count / total) * 100)}% of failures)` : '';
    const labelText = lines.map((line, index) => text({ class: 'category reason', x: 0, y: y + (index + 1) * LINE_HEIGHT - 3 }, line)).join('');
    parts.push(
      element(
        'g',
        {},
        title(`${reason}: ${formatCount(count)}${share}`) +
          labelText +
          element('rect', { class: 'bar', x: 0, y: barY, width: length, height: BAR_HEIGHT, fill: FAILURE_COLOR }) +
          text({ class: 'value', x: length, dx: 6, y: barY + BAR_HEIGHT / 2 + 4 }, formatCount(count)),
      ),
    );
    y = barY + BAR_HEIGHT + ROW_GAP;
  }
  const plotBottom = y - ROW_GAP / 2;
  parts.unshift(horizontalValueAxis({ axis, top: TOP, bottom: plotBottom, title: 'Failed placements' }));
  return chartSvg({ chart: 'failures', width: CHART_WIDTH, height: plotBottom + AXIS_ROOM, label, layout: 'fluid' }, parts.join(''));
}

/**
 * The table of each failing service's first failure: its reasons and the
 * diagnosis summary, which says how many instances were ruled out and why.
 *
 * @param report - the simulation report
 * @returns the table markup, or a sentence when no service failed
 */
function firstFailureTable(report: SimulationReport): string {
  const failing = report.services.filter((service) => totalFailures(service) > 0 || service.firstFailure !== undefined);
  if (failing.length === 0) return '<p class="note">No service had a failed placement.</p>';
  const rows = failing.map((service) => {
    const reasons = sortedReasons(service.failures)
      .map(([reason, count]) => `<li class="reason"><code>${escapeHtml(reason)}</code> ${escapeHtml(formatCount(count))}</li>`)
      .join('');
    return (
      `<tr><th scope="row">${escapeHtml(service.name)}</th>` +
      `<td class="num">${escapeHtml(formatCount(totalFailures(service)))}</td>` +
      `<td><ul class="plain">${reasons}</ul></td>` +
      `<td class="diagnosis">${escapeHtml(service.firstFailure ?? MISSING)}</td></tr>`
    );
  });
  return (
    '<div class="table-box"><table><caption>First failure per service</caption>' +
    '<thead><tr><th scope="col">Service</th><th scope="col" class="num">Failures</th><th scope="col">By reason</th><th scope="col">Diagnosis of the first failure</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table></div>`
  );
}

/**
 * The failures figure: the chart and the first-failure table.
 *
 * @param report - the simulation report
 * @returns the figure markup
 */
export function renderFailureChart(report: SimulationReport): string {
  return renderFigure({
    id: 'failures',
    title: 'Failed placements by reason',
    description: 'Placements that found no instance, by the reason ECS reports, over all services and churn.',
    chart: failureChartSvg(report),
    after: firstFailureTable(report),
  });
}
