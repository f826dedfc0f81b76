/**
 * A port a container binds on its instance.
 *
 * @module
 */

/**
 * A port a container binds on its instance's own network, fixed by its
 * task definition: a bridge-mode `hostPort` above 0, or a host-mode
 * `containerPort`. It has the fields of ECS's `NetworkBinding` that a task
 * definition decides.
 */
export interface EcsNetworkBinding {
  /** The port inside the container. */
  readonly containerPort: number;
  /** The instance's port. */
  readonly hostPort: number;
  /** `tcp` or `udp`. */
  readonly protocol: 'tcp' | 'udp';
}
