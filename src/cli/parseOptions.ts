/**
 * Option parsing shared by the commands: errors that point at `--help`, and
 * the values several commands take.
 *
 * @module
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './CliIo';

/**
 * Parses a command's arguments; a mistake is a {@link UsageError} that points
 * at the command's help.
 *
 * @param command - the command's name
 * @param args - the arguments after it
 * @param options - the options it takes
 */
export function parseOptions<O extends NonNullable<ParseArgsConfig['options']>>(command: string, args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. Run 'task-placement ${command} --help' for the options.`);
  }
}

/**
 * Reads a whole number given to an option.
 *
 * @param option - the option, such as `--count`
 * @param text - what the user wrote
 * @param min - the smallest value allowed
 * @throws {@link UsageError} for anything else
 */
export function wholeNumberOption(option: string, text: string, min: number): number {
  const value = Number(text);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`${option} takes a whole number${min > Number.MIN_SAFE_INTEGER ? ` of at least ${min}` : ''}, not '${text}'.`);
  }
  return value;
}

/** The output formats of `place` and `query`. */
export type OutputFormat = 'json' | 'table';

/**
 * Reads `--output`.
 *
 * @param text - what the user wrote, if anything
 * @returns `json` by default
 * @throws {@link UsageError} for any other format
 */
export function outputFormat(text: string | undefined): OutputFormat {
  if (text === undefined || text === 'json' || text === 'table') return text ?? 'json';
  throw new UsageError(`--output is 'json' or 'table', not '${text}'.`);
}
