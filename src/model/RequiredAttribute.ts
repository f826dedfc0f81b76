/**
 * An attribute a task requires of its instance.
 *
 * @module
 */

/**
 * An attribute the instance must have: by name, with any value or none, or
 * with the one value it must have.
 *
 * @remarks
 * ECS's task definitions list these in `requiresAttributes` as
 * `{ name, value?, targetType? }`; `targetType` says what the attribute is
 * set on, and placement reads only the container instance's.
 *
 * @example
 * ```ts
 * const arm: RequiredAttribute = { name: 'ecs.cpu-architecture', value: 'arm64' };
 * const eni: RequiredAttribute = { name: 'ecs.capability.task-eni' };
 * ```
 *
 * @category Requests
 */
export interface RequiredAttribute {
  /** The attribute's name, such as `ecs.capability.task-eni`. */
  readonly name: string;
  /** The value it must have, compared exactly; without one, any value or none will do. */
  readonly value?: string;
}
