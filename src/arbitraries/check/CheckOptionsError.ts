/**
 * The error the checkers throw for options they cannot read.
 *
 * @module
 */

/** What is wrong with a checker's options. */
export type CheckOptionsErrorCode = 'not_an_object' | 'unknown_option' | 'invalid_option';

/**
 * Options a checker cannot read: not an object, a key it does not know
 * (a misspelt option would otherwise be ignored) or a value of the wrong
 * kind. Thrown before anything is checked.
 *
 * @example
 * ```ts
 * try {
 *   checkPlacement(before, request, result, { stopAtFirts: true } as never);
 * } catch (error) {
 *   if (error instanceof CheckOptionsError) console.log(error.code, error.option); // unknown_option stopAtFirts
 * }
 * ```
 */
export class CheckOptionsError extends Error {
  /** Stable machine-readable code. */
  readonly code: CheckOptionsErrorCode;
  /** The option at fault, or `''` for the options object itself. */
  readonly option: string;

  /**
   * @param code - what is wrong
   * @param option - the option at fault, `''` for the whole object
   * @param message - the sentence to read, naming the checker
   */
  constructor(code: CheckOptionsErrorCode, option: string, message: string) {
    super(message);
    this.name = 'CheckOptionsError';
    this.code = code;
    this.option = option;
  }
}
