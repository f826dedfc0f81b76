import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/CliIo';
import { main } from '../../src/cli/main';
import { processIo } from '../../src/cli/processIo';
import { ecsIo } from './ecsFiles';
import { fakeIo, fsError } from './fakeIo';

const FIXTURES = new URL('../fixtures/ecs/', import.meta.url).pathname;
const SMALL = JSON.stringify({ name: 'small', fleet: { size: 6 }, services: [{ name: 'web', desiredCount: 3, task: { resources: { cpu: 256, memory: 512 } } }] });

const scratch = mkdtempSync(join(tmpdir(), 'task-placement-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The real file system, with the output recorded. */
function realFiles(): CliIo & { stdout: () => string; stderr: () => string } {
  const recorded = fakeIo();
  const { readFile, writeFile } = processIo();
  return { ...recorded, readFile, writeFile };
}

describe('files that cannot be read or written', () => {
  it('refuses a --report in a directory that does not exist: one line naming the path and the cause, exit 2, nothing on stdout', () => {
    writeFileSync(join(scratch, 'small.json'), SMALL);
    const io = realFiles();
    const code = main(['simulate', join(scratch, 'small.json'), '--report', join(scratch, 'no/such/dir/r.html')], io);
    expect(io.stderr()).toBe(`task-placement simulate: Cannot write the --report file ${join(scratch, 'no/such/dir/r.html')}: its directory does not exist (ENOENT).\n`);
    expect(io.stdout()).toBe('');
    expect(code).toBe(2);
  });

  it('refuses a directory given as the --report file', () => {
    writeFileSync(join(scratch, 'small.json'), SMALL);
    const io = realFiles();
    expect(main(['simulate', join(scratch, 'small.json'), '--report', scratch], io)).toBe(2);
    expect(io.stderr()).toBe(`task-placement simulate: Cannot write the --report file ${scratch}: it is a directory (EISDIR).\n`);
    expect(io.stdout()).toBe('');
  });

  it.each<[string, (dir: string) => string[], string]>([
    ['a directory given as the --instances file', (dir) => ['place', '--instances', dir, '--task-definition', `${FIXTURES}sleep360.json`], 'Cannot read the --instances file <dir>: it is a directory (EISDIR).'],
    ['a directory given as the scenario file', (dir) => ['simulate', dir], 'Cannot read the scenario file <dir>: it is a directory (EISDIR).'],
    ['a file under a file', () => ['query', 'agentConnected == true', '--instances', `${FIXTURES}fleet.json/inner.json`], `Cannot read the --instances file ${FIXTURES}fleet.json/inner.json: a part of the path is not a directory (ENOTDIR).`],
    ['a --tasks file that does not exist', () => ['query', 'agentConnected == true', '--instances', `${FIXTURES}fleet.json`, '--tasks', `${FIXTURES}nowhere.json`], `Cannot read the --tasks file ${FIXTURES}nowhere.json: no such file (ENOENT).`],
  ])('refuses %s with one line, exit 2', (_name, args, message) => {
    const dir = join(scratch, 'a-directory');
    mkdirSync(dir, { recursive: true });
    const io = realFiles();
    const commandLine = args(dir);
    expect(main(commandLine, io)).toBe(2);
    expect(io.stderr()).toBe(`task-placement ${commandLine[0] ?? ''}: ${message.replace('<dir>', dir)}\n`);
    expect(io.stdout()).toBe('');
  });

  it.each([
    ['EACCES', 'permission denied'],
    ['EPERM', 'permission denied'],
    ['EROFS', 'the file system is read-only'],
    ['ENOSPC', 'no space left on the device'],
    ['EWHATEVER', 'something odd happened'],
  ])('names the cause %s when writing', (code, cause) => {
    const io: ReturnType<typeof fakeIo> = { ...fakeIo({ 'small.json': SMALL }), writeFile: () => { throw fsError(code, `${cause}, open 'out.html'`); } };
    expect(main(['simulate', 'small.json', '--report', 'out.html'], io)).toBe(2);
    expect(io.stderr()).toBe(`task-placement simulate: Cannot write the --report file out.html: ${cause} (${code}).\n`);
    expect(io.stdout()).toBe('');
  });

  it('names the cause when reading', () => {
    const io: ReturnType<typeof fakeIo> = { ...ecsIo(), readFile: () => { throw fsError('EACCES', "permission denied, open 'fleet.json'"); } };
    expect(main(['query', 'agentConnected == true', '--instances', 'fleet.json'], io)).toBe(2);
    expect(io.stderr()).toBe('task-placement query: Cannot read the --instances file fleet.json: permission denied (EACCES).\n');
  });

  it('says when a file name is empty', () => {
    const io = ecsIo();
    expect(main(['place', '--instances', 'fixtures/fleet.json', '--task-definition', ''], io)).toBe(2);
    expect(io.stderr()).toBe('task-placement place: Cannot read the --task-definition file: the file name is empty.\n');
  });

  it('writes the report where it can', () => {
    writeFileSync(join(scratch, 'small.json'), SMALL);
    const io = realFiles();
    expect(main(['simulate', join(scratch, 'small.json'), '--report', join(scratch, 'r.html')], io)).toBe(0);
    expect(readFileSync(join(scratch, 'r.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
  });
});

describe('JSON files with a byte order mark', () => {
  it('reads an --instances file that starts with a UTF-8 byte order mark', () => {
    const fleet = readFileSync(`${FIXTURES}fleet.json`, 'utf8');
    const io = ecsIo({ 'bom.json': `\uFEFF${fleet}` });
    expect(main(['query', 'attribute:stack == prod', '--instances', 'bom.json'], io)).toBe(0);
    expect(io.stderr()).toBe('');
  });

  it('reads a scenario file that starts with a byte order mark', () => {
    const io = fakeIo({ 'bom.json': `\uFEFF${SMALL}` });
    expect(main(['simulate', 'bom.json', '--json'], io)).toBe(0);
  });

  it('strips one mark only: a second is shown escaped in the message', () => {
    const io = fakeIo({ 'two.json': `\uFEFF\uFEFF${SMALL}` });
    expect(main(['simulate', 'two.json'], io)).toBe(2);
    expect(io.stderr()).toContain('The scenario file two.json is not valid JSON');
    expect(io.stderr()).toContain('\\ufeff');
    expect(io.stderr()).not.toContain('\uFEFF');
  });
});

describe('messages that quote what the user typed', () => {
  it.each<[string, string[], Record<string, string>, string]>([
    ['an unknown command with an escape sequence', ['\u001b[31mred'], {}, "Unknown command '\\u001b[31mred'"],
    ['an option value with a newline', ['query', 'agentConnected == true', '--instances', 'fixtures/fleet.json', '--output', 'ta\nble'], {}, "--output is 'json' or 'table', not 'ta\\nble'."],
    ['a file name with a right-to-left override', ['simulate', 'evil\u202Etxt.json'], {}, 'Cannot read the scenario file evil\\u202etxt.json: no such file (ENOENT).'],
    ['a file with an invisible character', ['simulate', 'zw.json'], { 'zw.json': '\u200B{}' }, 'The scenario file zw.json is not valid JSON'],
    ['a zone name from a scenario', ['simulate', 'zones.json'], { 'zones.json': JSON.stringify({ fleet: { size: 3, zones: ['a\u202Eb', 'c', 'd'] }, services: [] }) }, 'a\\u202eb'],
    ['a query with an invisible character', ['query', 'attribute:x\u200B == 1', '--instances', 'fixtures/fleet.json'], {}, "'x\\u200b' is not an attribute name"],
  ])('escapes %s', (_name, args, files, message) => {
    const io = ecsIo(files);
    expect(main(args, io)).toBe(2);
    expect(io.stderr()).toContain(message);
    expect(io.stderr()).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b\u202e\ufeff]/);
  });

  it('keeps a message about a file with a line break in its name on one line', () => {
    const io = ecsIo({ 'x\ny.json': '{"containerInstances": null}' });
    expect(main(['query', 'agentConnected == true', '--instances', 'x\ny.json'], io)).toBe(2);
    expect(io.stderr()).toMatch(/^task-placement query: x\\ny\.json: containerInstances: [^\n]*\n$/);
  });

  it('keeps the caret under the fault of a query when it escapes characters before it', () => {
    const io = ecsIo();
    expect(main(['query', "attribute:a == '\u0007' or runningTasksCount =~ 1", '--instances', 'fixtures/fleet.json'], io)).toBe(2);
    const lines = io.stderr().split('\n');
    expect(lines[2]).toBe("  attribute:a == '\\u0007' or runningTasksCount =~ 1");
    expect(lines[3]).toBe(`  ${' '.repeat("attribute:a == '\\u0007' or runningTasksCount ".length)}^^`);
  });
});
