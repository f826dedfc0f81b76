/**
 * Runs the placement matrix: one fleet per size and engine, every chain and
 * constraint mix placed on it and then stopped again, so that each case
 * starts from the same empty fleet.
 */
import { Cluster } from '../src/cluster/Cluster';
import type { InstanceInfo } from '../src/model/InstanceInfo';
import type { TaskInfo } from '../src/model/TaskInfo';
import type { PlacementRequest } from '../src/model/PlacementRequest';
import type { EngineName } from '../src/model/EngineName';
import { lowerBound } from '../src/sim/metrics/lowerBound';
import { spreadSkew } from '../src/sim/metrics/spreadSkew';
import { streamFleet } from '../src/sim/streamFleet';
import { heapMiB } from './heapMiB';
import { CHAINS, type ChainCase, type ConstraintCase, type MatrixPlan } from './placementMatrix';

/** One measured case. */
export interface MatrixRow {
  readonly size: number;
  readonly engine: EngineName;
  readonly chain: string;
  readonly constraints: string;
  readonly placements: number;
  readonly placementsPerSecond: number;
  readonly nanosecondsPerPlacement: number;
  /** Instances the case's tasks used / the lower bound for them. */
  readonly packingRatio: number | null;
  /** Max minus min tasks per bucket of the chain's field. */
  readonly skew: number;
  /** Highest heap use seen during the case, in MiB. */
  readonly peakHeapMiB: number;
}

/** Build time and heap of one fleet. */
export interface FleetRow {
  readonly size: number;
  readonly engine: EngineName;
  readonly buildMs: number;
  readonly heapMiB: number;
}

const TASK = { family: 'bench', resources: { cpu: 256, memory: 512 } } as const;
/** Requests grow from 1 task to this many, so a slow case stops near its budget rather than a whole request past it. */
const MAX_CHUNK = 100;

/** Registers a generated fleet instance by instance, so the specs are never all held at once. */
function buildFleet(size: number, engine: EngineName): { cluster: Cluster; row: FleetRow } {
  const started = performance.now();
  const cluster = new Cluster({ engine, seed: 7 });
  for (const spec of streamFleet({ size, seed: 7, zones: 3 })) cluster.registerInstance(spec);
  const buildMs = performance.now() - started;
  return { cluster, row: { size, engine, buildMs, heapMiB: heapMiB() } };
}

/**
 * Runs every case of the plan and reports each one as it finishes.
 *
 * @param plan - sizes, engines and budgets
 * @param report - receives each row
 * @param afterCases - runs on each fleet once its cases are done, as every case left it
 */
export function runPlacementMatrix(plan: MatrixPlan, report: (row: MatrixRow | FleetRow) => void, afterCases?: (cluster: Cluster, size: number, engine: EngineName) => void): void {
  for (const size of plan.sizes) {
    for (const engine of plan.engines) {
      if (engine === 'reference' && size > plan.referenceUpTo) continue;
      const { cluster, row } = buildFleet(size, engine);
      report(row);
      runCases(cluster, plan, size, engine, report);
      afterCases?.(cluster, size, engine);
    }
  }
}

/**
 * Every case on one fleet. The copy of the instances the cases read lives
 * only here, so that what runs after them (registrations, one-task requests)
 * does not pay for collecting a heap that holds a second fleet.
 */
function runCases(cluster: Cluster, plan: MatrixPlan, size: number, engine: EngineName, report: (row: MatrixRow) => void): void {
  const instances = cluster.instances();
  for (const chain of CHAINS) {
    for (const constraints of plan.constraints) {
      report(runCase(cluster, instances, plan, { size, engine, chain, constraints }));
    }
  }
}

interface CaseSetup {
  readonly size: number;
  readonly engine: EngineName;
  readonly chain: ChainCase;
  readonly constraints: ConstraintCase;
}

function runCase(cluster: Cluster, instances: readonly InstanceInfo[], plan: MatrixPlan, setup: CaseSetup): MatrixRow {
  const group = `bench:${setup.chain.name}:${setup.constraints.name}`;
  const request = (count: number): PlacementRequest => ({
    task: TASK,
    count,
    group,
    placementStrategy: setup.chain.strategies,
    placementConstraints: setup.constraints.constraints,
  });
  // Before timing, prove the case places at all: a benchmark of failures measures nothing.
  const probe = cluster.place(request(1));
  if (probe.placements.length !== 1) {
    throw new Error(`${group} on ${setup.size} instances placed nothing: ${probe.failures[0]?.diagnosis.summary ?? ''}`);
  }
  for (const { taskId } of probe.placements) cluster.stopTask(taskId);

  // A case short enough to be hit by one collection pause is run again;
  // the fastest run is the engine's speed, the others are the machine's noise.
  let best: MatrixRow | undefined;
  const runs = setup.engine === 'reference' ? 1 : plan.repeats;
  for (let run = 0; run < runs; run += 1) {
    const row = timedRun(cluster, instances, plan, setup, group, request);
    if (best === undefined || row.nanosecondsPerPlacement < best.nanosecondsPerPlacement) best = row;
  }
  return best as MatrixRow;
}

/** Places the case's tasks once, measures them, and stops them again. */
function timedRun(cluster: Cluster, instances: readonly InstanceInfo[], plan: MatrixPlan, setup: CaseSetup, group: string, request: (count: number) => PlacementRequest): MatrixRow {
  const placed: string[] = [];
  let elapsed = 0;
  let peak = 0;
  let chunk = 1;
  while (placed.length < plan.maxPlacements && elapsed < plan.budgetMs) {
    const started = performance.now();
    const result = cluster.place(request(Math.min(chunk, plan.maxPlacements - placed.length)));
    chunk = Math.min(chunk * 2, MAX_CHUNK);
    elapsed += performance.now() - started;
    for (const placement of result.placements) placed.push(placement.taskId);
    peak = Math.max(peak, process.memoryUsage().heapUsed / 2 ** 20);
    if (result.failures.length > 0) break;
  }
  const tasks = cluster.tasks().filter((task) => task.group === group);
  const row = measure(setup, instances, tasks, group, elapsed, peak);
  for (const taskId of placed) cluster.stopTask(taskId);
  return row;
}

function measure(setup: CaseSetup, instances: readonly InstanceInfo[], tasks: readonly TaskInfo[], group: string, elapsedMs: number, peakHeapMiB: number): MatrixRow {
  const used = new Set(tasks.map((task) => task.instanceId)).size;
  const bound = lowerBound(instances, tasks).instances;
  return {
    size: setup.size,
    engine: setup.engine,
    chain: setup.chain.name,
    constraints: setup.constraints.name,
    placements: tasks.length,
    placementsPerSecond: tasks.length / (elapsedMs / 1000),
    nanosecondsPerPlacement: (elapsedMs * 1e6) / tasks.length,
    packingRatio: bound === 0 ? null : used / bound,
    skew: spreadSkew(instances, tasks, group, setup.chain.skewField),
    peakHeapMiB,
  };
}
