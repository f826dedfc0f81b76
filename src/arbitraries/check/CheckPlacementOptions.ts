/**
 * The options of {@link checkPlacement} and {@link assertPlacement}, and
 * how they are read.
 *
 * @module
 */
import { CheckOptionsError } from './CheckOptionsError';

/** How {@link checkPlacement} reports a result that breaks laws. */
export interface CheckPlacementOptions {
  /**
   * Stop judging at the first placement that diverges from the model: the
   * tasks after it and the failures, all judged on a state the wrong
   * placement changed, are not checked, so no violation is a consequence.
   * The cluster's own state and task ids are still checked, and the count
   * of a request without a capacity provider strategy (with one, which
   * tasks its providers can take depends on the state).
   * Default `false`: every law is checked and consequences are marked.
   */
  readonly stopAtFirst?: boolean;
}

const KNOWN = ['stopAtFirst'];

/** Reads the options, refusing anything the checker would otherwise ignore. */
export function readCheckOptions(checker: string, options: unknown): Required<CheckPlacementOptions> {
  if (options === undefined) return { stopAtFirst: false };
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new CheckOptionsError('not_an_object', '', `${checker}: options must be an object, got ${options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options}`);
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN.includes(key)) throw new CheckOptionsError('unknown_option', key, `${checker}: unknown option ${key} (known: ${KNOWN.join(', ')})`);
  }
  const { stopAtFirst = false } = options as { stopAtFirst?: unknown };
  if (typeof stopAtFirst !== 'boolean') {
    throw new CheckOptionsError('invalid_option', 'stopAtFirst', `${checker}: stopAtFirst must be a boolean, got ${typeof stopAtFirst}`);
  }
  return { stopAtFirst };
}
