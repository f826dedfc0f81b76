/**
 * Constraints over domains of instances (spreadLimit, atMost over an
 * attribute): what they count, and where.
 *
 * @module
 */
import type { InstanceState } from '../model/InstanceState';
import { countingKey, type TaskSelector } from '../model/TaskSelector';
import type { Constraint, DomainCensus } from './Constraint';

/**
 * A constraint over domains of instances: the values of an attribute, or
 * each instance alone. What it counts in each is the tasks of the request's
 * group and of the groups it names.
 */
export interface DomainConstraint extends Constraint {
  readonly dependsOn: 'groupTasks';
  /** The attribute whose values are the domains; undefined when each instance is a domain of its own. */
  readonly attribute: string | undefined;
  /** Groups counted besides the request's own. */
  readonly groups: readonly string[];
  /** Which of these groups' tasks count; all of them when undefined. */
  readonly taskSelector: TaskSelector | undefined;
  /** The only domains, when the constraint lists them; they count as eligible whether any instance has them or not. */
  readonly domains: readonly string[] | undefined;
  /** Below this many eligible domains, the minimum is 0. */
  readonly minDomains: number;
  /** Whether the census needs the emptiest eligible domain (spreadLimit) or only the counts (atMost). */
  readonly needsMinimum: boolean;
  /**
   * The verdict on a domain, which both engines judge by: a domain may take
   * one more task while it holds at most this many.
   *
   * @param minimum - the census's minimum (0 when the constraint needs none)
   */
  mostTasks(minimum: number): number;
}

/**
 * Whether a constraint is a domain constraint.
 *
 * @param constraint - any constraint
 */
export function isDomainConstraint(constraint: Constraint): constraint is DomainConstraint {
  return constraint.dependsOn === 'groupTasks';
}

/**
 * The domain of an instance: its value of the attribute (none when absent
 * or without a value), or its id.
 *
 * @param instance - the instance
 * @param attribute - the constraint's attribute, or undefined for instances
 */
export function domainOf(instance: Pick<InstanceState, 'attributes' | 'id'>, attribute: string | undefined): string | undefined {
  return attribute === undefined ? instance.id : (instance.attributes.get(attribute) ?? undefined);
}

/**
 * The tasks of the request's group and the groups counted with it on one
 * instance: all of them, or those the selector selects.
 *
 * @param instance - the instance
 * @param group - the request's group
 * @param groups - the groups counted with it
 * @param taskSelector - which of their tasks count; all when undefined
 */
export function countedTasks(instance: Pick<InstanceState, 'taskGroups' | 'selectedTasks'>, group: string, groups: readonly string[], taskSelector: TaskSelector | undefined): number {
  if (taskSelector === undefined) {
    let tasks = instance.taskGroups.get(group) ?? 0;
    for (let index = 0; index < groups.length; index += 1) {
      const other = groups[index] as string;
      if (other !== group) tasks += instance.taskGroups.get(other) ?? 0;
    }
    return tasks;
  }
  // Read once: an instance record counts its selections when asked.
  const selected = instance.selectedTasks;
  if (selected.size === 0) return 0;
  let tasks = selected.get(countingKey(group, taskSelector)) ?? 0;
  for (const other of groups) if (other !== group) tasks += selected.get(countingKey(other, taskSelector)) ?? 0;
  return tasks;
}

/**
 * The census of a domain constraint, for its check.
 *
 * @throws Error when the engine took none: a fault of the library, never of input
 */
export function censusOf(constraint: DomainConstraint, census: ReadonlyMap<Constraint, DomainCensus> | undefined): DomainCensus {
  const taken = census?.get(constraint);
  if (taken === undefined) throw new Error(`No census was taken for ${constraint.name} before its check.`);
  return taken;
}
