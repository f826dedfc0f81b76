/**
 * The filter phase: a constraint says whether an instance may take a task.
 *
 * @module
 */
import type { InstanceState } from '../model/InstanceState';
import type { TaskRequirements } from '../model/TaskRequirements';
import type { Rejection } from '../model/Rejection';

/** The tasks a domain constraint counts, domain by domain, for one task to place: what an engine takes before it checks instances. */
export interface DomainCensus {
  /**
   * The tasks counted in a domain: on every instance of it, whether that
   * instance can take a task or not.
   *
   * @param domain - an attribute's value, or an instance's id
   * @param instance - an instance of that domain
   */
  tasksIn(domain: string, instance: InstanceState): number;
  /** The fewest tasks in an eligible domain; 0 while there are fewer eligible domains than the constraint's minimum. */
  readonly minimum: number;
  /** An eligible domain holding `minimum`: the first by value, or the earliest registered instance; undefined while domains are too few. */
  readonly emptiest: string | undefined;
}

/** What a constraint knows about the placement under way. */
interface ConstraintContext {
  /** The task group of the request, such as `service:web`. */
  readonly group: string;
  /** The task being placed. */
  readonly task: TaskRequirements;
  /**
   * What each constraint that depends on `groupTasks` reads of the cluster
   * for this task; engines take it before they check instances.
   */
  readonly census?: ReadonlyMap<Constraint, DomainCensus>;
}

/**
 * What a constraint's verdict depends on: only the instance's attributes
 * (the same verdict for every instance with the same attributes, so an engine
 * may decide once per kind of instance), anything about the instance
 * itself (its agent, dates, tasks), or the tasks of the group across a
 * domain of instances (the census an engine takes for each task).
 */
type ConstraintDependency = 'attributes' | 'instance' | 'groupTasks';

/** A binding rule: an instance that fails it gets no task. */
export interface Constraint {
  /** How the constraint reads in diagnoses, such as `memberOf(attribute:ecs.os-type == linux)`. */
  readonly name: string;
  /** What the verdict depends on. */
  readonly dependsOn: ConstraintDependency;
  /**
   * Checks one instance.
   *
   * @returns `undefined` when the instance satisfies the constraint, else why not
   */
  check(instance: InstanceState, context: ConstraintContext): Rejection | undefined;
}
