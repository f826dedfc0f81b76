/**
 * What a task needs: the placement-relevant part of an ECS task definition.
 *
 * @module
 */
import type { Ports, Resources } from './InstanceSpec';

/** A `memberOf` constraint: the expression must hold for the instance. */
export interface MemberOfConstraint {
  /** Always `'memberOf'`. */
  readonly type: 'memberOf';
  /** A cluster query language expression, at most 2000 characters. */
  readonly expression: string;
}

/**
 * A task as placement sees it.
 *
 * @example
 * ```ts
 * const web: TaskSpec = {
 *   family: 'web',
 *   resources: { cpu: 256, memory: 512 },
 *   ports: { tcp: [80] },
 *   requiresAttributes: ['ecs.capability.task-eni'],
 *   placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.os-type == linux' }],
 * };
 * ```
 */
export interface TaskSpec {
  /** The task definition family; the default group is `family:<family>`. */
  readonly family?: string;
  /** Resources the task reserves on its instance; missing ones are 0. */
  readonly resources: Resources;
  /** Static host ports; `0` is a dynamic port and takes none. */
  readonly ports?: Ports;
  /** Attributes the instance must have (with any value or none). */
  readonly requiresAttributes?: readonly string[];
  /** The task definition's constraints; ECS allows only memberOf here. */
  readonly placementConstraints?: readonly MemberOfConstraint[];
}
