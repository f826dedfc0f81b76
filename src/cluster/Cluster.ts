/**
 * The public face of the library: one cluster's instances and tasks, and
 * placement on them.
 *
 * @module
 */
import type { InstancePatch, InstanceSpec } from '../model/InstanceSpec';
import { PlacementInputError } from '../model/PlacementInputError';
import type { PlacementRequest } from '../model/PlacementRequest';
import { checkRestoredTasks } from '../model/validation/checkRestoredTasks';
import { validateClusterOptions } from '../model/validation/validateClusterOptions';
import { validateDeregisterOptions } from '../model/validation/validateDeregisterOptions';
import { validateInstancePatch } from '../model/validation/validateInstancePatch';
import { validateInstanceSpec } from '../model/validation/validateInstanceSpec';
import { validatePlacementRequest } from '../model/validation/validatePlacementRequest';
import { validateBatchOptions } from '../model/validation/validateBatchOptions';
import { validateListInstancesOptions } from '../model/validation/validateListInstancesOptions';
import { validateBatchRequests } from '../model/validation/validateBatchRequests';
import type { BatchPlacementOptions } from '../model/BatchPlacementOptions';
import type { BatchPlacementResult } from '../placement/BatchPlacementResult';
import { placeBatch } from './placeBatch';
import { validateCapacityRequest } from '../model/validation/validateCapacityRequest';
import type { CapacityOptions } from '../model/CapacityOptions';
import type { ListInstancesOptions } from '../model/ListInstancesOptions';
import type { TaskSpec } from '../model/TaskSpec';
import type { CapacityAnswer } from './CapacityAnswer';
import { countCapacity } from './countCapacity';
import type { DaemonOptions } from '../model/DaemonOptions';
import { validateDaemonRequest } from '../model/validation/validateDaemonRequest';
import type { DaemonPlacementResult } from './DaemonPlacementResult';
import { placeDaemon } from './placeDaemon';
import { validateScaleInRequest } from '../model/validation/validateScaleInRequest';
import { unreadableInput } from '../model/validation/fields';
import type { ScaleInRequest } from '../model/ScaleInRequest';
import { chooseTasksToStop, choosesTasks } from './chooseTasksToStop';
import type { ScaleInChoice } from './ScaleInChoice';
import type { Explanation } from '../placement/Explanation';
import type { EngineName } from '../model/EngineName';
import type { PlacementEngine } from '../placement/PlacementEngine';
import type { PlacementResult } from '../placement/PlacementResult';
import { planPlacement, planStrategies } from '../placement/planPlacement';
import { explainByCapacityProvider, placeByCapacityProvider } from '../placement/placeByCapacityProvider';
import { queryPredicate } from '../query/evaluateQuery';
import { parseQuery } from '../query/parseQuery';
import { IndexedEngine } from '../indexed/IndexedEngine';
import { ReferenceEngine } from '../reference/ReferenceEngine';
import { ClusterState } from '../state/ClusterState';
import type { InstanceInfo } from '../model/InstanceInfo';
import type { InstanceRecord } from '../state/InstanceRecord';
import type { TaskInfo } from '../model/TaskInfo';
import type { ZoneRebalanceRequest } from '../model/ZoneRebalanceRequest';
import { validateZoneRebalanceRequest } from '../model/validation/validateZoneRebalanceRequest';
import { planZoneRebalance } from './planZoneRebalance';
import type { ZoneRebalancePlan } from './ZoneRebalancePlan';
import type { DeploymentRequest } from '../model/DeploymentRequest';
import { validateDeploymentRequest } from '../model/validation/validateDeploymentRequest';
import type { DeploymentPlan } from './DeploymentPlan';
import { planDeployment } from './planDeployment';
import type { ConsolidationRequest } from '../model/ConsolidationRequest';
import type { DrainRequest } from '../model/DrainRequest';
import { validateConsolidationRequest } from '../model/validation/validateConsolidationRequest';
import { validateDrainRequest } from '../model/validation/validateDrainRequest';
import type { ConsolidationPlan } from './ConsolidationPlan';
import type { DrainPlan } from './DrainPlan';
import { planConsolidation } from './planConsolidation';
import { planDrain } from './planDrain';
import type { TaskRecord } from '../state/TaskRecord';

/** The methods that run a caller's strategy while the cluster must stay as it is. */
type ReadingMethod = 'place' | 'placeBatch' | 'capacity' | 'placeDaemon' | 'explain' | 'chooseTasksToStop' | 'planZoneRebalance' | 'planDrain' | 'planConsolidation' | 'planDeployment';

/**
 * Options of a new {@link Cluster}.
 *
 * @example
 * A cluster restored from another's snapshot, tasks and all:
 * ```ts
 * const copy = new Cluster({ ...cluster.snapshot(), seed: 7 });
 * ```
 *
 * @category Cluster
 */
export interface ClusterOptions {
  /**
   * Instances to register, in order: specs, or instances as a
   * {@link Cluster.snapshot} reports them (then what the snapshot says their
   * tasks use must be what `tasks` adds up to).
   */
  readonly instances?: readonly (InstanceSpec | InstanceInfo)[];
  /**
   * Running tasks to restore on those instances, in placement order, as
   * {@link Cluster.snapshot} reports them: each keeps its id, group,
   * resources and ports. New tasks are numbered after the highest `task-N`.
   */
  readonly tasks?: readonly TaskInfo[];
  /**
   * The number in the next task's id, as a snapshot gives it; it is raised
   * above every restored `task-N`.
   * @defaultValue 1
   */
  readonly nextTaskNumber?: number;
  /**
   * Seed of the cluster's generator; the same state, request and seed give the same placements.
   * @defaultValue 1
   */
  readonly seed?: number;
  /**
   * `'reference'` runs the plain-loop specification engine; `'indexed'` the
   * fast engine, which gives the same answers from indexes.
   * @defaultValue `'indexed'`
   */
  readonly engine?: EngineName;
}

/**
 * The whole state of a cluster at one moment, as plain data.
 *
 * @category Cluster
 */
export interface ClusterSnapshot {
  /** Every instance, in registration order. */
  readonly instances: readonly InstanceInfo[];
  /** Every running task, in placement order. */
  readonly tasks: readonly TaskInfo[];
  /** The number in the next task's id, `task-<n>`: ids of stopped tasks are not given again. */
  readonly nextTaskNumber: number;
}

/**
 * Options of {@link Cluster.deregisterInstance}.
 *
 * @category Cluster
 */
export interface DeregisterOptions {
  /** Stop the instance's tasks instead of refusing; ECS's `--force`. */
  readonly force?: boolean;
}

/**
 * What {@link Cluster.deregisterInstance} did.
 *
 * @category Cluster
 */
export interface Deregistration {
  /** The instance as it was just before it left. */
  readonly instance: InstanceInfo;
  /** The tasks stopped with it (only with `force`); its untracked tasks have no ids and are not listed. */
  readonly stoppedTasks: readonly TaskInfo[];
}

/**
 * The mutable state of one cluster and placement on it, with ECS's
 * semantics.
 *
 * @remarks
 * Every method validates its input first and throws a
 * {@link PlacementInputError} (or a {@link QueryError} for a bad filter)
 * before changing anything; a task that cannot be placed is a failure in the
 * result, not an exception.
 *
 * @example
 * ```ts
 * const cluster = new Cluster({ instances: [
 *   { id: 'a', resources: { cpu: 2048, memory: 4096 }, attributes: { 'ecs.availability-zone': 'us-east-1a' } },
 *   { id: 'b', resources: { cpu: 2048, memory: 4096 }, attributes: { 'ecs.availability-zone': 'us-east-1b' } },
 * ] });
 * const result = cluster.place({ task: { family: 'web', resources: { memory: 512 } }, count: 2, service: 'web' });
 * result.placements; // [{ taskId: 'task-1', instanceId: 'a' }, { taskId: 'task-2', instanceId: 'b' }]
 * ```
 *
 * @category Cluster
 */
export class Cluster {
  /** The generator's seed. */
  readonly seed: number;
  /** The engine requested. */
  readonly engine: EngineName;
  private readonly state: ClusterState;
  private readonly placer: PlacementEngine;
  /** The method running a caller's strategy (its key or rank), while the cluster must not change under it. */
  private running: ReadingMethod | undefined;

  /**
   * @param options - instances, tasks, seed and engine
   * @throws {@link PlacementInputError} when an option, instance or task is
   *   invalid, two instances or tasks share an id, or the tasks do not fit
   *   their instances (`unknown_instance`, `overcommitted_instance`,
   *   `port_conflict`, `inconsistent_snapshot`)
   */
  constructor(options: ClusterOptions = {}) {
    const { instances, tasks, nextTaskNumber, seed, engine } = validateClusterOptions(options);
    this.seed = seed;
    this.engine = engine;
    const state = new ClusterState(seed, nextTaskNumber);
    this.state = state;
    for (const { instance } of instances) state.register(instance);
    state.expectTasks(tasks.length);
    checkRestoredTasks(instances, 'options.instances', tasks, 'options.tasks', {
      hasTask: (taskId) => state.task(taskId) !== undefined,
      instance: (id) => state.instance(id),
      portHolder: (instanceId, protocol, port) => state.instance(instanceId)?.taskBinding(protocol, port)?.taskId,
      restore: (task) => state.restoreTask(task),
    });
    this.placer = engine === 'reference' ? new ReferenceEngine(this.state) : new IndexedEngine(this.state);
  }

  /**
   * Registers an instance; it takes part in placement from now on.
   *
   * @remarks
   * Returns nothing, so that registering a large fleet one instance at a time
   * builds no snapshot per instance; {@link Cluster.instances} and
   * {@link Cluster.listInstances} read instances back.
   *
   * @throws {@link PlacementInputError} when the spec is invalid or the id is taken
   */
  registerInstance(spec: InstanceSpec): void {
    this.refuseReentry('registerInstance');
    const instance = validateInstanceSpec(spec, 'instance');
    if (this.state.instance(instance.id) !== undefined) {
      throw new PlacementInputError('duplicate_instance', 'instance.id', `An instance with id ${instance.id} is already registered.`);
    }
    this.state.register(instance);
  }

  /**
   * Removes an instance. One that runs tasks, tracked or untracked, is
   * refused unless `force` is set, in which case its tasks are stopped and
   * the tracked ones returned.
   *
   * @throws {@link PlacementInputError} `unknown_instance`, or `instance_has_tasks` without `force`
   */
  deregisterInstance(id: string, options: DeregisterOptions = {}): Deregistration {
    this.refuseReentry('deregisterInstance');
    const record = this.record(id);
    const force = validateDeregisterOptions(options);
    if (record.runningTasksCount > 0 && !force) {
      const untracked = record.untrackedTasks === 0 ? '' : ` (${record.untrackedTasks} untracked: set untrackedTasks to 0 with updateInstance once they stop)`;
      throw new PlacementInputError(
        'instance_has_tasks', 'id',
        `Instance ${id} runs ${record.runningTasksCount} task(s)${untracked}; stop them first, or pass { force: true } to stop them with it.`,
      );
    }
    const instance = record.toInfo();
    return { instance, stoppedTasks: this.state.deregister(record).map((task) => task.toInfo()) };
  }

  /**
   * Changes an instance's status, agent state, attributes or untracked task
   * count. Setting `DRAINING` keeps its tasks running but gives it no new
   * ones.
   *
   * @returns the instance after the change
   * @throws {@link PlacementInputError} when the id is unknown or the patch is invalid
   */
  updateInstance(id: string, patch: InstancePatch): InstanceInfo {
    this.refuseReentry('updateInstance');
    const record = this.record(id);
    this.state.update(record, validateInstancePatch(patch, 'patch'));
    return record.toInfo();
  }

  /**
   * Places many requests together, so that their tasks pack onto fewer
   * instances: an extension beside ECS, which places one request at a time.
   *
   * @remarks
   * Every task passes its own request's checks and constraints, exactly as
   * with {@link Cluster.place}; only the order changes, and, for the fill,
   * who chooses the instance. The ways tried: the given order (the requests
   * one after another, as `place` would); with `order: 'largestFirst'` (the
   * default), every task largest first by its dominant share, each placed
   * by its request's chain; and with `fill` (the default unless the order
   * is `'given'`), one instance at a time filled with the tasks left that
   * fill it most (minimum bin slack), the chains not consulted. The batch
   * keeps the way that places the most tasks, then uses the fewest
   * instances (on a tie the given order, then largest first), so it never
   * uses more instances than placing the requests one after another. Trying
   * changes nothing, so the result depends only on the cluster and its
   * seed, unless the fill is cut short by `timeLimitMs` (the result then
   * says it is not complete). A request with a capacity provider strategy
   * is refused: place it with `place`. docs/packing.md says more.
   *
   * @param requests - up to 10,000 requests, as {@link Cluster.place} takes them
   * @param options - the order, the fill and its time limit
   * @returns one result per request, in order, the instances used, a lower bound on them, and how the batch was placed
   * @throws {@link PlacementInputError} when a request or an option is
   *   invalid (nothing is placed), or `reentrant_call` as `place` does
   *
   * @example
   * ```ts
   * const { results, instancesUsed, lowerBound, method } = cluster.placeBatch([
   *   { task: { family: 'web', resources: { cpu: 256, memory: 512 } }, count: 6, service: 'web' },
   *   { task: { family: 'db', resources: { cpu: 2048, memory: 4096 } }, count: 2, service: 'db' },
   * ]);
   * ```
   */
  placeBatch(requests: readonly PlacementRequest[], options?: BatchPlacementOptions): BatchPlacementResult {
    return this.reading('placeBatch', () => {
      const valid = validateBatchRequests(requests);
      const batch = valid.map((request) => ({ plan: planPlacement({ ...request, count: 1 }), count: request.count }));
      const order = validateBatchOptions(options);
      // A strategy of the caller's may throw half-way; then nothing is kept.
      return this.state.tentatively(() => placeBatch(this.state, this.placer, batch, order), () => true);
    });
  }

  /**
   * How many more copies of a task fit on the cluster as it stands: in all,
   * by instance type and by the value of an attribute (the Availability Zone
   * unless `options.attribute` names another). An extension beside ECS.
   *
   * @remarks
   * Every check a placement makes is honoured: status and agent, required
   * attributes, resources, static ports and the port limit, memberOf
   * (including expressions on task groups and task counts, which each copy
   * changes) and distinctInstance (at most one copy an instance, none where
   * the group already runs a task). The answer is exact: placing `total`
   * copies with any strategy succeeds, and one more fails. Nothing changes.
   *
   * @param task - the task, as a request gives it; it must reserve some resource
   * @param options - the copies' service or group, their constraints, and the attribute to count by
   * @returns the copies that fit, in all and by group of instances
   * @throws {@link PlacementInputError} when the task or an option is invalid,
   *   `invalid_resource` for a task that reserves nothing (its copies have
   *   no limit), or `reentrant_call` as `place` does
   *
   * @example
   * ```ts
   * const { total, byAttribute } = cluster.capacity(
   *   { family: 'web', resources: { cpu: 256, memory: 512 } },
   *   { service: 'web', placementConstraints: [{ type: 'distinctInstance' }] },
   * );
   * ```
   */
  capacity(task: TaskSpec, options?: CapacityOptions): CapacityAnswer {
    return this.reading('capacity', () => {
      const { request, attribute } = validateCapacityRequest(task, options);
      return countCapacity(this.state, planPlacement(request), attribute);
    });
  }

  /**
   * Places a daemon: one task of its group on every instance that can take
   * one, as ECS's DAEMON scheduling strategy runs a service, on the cluster
   * as it stands.
   *
   * @remarks
   * The instances are taken in registration order. One that already runs a
   * task of the group (whatever its status) is left as it is: nothing is
   * stopped. Every other one gets a task if it passes every check a
   * placement makes (status and agent, required attributes, resources,
   * static ports and the port limit, the task definition's and the options'
   * constraints), as the cluster stands once the tasks before it have
   * started. distinctInstance is implied. A constraint that reads the
   * group's tasks on other instances (spreadLimit, atMost over an attribute)
   * may let in an instance it refused once later ones have their task: then
   * the instances skipped are checked again, pass after pass, until one
   * places nothing. No strategy is used and the generator is not drawn
   * from. Placing the daemon again places nothing, unless the cluster has
   * changed. See the Daemon placement section of docs/placement.md.
   *
   * @param task - the daemon's task, as a request gives it
   * @param options - its service or group, and its constraints
   * @returns the tasks started, the instances that already ran one, and why
   *   each other instance has none
   * @throws {@link PlacementInputError} when the task or an option is invalid
   *   (nothing is placed), `conflicting_group` for both a service and a
   *   group, or `reentrant_call` as {@link Cluster.place} does
   *
   * @example
   * ```ts
   * const { placements, alreadyRunning, skipped } = cluster.placeDaemon(
   *   { family: 'logs', resources: { cpu: 128, memory: 256 } },
   *   { service: 'logs', placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.os-type == linux' }] },
   * );
   * ```
   */
  placeDaemon(task: TaskSpec, options?: DaemonOptions): DaemonPlacementResult {
    return this.reading('placeDaemon', () => {
      const plan = planPlacement(validateDaemonRequest(task, options));
      // Nothing of the caller's runs here, but a half-placed daemon must never be kept.
      return this.state.tentatively(() => placeDaemon(this.state, plan), () => true);
    });
  }

  /**
   * Places the tasks of a request, one at a time, as ECS does.
   *
   * @remarks
   * With a `capacityProviderStrategy`, each task goes to the provider its
   * share gives it and is placed among that provider's instances only; see
   * the Capacity provider strategies section of docs/lifecycle.md.
   *
   * @returns the placements made and one failure per task not placed
   * @throws {@link PlacementInputError} when the request is invalid (nothing
   *   is placed), or `reentrant_call` when a strategy's function calls a
   *   method that would change the cluster (then nothing is placed either,
   *   unless the strategy catches it)
   */
  place(request: PlacementRequest): PlacementResult {
    return this.reading('place', () => {
      const valid = validatePlacementRequest(request);
      const plan = planPlacement(valid);
      const providers = valid.capacityProviderStrategy;
      // A strategy of the caller's may throw half-way; then nothing is kept.
      return this.state.tentatively(
        () => (providers === undefined ? this.placer.place(plan) : placeByCapacityProvider(this.state, this.placer, plan, providers)),
        () => true,
      );
    });
  }

  /**
   * Explains what placing a request would do, instance by instance, without
   * changing anything (not even the generator).
   *
   * @remarks
   * With a `capacityProviderStrategy`, the decision explained is the first
   * task's, among the instances of the provider it goes to (named in
   * `capacityProvider`); `result` is the whole request's.
   *
   * @throws {@link PlacementInputError} when the request is invalid, or
   *   `reentrant_call` as {@link Cluster.place} does
   */
  explain(request: PlacementRequest): Explanation {
    return this.reading('explain', () => {
      const valid = validatePlacementRequest(request);
      const plan = planPlacement(valid);
      const providers = valid.capacityProviderStrategy;
      return providers === undefined ? this.placer.explain(plan) : explainByCapacityProvider(this.state, this.placer, plan, providers);
    });
  }

  /**
   * Stops a running task and frees what it held.
   *
   * @returns the task stopped
   * @throws {@link PlacementInputError} `unknown_task`
   */
  stopTask(taskId: string): TaskInfo {
    this.refuseReentry('stopTask');
    if (typeof taskId !== 'string') throw new PlacementInputError('invalid_type', 'taskId', 'A task id is a string.');
    const task = this.state.task(taskId);
    if (task === undefined) throw new PlacementInputError('unknown_task', 'taskId', `No running task has id ${taskId}.`);
    return this.state.stopTask(task).toInfo();
  }

  /**
   * Chooses the tasks ECS would stop when a service scales in by `count`,
   * following its placement strategy, without stopping them (nor moving the
   * generator). {@link Cluster.stopTasks} applies the choice.
   *
   * @remarks
   * `spread` stops tasks from the bucket holding the most of the group's
   * tasks, `binpack` the task whose instance would have the most left once
   * it stops, the chain's preferences (`prefer`) a task on the least
   * preferred instance, `random` a task drawn from the cluster's generator;
   * ties go to the newest task. Protected tasks are never chosen. See the Scale-in
   * section of docs/lifecycle.md for ECS's rules and our decisions.
   *
   * @returns the tasks in the order ECS would stop them, each with why
   *   (every one of the group's unprotected tasks when it has fewer than
   *   `count`; then `complete` is false)
   * @throws {@link PlacementInputError} when the request is invalid, a
   *   protected id is not a running task (`unknown_task`), a strategy ranks
   *   (`invalid_strategy`: a strategy of kind `anything` ranks instances for a
   *   task to place), or `reentrant_call` as {@link Cluster.place} does
   */
  chooseTasksToStop(request: ScaleInRequest): ScaleInChoice {
    return this.reading('chooseTasksToStop', () => {
      const valid = validateScaleInRequest(request);
      const strategies = planStrategies(valid.strategies, valid.service);
      strategies.forEach((strategy, index) => {
        if (choosesTasks(strategy)) return;
        throw new PlacementInputError(
          'invalid_strategy', `request.placementStrategy[${index}]`,
          `Strategy ${strategy.name} ranks instances for a task to place, so it cannot say which task to stop; give a strategy of kind 'instance', or ECS's binpack, spread or random.`,
        );
    });
    for (const [taskId, path] of valid.protectedTasks) {
      if (this.state.task(taskId) === undefined) throw new PlacementInputError('unknown_task', path, `No running task has id ${taskId}.`);
    }
    const tasks: TaskRecord[] = [];
    for (const task of this.state.tasks()) if (task.group === valid.group) tasks.push(task);
    const plan = { group: valid.group, count: valid.count, strategies, tasks, protectedTasks: new Set(valid.protectedTasks.keys()) };
    return chooseTasksToStop(plan, this.state.random.clone());
    });
  }

  /**
   * Stops several tasks at once: those of a {@link ScaleInChoice}, or the
   * ids given. All or nothing: an id that is not a running task, or one
   * given twice, stops none.
   *
   * @returns the tasks stopped, in the order given
   * @throws {@link PlacementInputError} `invalid_type`, `unknown_task` or `duplicate_task`
   */
  stopTasks(tasks: ScaleInChoice | readonly string[]): TaskInfo[] {
    this.refuseReentry('stopTasks');
    const records = this.runningTasks(tasks);
    return records.map((record) => this.state.stopTask(record).toInfo());
  }

  /**
   * Plans what ECS's Availability Zone rebalancing would do for a service,
   * without changing anything (not even the generator): starts in the zones
   * short of their target, each placed by the service's pipeline, then as
   * many stops in the zones above it. Apply the steps in order with
   * {@link Cluster.place} and {@link Cluster.stopTask}.
   *
   * @remarks
   * See the Zone rebalancing section of docs/lifecycle.md for ECS's rules
   * and our decisions.
   *
   * @returns the plan, frozen: the steps, each zone's tasks before and after,
   *   and the zones it cannot fill, with why
   * @throws {@link PlacementInputError} when the request is invalid, or
   *   `reentrant_call` as {@link Cluster.place} does
   */
  planZoneRebalance(request: ZoneRebalanceRequest): ZoneRebalancePlan {
    return this.reading('planZoneRebalance', () => {
      return planZoneRebalance(this.state, this.placer, request, validateZoneRebalanceRequest(request));
    });
  }

  /**
   * Plans what ECS's rolling update would do to deploy a new revision of a
   * service, without changing anything (not even the generator): rounds
   * that start new tasks while the running ones stay within `maximumPercent`
   * of `desiredCount`, each placed by the service's pipeline, then stop old
   * tasks while the healthy ones stay within `minimumHealthyPercent`, each
   * the one a scale-in of the service would stop. Apply the steps in order
   * with {@link Cluster.place} and {@link Cluster.stopTask}.
   *
   * @remarks
   * See the Rolling deployments section of docs/lifecycle.md for ECS's rules
   * and our decisions.
   *
   * @returns the plan, frozen: the steps, each round's counts, and why it
   *   cannot go on, if it cannot
   * @throws {@link PlacementInputError} when the request is invalid, an id of
   *   `from` is not a running task of the service or one of `protectedTasks`
   *   not a running task (`unknown_task`), or `reentrant_call` as
   *   {@link Cluster.place} does
   */
  planDeployment(request: DeploymentRequest): DeploymentPlan {
    return this.reading('planDeployment', () => {
      return planDeployment(this.state, this.placer, request, validateDeploymentRequest(request));
    });
  }

  /**
   * Plans what draining an instance would do, without changing anything
   * (not even the generator): the instance is set to `DRAINING`, each
   * service task on it is started elsewhere by its service's pipeline, then
   * stopped; standalone tasks stay, as ECS leaves them. Apply the steps in
   * order with {@link Cluster.updateInstance}, {@link Cluster.place} and
   * {@link Cluster.stopTask}.
   *
   * @remarks
   * An extension beside ECS, whose drain does this in the service scheduler.
   * See the Consolidation and drain plans section of docs/lifecycle.md for
   * ECS's rules and our decisions.
   *
   * @returns the plan, frozen: the steps, and the tasks left on the instance, with why
   * @throws {@link PlacementInputError} when the request is invalid,
   *   `unknown_instance` for an instance that is not registered, or
   *   `reentrant_call` as {@link Cluster.place} does
   */
  planDrain(request: DrainRequest): DrainPlan {
    return this.reading('planDrain', () => {
      const valid = validateDrainRequest(request);
      const instance = this.state.instance(valid.instanceId);
      if (instance === undefined) throw new PlacementInputError('unknown_instance', 'request.instanceId', `No instance with id ${valid.instanceId} is registered.`);
      return planDrain(this.state, this.placer, instance, valid);
    });
  }

  /**
   * Plans which instances can be emptied by moving their tasks to the
   * others, without changing anything (not even the generator): a greedy
   * search that tries the emptiest instances first and moves each task
   * through its group's pipeline, never breaking a constraint nor making a
   * spread worse. Apply the steps in order with
   * {@link Cluster.updateInstance}, {@link Cluster.place} and
   * {@link Cluster.stopTask}.
   *
   * @remarks
   * An extension beside ECS, which has no consolidation. See the
   * Consolidation and drain plans section of docs/lifecycle.md for the rules.
   *
   * @returns the plan, frozen: the steps, the instances freed, and why each other instance with tasks is not
   * @throws {@link PlacementInputError} when the request is invalid,
   *   `unknown_instance` for a `keep` id that is not registered, or
   *   `reentrant_call` as {@link Cluster.place} does
   */
  planConsolidation(request: ConsolidationRequest): ConsolidationPlan {
    return this.reading('planConsolidation', () => {
      const valid = validateConsolidationRequest(request);
      for (const [id, path] of valid.keep) {
        if (this.state.instance(id) === undefined) throw new PlacementInputError('unknown_instance', path, `No instance with id ${id} is registered.`);
      }
      return planConsolidation(this.state, this.placer, valid);
    });
  }

  /**
   * The instances, in registration order, optionally filtered by a cluster
   * query expression, like `aws ecs list-container-instances --filter`: as
   * ECS, every instance that is not `INACTIVE`, or only those in the status
   * given. {@link Cluster.instances} lists every instance.
   *
   * @param filter - an expression such as `attribute:ecs.availability-zone == us-east-1a`
   * @param options - the status to list, as `ListContainerInstances` takes it
   * @throws {@link QueryError} when the filter does not parse
   * @throws {@link PlacementInputError} for options that are not an object,
   *   another field (`unknown_field`) or a status ECS does not have (`invalid_status`)
   *
   * @example
   * ```ts
   * cluster.listInstances('attribute:ecs.availability-zone == us-east-1a');
   * cluster.listInstances(undefined, { status: 'DRAINING' });
   * ```
   */
  listInstances(filter?: string, options?: ListInstancesOptions): InstanceInfo[] {
    const status = validateListInstancesOptions(options);
    const holds = filter === undefined ? undefined : queryPredicate(parseQuery(filter));
    const listed = (instance: InstanceRecord): boolean => (status === undefined ? instance.status !== 'INACTIVE' : instance.status === status);
    return this.state.instances().filter((instance) => listed(instance) && (holds === undefined || holds(instance))).map((instance) => instance.toInfo());
  }

  /** Every instance, in registration order. */
  instances(): InstanceInfo[] {
    return this.state.instances().map((instance) => instance.toInfo());
  }

  /** Every running task, in placement order, as copies that later changes do not touch. */
  tasks(): TaskInfo[] {
    return Array.from(this.state.tasks(), (task) => task.toInfo());
  }

  /** Every instance and every task, as plain data: what a placement checker needs as the state before. */
  snapshot(): ClusterSnapshot {
    return { instances: this.instances(), tasks: this.tasks(), nextTaskNumber: this.state.nextTaskNumber };
  }

  /**
   * Runs `work` as `method`, during which a caller's strategy may read the
   * cluster but not change it.
   */
  private reading<T>(method: ReadingMethod, work: () => T): T {
    this.refuseReentry(method);
    this.running = method;
    try {
      return work();
    } finally {
      this.running = undefined;
    }
  }

  /**
   * A strategy that changed the cluster while it is being read for a
   * placement would leave tasks on removed instances and an undo that cannot
   * finish; reading it (instances, tasks, snapshot) stays allowed.
   */
  private refuseReentry(method: string): void {
    if (this.running === undefined) return;
    throw new PlacementInputError(
      'reentrant_call', '',
      `Cluster.${method} was called from inside Cluster.${this.running}, by a strategy's key or rank function; those may read the cluster but not change it. Call ${method} after ${this.running} returns.`,
    );
  }

  /** The running tasks a stopTasks call names, every one checked before any stops. */
  private runningTasks(tasks: ScaleInChoice | readonly string[]): TaskRecord[] {
    try {
      const isChoice = typeof tasks === 'object' && tasks !== null && !Array.isArray(tasks);
      const list: unknown = isChoice ? (tasks as { tasks?: unknown }).tasks : tasks;
      const path = isChoice ? 'tasks.tasks' : 'tasks';
      if (!Array.isArray(list)) throw new PlacementInputError('invalid_type', path, 'Give a scale-in choice, or an array of task ids.');
      const records: TaskRecord[] = [];
      const seen = new Set<string>();
      // An index loop rather than forEach, which would skip the holes of a sparse array unchecked.
      for (let index = 0; index < list.length; index += 1) {
        const at = `${path}[${index}]`;
        const entry: unknown = list[index];
        const taskId: unknown = isChoice && typeof entry === 'object' && entry !== null ? (entry as { taskId?: unknown }).taskId : entry;
        if (typeof taskId !== 'string') throw new PlacementInputError('invalid_type', at, 'A task id is a string.');
        if (seen.has(taskId)) throw new PlacementInputError('duplicate_task', at, `Task ${taskId} is named twice; name each task once.`);
        seen.add(taskId);
        const record = this.state.task(taskId);
        if (record === undefined) throw new PlacementInputError('unknown_task', at, `No running task has id ${taskId}; nothing was stopped.`);
        records.push(record);
      }
      return records;
    } catch (error) {
      throw unreadableInput(error, 'tasks');
    }
  }

  private record(id: string): InstanceRecord {
    if (typeof id !== 'string') throw new PlacementInputError('invalid_type', 'id', 'An instance id is a string.');
    const record = this.state.instance(id);
    if (record === undefined) throw new PlacementInputError('unknown_instance', 'id', `No instance with id ${id} is registered.`);
    return record;
  }
}
