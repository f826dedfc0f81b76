/**
 * `task-placement simulate`: run a scenario and show where tasks went.
 *
 * @module
 */
import { DEFAULT_SCENARIO } from '../sim/defaultScenario';
import { renderReportHtml } from '../sim/report/renderReportHtml';
import { runSimulation } from '../sim/runSimulation';
import type { Scenario } from '../sim/Scenario';
import { validateScenario } from '../sim/validateScenario';
import { UsageError, type CliIo } from './CliIo';
import type { Command } from './Command';
import { formatSimulation } from './formatSimulation';
import { parseOptions, wholeNumberOption } from './parseOptions';
import { readJsonFile } from './readJsonFile';

const HELP = `Usage: task-placement simulate [SCENARIO.json] [options]

Runs a placement simulation and prints, per service, where the tasks went (per
zone and per instance type), what failed and why, and fleet metrics: the lower
bound on instances, instances used, utilization, stranded capacity, spread
skew, failures by reason, placements per second and peak heap.

Without a scenario file it runs the built-in default scenario (about 300
instances in three zones and a handful of services). The scenario format is
described in docs/simulation.md.

Options:
  --instances N      replace the scenario's fleet size
  --seed N           replace the scenario's seeds (fleet and placement)
  --engine NAME      'indexed' (default) or 'reference'
  --json             print the report as JSON instead of tables
  --report FILE      also write a self-contained HTML page with charts
  -h, --help         show this help

Exit status: 0 when the simulation ran (failed placements are part of the
report), 2 for bad input.`;

const OPTIONS = {
  instances: { type: 'string' },
  seed: { type: 'string' },
  engine: { type: 'string' },
  json: { type: 'boolean' },
  report: { type: 'string' },
} as const;

/** The simulate command. */
export const simulateCommand: Command = {
  summary: 'run a placement simulation on a scenario (the built-in one by default)',
  help: HELP,
  run(args, io) {
    const { values, positionals } = parseOptions('simulate', args, OPTIONS);
    const scenario = applyOverrides(loadScenario(positionals, io), values);
    const progress = io.errIsTerminal ? progressLine(io) : undefined;
    const report = runSimulation(scenario, {
      ...(values.engine === undefined ? {} : { engine: engineName(values.engine) }),
      now: io.now,
      heapUsed: io.heapUsed,
      ...(progress === undefined ? {} : { onProgress: progress }),
    });
    if (progress !== undefined) io.err('\r\u001b[K');
    if (values.report !== undefined) io.writeFile(values.report, renderReportHtml(report));
    io.out(values.json === true ? `${JSON.stringify(report, null, 2)}\n` : `${formatSimulation(report)}\n`);
    if (values.report !== undefined && values.json !== true) io.out(`\nReport written to ${values.report}\n`);
    return 0;
  },
};

function loadScenario(positionals: readonly string[], io: CliIo): Scenario {
  if (positionals.length > 1) throw new UsageError(`Give at most one scenario file, not ${positionals.length}.`);
  const [file] = positionals;
  if (file === undefined) return DEFAULT_SCENARIO;
  const json = readJsonFile(io, file, 'the scenario file');
  return validateScenario(json);
}

function applyOverrides(scenario: Scenario, values: { instances?: string | undefined; seed?: string | undefined }): Scenario {
  let result = scenario;
  if (values.instances !== undefined) {
    result = { ...result, fleet: { ...result.fleet, size: wholeNumberOption('--instances', values.instances, 0) } };
  }
  if (values.seed !== undefined) {
    const seed = wholeNumberOption('--seed', values.seed, Number.MIN_SAFE_INTEGER);
    result = { ...result, seed, fleet: { ...result.fleet, seed } };
  }
  return validateScenario(result);
}

function engineName(text: string): 'indexed' | 'reference' {
  if (text === 'indexed' || text === 'reference') return text;
  throw new UsageError(`--engine is 'indexed' or 'reference', not '${text}'.`);
}

/** Rewrites one stderr line as the run goes, so a long simulation shows it is alive. */
function progressLine(io: CliIo): (done: number, total: number, phase: string) => void {
  return (done, total, phase) => io.err(`\r\u001b[K${phase} ${done}/${total}`);
}
