/**
 * The outside world of a real process: its streams, files, clock and heap.
 *
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { CliIo } from './CliIo';
import { fileFailure } from './fileFailure';

/** A pipe or a file has no width: this one reads well in a pager or an editor. */
const PIPE_COLUMNS = 100;

/** Narrower terminals still get this much, rather than a column per character. */
const MIN_COLUMNS = 40;

/** The outside world of a real process. */
export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    errIsTerminal: process.stderr.isTTY === true,
    columns: process.stdout.isTTY === true && process.stdout.columns > 0 ? Math.max(MIN_COLUMNS, process.stdout.columns) : PIPE_COLUMNS,
    readFile: (path) => readFileSync(path, 'utf8'),
    writeFile: (path, text) => writeFileSync(path, text),
    now: () => performance.now(),
    heapUsed: () => process.memoryUsage().heapUsed,
  };
}

/**
 * Handles the errors of writing to standard output and standard error, which
 * Node reports as 'error' events after the command has returned.
 *
 * A reader that goes away before everything is read (`task-placement query
 * ... | head -1`) ends the program at once and quietly: no stack trace, and
 * the exit status is still the command's own (0, or 1 when tasks were left
 * unplaced), since every command has done its work before it prints. Any
 * other failure to write standard output (a full disk under a redirection)
 * is one line on standard error and exit status 2.
 */
export function handleOutputErrors(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') {
      process.stderr.write(`task-placement: ${fileFailure('write', 'standard output', undefined, error).message}\n`);
      process.exitCode = 2;
    }
    process.exit();
  });
  process.stderr.on('error', (error: NodeJS.ErrnoException) => {
    // Nowhere is left to say what went wrong.
    if (error.code !== 'EPIPE') process.exitCode = 2;
    process.exit();
  });
}
