/**
 * Sharing of normalized values between instances registered from the same
 * frozen objects, so that a fleet of a million instances of a few dozen
 * kinds holds a few dozen attribute maps, not a million.
 *
 * @module
 */

/**
 * Returns the value normalized earlier from the same input object when that
 * object (and every array or object directly inside it) is frozen, and so
 * cannot have changed since; otherwise normalizes it afresh. Only
 * successful results are kept, so errors always come from `normalize`.
 *
 * @param cache - one cache per kind of value
 * @param value - the untrusted input
 * @param normalize - validates and normalizes it
 */
export function reuseFrozen<T>(cache: WeakMap<object, T>, value: unknown, normalize: () => T): T {
  if (!isShallowlyDeepFrozen(value)) return normalize();
  const known = cache.get(value);
  if (known !== undefined) return known;
  const result = normalize();
  cache.set(value, result);
  return result;
}

function isShallowlyDeepFrozen(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || !Object.isFrozen(value)) return false;
  return Object.values(value).every((inner: unknown) => typeof inner !== 'object' || inner === null || Object.isFrozen(inner));
}
