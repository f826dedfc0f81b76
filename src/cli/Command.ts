/**
 * What a subcommand of the program is.
 *
 * @module
 */
import type { CliIo } from './CliIo';

/** A subcommand: its one-line summary, its help, and what it does. */
export interface Command {
  readonly summary: string;
  readonly help: string;
  /** Runs with the arguments after the command name; returns the exit code. */
  readonly run: (args: readonly string[], io: CliIo) => number;
}
