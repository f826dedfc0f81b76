/**
 * The error the checkers throw for a state, request or result they cannot
 * judge.
 *
 * @module
 */

/** What is wrong with what a checker was given. */
export type CheckInputErrorCode = 'not_a_snapshot' | 'not_a_result' | 'invalid_request';

/**
 * What a checker was given is not what it judges: `before` that is not
 * `cluster.snapshot()` (the cluster itself, say, which `place` has already
 * changed), a `result` that is not what `place` returns, or a request
 * `place` would refuse (the library's {@link task-placement!PlacementInputError}
 * is the `cause`, with its code and path). Thrown before anything is judged,
 * so that an empty list of violations always means a placement was judged
 * and found right.
 *
 * @example
 * ```ts
 * try {
 *   checkPlacement(cluster as never, request, result);
 * } catch (error) {
 *   if (error instanceof CheckInputError) console.log(error.code, error.argument); // not_a_snapshot before
 * }
 * ```
 */
export class CheckInputError extends Error {
  /** Stable machine-readable code. */
  readonly code: CheckInputErrorCode;
  /** The argument at fault. */
  readonly argument: 'before' | 'request' | 'result';

  /**
   * @param code - what is wrong
   * @param argument - the argument at fault
   * @param message - the sentence to read, naming the checker
   * @param cause - the error behind it, for a request the library refuses
   */
  constructor(code: CheckInputErrorCode, argument: 'before' | 'request' | 'result', message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'CheckInputError';
    this.code = code;
    this.argument = argument;
  }
}
