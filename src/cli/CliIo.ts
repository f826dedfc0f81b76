/**
 * What the command-line program touches outside itself, passed in so that
 * tests can run it without a terminal or files.
 *
 * @module
 */

/** The outside world of one run of the program. */
export interface CliIo {
  /** Writes to standard output. */
  readonly out: (text: string) => void;
  /** Writes to standard error. */
  readonly err: (text: string) => void;
  /** Whether standard error is a terminal (progress is shown only then). */
  readonly errIsTerminal: boolean;
  /**
   * How many characters a line of standard output may have: the terminal's
   * width, or 100 when the output is not a terminal. Tables and reports wrap
   * to fit it.
   */
  readonly columns: number;
  /** Reads a text file. */
  readonly readFile: (path: string) => string;
  /** Writes a text file. */
  readonly writeFile: (path: string, text: string) => void;
  /** Milliseconds, for timing placement. */
  readonly now: () => number;
  /** Heap in use, in bytes. */
  readonly heapUsed: () => number;
}

/** A failure the user can fix: a message for standard error and exit code 2. */
export class UsageError extends Error {
  /**
   * @param message - what is wrong and how to fix it
   */
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
