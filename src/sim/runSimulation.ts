/**
 * Running a scenario: a seeded fleet, its services placed, churn, and the
 * report.
 *
 * @module
 */
import { Cluster } from '../cluster/Cluster';
import { resolveFleetOptions } from './fleet/resolveFleetOptions';
import { streamFleet } from './streamFleet';
import { fleetMetrics } from './metrics/fleetMetrics';
import type { FleetOptions, Scenario } from './Scenario';
import type { SimulationReport } from './SimulationReport';
import { validateRunOptions } from './validation/validateRunOptions';
import { validateScenario } from './validateScenario';
import { serviceRequest } from './validation/validateService';
import { instanceUsage } from './run/instanceUsage';
import { Meter } from './run/Meter';
import { defaultClock, type RunOptions } from './run/RunOptions';
import { runChurn } from './run/runChurn';
import { serviceReports } from './run/serviceReports';
import { startServiceRun } from './run/ServiceRun';

/** How many instances are registered between two progress reports. */
const FLEET_PROGRESS_STEP = 10_000;

/**
 * Runs a scenario and reports what placement did to the fleet.
 *
 * @remarks
 * The fleet comes from {@link streamFleet} (so a large one is never held
 * twice) and is registered in a `Cluster` with the scenario's seed.
 * Each service is then placed in order as one request `{ task, count:
 * desiredCount, service: name, placementStrategy, placementConstraints }`,
 * and the churn rounds run: each stops `stopFraction` of every service's
 * running tasks, chosen by a seeded generator, then places that many of each
 * service again. Same scenario and seed,
 * same report, except `timing`. Only the placement calls are timed.
 *
 * @param scenario - the scenario; validated first, as {@link validateScenario} does
 * @param options - engine, clock, heap gauge and progress callback
 * @returns per service (running, rules applied, failures by reason, first
 *   failure's diagnosis, tasks by zone and instance type, zone skew), per
 *   instance usage, fleet metrics and timing
 * @throws `PlacementInputError` with a path under `scenario` or `options` when either is invalid
 * @example
 * ```ts
 * const report = runSimulation(DEFAULT_SCENARIO, { engine: 'reference', heapUsed: () => process.memoryUsage().heapUsed });
 * for (const service of report.services) console.log(service.name, service.running, service.failures);
 * console.log(report.metrics.packingRatio, report.timing.placementsPerSecond);
 * ```
 */
export function runSimulation(scenario: Scenario, options: RunOptions = {}): SimulationReport {
  const valid = validateScenario(scenario);
  const { engine, now = defaultClock(), heapUsed, onProgress } = validateRunOptions(options, 'options');
  const seed = valid.seed ?? 1;
  const zones = resolveFleetOptions(valid.fleet, 'scenario.fleet').zones;
  const meter = new Meter(now, heapUsed);
  const cluster = registerFleet(valid.fleet, new Cluster({ seed, ...(engine === undefined ? {} : { engine }) }), onProgress);
  meter.sampleHeap();
  const runs = valid.services.map(startServiceRun);
  runs.forEach((run, index) => {
    run.results.push(meter.place(() => cluster.place(serviceRequest(run.service))));
    meter.sampleHeap();
    onProgress?.(index + 1, runs.length, 'services');
  });
  if (valid.churn !== undefined) {
    const rounds = valid.churn.rounds;
    runChurn(cluster, runs, valid.churn, seed, meter, (done) => {
      meter.sampleHeap();
      onProgress?.(done, rounds, 'churn');
    });
  }
  const snapshot = cluster.snapshot();
  return {
    scenario: { name: valid.name ?? 'unnamed', seed, instances: snapshot.instances.length, zones },
    services: serviceReports(runs, snapshot, zones),
    metrics: fleetMetrics(snapshot, runs.flatMap((run) => run.results)),
    instances: snapshot.instances.map(instanceUsage),
    timing: meter.timing(),
  };
}

function registerFleet(fleet: FleetOptions, cluster: Cluster, onProgress: RunOptions['onProgress']): Cluster {
  let registered = 0;
  for (const spec of streamFleet(fleet)) {
    cluster.registerInstance(spec);
    registered += 1;
    if (registered % FLEET_PROGRESS_STEP === 0) onProgress?.(registered, fleet.size, 'fleet');
  }
  if (registered === 0 || registered % FLEET_PROGRESS_STEP !== 0) onProgress?.(registered, fleet.size, 'fleet');
  return cluster;
}
