/**
 * What an engine with its own indexes hears about every change of state.
 *
 * @module
 */
import type { InstanceRecord } from './InstanceRecord';
import type { TaskRecord } from './TaskRecord';

/** Receives every change to the cluster state, after it is made. */
export interface StateListener {
  /** An instance was registered. */
  registered(instance: InstanceRecord): void;
  /** An instance was removed (its tasks were stopped first, each reported). */
  deregistered(instance: InstanceRecord): void;
  /** An instance's status, agent, attributes or untracked task count changed. */
  updated(instance: InstanceRecord): void;
  /** A task started on an instance. */
  taskStarted(task: TaskRecord, instance: InstanceRecord): void;
  /** A task stopped on an instance. */
  taskStopped(task: TaskRecord, instance: InstanceRecord): void;
  /** Every instance's registration order was rewritten, keeping the order, to close the gaps of deregistered ones. */
  renumbered(): void;
}
