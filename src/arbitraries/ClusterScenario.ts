/**
 * A cluster as plain data, as {@link cluster} generates it and
 * {@link buildCluster} builds it.
 *
 * @module
 */
import type { InstancePatch, InstanceSpec } from '../model/InstanceSpec';
import type { PlacementRequest } from '../model/PlacementRequest';

/**
 * One thing that happened to a cluster before the property; `pick` chooses
 * the task or instance, modulo how many there are at that moment.
 */
export type HistoryStep =
  | {
      /** Placed a request. */
      readonly kind: 'place';
      /** The request. */
      readonly request: PlacementRequest;
    }
  | {
      /** Stopped a running task. */
      readonly kind: 'stop';
      /** Which task, in placement order, modulo the tasks running. */
      readonly pick: number;
    }
  | {
      /** Updated an instance. */
      readonly kind: 'update';
      /** Which instance, in registration order, modulo the instances. */
      readonly pick: number;
      /** The update. */
      readonly patch: InstancePatch;
    };

/**
 * A cluster as plain data: build it with {@link buildCluster}, as many
 * times as a property needs (one per engine, one per twin), each time in
 * the same state.
 */
export interface ClusterScenario {
  /** The instances registered, in order. */
  readonly instances: readonly InstanceSpec[];
  /** The cluster's generator seed. */
  readonly seed: number;
  /** What happened after registration, in order. */
  readonly history: readonly HistoryStep[];
}
