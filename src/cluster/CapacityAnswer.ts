/**
 * What {@link Cluster.capacity} answers.
 *
 * @module
 */

/**
 * How many copies fit on the instances of one instance type.
 *
 * @category Results
 */
export interface InstanceTypeCapacity {
  /** The type (`ecs.instance-type`), or null for instances without one. */
  readonly instanceType: string | null;
  /** Copies that fit on its instances. */
  readonly copies: number;
}

/**
 * How many copies fit on the instances with one value of an attribute.
 *
 * @category Results
 */
export interface AttributeCapacity {
  /** The value, or null for instances without one (or with the attribute but no value). */
  readonly value: string | null;
  /** Copies that fit on those instances. */
  readonly copies: number;
}

/**
 * How many more copies of a task fit on the cluster as it stands, in all
 * and by groups of instances.
 *
 * @category Results
 */
export interface CapacityAnswer {
  /** Copies that fit, in all: placing this many (with any strategy) succeeds, and one more fails. */
  readonly total: number;
  /** Copies by instance type, the largest first, then by name, null last; types where none fits are left out. */
  readonly byInstanceType: readonly InstanceTypeCapacity[];
  /** The attribute counted by: `ecs.availability-zone` unless the options name another. */
  readonly attribute: string;
  /** Copies by that attribute's value, the largest first, then by value, null last; values where none fits are left out. */
  readonly byAttribute: readonly AttributeCapacity[];
}
