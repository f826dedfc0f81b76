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
import { renderServiceTable } from './serviceTable';
import { REPORT_CSS } from './styles';
import { renderSummary } from './summaryHeader';
import { renderZoneChart } from './zoneChart';

/**
 * Renders a simulation report as a single HTML document. The page carries
 * its own CSS and draws every chart as inline SVG: it runs no script, loads
 * nothing from the network and names no URL, so it can be opened from disk,
 * mailed or archived as it is. Every string from the report is escaped.
 *
 * Charts carry a stable `data-chart` attribute on their root `<svg>`:
 * `heatmap`, `zones`, `free-capacity` and `failures`.
 *
 * @param report - the simulation report
 * @returns the complete HTML document
 */
export function renderReportHtml(report: SimulationReport): string {
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
    '\n<footer>task-placement simulation report</footer>\n</main>\n</body>\n</html>\n'
  );
}
