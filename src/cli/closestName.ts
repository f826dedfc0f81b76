/**
 * "Did you mean" for mistyped command and option names.
 *
 * @module
 */

/**
 * The known name a mistyped one was most likely meant to be: the closest by
 * edit distance, if it is within two edits (one for short names).
 *
 * @param typed - what the user wrote, such as `cout`
 * @param known - the names that exist, such as `count`
 * @returns the closest known name, or `undefined` when none is close
 */
export function closestName(typed: string, known: readonly string[]): string | undefined {
  const limit = typed.length <= 3 ? 1 : 2;
  let best: { readonly name: string; readonly distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(typed, name);
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_cell, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
