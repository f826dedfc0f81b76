/**
 * Placement under a capacity provider strategy: each task given to a
 * provider by its share, then placed by the request's own pipeline among
 * that provider's instances only.
 *
 * @module
 */
import { memberOf } from '../constraints/memberOf';
import type { Constraint } from '../constraints/Constraint';
import { CAPACITY_PROVIDER_ATTRIBUTE } from '../model/capacityProviderAttribute';
import type { InstanceStatus } from '../model/InstanceSpec';
import type { ValidCapacityProviderItem } from '../model/ValidRequest';
import { printQuery } from '../query/printQuery';
import { attributeSubject, conditionNode, valueNode } from '../query/queryNodes';
import type { ClusterState } from '../state/ClusterState';
import type { InstanceRecord } from '../state/InstanceRecord';
import { checkInstance } from './checkInstance';
import { withCensus } from './withCensus';
import type { Explanation } from './Explanation';
import { failureFrom } from './failureFrom';
import type { PlacementEngine } from './PlacementEngine';
import type { Placement, PlacementFailure, PlacementResult } from './PlacementResult';
import type { Pipeline, PlacementPlan } from './planPlacement';
import { splitByCapacityProvider } from './splitByCapacityProvider';

/** ECS's reason when a capacity provider has no container instance at all. */
const EMPTY_CAPACITY_PROVIDER = 'EMPTY CAPACITY PROVIDER';
/** ECS's reason when none of a capacity provider's container instances is ACTIVE. */
const NO_ACTIVE_INSTANCES = 'NO ACTIVE INSTANCES';

/**
 * Places a request whose tasks a capacity provider strategy shares.
 *
 * @remarks
 * The split ({@link splitByCapacityProvider}) counts the service's running
 * tasks on each provider's instances (a task on an instance of no provider
 * named counts for none); a request without a service counts only its own
 * tasks. The tasks are then placed in the split's order, each run of
 * consecutive tasks of one provider by the engine, with one more memberOf
 * constraint that keeps them on the provider's instances; it is the
 * library's, added after validation, so it does not count against the 10
 * constraints a task may have. A task whose provider has no room fails
 * (ECS never gives it to another provider): with reason
 * `EMPTY CAPACITY PROVIDER` when no instance carries the provider,
 * `NO ACTIVE INSTANCES` when none of them is ACTIVE, else the reason of the
 * closest matching instance among the provider's. The diagnosis counts
 * every instance, those of other providers by their first failed check,
 * which is the provider's memberOf when they pass the others.
 *
 * @param state - the cluster
 * @param engine - the engine that places each run
 * @param plan - the request's plan, without the provider's constraint
 * @param strategy - the request's validated strategy
 * @returns the placements in the order made, and the failures in task order
 */
export function placeByCapacityProvider(
  state: ClusterState, engine: PlacementEngine, plan: PlacementPlan, strategy: readonly ValidCapacityProviderItem[],
): PlacementResult {
  const split = splitByCapacityProvider(strategy, plan.count, runningTasks(state, plan, strategy));
  const placements: Placement[] = [];
  const failures: PlacementFailure[] = [];
  for (let start = 0; start < split.length;) {
    const provider = split[start] as number;
    let end = start + 1;
    while (end < split.length && split[end] === provider) end += 1;
    const name = (strategy[provider] as ValidCapacityProviderItem).capacityProvider;
    const result = engine.place(providerPlan(plan, name, end - start));
    // A loop rather than push(...list), which overflows the stack on a large run.
    for (const placement of result.placements) placements.push(placement);
    const failed = result.failures[0];
    if (failed !== undefined) {
      const failure = providerFailure(state, plan, name, failed);
      for (let index = 0; index < result.failures.length; index += 1) failures.push(failure);
    }
    start = end;
  }
  return { placements, failures };
}

/**
 * Explains a request whose tasks a capacity provider strategy shares: the
 * decision for its first task, among the instances of the provider the
 * split gives that task (the others are rejected by the provider's memberOf
 * constraint, or an earlier check), and what the whole request would place.
 *
 * @param state - the cluster
 * @param engine - the engine that explains and places
 * @param plan - the request's plan, without the provider's constraint
 * @param strategy - the request's validated strategy
 * @returns the explanation, with `capacityProvider` the first task's provider
 */
export function explainByCapacityProvider(
  state: ClusterState, engine: PlacementEngine, plan: PlacementPlan, strategy: readonly ValidCapacityProviderItem[],
): Explanation {
  const first = splitByCapacityProvider(strategy, 1, runningTasks(state, plan, strategy))[0] as number;
  const capacityProvider = (strategy[first] as ValidCapacityProviderItem).capacityProvider;
  const explanation = engine.explain(providerPlan(plan, capacityProvider, 1));
  const result = state.tentatively(() => placeByCapacityProvider(state, engine, plan, strategy), () => false);
  return { ...explanation, capacityProvider, result };
}

/** The service's running tasks on each provider's instances; none for a request without a service. */
function runningTasks(state: ClusterState, plan: PlacementPlan, strategy: readonly ValidCapacityProviderItem[]): number[] {
  const running = strategy.map(() => 0);
  if (plan.service === undefined) return running;
  const indexOf = new Map(strategy.map((item, index) => [item.capacityProvider, index]));
  for (const instance of state.instances()) {
    const tasks = instance.taskGroups.get(plan.group);
    if (tasks === undefined) continue;
    const provider = instance.attributes.get(CAPACITY_PROVIDER_ATTRIBUTE);
    const index = typeof provider === 'string' ? indexOf.get(provider) : undefined;
    if (index !== undefined) running[index] = (running[index] as number) + tasks;
  }
  return running;
}

/** Pipelines kept to one provider, by the request's pipeline then the provider: kept pipelines stay the same objects, which the engines key on. */
const providerPipelines = new WeakMap<Pipeline, Map<string, Pipeline>>();

/** The request's plan for `count` tasks kept on one provider's instances. */
function providerPlan(plan: PlacementPlan, provider: string, count: number): PlacementPlan {
  let byProvider = providerPipelines.get(plan.pipeline);
  if (byProvider === undefined) providerPipelines.set(plan.pipeline, (byProvider = new Map()));
  let pipeline = byProvider.get(provider);
  if (pipeline === undefined) {
    const { kept, strategies, constraints, resources, accepted } = plan.pipeline;
    pipeline = Object.freeze({
      kept, strategies, resources,
      constraints: Object.freeze([...constraints, providerConstraint(provider)]),
      // The provider's constraint is one more check passed.
      accepted: Object.freeze({ rejection: undefined, passed: accepted.passed + 1 }),
    });
    byProvider.set(provider, pipeline);
  }
  const { group, task, service, strategies } = plan;
  const { resources, constraints, accepted } = pipeline;
  return service === undefined
    ? { group, task, resources, constraints, accepted, count, strategies, pipeline }
    : { group, task, resources, constraints, accepted, count, service, strategies, pipeline };
}

/** Constraints by provider, one per name, so that what each learns about instances outlives the request. */
const providerConstraints = new Map<string, Constraint>();
/** Names are few in a cluster; past this many the cache starts over rather than grow without bound. */
const MAX_KEPT_CONSTRAINTS = 1000;

/** `memberOf(attribute:task-placement.capacity-provider == NAME)`. */
function providerConstraint(provider: string): Constraint {
  let constraint = providerConstraints.get(provider);
  if (constraint === undefined) {
    const query = conditionNode(attributeSubject(CAPACITY_PROVIDER_ATTRIBUTE), '==', valueNode(provider));
    constraint = memberOf(printQuery(query), query);
    if (providerConstraints.size >= MAX_KEPT_CONSTRAINTS) providerConstraints.clear();
    providerConstraints.set(provider, constraint);
  }
  return constraint;
}

/**
 * The failure of a task its provider has no room for, decided on the
 * provider's instances: ECS's reasons for a provider with no instance or no
 * ACTIVE one, else the closest matching instance among the provider's.
 */
function providerFailure(state: ClusterState, plan: PlacementPlan, provider: string, failed: PlacementFailure): PlacementFailure {
  const { diagnosis } = failed;
  const instances = state.instances().filter((instance) => instance.attributes.get(CAPACITY_PROVIDER_ATTRIBUTE) === provider);
  if (instances.length === 0) {
    const detail = `Capacity provider ${provider} has no container instances.`;
    return Object.freeze({ reason: EMPTY_CAPACITY_PROVIDER, detail, diagnosis });
  }
  if (instances.every((instance) => instance.status !== 'ACTIVE')) {
    const detail = `Capacity provider ${provider} has no ACTIVE container instance: ${statusCounts(instances)}.`;
    return Object.freeze({ reason: NO_ACTIVE_INSTANCES, detail, diagnosis });
  }
  // The census is placing's, whose eligible domains were the provider's (its memberOf reads only attributes); the checks
  // are the request's own, since only the provider's instances are judged.
  const { census } = withCensus(providerPlan(plan, provider, 1), state.instances());
  const checks = census === undefined ? plan : { ...plan, census };
  return failureFrom(instances, instances.map((instance) => checkInstance(instance, checks)), diagnosis);
}

/** Such as `2 DRAINING, 1 REGISTERING`. */
function statusCounts(instances: readonly InstanceRecord[]): string {
  const counts = new Map<InstanceStatus, number>();
  for (const { status } of instances) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts].map(([status, count]) => `${count} ${status}`).join(', ');
}
