/**
 * Scale-in: which of a group's tasks ECS would stop, following the
 * placement strategy in reverse. Both engines share the cluster's records,
 * so this reads them directly and gives one answer whichever engine runs.
 *
 * @module
 */
import type { InstanceState } from '../model/InstanceState';
import { PlacementInputError } from '../model/PlacementInputError';
import type { Strategy } from '../model/Strategy';
import { countingKey, isSelectionKey, tasksCounted } from '../model/TaskSelector';
import type { ValidStrategy } from '../model/ValidRequest';
import { planStrategies } from '../placement/planPlacement';
import type { SeededRandom } from '../random/SeededRandom';
import type { TaskRecord } from '../state/TaskRecord';
import { binpackFieldOf } from '../strategies/binpack';
import { isPreference } from '../strategies/prefer';
import { bucketOf } from '../strategies/spread';
import { instanceWithoutTasks } from './instanceWithoutTasks';
import type { ScaleInChoice, ScaleInReason, TaskToStop } from './ScaleInChoice';

/** What a scale-in reads: the group's running tasks and what to do with them. */
interface ScaleInPlan {
  /** The group scaled in. */
  readonly group: string;
  /** How many tasks to stop. */
  readonly count: number;
  /** The chain, ECS's default filled in; no strategy of kind `anything`. */
  readonly strategies: readonly Strategy[];
  /** Every running task of the group, in placement order. */
  readonly tasks: readonly TaskRecord[];
  /** Ids of tasks never to choose. */
  readonly protectedTasks: ReadonlySet<string>;
}

/**
 * Chooses the tasks to stop, one at a time, each choice seeing the ones
 * before it as stopped (as placement sees the tasks it placed).
 *
 * @remarks
 * Each strategy keeps, among the tasks left to choose from, those ECS would
 * stop first: `spread` the tasks in the bucket holding the most of the
 * group's tasks (protected ones count, since they run), `binpack` and a
 * caller's instance strategy the tasks whose instance would give the highest
 * key once the task stops (binpack's key is what remains, so this is ECS's
 * "the most available resources left after task termination"; for the
 * chain's preferences, whose key is minus the summed weight an instance
 * meets, the tasks on the least preferred instances), and
 * `random` one task drawn uniformly, which ends the chain. A spread with a
 * task selector counts only the tasks it selects (every task of the group
 * may still be chosen). Ties left after
 * the chain go to the newest task. Nothing is changed: the draws come from
 * `random`, which the caller gives as a copy of the cluster's generator.
 * Costs O(chain x group tasks) per task chosen.
 *
 * @param plan - the group's tasks and the chain
 * @param random - the generator to draw from
 * @returns the choice, frozen
 * @throws {@link PlacementInputError} `invalid_strategy` when a caller's strategy gives a key that is not a number
 */
export function chooseTasksToStop(plan: ScaleInPlan, random: SeededRandom): ScaleInChoice {
  const { group, count, strategies, tasks, protectedTasks } = plan;
  const stopped = new Set<TaskRecord>();
  const stoppedOn = new Map<InstanceState, TaskRecord[]>();
  // Bucket counts by attribute and counting key: a spread with a task selector counts only the tasks it selects.
  const bucketCounts = new Map<string, { readonly attribute: string; readonly key: string; readonly counts: Map<string | undefined, number> }>();
  const countsFor = (attribute: string, key: string): Map<string | undefined, number> => {
    const id = `${attribute}\u0001${key}`;
    let entry = bucketCounts.get(id);
    if (entry === undefined) {
      const counts = new Map<string | undefined, number>();
      for (const task of tasks) {
        if (stopped.has(task) || !countsTask(task, key)) continue;
        const bucket = bucketOf(task.instance, attribute);
        counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
      }
      bucketCounts.set(id, (entry = { attribute, key, counts }));
    }
    return entry.counts;
  };
  let candidates = tasks.filter((task) => !protectedTasks.has(task.taskId));
  const chosen: TaskToStop[] = [];
  while (chosen.length < count && candidates.length > 0) {
    const groupTasks = tasks.length - stopped.size;
    let left = candidates;
    const reasons: ScaleInReason[] = [];
    for (const strategy of strategies) {
      if (left.length === 1) break;
      if (strategy.dependsOn === 'draw') {
        const drawn = left[Math.floor(random.next() * left.length)] as TaskRecord;
        reasons.push({ code: 'drawn', strategy: strategy.name, candidates: left.length });
        left = [drawn];
        break;
      }
      let narrowed: { readonly left: TaskRecord[]; readonly best: number };
      if (strategy.dependsOn === 'groupTasks') {
        const attribute = strategy.bucketAttribute;
        const key = countingKey(group, strategy.taskSelector);
        if (attribute === undefined) {
          narrowed = keepHighest(left, (task) => onInstance(task.instance, key, stoppedOn));
          if (narrowed.left.length < left.length) {
            const { instanceId } = narrowed.left[0] as TaskRecord;
            reasons.push({ code: 'most_on_instance', strategy: strategy.name, instanceId, tasks: narrowed.best, groupTasks });
          }
        } else {
          const counts = countsFor(attribute, key);
          narrowed = keepHighest(left, (task) => counts.get(bucketOf(task.instance, attribute)) ?? 0);
          if (narrowed.left.length < left.length) {
            const bucket = bucketOf((narrowed.left[0] as TaskRecord).instance, attribute) ?? null;
            reasons.push({ code: 'most_in_bucket', strategy: strategy.name, attribute, bucket, tasks: narrowed.best, groupTasks });
          }
        }
      } else if (strategy.dependsOn === 'instance') {
        narrowed = keepHighest(left, (task) => checkedKey(strategy.name, strategy.key(withoutTasks(task.instance, task, stoppedOn))));
        if (narrowed.left.length < left.length) {
          const field = binpackFieldOf(strategy);
          // A preference's key is minus the weight the instance meets; 0 - key keeps a weight of 0 from reading -0.
          if (isPreference(strategy)) reasons.push({ code: 'least_preferred', strategy: strategy.name, weight: 0 - narrowed.best });
          else if (field === undefined) reasons.push({ code: 'highest_key', strategy: strategy.name, key: narrowed.best });
          else reasons.push({ code: 'most_remaining', strategy: strategy.name, field, remaining: narrowed.best });
        }
      } else {
        // The caller refuses these before choosing; a rank is for a task to place.
        throw new PlacementInputError('invalid_strategy', '', `Strategy ${strategy.name} ranks instances for a task to place; it cannot choose tasks to stop.`);
      }
      left = narrowed.left;
    }
    if (reasons.length === 0 && left.length === 1) reasons.push({ code: 'last_candidate' });
    else if (left.length > 1) reasons.push({ code: 'newest', candidates: left.length });
    // Candidates are in placement order, so the newest is the last.
    const task = left[left.length - 1] as TaskRecord;
    const named = reasons.map((reason) => Object.freeze(namingChosen(reason, task)));
    chosen.push(Object.freeze({ taskId: task.taskId, instanceId: task.instanceId, reasons: Object.freeze(named) }));
    stopped.add(task);
    const onIt = stoppedOn.get(task.instance);
    if (onIt === undefined) stoppedOn.set(task.instance, [task]);
    else onIt.push(task);
    for (const { attribute, key, counts } of bucketCounts.values()) {
      if (!countsTask(task, key)) continue;
      const bucket = bucketOf(task.instance, attribute);
      counts.set(bucket, (counts.get(bucket) ?? 0) - 1);
    }
    candidates = candidates.filter((candidate) => candidate !== task);
  }
  const protectedCount = tasks.filter((task) => protectedTasks.has(task.taskId)).length;
  return Object.freeze({
    group,
    requested: count,
    tasks: Object.freeze(chosen),
    complete: chosen.length === count,
    protectedTasks: protectedCount,
    strategies: Object.freeze(strategies.map((strategy) => strategy.name)),
  });
}

/**
 * A level that kept several buckets or instances tied for the most names the
 * one the chosen task is in: the count is the same for each, and a reason
 * that named another would send the reader to the wrong zone.
 */
function namingChosen(reason: ScaleInReason, task: TaskRecord): ScaleInReason {
  if (reason.code === 'most_in_bucket') return { ...reason, bucket: bucketOf(task.instance, reason.attribute) ?? null };
  if (reason.code === 'most_on_instance') return { ...reason, instanceId: task.instanceId };
  return reason;
}

/**
 * Whether a strategy can say which task to stop: ECS's, and a caller's of
 * kind `instance`; not one of kind `anything`, whose rank is for a task to
 * place.
 */
export function choosesTasks(strategy: Strategy): boolean {
  return strategy.dependsOn !== undefined && strategy.dependsOn !== 'anything';
}

/**
 * The chain that chooses which of a service's tasks to stop when a plan
 * stops some: the service's, as its scale-in reads it, without the
 * strategies that cannot choose a task.
 *
 * @param strategies - the service's strategies, validated (none: ECS's default chain)
 */
export function serviceStopChain(strategies: readonly ValidStrategy[]): readonly Strategy[] {
  return planStrategies(strategies, true).filter(choosesTasks);
}

/** The tasks with the highest key, in the order given, and that key. */
function keepHighest(tasks: readonly TaskRecord[], key: (task: TaskRecord) => number): { left: TaskRecord[]; best: number } {
  let best = Number.NEGATIVE_INFINITY;
  let left: TaskRecord[] = [];
  for (const task of tasks) {
    const value = key(task);
    if (value > best) {
      best = value;
      left = [task];
    } else if (value === best) {
      left.push(task);
    }
  }
  return { left, best };
}

function checkedKey(name: string, key: unknown): number {
  if (typeof key !== 'number' || Number.isNaN(key)) {
    throw new PlacementInputError('invalid_strategy', '', `Strategy ${name} gave the key ${String(key)}; a key must be a number.`);
  }
  return key;
}

/** The group's tasks (those a counting key counts) on an instance once the tasks chosen so far stop. */
function onInstance(instance: InstanceState, key: string, stoppedOn: ReadonlyMap<InstanceState, readonly TaskRecord[]>): number {
  let stoppedHere = 0;
  for (const task of stoppedOn.get(instance) ?? []) if (countsTask(task, key)) stoppedHere += 1;
  return tasksCounted(instance, key) - stoppedHere;
}

/** Whether a counting key counts a task of the group: every task for the group's own key, else those of the selection. */
function countsTask(task: TaskRecord, key: string): boolean {
  return !isSelectionKey(key) || task.selectionKeys.includes(key);
}

/**
 * The instance as it would be once `task` and the tasks chosen before it on
 * the instance stop: resources, ports, task count and groups given back. An
 * instance strategy's key reads this, as ECS reads what is "left after task
 * termination".
 */
function withoutTasks(instance: InstanceState, task: TaskRecord, stoppedOn: ReadonlyMap<InstanceState, readonly TaskRecord[]>): InstanceState {
  return instanceWithoutTasks(instance, [...(stoppedOn.get(instance) ?? []), task]);
}
