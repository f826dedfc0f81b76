/**
 * How each service fared, from the final state.
 *
 * @module
 */
import type { ClusterSnapshot } from '../../cluster/Cluster';
import type { InstanceInfo } from '../../model/InstanceInfo';
import { failuresByReason } from '../metrics/failuresByReason';
import { mostFirst } from '../metrics/mostFirst';
import type { ServiceReport } from '../SimulationReport';
import type { ServiceRun } from './ServiceRun';

const ZONE = 'ecs.availability-zone';
const TYPE = 'ecs.instance-type';

/** A group's running tasks, counted by zone and by instance type. */
interface Tally {
  running: number;
  readonly byZone: Record<string, number>;
  readonly byInstanceType: Record<string, number>;
}

/**
 * Reports each service: running tasks by zone (every zone listed) and by
 * instance type (only types running some, the most first), failures
 * by reason, the first failure's diagnosis, and the zone skew.
 *
 * @param runs - the services, in scenario order, with their results
 * @param snapshot - the cluster's final state
 * @param zones - every zone of the fleet; each service lists them all, zeros included
 * @returns one report per service, in scenario order
 */
export function serviceReports(runs: readonly ServiceRun[], snapshot: ClusterSnapshot, zones: readonly string[]): ServiceReport[] {
  const tallies = new Map(runs.map((run) => [run.group, emptyTally(zones)]));
  const byId = new Map(snapshot.instances.map((instance) => [instance.id, instance]));
  for (const task of snapshot.tasks) {
    const tally = tallies.get(task.group);
    const instance = byId.get(task.instanceId);
    if (tally === undefined || instance === undefined) continue;
    tally.running += 1;
    increment(tally.byZone, attribute(instance, ZONE));
    increment(tally.byInstanceType, attribute(instance, TYPE));
  }
  return runs.map((run) => report(run, tallies.get(run.group) as Tally));
}

function report(run: ServiceRun, tally: Tally): ServiceReport {
  const firstFailure = run.results.find((result) => result.failures.length > 0)?.failures[0];
  const zoneCounts = Object.values(tally.byZone);
  return {
    name: run.service.name,
    group: run.group,
    desiredCount: run.service.desiredCount,
    running: tally.running,
    strategies: run.strategies,
    constraints: run.constraints,
    failures: failuresByReason(run.results),
    ...(firstFailure === undefined ? {} : { firstFailure: firstFailure.diagnosis.summary }),
    byZone: tally.byZone,
    byInstanceType: mostFirst(Object.entries(tally.byInstanceType)),
    zoneSkew: zoneCounts.length === 0 ? 0 : Math.max(...zoneCounts) - Math.min(...zoneCounts),
  };
}

function emptyTally(zones: readonly string[]): Tally {
  return { running: 0, byZone: Object.fromEntries(zones.map((zone) => [zone, 0])), byInstanceType: {} };
}

function increment(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** An attribute's value, or `''` when the instance has none (only possible on instances not from a simulated fleet). */
function attribute(instance: InstanceInfo, name: string): string {
  return instance.attributes[name] ?? '';
}
