/**
 * How many instances of which type a workload needs: for each type, a lower
 * bound and a packing by the library's batch placement, and the type that
 * needs the fewest (or costs least).
 *
 * @module
 */
import { Cluster } from '../../cluster/Cluster';
import type { PlacementRequest } from '../../model/PlacementRequest';
import { PlacementInputError } from '../../model/PlacementInputError';
import { resolveGroup } from '../../model/validation/resolveGroup';
import type { InstanceType } from '../instanceTypes';
import { instanceResources } from '../instanceResources';
import { packingBounds } from './packingBounds';

/** Above this many tasks the batch does not fill instances one at a time: the fill looks at every task left for every instance. */
const MOST_TASKS_TO_FILL = 5_000;
/** The most tasks a workload may hold: each type is tried on a cluster of as many instances. */
const MOST_TASKS = 100_000;

/** Options of {@link planFleet}. */
export interface PlanFleetOptions {
  /** What one instance of each type costs (any unit, such as dollars an hour); the plan then minimises cost rather than instances. */
  readonly costs?: Readonly<Record<string, number>>;
  /**
   * How long each type's batch may fill instances, in milliseconds.
   * @defaultValue 1000
   */
  readonly timeLimitMs?: number;
}

/** One instance type's plan. */
export interface TypePlan {
  /** The type's name. */
  readonly instanceType: string;
  /** Whether its instances can run every task of the workload; when not, the counts below are 0. */
  readonly fits: boolean;
  /** Instances of the type the batch placement used. */
  readonly instances: number;
  /** No placement runs the workload on fewer instances of the type: the best of `packingBounds` (L1, L2, the surrogate, cardinality and conflict bounds), and the largest distinctInstance group. */
  readonly lowerBound: number;
  /** `instances - lowerBound`: at most this many instances could be saved. */
  readonly gap: number;
  /** `instances` times the type's cost, when costs were given. */
  readonly cost?: number;
  /** False when the batch's fill was cut short by the time limit. */
  readonly complete: boolean;
}

/** What {@link planFleet} answers. */
export interface FleetPlanAnswer {
  /** The type that runs the workload on the fewest instances (the cheapest, with costs), the first given on a tie; undefined when no type fits. */
  readonly best: TypePlan | undefined;
  /** Every type's plan, in the order given. */
  readonly byType: readonly TypePlan[];
}

/**
 * Plans a fleet of one instance type for a workload: for each type, the
 * workload is placed with `Cluster.placeBatch` on empty instances of that
 * type (registered resources as {@link instanceResources} gives them,
 * attributes `ecs.instance-type` and `ecs.cpu-architecture`), with every
 * request's chain and constraints, and the instances used are set against
 * a lower bound. Above 5,000 tasks the batch places largest first without
 * filling instances one at a time.
 *
 * @param workload - the requests, as `Cluster.place` takes them; up to 100,000 tasks in all
 * @param instanceTypes - the types to consider, such as some of {@link INSTANCE_TYPES}
 * @param options - costs per type, and the batch's time limit
 * @returns each type's plan and the best
 * @throws {@link task-placement!PlacementInputError} as `Cluster.placeBatch` does for a request, or
 *   `invalid_count` for a workload of more than 100,000 tasks
 *
 * @example
 * ```ts
 * const types = INSTANCE_TYPES.filter((type) => ['m5.large', 'm5.xlarge', 'r5.large'].includes(type.name));
 * const { best } = planFleet([{ task: { resources: { cpu: 512, memory: 3072 } }, count: 40, service: 'api' }], types);
 * // best.instanceType, best.instances, best.lowerBound, best.gap
 * ```
 */
export function planFleet(workload: readonly PlacementRequest[], instanceTypes: readonly InstanceType[], options: PlanFleetOptions = {}): FleetPlanAnswer {
  const tasks = workload.reduce((sum, request) => sum + (typeof request.count === 'number' ? request.count : 1), 0);
  if (tasks > MOST_TASKS) throw new PlacementInputError('invalid_count', 'workload', `Plan a workload of at most ${MOST_TASKS.toLocaleString('en-US')} tasks; this one has ${tasks.toLocaleString('en-US')}.`);
  const byType = instanceTypes.map((type) => planType(workload, type, tasks, options));
  let best: TypePlan | undefined;
  for (const plan of byType) {
    if (!plan.fits) continue;
    if (best === undefined || (plan.cost ?? plan.instances) < (best.cost ?? best.instances)) best = plan;
  }
  return { best, byType };
}

function planType(workload: readonly PlacementRequest[], type: InstanceType, tasks: number, options: PlanFleetOptions): TypePlan {
  const resources = instanceResources(type);
  const attributes = { 'ecs.instance-type': type.name, 'ecs.cpu-architecture': type.architecture };
  const cluster = new Cluster({ instances: Array.from({ length: Math.max(1, tasks) }, (_, index) => ({ id: `${type.name}-${index + 1}`, resources, attributes })) });
  const batch = cluster.placeBatch(workload, { fill: tasks <= MOST_TASKS_TO_FILL, timeLimitMs: options.timeLimitMs ?? 1000 });
  const placed = batch.results.reduce((sum, result) => sum + result.placements.length, 0);
  if (placed < tasks) return { instanceType: type.name, fits: false, instances: 0, lowerBound: 0, gap: 0, complete: batch.complete };
  const lowerBound = Math.max(boundOf(cluster, resources), largestDistinctGroup(workload));
  const cost = options.costs?.[type.name];
  const plan = { instanceType: type.name, fits: true, instances: batch.instancesUsed, lowerBound, gap: batch.instancesUsed - lowerBound, complete: batch.complete };
  return cost === undefined ? plan : { ...plan, cost: cost * batch.instancesUsed };
}

/** The best packing bound of the tasks now running, on instances of the type's resources. */
function boundOf(cluster: Cluster, registered: Readonly<Record<string, number | undefined>>): number {
  const running = cluster.tasks();
  const resources = [...new Set(running.flatMap((task) => Object.keys(task.resources)))];
  // Every task was placed, so the type registers every resource a task reserves.
  const capacity = Object.fromEntries(resources.map((resource) => [resource, registered[resource] ?? 0]));
  return packingBounds({ name: 'workload', resources, capacity, tasks: running.map((task) => task.resources) }).best;
}

/**
 * Tasks placed under distinctInstance go where their group runs no task yet,
 * so those of one group are on as many instances (tasks of the group placed
 * without the constraint may share them).
 */
function largestDistinctGroup(workload: readonly PlacementRequest[]): number {
  const counts = new Map<string, number>();
  for (const request of workload) {
    if (!(request.placementConstraints ?? []).some((constraint) => constraint.type === 'distinctInstance')) continue;
    const group = resolveGroup({ service: request.service, group: request.group, family: request.task.family });
    counts.set(group, (counts.get(group) ?? 0) + (request.count ?? 1));
  }
  return Math.max(0, ...counts.values());
}
