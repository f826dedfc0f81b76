/**
 * The `task-placement` command-line program.
 *
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { PlacementInputError } from '../model/PlacementInputError';
import { QueryError } from '../query/QueryError';
import type { CliIo } from './CliIo';
import { UsageError } from './CliIo';
import type { Command } from './Command';
import { placeCommand } from './placeCommand';
import { queryCommand } from './queryCommand';
import { simulateCommand } from './simulateCommand';

const COMMANDS: Readonly<Record<string, Command>> = { simulate: simulateCommand, place: placeCommand, query: queryCommand };

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(10)}${command.summary}`);
  return ['Usage: task-placement <command> [options]', '', 'Commands:', ...lines, '', "Run 'task-placement <command> --help' for a command's options."].join('\n');
}

/**
 * Runs the program.
 *
 * @param argv - the arguments after the program name
 * @param io - the outside world
 * @returns the exit code: 0 done, 1 a placement left tasks unplaced, 2 bad input
 *   (a message on standard error, nothing on standard output)
 */
export function main(argv: readonly string[], io: CliIo): number {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(`${usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.err(`Unknown command '${name}'.\n\n${usage()}\n`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`${command.help}\n`);
    return 0;
  }
  try {
    return command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof PlacementInputError || error instanceof QueryError) {
      io.err(`task-placement ${name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** The outside world of a real process. */
export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    errIsTerminal: process.stderr.isTTY === true,
    readFile: (path) => readFileSync(path, 'utf8'),
    writeFile: (path, text) => writeFileSync(path, text),
    now: () => performance.now(),
    heapUsed: () => process.memoryUsage().heapUsed,
  };
}
