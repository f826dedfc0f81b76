/**
 * The error an arbitrary throws, when it is built, for constraints it cannot
 * read.
 *
 * @module
 */

/** What is wrong with an arbitrary's constraints. */
export type ConstraintsErrorCode = 'not_an_object' | 'unknown_constraint' | 'invalid_constraint';

/**
 * Constraints an arbitrary cannot read: not an object, a key it does not
 * know (a misspelt constraint would otherwise be ignored), or a value out of
 * its range or of the wrong kind. Thrown when the arbitrary is built, so a
 * typo fails on the test file's first line rather than deep inside a run.
 *
 * @example
 * ```ts
 * try {
 *   fleet({ minInstance: 3 } as never);
 * } catch (error) {
 *   if (error instanceof ConstraintsError) console.log(error.code, error.arbitrary, error.constraint); // unknown_constraint fleet minInstance
 * }
 * ```
 */
export class ConstraintsError extends Error {
  /** Stable machine-readable code. */
  readonly code: ConstraintsErrorCode;
  /** The arbitrary whose constraints are at fault, such as `fleet`. */
  readonly arbitrary: string;
  /** The path of the constraint at fault inside them, such as `instance.drainingRate`; `''` for the constraints object itself. */
  readonly constraint: string;

  /**
   * @param code - what is wrong
   * @param arbitrary - the arbitrary that was being built
   * @param constraint - the path of the constraint at fault
   * @param message - the sentence to read, naming the arbitrary and the constraint
   */
  constructor(code: ConstraintsErrorCode, arbitrary: string, constraint: string, message: string) {
    super(message);
    this.name = 'ConstraintsError';
    this.code = code;
    this.arbitrary = arbitrary;
    this.constraint = constraint;
  }
}
