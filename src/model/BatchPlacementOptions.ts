/**
 * How {@link Cluster.placeBatch} places its requests.
 *
 * @module
 */

/**
 * The orders {@link Cluster.placeBatch} may place a batch's tasks in.
 *
 * @category Requests
 */
export const BATCH_ORDERS = Object.freeze(['given', 'largestFirst'] as const);

/**
 * An order of a batch's tasks: `given`, request by request as given;
 * `largestFirst`, the largest task first by its dominant share (its
 * largest demand of any resource, over the largest amount of that resource
 * any instance registered), ties in the given order.
 *
 * @category Requests
 */
export type BatchOrder = (typeof BATCH_ORDERS)[number];

/**
 * Options of {@link Cluster.placeBatch}.
 *
 * @category Requests
 */
export interface BatchPlacementOptions {
  /**
   * The order to place the tasks in. Whatever it is, the batch never uses
   * more instances than placing in the given order would: that order is
   * tried too, and the better kept.
   * @defaultValue 'largestFirst'
   */
  readonly order?: BatchOrder;
}
