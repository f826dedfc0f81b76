/**
 * The HTML report of a simulation: one self-contained page.
 *
 * @module
 */
import type { SimulationReport } from '../SimulationReport';
import { escapeHtml } from './escapeHtml';
import { renderFailureChart } from './failureChart';
import { renderFreeCapacityChart } from './freeCapacityChart';
import { renderHeatmapChart } from './heatmapChart';
import { renderFooter } from './reportFooter';
import { renderServiceTable } from './serviceTable';
import { REPORT_CSS } from './styles';
import { renderSummary } from './summaryHeader';
import { validateReportOptions } from './validateReportOptions';
import { renderZoneChart } from './zoneChart';

/**
 * Renders a simulation report as a single HTML document. The page carries
 * its own CSS and draws every chart as inline SVG: it runs no script, loads
 * nothing from the network and names no URL, so it can be opened from disk,
 * mailed or archived as it is. Every string from the report is escaped.
 *
 * Charts carry a stable `data-chart` attribute on their root `<svg>`:
 * `heatmap`, `zones`, `free-capacity` and `failures`. They are never scaled
 * down, so their text keeps its size on a phone: they stretch, re-flow into
 * fewer columns, or scroll sideways inside their own box.
 *
 * What made the page goes in its footer: pass the version, date and command
 * line to show them. The page depends on nothing else, so the same report
 * and options give the same page.
 *
 * @example
 * ```ts
 * const html = renderReportHtml(report, {
 *   version: '0.1.0',
 *   generatedAt: '2026-12-06T15:32:00Z',
 *   commandLine: ['task-placement', 'simulate', '--report', 'report.html'],
 * });
 * ```
 *
 * @param report - the simulation report
 * @param options - what to show in the footer; each field may be left out
 * @param options.version - the library's version, such as `0.1.0`
 * @param options.generatedAt - when the report was made: a Date or an ISO
 *   8601 string; shown to the minute, in UTC
 * @param options.commandLine - the words of the command that made the
 *   report, the program's name first; shown quoted as for a POSIX shell
 * @returns the complete HTML document
 * @throws `PlacementInputError` `invalid_type`, `unknown_field`,
 *   `invalid_option` (an empty version or command line) or `invalid_date`
 *   for bad options
 */
export function renderReportHtml(
  report: SimulationReport,
  options?: { readonly version?: string; readonly generatedAt?: Date | string; readonly commandLine?: readonly string[] },
): string {
  const checked = validateReportOptions(options, 'options');
  return (
    '<!DOCTYPE html>\n' +
    '<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${escapeHtml(`Placement report: ${report.scenario.name}`)}</title>\n` +
    `<style>${REPORT_CSS}</style>\n</head>\n<body>\n<main>\n` +
    renderSummary(report) +
    '\n' +
    renderHeatmapChart(report) +
    '\n' +
    renderZoneChart(report) +
    '\n' +
    renderFreeCapacityChart(report) +
    '\n' +
    renderFailureChart(report) +
    '\n' +
    renderServiceTable(report) +
    '\n' +
    renderFooter(checked) +
    '\n</main>\n</body>\n</html>\n'
  );
}
