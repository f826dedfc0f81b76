/**
 * One shared copy of each validated value that many instances or tasks
 * repeat.
 *
 * @module
 */

/** Distinct contents kept per kind of value: fleets have few instance types and attribute sets. */
const MAX_SHARED = 4096;

/**
 * The value already kept for this content, else `value`, kept for it. A
 * full cache is emptied first, so that what is shared follows what is
 * validated now (values shared before stay shared by those holding them).
 *
 * @remarks
 * A fleet registered or restored from plain objects (a snapshot, an ECS
 * description) repeats the same attributes and resources on thousands of
 * instances; sharing one copy keeps a million instances small, and lets
 * what is cached per object (an instance's class of attributes) be found
 * without reading the contents again. Only values no one writes are shared.
 *
 * @param cache - one per kind of value
 * @param content - a string that two values share exactly when they are equal
 * @param value - the value just validated
 */
export function interned<T>(cache: Map<string, T>, content: string, value: T): T {
  const known = cache.get(content);
  if (known !== undefined) return known;
  if (cache.size >= MAX_SHARED) cache.clear();
  cache.set(content, value);
  return value;
}
