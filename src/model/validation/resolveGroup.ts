/**
 * Task groups: which tasks spread and distinctInstance count together.
 *
 * @module
 */

import { PlacementInputError } from '../PlacementInputError';

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

/**
 * Refuses a request that names both a service and a group: a service's
 * tasks are always in the group `service:<service>`.
 *
 * @param service - the service named, if any
 * @param group - the group named, if any
 * @param groupPath - where the group is, such as `request.group`
 * @throws {@link PlacementInputError} `conflicting_group` at `groupPath` when both are named
 */
export function refuseGroupBesideService(service: string | undefined, group: string | undefined, groupPath: string): void {
  if (service !== undefined && group !== undefined) {
    throw new PlacementInputError('conflicting_group', groupPath, `Remove the group: a service's tasks are always in the group service:${service}.`);
  }
}
