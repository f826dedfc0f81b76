/**
 * The fast engine: the reference engine's answers from one index of the
 * fleet that every request shares.
 *
 * @module
 */
import type { InstanceStrategy } from '../model/Strategy';
import type { Explanation } from '../placement/Explanation';
import { placeEach } from '../placement/placeEach';
import type { PlacementEngine } from '../placement/PlacementEngine';
import type { PlacementFailure, PlacementResult } from '../placement/PlacementResult';
import type { Pipeline, PlacementPlan } from '../placement/planPlacement';
import { decide, placeReference } from '../reference/placeReference';
import type { ClusterState } from '../state/ClusterState';
import type { InstanceRecord } from '../state/InstanceRecord';
import type { StateListener } from '../state/StateListener';
import type { TaskRecord } from '../state/TaskRecord';
import { explainIndexed } from './explainIndexed';
import { Fleet } from './Fleet';
import { FleetView } from './FleetView';
import { GroupTasks } from './GroupTasks';
import { IdentityIds } from './IdentityIds';
import { IndexedChooser, type IndexedRequest } from './IndexedChooser';

/** The most views kept; one more evicts the least recently used, which is rebuilt if needed again. */
const MAX_VIEWS = 32;
/**
 * A chain that spreads over no attribute may search a view split by one,
 * part by part, when it has at most this many parts: one view fewer to keep
 * current on every change costs more than a few more searches saves.
 */
const MAX_SHARED_PARTS = 8;

/**
 * Places by searching ordered views of the fleet that are shared by every
 * request and kept current as the cluster changes.
 *
 * @remarks
 * What is identical to the reference engine: every placement, failure,
 * diagnosis and explanation, the draws taken from the generator, and task
 * ids. The reference code itself places a request whose chain has an opaque
 * strategy before its draw, and a task whose view holds a key that is not a
 * number (so that the fault is reported exactly); a failure's diagnosis
 * counts every instance, as the reference does.
 */
export class IndexedEngine implements PlacementEngine, StateListener {
  private readonly fleet = new Fleet();
  private readonly groups = new GroupTasks();
  private readonly chooser: IndexedChooser;
  /** Views by their attributes and strategies; map order is recency, for eviction. */
  private readonly views = new Map<string, FleetView>();
  /** By strategies: the split view that also serves chains spreading over no attribute. */
  private readonly sharedViews = new Map<string, FleetView>();
  /** Indexed requests by pipeline then group; null for a request the reference code places. */
  private readonly preparedRequests = new WeakMap<Pipeline, Map<string, IndexedRequest | null>>();
  private readonly strategyIds = new IdentityIds<InstanceStrategy>();
  /** Counts changes seen by the views, so that a search can tell what changed since the last one. */
  private clock = 0;

  /** @param state - the cluster it places on; the engine listens to it */
  constructor(private readonly state: ClusterState) {
    this.chooser = new IndexedChooser(this.fleet, this.groups);
    this.fleet.onColumnAdded = () => {
      for (const view of this.views.values()) view.columnsChanged();
    };
    for (const instance of state.instances()) {
      this.fleet.add(instance);
      for (const group of instance.taskGroups.keys()) this.groups.countChanged(group, instance, 0);
    }
    state.listener = this;
  }

  /** Places a request, one task at a time. */
  place(plan: PlacementPlan): PlacementResult {
    const request = this.prepared(plan);
    if (request === undefined) return placeReference(this.state, plan);
    return placeEach(this.state, plan, () => this.next(request));
  }

  /** Explains a request from the engine's own index, beside the reference's account of every instance. */
  explain(plan: PlacementPlan): Explanation {
    const request = this.prepared(plan);
    return explainIndexed(this.state, plan, request === undefined ? undefined : {
      request,
      groups: this.groups,
      slotOf: (instance) => this.slotOf(instance),
      place: () => this.place(plan),
      next: () => this.next(request),
    });
  }

  /**
   * The view that splits the fleet by `attributes` and orders each part by
   * `strategies`, made on first use.
   */
  view(attributes: readonly string[], strategies: readonly InstanceStrategy[]): FleetView {
    let order = '';
    for (const strategy of strategies) order += `\u0001${this.strategyIds.of(strategy)}`;
    if (attributes.length === 0) {
      const shared = this.sharedViews.get(order);
      if (shared !== undefined && shared.partitions.length <= MAX_SHARED_PARTS) return this.used(shared.attributes.join('\u0000') + order, shared);
    }
    const key = attributes.join('\u0000') + order;
    let view = this.views.get(key);
    if (view === undefined) {
      for (const attribute of attributes) this.groups.track(attribute, this.state.instances());
      view = new FleetView(attributes, strategies, this.fleet);
      if (this.views.size >= MAX_VIEWS) this.evict(this.views.keys().next().value as string);
    }
    if (attributes.length > 0 && !this.sharedViews.has(order)) {
      this.sharedViews.set(order, view);
      // The view of the same order split by nothing is no longer kept current: its chains search this one.
      this.retire(order);
    }
    return this.used(key, view);
  }

  /** Starts counting a selection of a group's tasks in the index. */
  trackSelection(key: string, group: string): void {
    this.groups.trackSelection(key, group, this.state.instances());
  }

  /** Marks a view most recently used. */
  private used(key: string, view: FleetView): FleetView {
    this.views.delete(key);
    this.views.set(key, view);
    return view;
  }

  private evict(key: string): void {
    const view = this.retire(key);
    for (const [order, shared] of this.sharedViews) if (shared === view) this.sharedViews.delete(order);
  }

  private retire(key: string): FleetView | undefined {
    const view = this.views.get(key);
    if (view !== undefined) view.retired = true;
    this.views.delete(key);
    return view;
  }

  /**
   * The indexed form of a request, kept for requests alike (the same
   * pipeline and group) while its view is kept current.
   */
  private prepared(plan: PlacementPlan): IndexedRequest | undefined {
    if (!plan.pipeline.kept) return this.chooser.prepare(plan, this);
    let byGroup = this.preparedRequests.get(plan.pipeline);
    if (byGroup === undefined) this.preparedRequests.set(plan.pipeline, (byGroup = new Map()));
    let request = byGroup.get(plan.group);
    // A request prepared before any instance offered one of its resources has no column for it; one may have come since.
    if (request === undefined || request?.view?.retired === true || request?.satisfiable === false) {
      request = this.chooser.prepare(plan, this) ?? null;
      byGroup.set(plan.group, request);
    }
    return request ?? undefined;
  }

  /** Indexes a new instance. */
  registered(instance: InstanceRecord): void {
    const slot = this.fleet.add(instance);
    this.mark(slot, true);
  }

  /** Forgets a removed instance (its tasks were stopped first). */
  deregistered(instance: InstanceRecord): void {
    const slot = this.slotOf(instance);
    for (const view of this.views.values()) view.forget(slot);
    this.fleet.remove(slot);
  }

  /** Rereads a changed instance; moves its tasks between buckets if its attributes changed. */
  updated(instance: InstanceRecord): void {
    const slot = this.slotOf(instance);
    const before = this.fleet.attributesOf(slot);
    if (before !== undefined && before !== instance.attributes) this.groups.attributesChanged(before, instance);
    this.changed(slot);
  }

  /** Counts a started task and rereads its instance. */
  taskStarted(task: TaskRecord, instance: InstanceRecord): void {
    const slot = this.slotOf(instance);
    this.groups.taskChanged(task, instance, 1);
    this.fleet.resourcesChanged(slot, task.resources);
    this.mark(slot, false);
  }

  /** Counts a stopped task and rereads its instance. */
  taskStopped(task: TaskRecord, instance: InstanceRecord): void {
    const slot = this.slotOf(instance);
    this.groups.taskChanged(task, instance, -1);
    this.fleet.resourcesChanged(slot, task.resources);
    this.mark(slot, false);
  }

  /** Follows the cluster's new registration orders. */
  renumbered(): void {
    this.fleet.renumbered();
    for (const view of this.views.values()) view.renumbered();
    this.chooser.clearMemos();
  }

  /** The instance for the next task of a request, or the failure. */
  private next(request: IndexedRequest): InstanceRecord | PlacementFailure {
    this.clock += 1;
    const { view } = request;
    view?.refresh(this.clock);
    if (view !== undefined && (view.failure !== undefined || view.badKeys.size > 0)) {
      // The reference chain reports a bad key, or rethrows what a key function threw, exactly.
      const { chosen, failure } = decide(this.state, request.plan);
      return chosen ?? (failure as PlacementFailure);
    }
    const slot = this.chooser.choose(request, this.clock, this.state.random, this.state.registrationSpan);
    return slot < 0 ? (decide(this.state, request.plan).failure as PlacementFailure) : (this.fleet.records[slot] as InstanceRecord);
  }

  private changed(slot: number): void {
    this.fleet.refresh(slot);
    this.mark(slot, true);
  }

  /** Marks a changed instance in every view; `attributes` when more than its resources may have changed. */
  private mark(slot: number, attributes: boolean): void {
    for (const view of this.views.values()) view.mark(slot, attributes);
  }

  private slotOf(instance: InstanceRecord): number {
    return this.fleet.slotOfOrder(instance.registrationOrder);
  }
}
