/**
 * The fast engine: the reference engine's answers from indexes that are
 * kept current, so that a placement costs time logarithmic in the fleet.
 *
 * @module
 */
import type { ClusterState } from '../state/ClusterState';
import type { InstanceRecord } from '../state/InstanceRecord';
import type { StateListener } from '../state/StateListener';
import type { TaskInfo } from '../model/TaskInfo';
import type { PlacementPlan } from '../placement/planPlacement';
import type { Explanation } from '../placement/Explanation';
import { placeEach } from '../placement/placeEach';
import type { PlacementEngine } from '../placement/PlacementEngine';
import type { PlacementFailure, PlacementResult } from '../placement/PlacementResult';
import { explainReference } from '../reference/explainReference';
import { decide, placeReference } from '../reference/placeReference';
import { BucketCounts } from './BucketCounts';
import { chainLevels, type ChainLevels } from './chainLevels';
import { ShapeIndex } from './ShapeIndex';

/** How many request shapes keep an index; the least recently used goes first. */
const MAX_SHAPES = 8;

/**
 * Places with a {@link ShapeIndex} per request shape (group, task,
 * constraints, strategies), built with one pass over the fleet the first
 * time the shape is placed and kept current from then on.
 *
 * @remarks
 * What is identical to the reference engine: every placement, failure,
 * diagnosis and explanation, the draws taken from the generator, and task
 * ids. The paths that are not indexed run the reference code itself: a
 * failure (its diagnosis counts every instance anyway), an explanation, and
 * a chain with a caller's own strategy.
 */
export class IndexedEngine implements PlacementEngine, StateListener {
  private readonly shapes = new Map<string, ShapeIndex>();
  private readonly counts = new BucketCounts();
  private byOrder: (InstanceRecord | undefined)[] = [];

  /** @param state - the cluster it places on; the engine listens to it */
  constructor(private readonly state: ClusterState) {
    for (const instance of state.instances()) this.byOrder[instance.registrationOrder] = instance;
    state.listener = this;
  }

  /** Places a request, one task at a time. */
  place(request: PlacementPlan): PlacementResult {
    const first = this.shapeFor(request);
    if (first === undefined) return placeReference(this.state, request);
    let shape = first;
    const random = (): number => this.state.random.next();
    return placeEach(this.state, request, () => {
      shape = this.refresh(shape, request);
      const order = shape.choose(this.counts, request.group, this.state.instances(), random);
      const chosen = order === undefined ? undefined : this.byOrder[order];
      return chosen ?? (decide(this.state, request).failure as PlacementFailure);
    });
  }

  /** Explains a request with the reference engine: an explanation looks at every instance anyway. */
  explain(request: PlacementPlan): Explanation {
    return explainReference(this.state, request);
  }

  /** Indexes a new instance in every shape. */
  registered(instance: InstanceRecord): void {
    this.byOrder[instance.registrationOrder] = instance;
    for (const shape of this.shapes.values()) shape.append(instance);
  }

  /** Forgets a removed instance. */
  deregistered(instance: InstanceRecord): void {
    this.byOrder[instance.registrationOrder] = undefined;
    this.touch(instance);
  }

  /** Re-indexes every instance by its new registration order. */
  renumbered(): void {
    this.byOrder = [];
    for (const instance of this.state.instances()) this.byOrder[instance.registrationOrder] = instance;
    this.shapes.clear();
  }

  /** Re-reads a changed instance; spread counts by attribute are recounted if its tasks may have moved bucket. */
  updated(instance: InstanceRecord): void {
    if (instance.runningTasksCount > 0) this.counts.clear();
    this.touch(instance);
  }

  /** Counts a started task and re-reads its instance. */
  taskStarted(task: TaskInfo, instance: InstanceRecord): void {
    this.counts.taskChanged(task.group, instance, 1);
    this.touch(instance);
  }

  /** Counts a stopped task and re-reads its instance. */
  taskStopped(task: TaskInfo, instance: InstanceRecord): void {
    this.counts.taskChanged(task.group, instance, -1);
    this.touch(instance);
  }

  private touch(instance: InstanceRecord): void {
    for (const [key, shape] of this.shapes) {
      shape.touch(instance);
      // An index far behind costs more to catch up than to rebuild.
      if (shape.staleCount > this.byOrder.length / 4 + 64) this.shapes.delete(key);
    }
  }

  /** The shape brought up to date, rebuilt when an instance moved between its partitions. */
  private refresh(shape: ShapeIndex, request: PlacementPlan): ShapeIndex {
    if (shape.refresh((instance) => this.byOrder[instance.registrationOrder] === instance)) return shape;
    const rebuilt = this.build(request, shape.chain);
    this.shapes.set(shapeKey(request), rebuilt);
    return rebuilt;
  }

  private shapeFor(request: PlacementPlan): ShapeIndex | undefined {
    const chain = chainLevels(request.strategies);
    if (chain === undefined) return undefined;
    const key = shapeKey(request);
    const known = this.shapes.get(key);
    if (known !== undefined) {
      // Map order is the recency order: re-inserting marks it most recent.
      this.shapes.delete(key);
      this.shapes.set(key, known);
      return known;
    }
    const shape = this.build(request, chain);
    this.shapes.set(key, shape);
    if (this.shapes.size > MAX_SHAPES) this.shapes.delete(this.shapes.keys().next().value as string);
    return shape;
  }

  private build(request: PlacementPlan, chain: ChainLevels): ShapeIndex {
    return new ShapeIndex(request, chain, this.state.instances());
  }
}

/** Requests with the same key rank every instance the same way. */
function shapeKey(request: PlacementPlan): string {
  const { task } = request;
  return JSON.stringify([
    request.group,
    Object.entries(task.resources),
    task.ports,
    task.requiresAttributes,
    request.constraints.map((constraint) => constraint.name),
    request.strategies.map((strategy) => strategy.name),
  ]);
}
