/**
 * `task-placement simulate`: run a scenario and show where tasks went.
 *
 * @module
 */
import { DEFAULT_SCENARIO } from '../sim/defaultScenario';
import { renderReportHtml } from '../sim/report/renderReportHtml';
import { runSimulation } from '../sim/runSimulation';
import type { Scenario } from '../sim/Scenario';
import { MAX_FLEET_SIZE } from '../sim/validation/validateFleetOptions';
import { MAX_COUNT } from '../model/validation/validateCount';
import { validateScenario } from '../sim/validateScenario';
import { UsageError, type CliIo } from './CliIo';
import type { Command } from './Command';
import { fileFailure } from './fileFailure';
import { formatSimulation } from './formatSimulation';
import { writeReport } from './writeReport';
import { simulateTrace } from './simulateTrace';
import { packageVersion } from './packageVersion';
import { parseOptions, wholeNumberOption } from './parseOptions';
import { readJsonFile } from './readJsonFile';
import { visible, visibleJson } from './visible';
import { wrapText } from './wrapText';

const HELP = `Usage: task-placement simulate [SCENARIO.json] [options]

Runs a placement simulation and prints, per service, where the tasks went (per
zone and per instance type), what failed and why, and fleet metrics: the lower
bound on instances, instances used, utilization, stranded capacity, spread
skew, failures by reason, placements per second and peak heap.

Without a scenario file it runs the built-in default scenario (about 300
instances in three zones and a handful of services). The scenario format is
described in docs/simulation.md.

Options:
  --instances N      replace the scenario's fleet size, and scale every
                     service's desired count by the same factor
  --seed N           replace the scenario's seeds (fleet and placement)
  --engine NAME      'indexed' (default) or 'reference'
  --json             print the report as JSON instead of tables
  --report FILE      also write a self-contained HTML page with charts
  -h, --help         show this help

Replaying a cluster trace instead of a scenario:
  --trace FILE       a trace: a CSV with arrival, duration or end, and a
                     column per resource, or Alibaba's openb_pod_list CSV
  --fleet FILE       the instances: Alibaba's openb_node_list CSV, or a JSON
                     array of instance specs
  --strategy LIST    the chain each task is placed with, as in place
                     (default 'binpack(memory)')
  --samples N        moments to sample, from 2 to 10,000 (default 24)
  --json             print the replay as JSON instead of a table
  --report FILE      also write an HTML page charting the replay
The replay prints, over time, the tasks running and waiting, the share of
each resource in use, and the capacity stranded where no waiting task fits.

Tables wrap to the terminal's width (100 columns when the output is not a
terminal).

Exit status: 0 when the simulation ran (failed placements are part of the
report), 2 for bad input or a file that cannot be read or written (a message
on stderr, nothing on stdout).`;

const OPTIONS = {
  instances: { type: 'string' },
  seed: { type: 'string' },
  engine: { type: 'string' },
  json: { type: 'boolean' },
  report: { type: 'string' },
  trace: { type: 'string' },
  fleet: { type: 'string' },
  strategy: { type: 'string' },
  samples: { type: 'string' },
} as const;

/** The simulate command. */
export const simulateCommand: Command = {
  summary: 'run a placement simulation on a scenario (the built-in one by default)',
  help: HELP,
  run(args, io) {
    const { values, positionals } = parseOptions('simulate', args, OPTIONS);
    if (values.trace !== undefined) {
      const mixed = [positionals.length > 0 ? 'the scenario file' : '', ...(['instances', 'seed', 'engine'] as const).filter((name) => values[name] !== undefined).map((name) => `--${name}`)].filter((part) => part !== '');
      if (mixed.length > 0) throw new UsageError(`--trace replays a trace on its --fleet: leave out ${mixed.join(', ')}.`);
      return simulateTrace({ trace: values.trace, fleet: values.fleet, strategy: values.strategy, samples: values.samples, json: values.json, report: values.report, commandLine: ['task-placement', 'simulate', ...args] }, io);
    }
    const strayed = (['fleet', 'strategy', 'samples'] as const).filter((name) => values[name] !== undefined);
    if (strayed.length > 0) throw new UsageError(`${strayed.map((name) => `--${name}`).join(', ')} ${strayed.length === 1 ? 'goes' : 'go'} with --trace: a scenario names its own fleet and strategies.`);
    const given = loadScenario(positionals, io);
    const scenario = applyOverrides(given, values);
    // Before the run, which can be long, rather than after it.
    if (values.report === '') throw fileFailure('write', 'the --report file', '', undefined);
    const progress = io.errIsTerminal ? progressLine(io) : undefined;
    const report = runSimulation(scenario, {
      ...(values.engine === undefined ? {} : { engine: engineName(values.engine) }),
      now: io.now,
      heapUsed: io.heapUsed,
      ...(progress === undefined ? {} : { onProgress: progress }),
    });
    if (progress !== undefined) io.err('\r\u001b[K');
    if (values.report !== undefined) {
      // io.now is a timer for placement (milliseconds from an arbitrary origin), not a date.
      const footer = { version: packageVersion(), generatedAt: new Date(), commandLine: ['task-placement', 'simulate', ...args] };
      writeReport(io, values.report, renderReportHtml(report, footer));
    }
    const scaled = values.json === true ? '' : scalingNote(given, scenario, io.columns);
    io.out(values.json === true ? visibleJson(report) : `${scaled}${formatSimulation(report, io.columns)}\n`);
    if (values.report !== undefined && values.json !== true) io.out(`\nReport written to ${visible(values.report)}\n`);
    return 0;
  },
};

function loadScenario(positionals: readonly string[], io: CliIo): Scenario {
  if (positionals.length > 1) throw new UsageError(`Give at most one scenario file, not ${positionals.length}. Run 'task-placement simulate --help' for the options.`);
  const [file] = positionals;
  if (file === undefined) return DEFAULT_SCENARIO;
  const json = readJsonFile(io, file, 'the scenario file');
  return validateScenario(json);
}

function applyOverrides(scenario: Scenario, values: { instances?: string | undefined; seed?: string | undefined }): Scenario {
  let result = scenario;
  if (values.instances !== undefined) {
    const size = wholeNumberOption('--instances', values.instances, 0, MAX_FLEET_SIZE);
    result = { ...result, fleet: { ...result.fleet, size }, services: scaleServices(result, size) };
  }
  if (values.seed !== undefined) {
    const seed = wholeNumberOption('--seed', values.seed);
    result = { ...result, seed, fleet: { ...result.fleet, seed } };
  }
  return validateScenario(result);
}

/**
 * A bigger fleet with the same services would mostly stand idle, and a
 * smaller one would fail most tasks: the workload grows and shrinks with it,
 * so that `--instances` changes the scale and not the question. A scenario
 * whose fleet is empty has no size to scale from, and keeps its counts.
 */
function scaleServices(scenario: Scenario, size: number): Scenario['services'] {
  const from = scenario.fleet.size;
  if (from === 0 || size === from) return scenario.services;
  return scenario.services.map((service) => {
    const desiredCount = service.desiredCount === 0 || size === 0 ? 0 : Math.max(1, Math.round((service.desiredCount * size) / from));
    if (desiredCount > MAX_COUNT) {
      throw new UsageError(`--instances ${size} would scale service ${visible(service.name)} to ${desiredCount} tasks, above the ${MAX_COUNT} a service may have; give fewer instances.`);
    }
    return { ...service, desiredCount };
  });
}

/** Says what --instances did to the workload, so that a run is never read as the scenario's own counts. */
function scalingNote(given: Scenario, run: Scenario, width: number): string {
  const total = (scenario: Scenario): number => scenario.services.reduce((sum, service) => sum + service.desiredCount, 0);
  if (given.fleet.size === run.fleet.size) return '';
  const counts = given.fleet.size === 0
    ? 'the services keep their desired counts (the scenario has no fleet to scale from)'
    : `the services' desired counts from ${total(given).toLocaleString('en-US')} to ${total(run).toLocaleString('en-US')} tasks`;
  const note = `--instances scaled the fleet from ${given.fleet.size.toLocaleString('en-US')} to ${run.fleet.size.toLocaleString('en-US')} instances, and ${counts}.`;
  return `${wrapText(note, width).join('\n')}\n\n`;
}

function engineName(text: string): 'indexed' | 'reference' {
  if (text === 'indexed' || text === 'reference') return text;
  throw new UsageError(`--engine is 'indexed' or 'reference', not '${visible(text)}'.`);
}


/** Rewrites one stderr line as the run goes, so a long simulation shows it is alive. */
function progressLine(io: CliIo): (done: number, total: number, phase: string) => void {
  return (done, total, phase) => io.err(`\r\u001b[K${phase} ${done}/${total}`);
}
