/**
 * The `task-placement` command-line program.
 *
 * @module
 */
import type { CliIo } from './CliIo';
import { closestName } from './closestName';
import type { Command } from './Command';
import { failureMessage } from './failureMessage';
import { packageVersion } from './packageVersion';
import { placeCommand } from './placeCommand';
import { planConsolidationCommand } from './planConsolidationCommand';
import { planDeploymentCommand } from './planDeploymentCommand';
import { planDrainCommand } from './planDrainCommand';
import { queryCommand } from './queryCommand';
import { rebalanceZonesCommand } from './rebalanceZonesCommand';
import { scaleInCommand } from './scaleInCommand';
import { simulateCommand } from './simulateCommand';
import { visible } from './visible';

// A Map, not an object: a command named `constructor` or `__proto__` must not
// find Object's own properties.
const COMMANDS: ReadonlyMap<string, Command> = new Map([['simulate', simulateCommand], ['place', placeCommand], ['query', queryCommand], ['rebalance-zones', rebalanceZonesCommand], ['scale-in', scaleInCommand], ['plan-drain', planDrainCommand], ['plan-consolidation', planConsolidationCommand], ['plan-deployment', planDeploymentCommand]]);

function usage(): string {
  const width = Math.max(...[...COMMANDS.keys()].map((name) => name.length)) + 2;
  const lines = [...COMMANDS].map(([name, command]) => `  ${name.padEnd(width)}${command.summary}`);
  return [
    'Usage: task-placement <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  -h, --help      show this help',
    '  -V, --version   print the version',
    '',
    "Run 'task-placement <command> --help' for a command's options.",
    '',
    'Exit status: 0 done, 1 a placement left tasks unplaced (the result is',
    'printed), 2 anything else that failed (a message on stderr, nothing on stdout).',
  ].join('\n');
}

const isHelp = (arg: string | undefined): boolean => arg === '--help' || arg === '-h';

/**
 * Runs the program.
 *
 * @param argv - the arguments after the program name
 * @param io - the outside world
 * @returns the exit code: 0 done, 1 a placement left tasks unplaced, 2 any
 *   other failure, such as bad input or a file that cannot be read (a message
 *   on standard error, nothing on standard output)
 * @throws whatever a command throws that is not about its input: a bug, left
 *   visible (the executable reports it with its stack)
 */
export function main(argv: readonly string[], io: CliIo): number {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err(`${usage()}\n`);
    return 2;
  }
  if (isHelp(name) || name === 'help') return help(args[0], io);
  if (name === '--version' || name === '-V') {
    io.out(`${packageVersion()}\n`);
    return 0;
  }
  const command = COMMANDS.get(name);
  if (command === undefined) return unknownCommand(name, io);
  // Only options ask for help: after `--`, --help is an argument like any other.
  const options = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (options.some(isHelp)) {
    io.out(`${command.help}\n`);
    return 0;
  }
  try {
    return command.run(args, io);
  } catch (error) {
    const message = failureMessage(error);
    if (message === undefined) throw error;
    io.err(`task-placement ${name}: ${message}\n`);
    return 2;
  }
}

/** `help`, `--help` or `help COMMAND`. */
function help(topic: string | undefined, io: CliIo): number {
  if (topic === undefined || isHelp(topic) || topic === 'help') {
    io.out(`${usage()}\n`);
    return 0;
  }
  const command = COMMANDS.get(topic);
  if (command === undefined) return unknownCommand(topic, io);
  io.out(`${command.help}\n`);
  return 0;
}

function unknownCommand(name: string, io: CliIo): number {
  if (name.startsWith('-')) {
    io.err(`Unknown option '${visible(name)}': give the command first, then its options.\n\n${usage()}\n`);
    return 2;
  }
  const meant = closestName(name, [...COMMANDS.keys(), 'help']);
  io.err(`Unknown command '${visible(name)}'${meant === undefined ? '.' : `; did you mean '${meant}'?`}\n\n${usage()}\n`);
  return 2;
}
