/**
 * Validation done once per frozen input: instances registered from the same
 * frozen objects share what was normalized from them, so that a fleet of a
 * million instances of a few dozen kinds holds a few dozen attribute maps,
 * and a frozen task definition or strategy list sent with every request is
 * checked the first time only.
 *
 * @module
 */

/**
 * Returns the value normalized earlier from the same input object when that
 * object, and every array or object inside it down to `depth` levels, is
 * frozen, and so cannot have changed since; otherwise normalizes it afresh.
 * Only successful results are kept, so errors always come from `normalize`.
 *
 * @param cache - one cache per kind of value
 * @param value - the untrusted input
 * @param normalize - validates and normalizes it
 * @param depth - how many levels of nested objects must be frozen too (1: those directly inside)
 */
export function reuseFrozen<T>(cache: WeakMap<object, T>, value: unknown, normalize: () => T, depth = 1): T {
  const known = knownFrozen(cache, value);
  if (known !== undefined) return known;
  return isFrozenDown(value, depth) ? remembered(cache, value, normalize) : normalize();
}

/**
 * Like {@link reuseFrozen}, and says whether the value was frozen: what is
 * built from the result may then be kept for the same result next time.
 *
 * @param cache - one cache per kind of value
 * @param value - the untrusted input
 * @param normalize - validates and normalizes it
 * @param depth - how many levels of nested objects must be frozen too
 */
export function reuseIfFrozen<T>(cache: WeakMap<object, T>, value: unknown, normalize: () => T, depth = 1): { readonly value: T; readonly frozen: boolean } {
  const known = knownFrozen(cache, value);
  if (known !== undefined) return { value: known, frozen: true };
  return isFrozenDown(value, depth) ? { value: remembered(cache, value, normalize), frozen: true } : { value: normalize(), frozen: false };
}

/**
 * What was normalized from this very object before, if anything. Only
 * objects found frozen all the way down are kept, and what is frozen stays
 * so (down to every object it holds), so a kept object is not walked again.
 */
function knownFrozen<T>(cache: WeakMap<object, T>, value: unknown): T | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  try {
    // Only frozen objects are kept, and asking whether one is frozen costs less than a missed lookup.
    return Object.isFrozen(value) ? cache.get(value) : undefined;
  } catch {
    // A proxy that cannot be asked is never kept; validating it names where it fails.
    return undefined;
  }
}

function remembered<T>(cache: WeakMap<object, T>, value: object, normalize: () => T): T {
  const known = cache.get(value);
  if (known !== undefined) return known;
  const result = normalize();
  cache.set(value, result);
  return result;
}

function isFrozenDown(value: unknown, depth: number): value is object {
  try {
    return frozenDown(value, depth);
  } catch {
    // A proxy that cannot be read is not taken as frozen: validating it then names where it fails.
    return false;
  }
}

function frozenDown(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null || !Object.isFrozen(value)) return false;
  if (depth === 0) return true;
  for (const inner of Object.values(value) as unknown[]) {
    if (typeof inner === 'object' && inner !== null && !frozenDown(inner, depth - 1)) return false;
  }
  return true;
}
