/**
 * The HTML report of a trace replay: one self-contained page, in the style
 * of the simulation report.
 *
 * @module
 */
import type { TraceReplay } from '../trace/replayTrace';
import { categoricalColor } from './colorScale';
import { escapeHtml } from './escapeHtml';
import { renderFigure } from './figure';
import { formatCount } from './format';
import { renderFooter } from './reportFooter';
import { swatchLegend } from './swatchLegend';
import { REPORT_CSS } from './styles';
import { renderTimeSeriesChart, type TimeSeries } from './timeSeriesChart';
import { validateReportOptions } from './validateReportOptions';

/**
 * Renders a trace replay as a single HTML document: a summary, then three
 * charts over time, each a line a series: the share of each resource that
 * running tasks hold (`data-chart="replay-utilization"`), the tasks running
 * and waiting (`replay-tasks`), and the share of each resource stranded
 * where no waiting task fits (`replay-stranded`). Like the simulation
 * report, the page carries its own CSS, runs no script and loads nothing,
 * and every string from the replay is escaped.
 *
 * @param replay - the replay, as {@link replayTrace} gives it
 * @param options - what the footer shows, as for the simulation report, and the trace's name for the title
 * @param options.version - the library's version
 * @param options.generatedAt - when the page was made
 * @param options.commandLine - the command that made it
 * @param title - the page's title, such as the trace file's name
 * @returns the complete HTML document
 * @throws `PlacementInputError` for bad options, as the simulation report does
 *
 * @example
 * ```ts
 * const html = renderReplayHtml(replayTrace(instances, tasks), { version: '0.1.0' }, 'openb_pod_list_default.csv');
 * ```
 */
export function renderReplayHtml(
  replay: TraceReplay,
  options?: { readonly version?: string; readonly generatedAt?: Date | string; readonly commandLine?: readonly string[] },
  title = 'Trace replay',
): string {
  const checked = validateReportOptions(options, 'options');
  const times = replay.samples.map((sample) => sample.time);
  const share = (pick: (resource: string, index: number) => number): TimeSeries[] => replay.resources.map((resource, index) => ({
    name: resource,
    color: categoricalColor(index),
    values: replay.samples.map((_, sample) => pick(resource, sample)),
  }));
  const percentOf = (amount: number, resource: string): number => {
    const capacity = replay.capacity[resource] ?? 0;
    return capacity > 0 ? (100 * amount) / capacity : 0;
  };
  const utilization = share((resource, sample) => 100 * (replay.samples[sample]?.utilization[resource] ?? 0));
  const stranded = share((resource, sample) => percentOf(replay.samples[sample]?.stranded[resource] ?? 0, resource));
  const tasks: TimeSeries[] = [
    { name: 'running', color: categoricalColor(0), values: replay.samples.map((sample) => sample.running) },
    { name: 'waiting', color: categoricalColor(1), values: replay.samples.map((sample) => sample.waiting) },
  ];
  const figure = (id: string, heading: string, description: string, series: readonly TimeSeries[], valueTitle: string, integers: boolean): string => renderFigure({
    id,
    title: heading,
    description,
    legend: swatchLegend(series, 'Lines'),
    chart: renderTimeSeriesChart({ chart: id, label: `Line chart: ${heading.toLowerCase()}, ${formatCount(times.length)} samples.`, times, series, valueTitle, integers }),
  });
  return (
    '<!DOCTYPE html>\n' +
    '<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${escapeHtml(`Trace replay: ${title}`)}</title>\n` +
    `<style>${REPORT_CSS}</style>\n</head>\n<body>\n<main>\n` +
    '<header><p class="eyebrow">Task placement trace replay</p>' +
    `<h1>${escapeHtml(title)}</h1>` +
    `<p class="meta"><strong>${escapeHtml(formatCount(replay.tasks))}</strong> tasks · <strong>${escapeHtml(formatCount(replay.started))}</strong> started ` +
    `(${escapeHtml(formatCount(replay.startedLate))} after waiting) · <strong>${escapeHtml(formatCount(replay.neverStarted))}</strong> never started</p></header>\n` +
    figure('replay-utilization', 'Utilization over time', 'The share of each resource that running tasks reserve, over the instances that can take tasks.', utilization, 'Used (%)', false) +
    '\n' +
    figure('replay-tasks', 'Tasks running and waiting', 'Tasks that hold an instance, and tasks that arrived and wait for room in arrival order.', tasks, 'Tasks', true) +
    '\n' +
    figure('replay-stranded', 'Stranded capacity over time', 'The share of each resource that is free on instances where none of the waiting tasks fits: room the fleet has but cannot use for what is asked of it. None is stranded while nothing waits.', stranded, 'Stranded (%)', false) +
    '\n' +
    renderFooter(checked) +
    '\n</main>\n</body>\n</html>\n'
  );
}
