/**
 * Replaying a cluster trace on a fleet: tasks start when they arrive (or,
 * when nothing can take them then, wait in arrival order until an ending
 * task frees room), run as long as the trace says, and end; the fleet is
 * sampled as it goes.
 *
 * Events are taken in time order, ends before arrivals at the same time. A
 * task that waited runs, once started, as long as the trace says it runs
 * (its end minus its arrival). When a task ends, the waiting tasks that fit
 * what its instance then has free are tried again, in arrival order: only
 * there has anything changed since they last failed. A sample is taken
 * after every event at or before its time; the samples span the trace's own
 * times, from the first arrival to the last arrival or end it states, and
 * the replay then runs on until every task that started has ended, so that
 * the tasks still waiting are those nothing ever freed room for.
 *
 * @module
 */
import { Cluster } from '../../cluster/Cluster';
import type { InstanceSpec } from '../../model/InstanceSpec';
import { takesTasks } from '../../model/takesTasks';
import type { PackStrategy } from '../../model/PackStrategy';
import type { PreferStrategy } from '../../model/PreferStrategy';
import type { PlacementStrategy } from '../../model/PlacementRequest';
import type { Strategy } from '../../model/Strategy';
import type { TraceTask } from './readTraceFile';

/** Options of {@link replayTrace}. */
export interface TraceReplayOptions {
  /**
   * The chain every task is placed with.
   * @defaultValue `[{ type: 'binpack', field: 'memory' }]`
   */
  readonly placementStrategy?: readonly (PlacementStrategy | PackStrategy | PreferStrategy | Strategy)[];
  /**
   * How many samples to take, evenly spaced from the first arrival to the
   * last event, from 2 to 10,000.
   * @defaultValue 50
   */
  readonly samples?: number;
}

/** The fleet at one moment of a replay. */
export interface TraceSample {
  /** The moment, in the trace's seconds. */
  readonly time: number;
  /** Tasks running. */
  readonly running: number;
  /** Tasks that arrived and wait for room. */
  readonly waiting: number;
  /** Per resource, the share of the capacity of the instances that can take tasks that running tasks reserve. */
  readonly utilization: Readonly<Record<string, number>>;
  /**
   * Per resource, the free capacity no waiting task can use: what is free on
   * the instances where none of the waiting tasks fits (0 when none waits).
   */
  readonly stranded: Readonly<Record<string, number>>;
}

/** What {@link replayTrace} reports. */
export interface TraceReplay {
  /** Tasks in the trace. */
  readonly tasks: number;
  /** Tasks that started, at their arrival or after waiting. */
  readonly started: number;
  /** Tasks that started only after waiting. */
  readonly startedLate: number;
  /** Tasks still waiting when every task that started has ended: nothing freed room they fit. */
  readonly neverStarted: number;
  /** The resources sampled: every resource the instances that can take tasks register. */
  readonly resources: readonly string[];
  /** What those instances register of each resource, in all. */
  readonly capacity: Readonly<Record<string, number>>;
  /** The samples, in time order. */
  readonly samples: readonly TraceSample[];
}

/** An end to come: the task's index and its instance's id. */
interface Ending {
  readonly time: number;
  readonly task: number;
  readonly taskId: string;
  readonly instanceId: string;
}

/**
 * Replays a trace's tasks on a fleet, each placed with one chain, and
 * samples utilisation, waiting tasks and stranded capacity over time.
 *
 * @param instances - the fleet, as `Cluster` takes it
 * @param tasks - the trace, as {@link readTraceFile} reads it
 * @param options - the chain and the number of samples
 * @returns what started, what never did, and the samples
 * @throws {@link task-placement!PlacementInputError} as `Cluster` does for an instance or the chain
 * @throws RangeError for a number of samples outside 2 to 10,000
 *
 * @example
 * ```ts
 * const replay = replayTrace(readNodeListFile(nodes, 'nodes.csv'), readTraceFile(pods, 'pods.csv'), { samples: 24 });
 * for (const sample of replay.samples) console.log(sample.time, sample.utilization['gpu'], sample.waiting);
 * ```
 */
export function replayTrace(instances: readonly InstanceSpec[], tasks: readonly TraceTask[], options: TraceReplayOptions = {}): TraceReplay {
  const sampleCount = options.samples ?? 50;
  if (!Number.isInteger(sampleCount) || sampleCount < 2 || sampleCount > 10_000) throw new RangeError(`Take from 2 to 10,000 samples, not ${sampleCount}.`);
  const cluster = new Cluster({ instances });
  const chain = Object.freeze([...(options.placementStrategy ?? [{ type: 'binpack', field: 'memory' } as const])]);
  // Only instances that can take tasks have room to use, or to strand.
  const able = cluster.instances().filter(takesTasks);
  const free = new Map(able.map((instance) => [instance.id, { ...instance.remainingResources }]));
  const resources = [...new Set(able.flatMap((instance) => Object.keys(instance.registeredResources)))].sort();
  const capacity = Object.fromEntries(resources.map((resource) => [resource, able.reduce((sum, instance) => sum + (instance.registeredResources[resource] ?? 0), 0)]));
  const arrivals = tasks.map((_, index) => index).sort((a, b) => (tasks[a] as TraceTask).arrival - (tasks[b] as TraceTask).arrival || a - b);
  const endings = new EndingQueue();
  const waiting: number[] = [];
  let running = 0;
  let started = 0;
  let startedLate = 0;

  const start = (index: number, at: number): boolean => {
    const task = tasks[index] as TraceTask;
    const { placements } = cluster.place({ task: { resources: task.resources }, group: 'trace', placementStrategy: chain });
    const placement = placements[0];
    if (placement === undefined) return false;
    const room = free.get(placement.instanceId) as Record<string, number>;
    for (const [resource, amount] of Object.entries(task.resources)) room[resource] = (room[resource] ?? 0) - amount;
    running += 1;
    started += 1;
    if (task.end !== undefined) endings.push({ time: at + (task.end - task.arrival), task: index, taskId: placement.taskId, instanceId: placement.instanceId });
    return true;
  };
  const end = (ending: Ending): void => {
    cluster.stopTask(ending.taskId);
    running -= 1;
    const room = free.get(ending.instanceId) as Record<string, number>;
    for (const [resource, amount] of Object.entries((tasks[ending.task] as TraceTask).resources)) room[resource] = (room[resource] ?? 0) + amount;
    // Only this instance has more room than when the waiting tasks last failed.
    for (let position = 0; position < waiting.length; position += 1) {
      const index = waiting[position] as number;
      if (!fits(room, (tasks[index] as TraceTask).resources) || !start(index, ending.time)) continue;
      startedLate += 1;
      waiting.splice(position, 1);
      position -= 1;
    }
  };
  const sample = (time: number): TraceSample => {
    const used = Object.fromEntries(resources.map((resource) => [resource, capacity[resource] as number]));
    for (const room of free.values()) for (const resource of resources) used[resource] = (used[resource] as number) - (room[resource] ?? 0);
    return {
      time,
      running,
      waiting: waiting.length,
      utilization: Object.fromEntries(resources.map((resource) => [resource, (capacity[resource] as number) > 0 ? (used[resource] as number) / (capacity[resource] as number) : 0])),
      stranded: stranded(free, resources, waiting.map((index) => (tasks[index] as TraceTask).resources)),
    };
  };

  const first = arrivals.length === 0 ? 0 : (tasks[arrivals[0] as number] as TraceTask).arrival;
  const last = tasks.reduce((latest, task) => Math.max(latest, task.arrival, task.end ?? task.arrival), first);
  const samples: TraceSample[] = [];
  let next = 0;
  for (let k = 0; k < sampleCount; k += 1) {
    const time = first + ((last - first) * k) / (sampleCount - 1);
    // Every event at or before the sample, ends before arrivals at the same time.
    for (;;) {
      const arrival = next < arrivals.length ? (tasks[arrivals[next] as number] as TraceTask).arrival : Infinity;
      const ending = endings.peek();
      if (ending !== undefined && ending.time <= time && ending.time <= arrival) {
        end(endings.pop() as Ending);
      } else if (arrival <= time) {
        const index = arrivals[next] as number;
        next += 1;
        if (!start(index, arrival)) waiting.push(index);
      } else {
        break;
      }
    }
    samples.push(sample(time));
  }
  // Tasks that started late may end after the trace's last time, and free room for the tasks still waiting.
  for (let ending = endings.pop(); ending !== undefined; ending = endings.pop()) end(ending);
  return { tasks: tasks.length, started, startedLate, neverStarted: waiting.length, resources, capacity, samples };
}

function fits(room: Readonly<Record<string, number>>, demand: Readonly<Record<string, number>>): boolean {
  for (const [resource, amount] of Object.entries(demand)) if (amount > (room[resource] ?? 0)) return false;
  return true;
}

/** What is free on the instances where no waiting task fits; each distinct demand is tried once. */
function stranded(free: ReadonlyMap<string, Readonly<Record<string, number>>>, resources: readonly string[], waiting: readonly Readonly<Record<string, number>>[]): Record<string, number> {
  const total = Object.fromEntries(resources.map((resource) => [resource, 0]));
  if (waiting.length === 0) return total;
  const demands = [...new Map(waiting.map((demand) => [JSON.stringify(Object.entries(demand).sort()), demand])).values()];
  for (const room of free.values()) {
    if (demands.some((demand) => fits(room, demand))) continue;
    for (const resource of resources) total[resource] = (total[resource] as number) + Math.max(0, room[resource] ?? 0);
  }
  return total;
}

/** The ends to come, the earliest first (ties in the order they were pushed): a binary heap. */
class EndingQueue {
  private readonly heap: (Ending & { readonly order: number })[] = [];
  private pushed = 0;

  push(ending: Ending): void {
    const heap = this.heap;
    heap.push({ ...ending, order: this.pushed });
    this.pushed += 1;
    let child = heap.length - 1;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!this.before(child, parent)) break;
      [heap[child], heap[parent]] = [heap[parent] as Ending & { order: number }, heap[child] as Ending & { order: number }];
      child = parent;
    }
  }

  peek(): Ending | undefined {
    return this.heap[0];
  }

  pop(): Ending | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last !== undefined) {
      heap[0] = last;
      let parent = 0;
      for (;;) {
        const left = 2 * parent + 1;
        const right = left + 1;
        let smallest = parent;
        if (left < heap.length && this.before(left, smallest)) smallest = left;
        if (right < heap.length && this.before(right, smallest)) smallest = right;
        if (smallest === parent) break;
        [heap[smallest], heap[parent]] = [heap[parent] as Ending & { order: number }, heap[smallest] as Ending & { order: number }];
        parent = smallest;
      }
    }
    return top;
  }

  private before(a: number, b: number): boolean {
    const x = this.heap[a] as Ending & { order: number };
    const y = this.heap[b] as Ending & { order: number };
    return x.time < y.time || (x.time === y.time && x.order < y.order);
  }
}
