/**
 * `task-placement simulate --trace FILE --fleet FILE`: replay a cluster
 * trace on a fleet and print what it did over time.
 *
 * @module
 */
import { parseStrategyNotation } from '../ecs/placementNotation';
import type { InstanceSpec } from '../model/InstanceSpec';
import { renderReplayHtml } from '../sim/report/renderReplayHtml';
import { readNodeListFile, readTraceFile } from '../sim/trace/readTraceFile';
import { replayTrace, type TraceReplay } from '../sim/trace/replayTrace';
import { UsageError, type CliIo } from './CliIo';
import { fileFailure } from './fileFailure';
import { formatTable } from './formatTable';
import { packageVersion } from './packageVersion';
import { wholeNumberOption } from './parseOptions';
import { readJsonFile } from './readJsonFile';
import { readTextFile } from './readTextFile';
import { reportedAt } from './reportedAt';
import { visible, visibleJson } from './visible';
import { wrapText } from './wrapText';
import { writeReport } from './writeReport';

/** The options a replay reads. */
export interface TraceOptions {
  readonly trace: string;
  readonly fleet?: string | undefined;
  readonly strategy?: string | undefined;
  readonly samples?: string | undefined;
  readonly json?: boolean | undefined;
  readonly report?: string | undefined;
  /** The command's words, for the report's footer. */
  readonly commandLine: readonly string[];
}

/**
 * Replays the trace on the fleet and prints the replay: a summary and a
 * table of samples, or the replay as JSON.
 *
 * @param options - the command's options
 * @param io - the outside world
 * @returns the exit status: 0
 */
export function simulateTrace(options: TraceOptions, io: CliIo): number {
  if (options.fleet === undefined) throw new UsageError("--trace needs --fleet FILE: the instances to replay it on (Alibaba's openb_node_list CSV, or a JSON array of instance specs).");
  const instances = readFleet(io, options.fleet);
  const tasks = readTraceFile(readTextFile(io, options.trace, 'the --trace file'), options.trace);
  const strategy = options.strategy ?? 'binpack(memory)';
  const placementStrategy = reportedAt('--strategy', () => parseStrategyNotation(strategy));
  const samples = options.samples === undefined ? 24 : wholeNumberOption('--samples', options.samples, 2, 10_000);
  if (options.report === '') throw fileFailure('write', 'the --report file', '', undefined);
  const replay = replayTrace(instances, tasks, { placementStrategy, samples });
  if (options.report !== undefined) {
    writeReport(io, options.report, renderReplayHtml(replay, { version: packageVersion(), generatedAt: new Date(), commandLine: options.commandLine }, options.trace));
  }
  io.out(options.json === true ? visibleJson(replay) : `${formatReplay(replay, { trace: options.trace, fleet: options.fleet, instances: instances.length, strategy }, io.columns)}\n`);
  if (options.report !== undefined && options.json !== true) io.out(`\nReport written to ${visible(options.report)}\n`);
  return 0;
}

function readFleet(io: CliIo, file: string): InstanceSpec[] {
  if (file.toLowerCase().endsWith('.json')) {
    const json = readJsonFile(io, file, 'the --fleet file');
    if (!Array.isArray(json)) throw new UsageError(`The --fleet file ${visible(file)} holds JSON that is not an array of instance specs.`);
    return json as InstanceSpec[];
  }
  return readNodeListFile(readTextFile(io, file, 'the --fleet file'), file);
}

/** The summary, then one row a sample: the time, tasks running and waiting, each resource's utilisation and stranded amount. */
function formatReplay(replay: TraceReplay, source: { trace: string; fleet: string; instances: number; strategy: string }, width: number): string {
  const count = (value: number): string => value.toLocaleString('en-US');
  const summary = `Replayed ${count(replay.tasks)} tasks of ${source.trace} on ${count(source.instances)} ${source.instances === 1 ? 'instance' : 'instances'} of ${source.fleet} with ${source.strategy}: `
    + `${count(replay.started)} started (${count(replay.startedLate)} of them after waiting), ${count(replay.neverStarted)} never started.`;
  const columns = [
    { heading: 'time (s)', align: 'right' as const },
    { heading: 'running', align: 'right' as const },
    { heading: 'waiting', align: 'right' as const },
    ...replay.resources.map((resource) => ({ heading: `${resource} used`, align: 'right' as const })),
    ...replay.resources.map((resource) => ({ heading: `${resource} stranded`, align: 'right' as const })),
  ];
  const rows = replay.samples.map((sample) => [
    count(Math.round(sample.time)),
    count(sample.running),
    count(sample.waiting),
    ...replay.resources.map((resource) => `${((sample.utilization[resource] ?? 0) * 100).toFixed(1)}%`),
    ...replay.resources.map((resource) => count(Math.round(sample.stranded[resource] ?? 0))),
  ]);
  const legend = 'Used: the share of each resource that running tasks reserve. Stranded: what is free on the instances where none of the waiting tasks fits.';
  return [...wrapText(summary, width), '', formatTable(columns, rows, width), '', ...wrapText(legend, width)].join('\n');
}
