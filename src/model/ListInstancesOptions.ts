/**
 * Which instances {@link Cluster.listInstances} lists by status.
 *
 * @module
 */
import type { InstanceStatus } from './InstanceSpec';

/**
 * Options of {@link Cluster.listInstances}, as `ListContainerInstances`
 * takes its `status`.
 *
 * @category Requests
 */
export interface ListInstancesOptions {
  /**
   * Only the instances in this status. Without it, every instance that is
   * not `INACTIVE`, as ECS lists them.
   */
  readonly status?: InstanceStatus;
}
