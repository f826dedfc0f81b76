/**
 * Labels for `fc.statistics`: what share of the generated values a property
 * meets are of each kind, so that a tester sees what a run did not cover.
 *
 * @module
 */
import type { InstanceSpec } from '../model/InstanceSpec';
import type { PlacementRequest } from '../model/PlacementRequest';
import type { PlacementResult } from '../placement/PlacementResult';
import { buildCluster } from './buildCluster';
import type { ClusterScenario } from './ClusterScenario';
import type { PlacementCase } from './placementCase';

/** `0`, `1`, `2-3`, `4-7`, ...: sizes grouped by powers of two, so that a few labels cover any size. */
function bucket(size: number): string {
  if (size < 2) return String(size);
  const low = 2 ** Math.floor(Math.log2(size));
  return `${low}-${2 * low - 1}`;
}

function chainLabel(request: PlacementRequest): string {
  const chain = request.placementStrategy ?? [];
  if (chain.length === 0) return 'chain: none (ECS defaults)';
  const opaque = chain.findIndex((strategy) => !('type' in strategy) || strategy.type === 'random');
  if (opaque === -1) return 'chain: judged whole';
  return opaque === 0 ? 'chain: not judged (random or own strategy first)' : 'chain: judged in part (random or own strategy later)';
}

function isScenario(value: object): value is ClusterScenario {
  return 'history' in value && 'instances' in value;
}

function isCase(value: ClusterScenario): value is PlacementCase {
  return 'request' in value && 'feasibility' in value;
}

/** What placing the case's request on a fresh copy of its fleet did, whatever the case was built to be. */
function feasibilityLabel(drawn: PlacementCase): string {
  const { placements, failures } = buildCluster(drawn).place(drawn.request);
  return `feasibility: ${failures.length === 0 ? 'feasible' : placements.length === 0 ? 'infeasible' : 'partly'}`;
}

function isResult(value: object): value is PlacementResult {
  return 'placements' in value && 'failures' in value;
}

/**
 * Labels a generated value for `fc.statistics`:
 * - a fleet (an array of instances) by its size, in powers of two: `fleet: 4-7 instances`;
 * - a cluster scenario by its fleet's size and its history's length;
 * - a {@link placementCase} by its fleet's size, and by its feasibility as
 *   found by placing its request on a fresh copy of its fleet (not by what
 *   the generator built it to be, so a case of `'any'` is labelled too):
 *   `feasibility: feasible` (every task placed), `infeasible` (none), `partly`;
 * - a request by how much of its strategy chain the checker judges (a
 *   `random` or a strategy of your own ends what it judges) and by whether
 *   it has `placementConstraints`;
 * - a placement result by what was placed: `placed: all`, `placed: some`, `placed: none`.
 *
 * @param value - a fleet, a cluster scenario, a placement case, a request, or what `place` returned
 * @returns the value's labels
 *
 * @example
 * ```ts
 * fc.statistics(placementRequest(), statisticsLabels); // logs the share of each label
 * fc.statistics(fc.tuple(cluster(), placementRequest()), ([scenario, request]) =>
 *   statisticsLabels(buildCluster(scenario).place(request)));
 * fc.statistics(placementCase({ feasibility: 'mixed' }), statisticsLabels); // feasibility: feasible, infeasible, partly
 * ```
 */
export function statisticsLabels(value: ClusterScenario | PlacementRequest | readonly InstanceSpec[] | PlacementResult): string[] {
  if (Array.isArray(value)) return [`fleet: ${bucket(value.length)} instances`];
  const item = value as ClusterScenario | PlacementRequest | PlacementResult;
  if (isScenario(item)) {
    if (isCase(item)) return [`fleet: ${bucket(item.instances.length)} instances`, feasibilityLabel(item)];
    return [`fleet: ${bucket(item.instances.length)} instances`, `history: ${bucket(item.history.length)} steps`];
  }
  if (isResult(item)) {
    const placed = item.placements.length;
    return [`placed: ${placed === 0 ? 'none' : item.failures.length === 0 ? 'all' : 'some'}`];
  }
  return [chainLabel(item), (item.placementConstraints ?? []).length === 0 ? 'constraints: none' : 'constraints: some'];
}
