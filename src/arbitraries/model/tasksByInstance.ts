/**
 * A snapshot's tasks grouped by the instance they run on.
 *
 * @module
 */
import type { TaskInfo } from '../../model/TaskInfo';

/**
 * The tasks of a snapshot by instance id, each instance's in placement order.
 * The checker reads a snapshot's instances once, and a map keyed by the few
 * instances that run tasks is what lets it: a map of every instance of a
 * large fleet costs more to build than placing a random chain does.
 */
export function tasksByInstance(tasks: readonly TaskInfo[]): ReadonlyMap<string, readonly TaskInfo[]> {
  const byInstance = new Map<string, TaskInfo[]>();
  for (const task of tasks) {
    const held = byInstance.get(task.instanceId);
    if (held === undefined) byInstance.set(task.instanceId, [task]);
    else held.push(task);
  }
  return byInstance;
}
