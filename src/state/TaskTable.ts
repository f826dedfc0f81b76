/**
 * The running tasks of a cluster by id, in placement order.
 *
 * @module
 */
import type { TaskRecord } from './TaskRecord';

/** The table starts this large and never shrinks below it. */
const MIN_CAPACITY = 64;
/** Golden-ratio multiplier: consecutive task numbers land far apart. */
const SPREAD = 0x9e3779b1;

/**
 * Running tasks by id, in the order they were added.
 *
 * @remarks
 * A cluster gives ids `task-1`, `task-2`, ... and a scheduler starts and
 * stops them all the time. A `Map` keyed by those strings hashes every new
 * id and leaves a tombstone behind every stop, which together were the
 * largest single cost of placing a task of a batch. So an id of that form
 * is kept by its number, in an open-addressing table on a typed array (linear probing,
 * deletion by shifting back, no tombstones), beside the task's position in
 * an array in the order tasks were added; any other id (a restored ARN,
 * `task-007`) goes to a `Map`. A stop leaves a hole in the array, and an
 * addition closes the holes in one pass once they are half of it. Tasks may
 * be stopped while {@link TaskTable.values} is read, not added.
 */
export class TaskTable {
  /** Pairs of a task number (0 for none) and the task's position in {@link TaskTable.order}. */
  private entries = new Float64Array(2 * MIN_CAPACITY);
  private shift = 32 - Math.log2(MIN_CAPACITY);
  private numbered = 0;
  /** Positions in {@link TaskTable.order} of tasks whose ids are not numbered. */
  private readonly otherIds = new Map<string, number>();
  private order: (TaskRecord | undefined)[] = [];
  private holes = 0;

  /** How many tasks the table holds. */
  get size(): number {
    return this.order.length - this.holes;
  }

  /** The task with this id, if held. */
  get(taskId: string): TaskRecord | undefined {
    const number = numberOfTaskId(taskId);
    const position = number === 0 ? this.otherIds.get(taskId) : this.positionOf(number);
    return position === undefined ? undefined : this.order[position];
  }

  /** Whether a task with this id is held. */
  has(taskId: string): boolean {
    return this.get(taskId) !== undefined;
  }

  /**
   * Adds a task whose id the table does not hold, last in order.
   *
   * @param task - the task
   * @param number - {@link numberOfTaskId} of its id, when the caller has it already
   */
  add(task: TaskRecord, number = numberOfTaskId(task.taskId)): void {
    if (this.holes > 32 && 2 * this.holes > this.order.length) this.closeHoles();
    const position = this.order.length;
    this.order.push(task);
    if (number === 0) {
      this.otherIds.set(task.taskId, position);
      return;
    }
    if (4 * (this.numbered + 1) > this.entries.length) this.resize(this.entries.length);
    this.put(number, position);
    this.numbered += 1;
  }

  /** Makes room for `count` tasks in all, so that adding them grows nothing. */
  reserve(count: number): void {
    let pairs = this.entries.length / 2;
    while (2 * count > pairs) pairs *= 2;
    if (2 * pairs > this.entries.length) this.resize(pairs);
  }

  /** Takes out a task the table holds. */
  delete(task: TaskRecord): void {
    const number = numberOfTaskId(task.taskId);
    let position: number;
    if (number === 0) {
      position = this.otherIds.get(task.taskId) as number;
      this.otherIds.delete(task.taskId);
    } else {
      position = this.deleteNumber(number);
    }
    this.order[position] = undefined;
    this.holes += 1;
  }

  /** Empties the table. */
  clear(): void {
    this.entries = new Float64Array(2 * MIN_CAPACITY);
    this.shift = 32 - Math.log2(MIN_CAPACITY);
    this.numbered = 0;
    this.otherIds.clear();
    this.order = [];
    this.holes = 0;
  }

  /** The tasks in the order they were added. */
  *values(): IterableIterator<TaskRecord> {
    const order = this.order;
    for (let at = 0; at < order.length; at += 1) {
      const task = order[at];
      if (task !== undefined) yield task;
    }
  }

  /** The position of the task with this number, if held. */
  private positionOf(number: number): number | undefined {
    const at = this.find(number);
    return at < 0 ? undefined : (this.entries[at + 1] as number);
  }

  /** The entry index of a number in the table, or -1. */
  private find(number: number): number {
    const entries = this.entries;
    const mask = entries.length - 1;
    for (let at = this.home(number); ; at = (at + 2) & mask) {
      const held = entries[at] as number;
      if (held === number) return at;
      if (held === 0) return -1;
    }
  }

  private put(number: number, position: number): void {
    const entries = this.entries;
    const mask = entries.length - 1;
    let at = this.home(number);
    while (entries[at] !== 0) at = (at + 2) & mask;
    entries[at] = number;
    entries[at + 1] = position;
  }

  /** Takes a number out of the table; returns its task's position. */
  private deleteNumber(number: number): number {
    const entries = this.entries;
    const mask = entries.length - 1;
    let hole = this.find(number);
    const position = entries[hole + 1] as number;
    // Shift back every entry of the run after the hole that may sit there, so that no search stops early at the hole.
    for (let at = (hole + 2) & mask; entries[at] !== 0; at = (at + 2) & mask) {
      if (((at - hole) & mask) <= ((at - this.home(entries[at] as number)) & mask)) {
        entries[hole] = entries[at] as number;
        entries[hole + 1] = entries[at + 1] as number;
        hole = at;
      }
    }
    entries[hole] = 0;
    this.numbered -= 1;
    if (entries.length > 2 * MIN_CAPACITY && 16 * this.numbered < entries.length) this.resize(entries.length / 4);
    return position;
  }

  /** Where a number's probe starts: Fibonacci hashing of its low 32 bits, to an even index. */
  private home(number: number): number {
    return (Math.imul(number | 0, SPREAD) >>> this.shift) << 1;
  }

  /** Makes room for `pairs` pairs, and puts every held number back. */
  private resize(pairs: number): void {
    const entries = this.entries;
    this.entries = new Float64Array(2 * pairs);
    this.shift = 32 - Math.log2(pairs);
    for (let at = 0; at < entries.length; at += 2) {
      const number = entries[at] as number;
      if (number !== 0) this.put(number, entries[at + 1] as number);
    }
  }

  /**
   * Moves every task down over the holes before it, keeping the order, and
   * rewrites the positions the table keeps: the records themselves are not
   * touched, so closing the holes reads no task that the caller did not.
   */
  private closeHoles(): void {
    const before = this.order;
    const moved = new Int32Array(before.length);
    const order: TaskRecord[] = [];
    for (let at = 0; at < before.length; at += 1) {
      const task = before[at];
      if (task === undefined) continue;
      moved[at] = order.length;
      order.push(task);
    }
    this.order = order;
    this.holes = 0;
    const entries = this.entries;
    for (let at = 0; at < entries.length; at += 2) if (entries[at] !== 0) entries[at + 1] = moved[entries[at + 1] as number] as number;
    for (const [taskId, position] of this.otherIds) this.otherIds.set(taskId, moved[position] as number);
  }
}

/**
 * N of an id `task-N` as a cluster gives them (N from 1, without leading
 * zeros, a safe integer), else 0. Read digit by digit rather than with a
 * regular expression: every start, stop and lookup reads one.
 */
export function numberOfTaskId(taskId: string): number {
  if (taskId.length < 6 || taskId.length > 21 || !taskId.startsWith('task-') || taskId.charCodeAt(5) === 48) return 0;
  let number = 0;
  for (let at = 5; at < taskId.length; at += 1) {
    const digit = taskId.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) return 0;
    number = number * 10 + digit;
  }
  // Past 2^53 two ids could read as one number.
  return Number.isSafeInteger(number) ? number : 0;
}
