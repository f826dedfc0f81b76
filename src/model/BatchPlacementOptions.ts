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
  /**
   * Also try filling one instance at a time with the tasks left that fill
   * it most (minimum bin slack), every check and constraint still applied
   * but the chains not consulted, and keep it when it uses fewer instances.
   * @defaultValue true, unless `order` is `'given'`
   */
  readonly fill?: boolean;
  /**
   * How long the fill may search, in milliseconds, from 0 to 600,000. A
   * fill cut short keeps what it found, and the result says so; only then
   * may the result differ from one machine to another.
   * @defaultValue 1000
   */
  readonly timeLimitMs?: number;
}

/**
 * How {@link Cluster.placeBatch} placed a batch: in the given order, largest
 * first, or by filling one instance at a time.
 *
 * @category Results
 */
export type BatchMethod = BatchOrder | 'fill';
