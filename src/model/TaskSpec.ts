/**
 * What a task needs: the placement-relevant part of an ECS task definition.
 *
 * @module
 */
import type { Ports, Resources } from './InstanceSpec';
import type { RequiredAttribute } from './RequiredAttribute';

/**
 * A `memberOf` constraint: the expression must hold for the instance.
 *
 * @category Requests
 */
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
 *   requiresAttributes: ['ecs.capability.task-eni', { name: 'ecs.cpu-architecture', value: 'arm64' }],
 *   placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.os-type == linux' }],
 * };
 * ```
 *
 * @category Requests
 */
export interface TaskSpec {
  /** The task definition family; the default group is `family:<family>`. */
  readonly family?: string;
  /**
   * The task definition revision (ECS's, the `8` of `web:8`), a whole number
   * of at least 1: a `taskSelector` can count only the tasks of one revision.
   */
  readonly revision?: number;
  /** Resources the task reserves on its instance; missing ones are 0. */
  readonly resources: Resources;
  /** Static host ports; `0` is a dynamic port and takes none. */
  readonly ports?: Ports;
  /**
   * Attributes the instance must have: a name alone (any value or none), or
   * `{ name, value }` for an attribute that must have that value.
   */
  readonly requiresAttributes?: readonly (string | RequiredAttribute)[];
  /** The task definition's constraints; ECS allows only memberOf here. */
  readonly placementConstraints?: readonly MemberOfConstraint[];
}
