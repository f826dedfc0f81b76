/**
 * Moving the tasks off a drained instance, one at a time through each
 * group's own pipeline: the step drain and consolidation plans share.
 *
 * @module
 */
import type { Constraint } from '../constraints/Constraint';
import { domainOf, isDomainConstraint, type DomainConstraint } from '../constraints/DomainConstraint';
import type { InstanceState } from '../model/InstanceState';
import type { PlacementRequest, RequestConstraint } from '../model/PlacementRequest';
import type { Strategy } from '../model/Strategy';
import type { ValidServicePlacement } from '../model/validation/validateServicePlacements';
import { validatePlacementRequest } from '../model/validation/validatePlacementRequest';
import type { PlacementEngine } from '../placement/PlacementEngine';
import { planPlacement, type PlacementPlan } from '../placement/planPlacement';
import { withCensus } from '../placement/withCensus';
import type { QueryNode } from '../query/ast';
import { printQuery } from '../query/printQuery';
import { attributeSubject, conditionNode, junctionNode, namedSubject, notNode, valueNode } from '../query/queryNodes';
import type { ClusterState } from '../state/ClusterState';
import type { InstanceRecord } from '../state/InstanceRecord';
import type { TaskRecord } from '../state/TaskRecord';
import { bucketOf } from '../strategies/spread';
import type { MoveStart, MoveStop, TaskLeft, TaskLeftReason } from './DrainPlan';
import type { DryRun } from './DryRun';
import { instanceWithoutTasks } from './instanceWithoutTasks';

/** A described group, ready to place its tasks again. */
interface GroupPipeline {
  readonly entry: ValidServicePlacement;
  /** The attributes the chain spreads over (`spread(attribute:NAME)`), each once. */
  readonly bucketAttributes: readonly string[];
  /** The chain's strategies that spread over instances (`spread(instanceId)`, `spread(host)`). */
  readonly instanceSpreads: readonly Strategy[];
  /** The group's constraints that read an instance's tasks or agent: adding a task elsewhere can make them false. */
  readonly instanceConstraints: readonly Constraint[];
  /** The group's plan for one task, which a census of its domain constraints reads. */
  readonly plan: PlacementPlan;
  /** The group's constraints over domains (spreadLimit, atMost over an attribute): a move in or out of a domain can break them. */
  readonly domainConstraints: readonly DomainConstraint[];
  /** The most tasks of the group any instance ran before the plan. */
  readonly mostPerInstance: number;
}

/** What moves tasks for one plan. */
export interface TaskMover {
  readonly state: ClusterState;
  readonly engine: PlacementEngine;
  readonly groups: ReadonlyMap<string, GroupPipeline>;
  /**
   * Consolidation's rules rather than draining's: every described group moves
   * (not only services), each start stays in its spread buckets and off idle
   * instances, makes no instance spread worse and breaks no group's
   * constraint, and the first task that cannot move ends the attempt.
   */
  readonly consolidating: boolean;
  /** Consolidating with a described group's constraint over domains: each instance's moves are read against them. */
  readonly watchesDomains: boolean;
}

/** The moves off one instance. */
export interface Moves {
  readonly starts: readonly MoveStart[];
  readonly stops: readonly MoveStop[];
  /** Its tracked tasks that stay; when consolidating, at most the first that could not move. */
  readonly left: readonly TaskLeft[];
}

/**
 * Prepares the described groups' pipelines.
 *
 * @param state - the cluster's state, before the plan
 * @param engine - the engine that places on it
 * @param services - the described groups
 * @param consolidating - whether consolidation's rules apply
 * @returns the mover
 */
export function taskMover(state: ClusterState, engine: PlacementEngine, services: ReadonlyMap<string, ValidServicePlacement>, consolidating: boolean): TaskMover {
  const most = new Map<string, number>();
  if (consolidating) {
    for (const instance of state.instances()) {
      for (const [group, count] of instance.taskGroups) if (services.has(group)) most.set(group, Math.max(most.get(group) ?? 0, count));
    }
  }
  const groups = new Map<string, GroupPipeline>();
  for (const [group, entry] of services) {
    const plan = planPlacement(entry.valid);
    const { strategies, constraints } = plan;
    const spreads = strategies.filter((strategy) => strategy.dependsOn === 'groupTasks');
    groups.set(group, {
      entry,
      bucketAttributes: [...new Set(spreads.flatMap((strategy) => (strategy.bucketAttribute === undefined ? [] : [strategy.bucketAttribute])))],
      instanceSpreads: spreads.filter((strategy) => strategy.bucketAttribute === undefined),
      instanceConstraints: constraints.filter((constraint) => constraint.dependsOn === 'instance'),
      plan,
      domainConstraints: constraints.filter(isDomainConstraint),
      mostPerInstance: most.get(group) ?? 0,
    });
  }
  const watchesDomains = consolidating && [...groups.values()].some((pipeline) => pipeline.domainConstraints.length > 0);
  return { state, engine, groups, consolidating, watchesDomains };
}

/**
 * Starts a replacement for each task of a drained instance, one at a time
 * in the instance's task order, each seeing the ones before it; then, if
 * any started, stops the tasks replaced. A consolidation stops nothing when
 * the moves would leave a described group's constraint over domains
 * exceeded where it held, read both before and after the stops. Nothing is
 * undone here: the caller runs this inside a dry run.
 *
 * @param mover - the plan's mover
 * @param run - the dry run that stops tasks
 * @param instance - the instance, already `DRAINING`
 * @returns the starts, the stops and the tasks left
 */
export function moveTasksOff(mover: TaskMover, run: DryRun, instance: InstanceRecord): Moves {
  const tasks: TaskRecord[] = [];
  for (let task = instance.firstTask; task !== undefined; task = task.nextOnInstance) tasks.push(task);
  const starts: MoveStart[] = [];
  const moved: TaskRecord[] = [];
  const left: TaskLeft[] = [];
  const before = mover.watchesDomains ? domainExcess(mover, mover.state.instances()) : undefined;
  for (const task of tasks) {
    const why = moveOne(mover, task, starts);
    if (why === undefined) {
      moved.push(task);
      continue;
    }
    left.push(Object.freeze({ taskId: task.taskId, group: task.group, why: Object.freeze(why) }));
    if (mover.consolidating) return { starts, stops: [], left };
  }
  if (before !== undefined) {
    // While the replacements run beside the tasks they replace, and once those stop.
    const running = mover.state.instances();
    const after = running.map((other): InstanceState => (other === instance ? instanceWithoutTasks(instance, moved.map(({ group, selectionKeys }) => ({ group, selectionKeys }))) : other));
    const broken = brokenDomainConstraint(before, domainExcess(mover, running)) ?? brokenDomainConstraint(before, domainExcess(mover, after));
    if (broken !== undefined) {
      const counted = moved.find((task) => task.group === broken.group || broken.constraint.groups.includes(task.group)) ?? moved[0];
      if (counted !== undefined) {
        const why = { code: 'breaks_domain_constraint' as const, brokenGroup: broken.group, constraint: broken.constraint.name, domain: broken.domain, tasks: broken.tasks, most: broken.most };
        return { starts, stops: [], left: [Object.freeze({ taskId: counted.taskId, group: counted.group, why: Object.freeze(why) })] };
      }
    }
  }
  const stops = moved.map((task): MoveStop => {
    const stop = Object.freeze({ action: 'stop' as const, group: task.group, instanceId: task.instanceId, taskId: task.taskId });
    run.stop(task);
    return stop;
  });
  return { starts, stops, left };
}

/** Places one replacement; returns why the task stays when it does. */
function moveOne(mover: TaskMover, task: TaskRecord, starts: MoveStart[]): TaskLeftReason | undefined {
  const pipeline = mover.groups.get(task.group);
  if (!mover.consolidating && !task.group.startsWith('service:')) return { code: 'standalone' };
  if (pipeline === undefined) return { code: 'undescribed' };
  const request = moveRequest(pipeline, mover.consolidating ? keepBuckets(task.instance, pipeline.bucketAttributes) : undefined);
  const result = mover.engine.place(planPlacement(validatePlacementRequest(request)));
  const placement = result.placements[0];
  if (placement === undefined) {
    const failure = result.failures[0];
    const reason = failure?.reason ?? 'No Container Instances were found in your cluster.';
    return {
      code: 'no_room', reason,
      ...(failure?.instanceId === undefined ? {} : { instanceId: failure.instanceId }),
      ...(failure?.rejection === undefined ? {} : { rejection: failure.rejection }),
    };
  }
  starts.push(Object.freeze({ action: 'start', group: task.group, instanceId: placement.instanceId, taskId: placement.taskId, replaces: task.taskId, request }));
  if (!mover.consolidating) return undefined;
  const destination = mover.state.instance(placement.instanceId) as InstanceRecord;
  return worseSpread(pipeline, destination, task.group) ?? brokenConstraint(mover, destination, mover.state.task(placement.taskId) as TaskRecord);
}

/** A domain constraint of a described group, and the domain that exceeds it most. */
interface DomainExcess {
  readonly group: string;
  readonly constraint: DomainConstraint;
  /** The domain holding the most tasks beyond what the constraint allows; undefined when none holds any. */
  readonly domain: string | undefined;
  /** The counted tasks it holds. */
  readonly tasks: number;
  /** The most the constraint allows a domain to hold: the emptiest eligible domain's count plus maxSkew, or atMost's count. */
  readonly most: number;
  /** `tasks - most`; at most 0 when the constraint holds everywhere. */
  readonly excess: number;
}

/**
 * Every described group's domain constraints, each with its fullest domain
 * against what it allows, as the census reads the instances given (a task's
 * check reads the same census: the emptiest eligible domain, the counted
 * groups and selections).
 */
function domainExcess(mover: TaskMover, instances: readonly InstanceState[]): DomainExcess[] {
  const found: DomainExcess[] = [];
  for (const [group, pipeline] of mover.groups) {
    if (pipeline.domainConstraints.length === 0) continue;
    const { census } = withCensus(pipeline.plan, instances);
    for (const constraint of pipeline.domainConstraints) {
      const counted = census?.get(constraint);
      if (counted === undefined) continue;
      // mostTasks is the most a domain may hold and still take a task: one more is the most it may end with.
      const most = constraint.mostTasks(counted.minimum) + 1;
      let fullest: string | undefined;
      let tasks = 0;
      for (const instance of instances) {
        const domain = domainOf(instance, constraint.attribute);
        if (domain === undefined) continue;
        const held = counted.tasksIn(domain, instance);
        if (fullest === undefined || held > tasks) {
          fullest = domain;
          tasks = held;
        }
      }
      found.push({ group, constraint, domain: fullest, tasks, most, excess: tasks - most });
    }
  }
  return found;
}

/** The first domain constraint that moves leave exceeded where it held, or exceeded further than before. */
function brokenDomainConstraint(before: readonly DomainExcess[], after: readonly DomainExcess[]): (DomainExcess & { readonly domain: string }) | undefined {
  for (const [index, now] of after.entries()) {
    const was = before[index]?.excess ?? 0;
    if (now.domain !== undefined && now.excess > 0 && now.excess > was) return { ...now, domain: now.domain };
  }
  return undefined;
}

/** The group's placement as one task's request, with one more memberOf expression when given. */
function moveRequest(pipeline: GroupPipeline, expression: string | undefined): PlacementRequest {
  const { service, group, task, placementStrategy, placementConstraints } = pipeline.entry.given;
  const constraints: readonly RequestConstraint[] | undefined = expression === undefined
    ? placementConstraints
    : Object.freeze([...(placementConstraints ?? []), Object.freeze({ type: 'memberOf' as const, expression })]);
  return Object.freeze({
    task, count: 1,
    ...(service === undefined ? {} : { service }),
    ...(group === undefined ? {} : { group }),
    ...(placementStrategy === undefined ? {} : { placementStrategy }),
    ...(constraints === undefined ? {} : { placementConstraints: constraints }),
  });
}

/**
 * The expression that keeps a moved task where consolidation allows it: on
 * an instance that already runs a task (so no idle instance is taken into
 * use), and in the bucket it leaves of each attribute the chain spreads
 * over (its value; or, for an instance without a value, instances without
 * one), so that no spread count changes.
 */
function keepBuckets(from: InstanceState, attributes: readonly string[]): string {
  const conditions: QueryNode[] = [conditionNode(namedSubject('runningTasksCount'), '>', valueNode('0'))];
  for (const attribute of attributes) {
    const subject = attributeSubject(attribute);
    const bucket = bucketOf(from, attribute);
    // A valueless attribute satisfies no comparison, so `=~ .*` holds exactly where the attribute has a value.
    conditions.push(bucket === undefined ? notNode(conditionNode(subject, '=~', valueNode('.*'))) : conditionNode(subject, '==', valueNode(bucket)));
  }
  const [only] = conditions;
  return printQuery(conditions.length === 1 && only !== undefined ? only : junctionNode('and', conditions));
}

/** Why the start makes the group's spread over instances worse, if it does. */
function worseSpread(pipeline: GroupPipeline, destination: InstanceRecord, group: string): TaskLeftReason | undefined {
  const strategy = pipeline.instanceSpreads[0];
  const tasks = destination.taskGroups.get(group) ?? 0;
  if (strategy === undefined || tasks <= pipeline.mostPerInstance) return undefined;
  return { code: 'spread_worse', instanceId: destination.id, strategy: strategy.name, tasks, most: pipeline.mostPerInstance };
}

/**
 * Why the start breaks a described group's constraint on its destination, if
 * it does: a constraint that held for the group's tasks there before the
 * start and fails after it. A task's constraints are read as at its own
 * placement, on the instance without that task.
 */
function brokenConstraint(mover: TaskMover, destination: InstanceRecord, moved: TaskRecord): TaskLeftReason | undefined {
  const movedGroup = moved.group;
  for (const [group, count] of destination.taskGroups) {
    const pipeline = mover.groups.get(group);
    // The moved task's own constraints were checked when it was placed.
    if (pipeline === undefined || (group === movedGroup && count < 2)) continue;
    const before = withoutTasks(destination, group, moved);
    const after = withoutTasks(destination, group, undefined);
    const context = { group, task: pipeline.entry.valid.task };
    for (const constraint of pipeline.instanceConstraints) {
      if (constraint.check(before, context) === undefined && constraint.check(after, context) !== undefined) {
        return { code: 'breaks_constraint', instanceId: destination.id, brokenGroup: group, constraint: constraint.name };
      }
    }
  }
  return undefined;
}

/**
 * The instance without one task of `group`, and also without the task just
 * moved there when given. Which task of `group` is not known, so the counts
 * a task selector reads lose only the moved task.
 */
function withoutTasks(instance: InstanceRecord, group: string, moved: TaskRecord | undefined): InstanceState {
  return instanceWithoutTasks(instance, moved === undefined ? [{ group }] : [{ group }, moved]);
}
