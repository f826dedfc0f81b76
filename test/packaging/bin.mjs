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

// place and query on the ECS fixtures: a result exits 0 or 1, bad input 2.
const fixture = (name) => new URL(`../fixtures/ecs/${name}`, import.meta.url).pathname;
const placed = spawnSync(process.execPath, [bin, 'place', '--instances', fixture('describe-container-instances.json'), '--task-definition', fixture('sleep360.json'), '--request', fixture('run-task.json')], { encoding: 'utf8' });
assert.equal(placed.status, 0, placed.stderr);
assert.equal(JSON.parse(placed.stdout).tasks[0].lastStatus, 'PENDING');
const partly = spawnSync(process.execPath, [bin, 'place', '--instances', fixture('fleet.json'), '--task-definition', fixture('web-task-definition.json'), '--request', fixture('web-service.json'), '--output', 'table'], { encoding: 'utf8' });
assert.equal(partly.status, 1, partly.stderr);
assert.match(partly.stdout, /RESOURCE:PORTS/);
const listed = spawnSync(process.execPath, [bin, 'query', 'attribute:ecs.instance-type =~ m5.*', '--instances', fixture('fleet.json')], { encoding: 'utf8' });
assert.equal(listed.status, 0, listed.stderr);
assert.equal(JSON.parse(listed.stdout).containerInstanceArns.length, 3);
const badQuery = spawnSync(process.execPath, [bin, 'query', 'runningTasksCount =~ 1', '--instances', fixture('fleet.json')], { encoding: 'utf8' });
assert.equal(badQuery.status, 2);
assert.equal(badQuery.stdout, '');
assert.match(badQuery.stderr, /\^\^/);
console.log('bin: ok');
