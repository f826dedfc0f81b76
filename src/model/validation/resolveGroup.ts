/**
 * Task groups: which tasks spread and distinctInstance count together.
 *
 * @module
 */

/** What decides a request's group. */
export interface GroupSource {
  /** The service, when the request places a service's tasks. */
  readonly service?: string | undefined;
  /** The group the request names. */
  readonly group?: string | undefined;
  /** The task definition family. */
  readonly family?: string | undefined;
}

/**
 * The group of a request's tasks, as ECS assigns it: `service:<service>` for
 * a service's tasks, else the request's `group`, else `family:<family>`.
 * A task without a family gets `family:default`, since ECS has no task
 * definition without a family to copy.
 *
 * @param source - the request's service, group and task family
 * @returns the group name
 */
export function resolveGroup({ service, group, family }: GroupSource): string {
  if (service !== undefined) return `service:${service}`;
  if (group !== undefined) return group;
  return `family:${family ?? 'default'}`;
}
