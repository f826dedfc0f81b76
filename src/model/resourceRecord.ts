/**
 * Records of resource amounts by name.
 *
 * @module
 */

/**
 * The prototype of every resource record: an empty object with no prototype
 * of its own. A resource named like an Object member (`constructor`,
 * `toString`) then reads as absent, as it should, while the records stay
 * ordinary objects that engines read fast (a record made with
 * `Object.create(null)` would be a slower dictionary).
 */
const NO_MEMBERS = Object.freeze(Object.create(null) as object);

/**
 * A new, empty resource record, optionally filled from another.
 *
 * @param from - amounts to copy
 */
export function resourceRecord(from?: Readonly<Record<string, number>>): Record<string, number> {
  const record = Object.create(NO_MEMBERS) as Record<string, number>;
  return from === undefined ? record : Object.assign(record, from);
}
