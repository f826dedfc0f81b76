/**
 * Availability Zone rebalancing, planned as ECS documents it: the target of
 * each zone, starts in the zones short of it placed by the service's own
 * pipeline, then as many stops in the zones above it.
 *
 * @module
 */
import type { PlacementRequest } from '../model/PlacementRequest';
import { ecsReason } from '../model/Rejection';
import type { ZoneRebalanceRequest } from '../model/ZoneRebalanceRequest';
import type { ValidZoneRebalanceRequest } from '../model/validation/validateZoneRebalanceRequest';
import { validatePlacementRequest } from '../model/validation/validatePlacementRequest';
import type { Strategy } from '../model/Strategy';
import type { Explanation, InstanceExplanation } from '../placement/Explanation';
import type { PlacementEngine } from '../placement/PlacementEngine';
import { planPlacement } from '../placement/planPlacement';
import type { QueryNode } from '../query/ast';
import { printQuery } from '../query/printQuery';
import { attributeSubject, conditionNode, listNode } from '../query/queryNodes';
import type { ClusterState } from '../state/ClusterState';
import type { TaskRecord } from '../state/TaskRecord';
import { chooseTasksToStop, serviceStopChain } from './chooseTasksToStop';
import type {
  BlockedZone, ZoneRebalanceIneligibility, ZoneRebalancePlan, ZoneRebalanceStart, ZoneRebalanceStep, ZoneRebalanceStop, ZoneTasks,
} from './ZoneRebalancePlan';

const ZONE = 'ecs.availability-zone';
const ZONE_FIELD = `attribute:${ZONE}`;
const NONE_PROTECTED: ReadonlySet<string> = new Set();

/** A zone as the plan works on it. */
interface Zone {
  readonly name: string;
  readonly before: number;
  target: number;
  planned: number;
  /** The service's tasks in the zone before the plan, in placement order: what a stop may take. */
  readonly tasks: TaskRecord[];
}

/**
 * Plans the rebalancing of a service's tasks across zones, as a dry run on
 * the cluster's state: every task it starts is undone, and the generator
 * restored, before it returns.
 *
 * @param state - the cluster's state
 * @param engine - the engine that places on it
 * @param request - the request as the caller gave it (each start's request is built from it)
 * @param valid - the same request, validated
 * @returns the plan, frozen
 */
export function planZoneRebalance(
  state: ClusterState, engine: PlacementEngine, request: ZoneRebalanceRequest, valid: ValidZoneRebalanceRequest,
): ZoneRebalancePlan {
  const group = `service:${valid.service}`;
  const { zones, outside } = countZones(state, group);
  assignTargets(zones);
  const ineligible = ineligibility(valid);
  if (ineligible !== undefined) return finish(valid.service, 'ineligible', zones, outside, [], [], ineligible);
  if (zones.every((zone) => zone.planned === zone.target)) return finish(valid.service, 'balanced', zones, outside, [], []);
  return state.tentatively(() => {
    const { starts, blocked } = planStarts(state, engine, request, zones);
    const stops = planStops(state, group, serviceStopChain(valid.strategies), zones, starts.length);
    return finish(valid.service, blocked.length > 0 ? 'blocked' : 'complete', zones, outside, [...starts, ...stops], blocked);
  }, () => false);
}

/**
 * The zones of ACTIVE instances, by name, with the service's tasks in each.
 * A zone whose instances are all DRAINING (or otherwise not ACTIVE) can take
 * no task, so it is not one the service is balanced across.
 */
function countZones(state: ClusterState, group: string): { zones: Zone[]; outside: number } {
  const tasksByZone = new Map<string, TaskRecord[]>();
  for (const instance of state.instances()) {
    const name = instance.attributes.get(ZONE);
    if (instance.status === 'ACTIVE' && typeof name === 'string' && !tasksByZone.has(name)) tasksByZone.set(name, []);
  }
  let outside = 0;
  for (const task of state.tasks()) {
    if (task.group !== group) continue;
    const name = state.instance(task.instanceId)?.attributes.get(ZONE);
    const tasks = typeof name === 'string' ? tasksByZone.get(name) : undefined;
    if (tasks === undefined) outside += 1;
    else tasks.push(task);
  }
  const zones = [...tasksByZone]
    .map(([name, tasks]) => ({ name, before: tasks.length, target: 0, planned: tasks.length, tasks }))
    .sort((a, b) => compareText(a.name, b.name));
  return { zones, outside };
}

/**
 * ECS's target: the tasks over the zones, and one more in as many zones as
 * the division leaves over. ECS does not say which zones get the one more;
 * here they are those holding the most tasks now (ties: by name), which
 * moves the fewest tasks.
 */
function assignTargets(zones: Zone[]): void {
  if (zones.length === 0) return;
  const total = zones.reduce((sum, zone) => sum + zone.before, 0);
  const base = Math.floor(total / zones.length);
  let remainder = total % zones.length;
  const fullestFirst = [...zones].sort((a, b) => b.before - a.before || compareText(a.name, b.name));
  for (const zone of fullestFirst) {
    zone.target = base + (remainder > 0 ? 1 : 0);
    remainder -= 1;
  }
}

/** Why ECS would not rebalance the service, if it would not. */
function ineligibility(valid: ValidZoneRebalanceRequest): ZoneRebalanceIneligibility | undefined {
  const first = valid.strategies[0];
  if (first !== undefined) {
    const zoneSpread = 'name' in first
      ? first.dependsOn === 'groupTasks' && first.bucketAttribute === ZONE && first.taskSelector === undefined
      // A spread that counts only some of the service's tasks is not the zone spread ECS rebalances by.
      : first.type === 'spread' && first.field === ZONE_FIELD && first.taskSelector === undefined;
    if (!zoneSpread) return 'first_strategy';
  }
  const onZone = valid.constraints.some((constraint) => constraint.type === 'memberOf' && namesZone(constraint.query));
  return onZone ? 'zone_constraint' : undefined;
}

function namesZone(node: QueryNode): boolean {
  switch (node.kind) {
    case 'or':
    case 'and':
      return node.operands.some(namesZone);
    case 'not':
      return namesZone(node.operand);
    case 'condition':
      return node.subject.name === 'attribute' && node.subject.attribute === ZONE;
  }
}

/**
 * Starts, one at a time through the service's pipeline, each kept in the
 * zones still short of their target by one more memberOf constraint; the
 * service's first strategy (spread over zones) then picks the emptiest of
 * them that has room. When none has room, each of them is blocked, with the
 * reason of its closest matching instance.
 */
function planStarts(
  state: ClusterState, engine: PlacementEngine, request: ZoneRebalanceRequest, zones: Zone[],
): { starts: ZoneRebalanceStart[]; blocked: BlockedZone[] } {
  const starts: ZoneRebalanceStart[] = [];
  for (;;) {
    const short = zones.filter((zone) => zone.planned < zone.target);
    if (short.length === 0) return { starts, blocked: [] };
    const startRequest = startRequestFor(request, short);
    const plan = planPlacement(validatePlacementRequest(startRequest));
    const placement = engine.place(plan).placements[0];
    const zone = placement === undefined ? undefined : zoneOf(state, placement.instanceId, short);
    if (placement === undefined || zone === undefined) {
      return { starts, blocked: blockedZones(state, engine.explain(plan), short) };
    }
    zone.planned += 1;
    starts.push(Object.freeze({ action: 'start', zone: zone.name, instanceId: placement.instanceId, taskId: placement.taskId, request: startRequest }));
  }
}

/** The service's request for one task, kept in the given zones. */
function startRequestFor(request: ZoneRebalanceRequest, short: readonly Zone[]): PlacementRequest {
  const inZones = conditionNode(attributeSubject(ZONE), 'in', listNode(short.map((zone) => zone.name)));
  const constraints = Object.freeze([...(request.placementConstraints ?? []), Object.freeze({ type: 'memberOf' as const, expression: printQuery(inZones) })]);
  const { service, task, placementStrategy } = request;
  return Object.freeze(placementStrategy === undefined
    ? { service, task, count: 1, placementConstraints: constraints }
    : { service, task, count: 1, placementStrategy, placementConstraints: constraints });
}

function zoneOf(state: ClusterState, instanceId: string, zones: readonly Zone[]): Zone | undefined {
  const name = state.instance(instanceId)?.attributes.get(ZONE);
  return zones.find((zone) => zone.name === name);
}

/** Each zone's closest matching instance in the explanation of the start that found no room, and why it refused. */
function blockedZones(state: ClusterState, explanation: Explanation, short: readonly Zone[]): BlockedZone[] {
  const blocked: BlockedZone[] = [];
  for (const zone of short) {
    let closest: InstanceExplanation | undefined;
    for (const verdict of explanation.instances) {
      if (verdict.rejection === undefined || state.instance(verdict.instanceId)?.attributes.get(ZONE) !== zone.name) continue;
      if (closest === undefined || verdict.passed > closest.passed) closest = verdict;
    }
    // Zones are those of ACTIVE instances, and none of them took the task: each zone has a rejected instance.
    if (closest?.rejection === undefined) continue;
    blocked.push(Object.freeze({
      zone: zone.name, missing: zone.target - zone.planned, instanceId: closest.instanceId,
      rejection: closest.rejection, reason: ecsReason(closest.rejection),
    }));
  }
  return blocked;
}

/**
 * As many stops as starts, each in the zone furthest above its target (ties:
 * by name), so the service keeps its count. Within the zone the task is the
 * one a scale-in of the service would stop ({@link chooseTasksToStop}, on
 * the zone's tasks), with the draws of `random` from the dry run's
 * generator.
 */
function planStops(state: ClusterState, group: string, chain: readonly Strategy[], zones: Zone[], count: number): ZoneRebalanceStop[] {
  const stops: ZoneRebalanceStop[] = [];
  for (let made = 0; made < count; made += 1) {
    let fullest: Zone | undefined;
    for (const zone of zones) {
      if (zone.planned <= zone.target) continue;
      if (fullest === undefined || zone.planned - zone.target > fullest.planned - fullest.target) fullest = zone;
    }
    // The surpluses add up to the deficits, and no more starts are made than the deficits.
    if (fullest === undefined) break;
    const choice = chooseTasksToStop({ group, count: 1, strategies: chain, tasks: fullest.tasks, protectedTasks: NONE_PROTECTED }, state.random);
    const chosen = choice.tasks[0]?.taskId;
    const index = fullest.tasks.findIndex((task) => task.taskId === chosen);
    const [task] = index < 0 ? [] : fullest.tasks.splice(index, 1);
    if (task === undefined) break;
    fullest.planned -= 1;
    stops.push(Object.freeze({ action: 'stop', zone: fullest.name, instanceId: task.instanceId, taskId: task.taskId }));
  }
  return stops;
}

function finish(
  service: string, status: ZoneRebalancePlan['status'], zones: readonly Zone[], outside: number,
  steps: readonly ZoneRebalanceStep[], blocked: readonly BlockedZone[], ineligible?: ZoneRebalanceIneligibility,
): ZoneRebalancePlan {
  const counts: ZoneTasks[] = zones.map((zone) => Object.freeze({ zone: zone.name, before: zone.before, target: zone.target, after: zone.planned }));
  const plan = { service, status, zones: Object.freeze(counts), outside, steps: Object.freeze([...steps]), blocked: Object.freeze([...blocked]) };
  return Object.freeze(ineligible === undefined ? plan : { ...plan, ineligible });
}

/** Zone names in code-unit order: the same on every platform, unlike a locale's. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
