/**
 * The two sides of a model-based run over a cluster: the small model the
 * commands keep, and the system they drive.
 *
 * @module
 */
import type { Cluster, DeregisterOptions } from '../../cluster/Cluster';
import type { InstancePatch, InstanceSpec, InstanceStatus } from '../../model/InstanceSpec';
import type { PlacementRequest } from '../../model/PlacementRequest';
import type { PlacementResult } from '../../placement/PlacementResult';

/** What the model knows of one registered instance. */
export interface ModelInstance {
  /** Its status, as registered or last updated. */
  status: InstanceStatus;
  /** Tasks it runs that the cluster did not place; an instance with any cannot leave without `force`. */
  untrackedTasks: number;
}

/**
 * The model of {@link clusterCommands}: which instances are registered and
 * which tasks run where. The commands check their preconditions against it
 * and, after each command, that the cluster agrees with it.
 */
export interface ClusterModel {
  /** Registered instances by id, in registration order. */
  readonly instances: Map<string, ModelInstance>;
  /** Running tasks: task id to the id of the instance it runs on. */
  readonly tasks: Map<string, string>;
  /** The number in the next instance id, `ci-<n>`; it only grows, so no id is given twice in a run. */
  nextInstanceNumber: number;
}

/**
 * What the commands drive: a {@link Cluster}, or a wrapper or scheduler of
 * the tester's with the same methods, which passes them on to the cluster
 * it drives (or gets them wrong).
 */
export interface ClusterDriver {
  /** Registers an instance, as {@link Cluster.registerInstance}. */
  registerInstance(spec: InstanceSpec): unknown;
  /** Removes an instance, as {@link Cluster.deregisterInstance}. */
  deregisterInstance(id: string, options: DeregisterOptions): unknown;
  /** Changes an instance, as {@link Cluster.updateInstance}. */
  updateInstance(id: string, patch: InstancePatch): unknown;
  /** Places a request, as {@link Cluster.place}. */
  place(request: PlacementRequest): PlacementResult;
  /** Stops a task, as {@link Cluster.stopTask}. */
  stopTask(taskId: string): unknown;
}

/** The real side of {@link clusterCommands}: what the commands drive, and the cluster whose state they check. */
export interface ClusterReal {
  /** The cluster itself, or the tester's wrapper around `cluster`. */
  readonly driver: ClusterDriver;
  /** The cluster `driver` changes: its snapshot is what every command checks. */
  readonly cluster: Cluster;
}
