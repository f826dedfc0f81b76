// Runs the built command-line program the way a user's shell would.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';

const bin = new URL('../../dist/cli.js', import.meta.url).pathname;
const out = execFileSync(process.execPath, [bin, 'simulate', '--instances', '60'], { encoding: 'utf8' });
assert.match(out, /Simulation 'default' \(seed 1\): 60 instances/);
assert.match(out, /Tasks per zone/);
const bad = spawnSync(process.execPath, [bin, 'simulate', '--instances', 'x'], { encoding: 'utf8' });
assert.equal(bad.status, 2);
assert.equal(bad.stdout, '');
assert.match(bad.stderr, /--instances takes a whole number/);
console.log('bin: ok');
