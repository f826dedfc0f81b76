/**
 * The filter phase: a constraint says whether an instance may take a task.
 *
 * @module
 */
import type { InstanceState } from '../model/InstanceState';
import type { TaskRequirements } from '../model/TaskRequirements';
import type { Rejection } from '../model/Rejection';

/** What a constraint knows about the placement under way. */
interface ConstraintContext {
  /** The task group of the request, such as `service:web`. */
  readonly group: string;
  /** The task being placed. */
  readonly task: TaskRequirements;
}

/**
 * What a constraint's verdict depends on: only the instance's attributes
 * (the same verdict for every instance with the same attributes, so an engine
 * may decide once per kind of instance), or anything about the instance
 * itself (its agent, dates, tasks).
 */
type ConstraintDependency = 'attributes' | 'instance';

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
