/**
 * A task's needs after validation: what every placement check reads.
 *
 * @module
 */
import type { RequiredAttribute } from './RequiredAttribute';

/**
 * Static host ports by protocol, dynamic ports (0) removed.
 *
 * @category Requests
 */
export interface PortLists {
  /** TCP ports. */
  readonly tcp: readonly number[];
  /** UDP ports. */
  readonly udp: readonly number[];
}

/**
 * A validated task: resources with zero amounts dropped, static ports only,
 * and the attributes it requires.
 *
 * @category Requests
 */
export interface TaskRequirements {
  /** The task definition family, when given. */
  readonly family?: string;
  /** The task definition revision, when given. */
  readonly revision?: number;
  /** Resource name to the amount the task reserves (every amount above 0). */
  readonly resources: Readonly<Record<string, number>>;
  /** Static host ports the task binds. */
  readonly ports: PortLists;
  /**
   * Attributes the instance must have, in the order given, each once: a
   * name alone as `{ name }`, one with a value as `{ name, value }`.
   */
  readonly requiresAttributes: readonly RequiredAttribute[];
}
