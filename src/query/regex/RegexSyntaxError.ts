/**
 * Why a pattern was refused.
 *
 * - `invalid_regex`: the pattern is not a valid Java regular expression.
 * - `unsupported_regex`: Java accepts it, but it needs backtracking or is out
 *   of scope, so this engine cannot match it in linear time.
 * - `regex_too_large`: valid, but over a size limit that keeps matching cheap.
 */
export type RegexErrorCode = 'invalid_regex' | 'unsupported_regex' | 'regex_too_large';

/**
 * A pattern that cannot be compiled, with the offsets of the faulty construct
 * so that an editor can underline it.
 */
export class RegexSyntaxError extends Error {
  /** Why the pattern was refused. */
  readonly code: RegexErrorCode;
  /** Offset in the pattern (UTF-16 index) where the fault starts. */
  readonly start: number;
  /** Exclusive end offset of the fault; equals `start` for a fault at the end of the pattern. */
  readonly end: number;

  /**
   * @param code - Why the pattern was refused.
   * @param start - Offset in the pattern where the fault starts.
   * @param end - Exclusive end offset of the fault (at least `start`).
   * @param message - One sentence a person can act on.
   */
  constructor(code: RegexErrorCode, start: number, end: number, message: string) {
    super(message);
    this.name = 'RegexSyntaxError';
    this.code = code;
    this.start = start;
    this.end = Math.max(start, end);
  }
}
