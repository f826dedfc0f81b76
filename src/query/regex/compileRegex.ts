import { compileProgram } from './compileProgram';
import { parseRegex } from './parseRegex';
import { ProgramRunner } from './runProgram';

/** A compiled pattern that matches whole values in linear time. */
export interface RegexProgram {
  /** The pattern as given to {@link compileRegex}. */
  readonly pattern: string;
  /** Number of VM instructions; matching costs at most (value length + 1) * size steps. */
  readonly size: number;
  /** True when the whole value matches (Java Matcher.matches()). */
  matches(value: string): boolean;
  /** Same answer as matches, plus the number of VM steps taken (one step = one thread processed at one input position). */
  run(value: string): { readonly matched: boolean; readonly steps: number };
}

/**
 * Compiles a Java-style regular expression for whole-value matching.
 *
 * Matching simulates a Thompson NFA instead of backtracking, so its time is
 * linear in the value's length for every pattern; constructs that need
 * backtracking (back-references, look-around, atomic groups, possessive
 * quantifiers) are refused rather than emulated.
 *
 * @param pattern - A `java.util.regex.Pattern` expression.
 * @returns A program that can be run many times; reuse it rather than compiling per value.
 * @throws RegexSyntaxError when the pattern is invalid, unsupported, or too
 *   large: over `MAX_PROGRAM_SIZE` instructions, so that no match costs more
 *   than (value length + 1) x `MAX_PROGRAM_SIZE` steps.
 */
export function compileRegex(pattern: string): RegexProgram {
  const program = compileProgram(parseRegex(pattern));
  const runner = new ProgramRunner(program);
  return {
    pattern,
    size: program.ops.length,
    matches: (value) => runner.execute(value),
    run(value) {
      const matched = runner.execute(value);
      return { matched, steps: runner.steps };
    },
  };
}
