import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { fixture } from '../ecs/ecsJson';
import { ecsIo } from './ecsFiles';
import { fakeIo } from './fakeIo';

const PLACE = ['place', '--instances', 'fixtures/fleet.json', '--task-definition', 'fixtures/web-task-definition.json'];
const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Runs a command line on the ECS fixtures; what a user sees. */
function run(args: readonly string[]): { code: number; stdout: string; stderr: string } {
  const io = ecsIo();
  const code = main(args, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('task-placement without a command', () => {
  it('prints the usage on stderr, nothing on stdout, exit 2, when given no arguments', () => {
    const { code, stdout, stderr } = run([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Usage: task-placement <command> \[options\]/);
  });

  it.each([['--help'], ['-h'], ['help']])('prints the usage on stdout, exit 0, for %s', (flag) => {
    const { code, stdout, stderr } = run([flag]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Usage: task-placement <command> \[options\]/);
  });

  it("prints a command's help for 'help COMMAND'", () => {
    const { code, stdout } = run(['help', 'query']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: task-placement query EXPRESSION/);
  });

  it.each([['--version'], ['-V']])('prints the version of package.json for %s, exit 0', (flag) => {
    const { code, stdout, stderr } = run([flag]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(`${VERSION}\n`);
  });
});

describe('unknown commands', () => {
  it.each([['constructor'], ['__proto__'], ['toString'], ['hasOwnProperty'], ['valueOf'], [''], ['simulat']])(
    "refuses '%s' as an unknown command, exit 2, nothing on stdout",
    (name) => {
      const { code, stdout, stderr } = run([name, '--json']);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(new RegExp(`^Unknown command '${name}'`));
    },
  );

  it('suggests the command meant', () => {
    expect(run(['simulat']).stderr).toContain("Unknown command 'simulat'; did you mean 'simulate'?");
  });

  it('refuses an unknown command given to help', () => {
    const { code, stderr } = run(['help', 'constructor']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^Unknown command 'constructor'/);
  });

  it('says that options come after the command', () => {
    const { code, stderr } = run(['--instances', 'fleet.json']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^Unknown option '--instances': give the command first/);
  });
});

describe('options, in the words of the program', () => {
  it.each<[string, string[], string]>([
    ['--count -1', [...PLACE, '--count', '-1'], "task-placement place: --count takes a whole number of at least 1 and at most 100,000, not '-1'.\n"],
    ['--count=-1', [...PLACE, '--count=-1'], "task-placement place: --count takes a whole number of at least 1 and at most 100,000, not '-1'.\n"],
    ['--count=', [...PLACE, '--count='], "task-placement place: --count takes a whole number of at least 1 and at most 100,000, not ''.\n"],
    ['--count 1e3', [...PLACE, '--count', '1e3'], "task-placement place: --count takes a whole number of at least 1 and at most 100,000, not '1e3'.\n"],
    ['--count 99999999999', [...PLACE, '--count', '99999999999'], "task-placement place: --count takes a whole number of at least 1 and at most 100,000, not '99999999999'.\n"],
    ['--seed -5 (a seed may be negative)', [...PLACE, '--seed', '-5', '--count', 'x'], "task-placement place: --count takes a whole number of at least 1 and at most 100,000, not 'x'.\n"],
    ['--seed 99999999999999999999', [...PLACE, '--seed', '99999999999999999999'], "task-placement place: --seed takes a whole number from -9007199254740991 to 9007199254740991, not '99999999999999999999'.\n"],
    ['an unknown option', [...PLACE, '--cout', '3'], "task-placement place: Unknown option '--cout'; did you mean '--count'? Run 'task-placement place --help' for the options.\n"],
    ['an unknown option with a value', [...PLACE, '--cout=3'], "task-placement place: Unknown option '--cout'; did you mean '--count'? Run 'task-placement place --help' for the options.\n"],
    ['a long option written with one dash', ['query', 'agentConnected == true', '-instances', 'fixtures/fleet.json'], "task-placement query: Unknown option '-instances'; did you mean '--instances'? Run 'task-placement query --help' for the options.\n"],
    ['an option named like an object property', [...PLACE, '--constructor', 'x'], "task-placement place: Unknown option '--constructor'. Run 'task-placement place --help' for the options.\n"],
    ['an option without its value, at the end', [...PLACE, '--count'], "task-placement place: --count needs a value. Run 'task-placement place --help' for the options.\n"],
    ['an option followed by another option', ['place', '--instances', '--task-definition', 'fixtures/web-task-definition.json'], "task-placement place: --instances needs a value (write --instances=VALUE for a value that starts with '--'). Run 'task-placement place --help' for the options.\n"],
    ['an option given twice', [...PLACE, '--count', '2', '--count', '3'], "task-placement place: --count is given twice ('2' and '3'); give it once.\n"],
    ['a switch given a value', ['simulate', '--json=yes'], "task-placement simulate: --json takes no value; write --json alone.\n"],
    ['an argument where none is taken', [...PLACE, 'extra'], "task-placement place: place takes no arguments besides options, not 'extra'. Run 'task-placement place --help' for the options.\n"],
    ['an empty argument where none is taken', [...PLACE, ''], "task-placement place: place takes no arguments besides options, not ''. Run 'task-placement place --help' for the options.\n"],
    ['a simulation fleet too large', ['simulate', '--instances', '99999999999'], "task-placement simulate: --instances takes a whole number of at least 0 and at most 2,000,000, not '99999999999'.\n"],
    ['a negative fleet size', ['simulate', '--instances', '-1'], "task-placement simulate: --instances takes a whole number of at least 0 and at most 2,000,000, not '-1'.\n"],
  ])('refuses %s, exit 2, nothing on stdout', (_name, args, message) => {
    const { code, stdout, stderr } = run(args);
    expect(stderr).toBe(message);
    expect(stdout).toBe('');
    expect(code).toBe(2);
  });

  it('refuses a request file that asks for more tasks than place answers at once', () => {
    const io = ecsIo({ 'big.json': JSON.stringify({ ...(fixture('create-service.json') as object), desiredCount: 2_000_000 }) });
    expect(main([...PLACE, '--request', 'big.json'], io)).toBe(2);
    expect(io.stderr()).toBe('task-placement place: The request asks for 2,000,000 tasks; place takes at most 100,000 at a time. Give --count N for fewer.\n');
    expect(io.stdout()).toBe('');
  });

  it('takes the arguments after -- as arguments, even --help', () => {
    const { code, stderr } = run(['simulate', '--', '--help']);
    expect(code).toBe(2);
    expect(stderr).toContain('Cannot read the scenario file --help: no such file (ENOENT).');
  });

  it('repeats --constraint, which takes several values', () => {
    const { code } = run([...PLACE, '--group', 'g', '--constraint', 'distinctInstance', '--constraint', 'memberOf(attribute:stack == prod)']);
    expect(code).toBe(0);
  });

  it.each<[string, string[]]>([
    ['empty strings everywhere', ['place', '', '--instances', '', '--task-definition', '', '--count', '']],
    ['an empty file name', [...PLACE, '--request', '']],
    ['an empty query', ['query', '', '--instances', 'fixtures/fleet.json']],
    ['an empty scenario file name', ['simulate', '']],
    ['an empty report file name', ['simulate', '--instances', '3', '--report', '']],
    ['a dash alone', ['simulate', '-']],
    ['only dashes', ['place', '--']],
    ['an option that is only an equals sign', ['place', '--=']],
    ['a negative number as an argument', ['simulate', '-5']],
    ['--help given a value', ['simulate', '--help=x']],
  ])('answers %s with a message and exit 2, never an exception', (_name, args) => {
    const io = fakeIo();
    expect(main(args, io)).toBe(2);
    expect(io.stdout()).toBe('');
    expect(io.stderr()).toMatch(/^(task-placement \w+: )?\S.*\n$/);
  });
});
