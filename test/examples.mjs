// Runs every example the way examples/README.md says to, and checks that it
// exits 0 and prints what the README shows of its output; type-checks the
// examples against the built package, as a user's project would see it.
// Needs `npm run build` first: the examples import the package by its name.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(join(root, 'examples/README.md'), 'utf8');
// A fixed seed, so that the property-test example finds the same cases on every machine.
const FC_SEED = '20261127';
const TIMEOUT_MS = 60_000;

/** Each `## ` section with a command: the command and the output excerpt that follows it. */
const examples = readme.split(/^## /m).slice(1).flatMap((section) => {
  const title = section.slice(0, section.indexOf('\n'));
  const command = /^```sh\n(.+)\n```$/m.exec(section)?.[1];
  const excerpt = /^```text\n([\s\S]*?)^```$/m.exec(section)?.[1];
  if (command === undefined) return [];
  const expected = (excerpt ?? '').split('\n').map((line) => line.trim()).filter((line) => line !== '');
  assert.ok(expected.length > 0, `examples/README.md, ${title}: no \`\`\`text block shows what ${command} prints`);
  return [{ title, command, expected }];
});

// An example nobody runs is an example nobody checks.
const files = readdirSync(join(root, 'examples')).filter((name) => name.endsWith('.ts') || statSync(join(root, 'examples', name)).isDirectory());
for (const name of files) {
  assert.ok(examples.some(({ command }) => command.includes(`examples/${name}`)), `examples/${name} has no command in examples/README.md`);
}

/** Runs a shell command from the repository root; resolves with its exit status and output, colours off. */
function run(command) {
  return new Promise((resolvePromise) => {
    // npx would look the program up in node_modules/.bin: so does this PATH, without npx's start-up.
    const line = command.replace(/^npx /, '');
    const child = spawn('sh', ['-c', line], {
      cwd: root,
      env: { ...process.env, PATH: `${join(root, 'node_modules/.bin')}${delimiter}${process.env.PATH ?? ''}`, FC_SEED, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolvePromise({ status: signal === null ? status : signal, output: output.replace(/\u001b\[[0-9;]*m/g, '') });
    });
  });
}

/** The first expected line that is not in the output, in order: each line of the excerpt appears in an output line after the previous one's. */
function missingLine(output, expected) {
  const lines = output.split('\n');
  let at = 0;
  for (const want of expected) {
    while (at < lines.length && !(lines[at] ?? '').includes(want)) at += 1;
    if (at === lines.length) return want;
    at += 1;
  }
  return undefined;
}

const started = performance.now();
const typecheck = run('tsc --noEmit -p examples/tsconfig.json');
const results = await Promise.all(examples.map(async (example) => ({ ...example, ...(await run(example.command)) })));
const failures = [];
for (const { title, command, expected, status, output } of results) {
  const missing = missingLine(output, expected);
  if (status !== 0) failures.push(`${title}: \`${command}\` exited with ${status}\n${output}`);
  else if (missing !== undefined) failures.push(`${title}: \`${command}\` did not print, in the order examples/README.md shows,\n  ${missing}\n--- it printed:\n${output}`);
}
const checked = await typecheck;
if (checked.status !== 0) failures.push(`the examples do not type-check (tsc -p examples/tsconfig.json):\n${checked.output}`);
if (failures.length > 0) {
  console.error(failures.join('\n\n'));
  process.exit(1);
}
console.log(`examples: ok (${results.length} examples run and type-checked, their output as examples/README.md shows it, in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
