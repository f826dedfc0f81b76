/**
 * The attribute that tells which capacity provider a container instance
 * belongs to.
 *
 * @module
 */

/**
 * The attribute under which an instance carries the capacity provider it
 * belongs to (ECS's `capacityProviderName`), so that placement can tell the
 * providers' instances apart: a request's `capacityProviderStrategy` gives
 * each task to a provider, and the task goes only to that provider's
 * instances.
 *
 * @remarks
 * ECS keeps the provider beside the instance's attributes, not among them:
 * its built-in attributes are `ecs.*` and none names a provider. This name
 * is the library's own, so that it cannot be taken for one of ECS's; it may
 * be used in queries (`attribute:task-placement.capacity-provider ==
 * prod-asg`) like any attribute. The ECS readers set it from
 * `capacityProviderName`; an instance registered by hand sets it in its
 * `attributes`.
 *
 * @category Cluster
 */
export const CAPACITY_PROVIDER_ATTRIBUTE = 'task-placement.capacity-provider';
