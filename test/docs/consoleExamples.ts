import { main } from '../../src/cli/main';
import { ecsFixtures } from '../cli/ecsFiles';
import { fakeIo } from '../cli/fakeIo';

/** One `console` block of a page: a command line and what it prints. */
export interface ConsoleExample {
  /** The command line, as written after `$ `. */
  readonly command: string;
  /** Its arguments after the program name, unquoted as a shell would. */
  readonly args: readonly string[];
  /** What the page says it prints. */
  readonly output: string;
}

const BLOCK = /^```console\n\$ task-placement (.*)\n([\s\S]*?)^```$/gm;

/** The `$ task-placement ...` examples of a Markdown page, in order. */
export function consoleExamples(markdown: string): ConsoleExample[] {
  return [...markdown.matchAll(BLOCK)].map((match) => ({ command: match[1] ?? '', args: shellWords(match[1] ?? ''), output: match[2] ?? '' }));
}

/** Splits a command line into words: single or double quotes group, nothing else is special. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  for (const match of line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)) words.push(match[1] ?? match[2] ?? match[3] ?? '');
  return words;
}

/** Runs the program with the ECS fixtures as files in the working directory; returns what a terminal would show. */
export function runExample(args: readonly string[]): string {
  const io = fakeIo(ecsFixtures(''));
  main(args, io);
  return io.stdout() + io.stderr();
}
