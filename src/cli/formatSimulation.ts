/**
 * A simulation report as readable terminal tables.
 *
 * @module
 */
import type { ServiceReport, SimulationReport } from '../sim/SimulationReport';
import { formatTable } from './formatTable';

const percent = (fraction: number): string => `${(fraction * 100).toFixed(1)}%`;
const number = (value: number): string => value.toLocaleString('en-US');
const TOP_TYPES = 4;

/**
 * Renders every section of a report: services, placement per zone and per
 * instance type, failures with their diagnosis, and the fleet metrics.
 *
 * @param report - a simulation report
 * @returns the text, without a trailing newline
 */
export function formatSimulation(report: SimulationReport): string {
  const { scenario } = report;
  return [
    `Simulation '${scenario.name}' (seed ${scenario.seed}): ${number(scenario.instances)} instances in ${scenario.zones.join(', ')}`,
    section('Services', servicesTable(report.services)),
    section('Tasks per zone', zonesTable(report)),
    section(`Tasks per instance type (top ${TOP_TYPES})`, typesTable(report.services)),
    section('Failures', failuresText(report.services)),
    section('Fleet', fleetTable(report)),
  ].join('\n\n');
}

function section(title: string, body: string): string {
  return `${title}\n${body}`;
}

function servicesTable(services: readonly ServiceReport[]): string {
  return formatTable(
    [
      { heading: 'service' }, { heading: 'desired', align: 'right' }, { heading: 'running', align: 'right' },
      { heading: 'failed', align: 'right' }, { heading: 'zone skew', align: 'right' }, { heading: 'strategy' }, { heading: 'constraints' },
    ],
    services.map((service) => [
      service.name, number(service.desiredCount), number(service.running), number(sum(Object.values(service.failures))),
      String(service.zoneSkew), service.strategies.join(' > '), service.constraints.join(', ') || '-',
    ]),
  );
}

function zonesTable(report: SimulationReport): string {
  const zones = report.scenario.zones;
  return formatTable(
    [{ heading: 'service' }, ...zones.map((zone) => ({ heading: zone, align: 'right' as const }))],
    report.services.map((service) => [service.name, ...zones.map((zone) => number(service.byZone[zone] ?? 0))]),
  );
}

function typesTable(services: readonly ServiceReport[]): string {
  return formatTable(
    [{ heading: 'service' }, { heading: 'instance types' }],
    services.map((service) => {
      const types = Object.entries(service.byInstanceType).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
      const shown = types.slice(0, TOP_TYPES).map(([type, count]) => `${type} ${count}`);
      const rest = types.length > TOP_TYPES ? [`+${types.length - TOP_TYPES} more`] : [];
      return [service.name, [...shown, ...rest].join(', ') || '-'];
    }),
  );
}

function failuresText(services: readonly ServiceReport[]): string {
  const failing = services.filter((service) => Object.keys(service.failures).length > 0);
  if (failing.length === 0) return 'Every task was placed.';
  return failing
    .map((service) => {
      const reasons = Object.entries(service.failures).map(([reason, count]) => `  ${number(count)} x ${reason}`);
      return [`${service.name}:`, ...reasons, ...(service.firstFailure === undefined ? [] : [`  ${service.firstFailure}`])].join('\n');
    })
    .join('\n');
}

function fleetTable(report: SimulationReport): string {
  const { metrics, timing } = report;
  const resources = Object.keys(metrics.utilization);
  const rows: [string, string][] = [
    ['lower bound on instances', `${number(metrics.lowerBound.instances)} (${metrics.lowerBound.method})`],
    ['instances used', number(metrics.instancesUsed)],
    ['packing ratio (used / bound)', metrics.packingRatio === null ? '-' : metrics.packingRatio.toFixed(2)],
    ...resources.map((resource): [string, string] => [`utilization: ${resource}`, percent(metrics.utilization[resource] ?? 0)]),
    ...Object.entries(metrics.stranded).map(([resource, amount]): [string, string] => [`stranded ${resource}`, number(amount)]),
    ...Object.entries(metrics.failuresByReason).map(([reason, count]): [string, string] => [`failed: ${reason}`, number(count)]),
    ['placements', number(timing.placements)],
    ['placements per second', number(Math.round(timing.placementsPerSecond))],
    ...(timing.peakHeapBytes === undefined ? [] : [['peak heap', `${(timing.peakHeapBytes / 2 ** 20).toFixed(1)} MiB`] as [string, string]]),
  ];
  return formatTable([{ heading: 'measure' }, { heading: 'value', align: 'right' }], rows);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
