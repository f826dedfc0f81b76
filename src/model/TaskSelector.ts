/**
 * Task selectors: the subset of a group's tasks that spread, spreadLimit and
 * atMost count when they are given one, and the key under which the cluster
 * counts that subset.
 *
 * @module
 */
import type { InstanceState } from './InstanceState';

/**
 * The tasks of a group that a strategy or constraint counts: those of this
 * task definition family, of this revision, or both (at least one is given).
 * During a rollout, `{ revision: 8 }` counts only the new revision's tasks,
 * so spread evens out the new tasks rather than filling the zones the old
 * ones left. An extension beside ECS.
 *
 * @example
 * ```ts
 * { type: 'spread', field: 'attribute:ecs.availability-zone', taskSelector: { revision: 8 } }
 * ```
 *
 * @category Requests
 */
export interface TaskSelector {
  /** Count only tasks of this task definition family. */
  readonly family?: string;
  /** Count only tasks of this task definition revision (a whole number of at least 1). */
  readonly revision?: number;
}

/**
 * The key under which the cluster counts the tasks of `group` that
 * `selector` selects: the group itself without a selector, so that both
 * engines read one map of counts either way. Group names hold no control
 * characters, so a key with a NUL never names a group.
 *
 * @param group - the task group
 * @param selector - the selector, if any
 */
export function countingKey(group: string, selector: TaskSelector | undefined): string {
  if (selector === undefined) return group;
  return `${group}\u0000${selector.family ?? ''}\u0000${selector.revision ?? ''}`;
}

/**
 * The keys a task counts under besides its group: one per shape of
 * selector it matches (family and revision, family alone, revision alone).
 * A task with neither counts under none.
 *
 * @param group - the task's group
 * @param family - its family, if known
 * @param revision - its revision, if known
 */
export function selectionKeys(group: string, family: string | undefined, revision: number | undefined): readonly string[] {
  if (family === undefined && revision === undefined) return NO_KEYS;
  const keys: string[] = [];
  if (family !== undefined) keys.push(countingKey(group, { family }));
  if (revision !== undefined) keys.push(countingKey(group, { revision }));
  if (family !== undefined && revision !== undefined) keys.push(countingKey(group, { family, revision }));
  return keys;
}

const NO_KEYS: readonly string[] = Object.freeze([]);

/**
 * The tasks an instance runs under a counting key: a group's from
 * `taskGroups`, a selection's (a key with a NUL) from `selectedTasks`, which
 * an instance record counts when asked and is never read for a group.
 *
 * @param instance - the instance
 * @param key - from {@link countingKey}
 * @param selection - whether the key counts a selection; searches that read
 *   one key on many instances say it once rather than have every call look
 */
export function tasksCounted(instance: Pick<InstanceState, 'taskGroups' | 'selectedTasks'>, key: string, selection = isSelectionKey(key)): number {
  return (selection ? instance.selectedTasks.get(key) : instance.taskGroups.get(key)) ?? 0;
}

/**
 * Whether a counting key counts a selection rather than a whole group.
 *
 * @param key - from {@link countingKey}
 */
export function isSelectionKey(key: string): boolean {
  return key.includes('\u0000');
}

/**
 * How a selector reads in names and messages, such as `family web revision 8`.
 *
 * @param selector - the selector
 */
export function describeSelector(selector: TaskSelector): string {
  const parts: string[] = [];
  if (selector.family !== undefined) parts.push(`family ${selector.family}`);
  if (selector.revision !== undefined) parts.push(`revision ${selector.revision}`);
  return parts.join(' ');
}
