/**
 * Option parsing shared by the commands: errors in the program's own words
 * that point at `--help`, and the values several commands take.
 *
 * @module
 */
import { closestName } from './closestName';
import { UsageError } from './CliIo';
import { visible } from './visible';

/** An option: a switch (`boolean`), or one that takes a value, once or (`multiple`) several times. */
interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
}

/** The options a command takes, by name without the dashes. */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** What the options given came to: a value, the values of a repeated option, or true for a switch. */
export type OptionValues<O extends OptionSpecs> = {
  -readonly [K in keyof O]?: O[K] extends { readonly multiple: true } ? string[] : O[K] extends { readonly type: 'boolean' } ? boolean : string;
};

/** A command line, parsed. */
export interface ParsedOptions<O extends OptionSpecs> {
  /** The options given. */
  readonly values: OptionValues<O>;
  /** The arguments that are not options, in order. */
  readonly positionals: readonly string[];
}

/**
 * Parses a command's arguments: `--name value`, `--name=value`, switches
 * `--name`, and positional arguments, with `--` ending the options.
 *
 * @remarks
 * A value may start with a single dash (`--count -1`, `--seed -5`), so that a
 * bad number is answered as one; a value that starts with `--` is taken for
 * the next option, and `--name=--value` gives it anyway.
 *
 * @param command - the command's name, for messages
 * @param args - the arguments after it
 * @param options - the options it takes
 * @throws {@link UsageError} for an unknown option, a missing value, a value
 *   given to a switch, or an option that takes one value given twice
 */
export function parseOptions<O extends OptionSpecs>(command: string, args: readonly string[], options: O): ParsedOptions<O> {
  const seeHelp = `Run 'task-placement ${command} --help' for the options.`;
  const values: Record<string, string | boolean | string[]> = {};
  const positionals: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--') {
      positionals.push(...args.slice(index + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const written = equals > 2 ? arg.slice(0, equals) : arg;
    const name = written.slice(2);
    const inline = equals > 2 ? arg.slice(equals + 1) : undefined;
    // Object.hasOwn, so that --constructor is unknown rather than Object's own.
    const spec = written.startsWith('--') && Object.hasOwn(options, name) ? options[name] : undefined;
    if (spec === undefined && name === 'help') throw new UsageError(`--help takes no value; write --help alone.`);
    if (spec === undefined) throw new UsageError(unknownOption(written, Object.keys(options), seeHelp));
    if (spec.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value; write --${name} alone.`);
      values[name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = args[index + 1];
      if (next === undefined) throw new UsageError(`--${name} needs a value. ${seeHelp}`);
      if (next.startsWith('--')) throw new UsageError(`--${name} needs a value (write --${name}=VALUE for a value that starts with '--'). ${seeHelp}`);
      value = next;
      index += 1;
    }
    const earlier = values[name];
    if (spec.multiple === true) values[name] = [...(Array.isArray(earlier) ? earlier : []), value];
    else if (typeof earlier === 'string') throw new UsageError(`--${name} is given twice ('${visible(earlier)}' and '${visible(value)}'); give it once.`);
    else values[name] = value;
  }
  return { values: values as OptionValues<O>, positionals };
}

function unknownOption(written: string, known: readonly string[], seeHelp: string): string {
  const meant = closestName(written.replace(/^-+/, ''), [...known, 'help']);
  const hint = meant === undefined ? '.' : `; did you mean '--${meant}'?`;
  return `Unknown option '${visible(written)}'${hint} ${seeHelp}`;
}

/**
 * Refuses arguments besides options, for a command that takes none.
 *
 * @param command - the command's name, for the message
 * @param positionals - the arguments {@link parseOptions} found besides options
 * @throws {@link UsageError} naming the first of them
 */
export function refusePositionals(command: string, positionals: readonly string[]): void {
  const [first] = positionals;
  if (first !== undefined) throw new UsageError(`${command} takes no arguments besides options, not '${visible(first)}'. Run 'task-placement ${command} --help' for the options.`);
}

/**
 * Reads a whole number given to an option.
 *
 * @param option - the option, such as `--count`
 * @param text - what the user wrote
 * @param min - the smallest value allowed
 * @param max - the largest value allowed
 * @throws {@link UsageError} for anything else, saying the range
 */
export function wholeNumberOption(option: string, text: string, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(text);
  if (/^-?\d+$/.test(text) && Number.isSafeInteger(value) && value >= min && value <= max) return value;
  const bounded = min > Number.MIN_SAFE_INTEGER || max < Number.MAX_SAFE_INTEGER;
  const range = !bounded
    ? /^-?\d+$/.test(text) ? ` from ${Number.MIN_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}` : ''
    : ` of at least ${min.toLocaleString('en-US')}${max < Number.MAX_SAFE_INTEGER ? ` and at most ${max.toLocaleString('en-US')}` : ''}`;
  throw new UsageError(`${option} takes a whole number${range}, not '${visible(text)}'.`);
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
  throw new UsageError(`--output is 'json' or 'table', not '${visible(text)}'.`);
}
