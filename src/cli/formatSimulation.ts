/**
 * A simulation report as readable terminal tables.
 *
 * @module
 */
import { resourceUnit } from '../model/resourceUnit';
import type { ServiceReport, SimulationReport } from '../sim/SimulationReport';
import { formatTable } from './formatTable';
import { visible } from './visible';
import { wrapText } from './wrapText';

const percent = (fraction: number): string => `${(fraction * 100).toFixed(1)}%`;
const number = (value: number): string => value.toLocaleString('en-US');
const tasks = (count: number): string => `${number(count)} ${count === 1 ? 'task' : 'tasks'}`;
const TOP_TYPES = 4;

/** The unit of each resource ECS names; a custom resource is counted in its own name (`50 eni`). */
const amount = (resource: string, value: number): string => `${number(value)} ${resourceUnit(resource)}`;

/**
 * Renders every section of a report: services, their placement rules,
 * placement per zone and per instance type, failures with their diagnosis,
 * and the fleet metrics, each figure with its unit.
 *
 * @param report - a simulation report
 * @param width - the most characters a line may have: tables and text wrap to it
 * @returns the text, without a trailing newline
 */
export function formatSimulation(report: SimulationReport, width: number): string {
  const { scenario } = report;
  const text = (line: string): string => wrapText(visible(line), width).join('\n');
  const section = (title: string, body: string): string => `${text(title)}\n${body}`;
  return [
    text(`Simulation '${scenario.name}' (seed ${scenario.seed}): ${number(scenario.instances)} instances in ${scenario.zones.join(', ')}`),
    section('Services (numbers of tasks; zone skew: most minus fewest tasks in one zone)', servicesTable(report.services, width)),
    section('Placement rules', rulesTable(report.services, width)),
    section('Tasks per zone', zonesTable(report, width)),
    section(`Tasks per instance type (top ${TOP_TYPES})`, typesTable(report.services, width)),
    section('Failures', failuresText(report.services, width)),
    section('Fleet', fleetTable(report, width)),
    [
      text('utilization: the share of the registered capacity of the instances used that tasks hold.'),
      text('stranded: capacity left on instances that cannot fit even the smallest task.'),
    ].join('\n'),
  ].join('\n\n');
}

function servicesTable(services: readonly ServiceReport[], width: number): string {
  return formatTable(
    [
      { heading: 'service' }, { heading: 'desired', align: 'right' }, { heading: 'running', align: 'right' },
      { heading: 'not placed', align: 'right' }, { heading: 'zone skew', align: 'right' },
    ],
    services.map((service) => [
      service.name, number(service.desiredCount), number(service.running), number(sum(Object.values(service.failures))), number(service.zoneSkew),
    ]),
    width,
  );
}

/** Strategy and constraints share a column: two columns of expressions would not fit 80 characters. */
function rulesTable(services: readonly ServiceReport[], width: number): string {
  return formatTable(
    [{ heading: 'service' }, { heading: 'strategy chain; constraints' }],
    services.map((service) => [
      service.name,
      [service.strategies.join(' > '), ...(service.constraints.length === 0 ? [] : [service.constraints.join(', ')])].join('; '),
    ]),
    width,
  );
}

function zonesTable(report: SimulationReport, width: number): string {
  const zones = report.scenario.zones;
  return formatTable(
    [{ heading: 'service' }, ...zones.map((zone) => ({ heading: zone, align: 'right' as const }))],
    report.services.map((service) => [service.name, ...zones.map((zone) => number(service.byZone[zone] ?? 0))]),
    width,
  );
}

function typesTable(services: readonly ServiceReport[], width: number): string {
  return formatTable(
    [{ heading: 'service' }, { heading: 'instance types, with the tasks on each' }],
    services.map((service) => {
      const types = Object.entries(service.byInstanceType).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
      const shown = types.slice(0, TOP_TYPES).map(([type, count]) => `${type} ${count}`);
      const rest = types.length > TOP_TYPES ? [`+${types.length - TOP_TYPES} more types`] : [];
      return [service.name, [...shown, ...rest].join(', ') || '-'];
    }),
    width,
  );
}

function failuresText(services: readonly ServiceReport[], width: number): string {
  const failing = services.filter((service) => Object.keys(service.failures).length > 0);
  if (failing.length === 0) return 'Every task was placed.';
  const wrap = (line: string, first: string, rest: string): string[] => wrapText(visible(line), width, first, rest);
  return failing
    .flatMap((service) => [
      visible(`${service.name}:`),
      ...Object.entries(service.failures).flatMap(([reason, count]) => wrap(`${tasks(count)} not placed: ${reason}`, '  ', '    ')),
      ...(service.firstFailure === undefined ? [] : wrap(service.firstFailure, '  Why (first failure): ', '    ')),
    ])
    .join('\n');
}

function fleetTable(report: SimulationReport, width: number): string {
  const { metrics, timing } = report;
  const resources = Object.keys(metrics.utilization);
  const rows: [string, string][] = [
    [`lower bound on instances (${metrics.lowerBound.method} method)`, `${number(metrics.lowerBound.instances)} instances`],
    ['instances used (running a task)', `${number(metrics.instancesUsed)} instances`],
    ['packing ratio (used / lower bound; 1 is perfect)', metrics.packingRatio === null ? 'none (no task ran)' : `${metrics.packingRatio.toFixed(2)}x`],
    ...resources.map((resource): [string, string] => [`utilization: ${resource}`, percent(metrics.utilization[resource] ?? 0)]),
    ...Object.entries(metrics.stranded).map(([resource, value]): [string, string] => [`stranded ${resource}`, amount(resource, value)]),
    ...Object.entries(metrics.failuresByReason).map(([reason, count]): [string, string] => [`tasks not placed: ${reason}`, tasks(count)]),
    ['placements (churn included)', tasks(timing.placements)],
    ['placement rate', `${number(Math.round(timing.placementsPerSecond))} tasks/s`],
    ['time in placement calls', duration(timing.elapsedMs)],
    ...(timing.peakHeapBytes === undefined ? [] : [['peak heap', `${(timing.peakHeapBytes / 2 ** 20).toFixed(1)} MiB`] as [string, string]]),
  ];
  return formatTable([{ heading: 'measure' }, { heading: 'value', align: 'right' }], rows, width);
}

function duration(milliseconds: number): string {
  return milliseconds < 1000 ? `${milliseconds.toFixed(1)} ms` : `${(milliseconds / 1000).toFixed(2)} s`;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
