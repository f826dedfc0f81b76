import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { fixture } from '../ecs/ecsJson';
import { ecsIo } from './ecsFiles';
import { fakeIo } from './fakeIo';

/** Characters a terminal would act on or not show: none may reach it raw. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;

const PLACE_WEB = ['place', '--instances', 'fixtures/fleet.json', '--tasks', 'fixtures/describe-tasks.json', '--task-definition', 'fixtures/web-task-definition.json', '--request', 'fixtures/web-service.json', '--output', 'table'];

/**
 * fleet.json with invisible characters in its ids: the readers refuse control
 * characters there, but not a right-to-left override or a zero-width space.
 */
function hostileFleet(): string {
  const fleet = fixture('fleet.json') as { containerInstances: { containerInstanceArn: string; ec2InstanceId: string }[] };
  for (const instance of fleet.containerInstances) {
    instance.ec2InstanceId = `${instance.ec2InstanceId}\u202e\u200b`;
    instance.containerInstanceArn = `${instance.containerInstanceArn}\u2066`;
  }
  return JSON.stringify(fleet);
}

const HOSTILE_SCENARIO = JSON.stringify({
  name: 'evil\u202eloof',
  fleet: { size: 9 },
  services: [
    { name: 'web', desiredCount: 4, task: { resources: { cpu: 256, memory: 512 } }, placementConstraints: [{ type: 'memberOf', expression: "attribute:stack == 'x\u200by'" }] },
  ],
});

function widest(text: string): number {
  return Math.max(...text.split('\n').map((line) => line.length));
}

describe('text for the terminal', () => {
  it('escapes control and invisible characters of ids and attributes in the place table', () => {
    const io = ecsIo({ 'hostile.json': hostileFleet() });
    main(['place', '--instances', 'hostile.json', '--task-definition', 'fixtures/web-task-definition.json', '--group', 'g\u200b', '--count', '9', '--output', 'table'], io);
    const text = io.stdout();
    expect(text).not.toMatch(RAW);
    expect(text).toContain('\\u202e\\u200b');
    expect(text).toContain('\\u2066');
    expect(text).toContain('of group g\\u200b');
  });

  it('escapes them in the query table, and in the expression it repeats', () => {
    const io = ecsIo({ 'hostile.json': hostileFleet() });
    expect(main(['query', "agentConnected == true or attribute:stack == 'x\u0007'", '--instances', 'hostile.json', '--output', 'table'], io)).toBe(0);
    const text = io.stdout();
    expect(text).not.toMatch(RAW);
    expect(text).toContain("attribute:stack == 'x\\u0007'");
    expect(text).toContain('\\u202e\\u200b');
  });

  it('escapes them in the simulation tables, and in JSON output', () => {
    for (const args of [['simulate', 'hostile.json'], ['simulate', 'hostile.json', '--json']]) {
      const io = fakeIo({ 'hostile.json': HOSTILE_SCENARIO });
      expect(main(args, io)).toBe(0);
      expect(io.stdout()).not.toMatch(RAW);
      expect(io.stdout()).toContain('evil\\u202eloof');
      expect(io.stdout()).toContain('x\\u200by');
    }
  });

  it('keeps JSON output equal to the data, with the invisible characters escaped', () => {
    const io = ecsIo({ 'hostile.json': hostileFleet() });
    main(['place', '--instances', 'hostile.json', '--task-definition', 'fixtures/web-task-definition.json', '--group', 'g\u200b'], io);
    expect(io.stdout()).not.toMatch(RAW);
    const response = JSON.parse(io.stdout()) as { tasks: { group: string }[] };
    expect(response.tasks[0]?.group).toBe('g\u200b');
  });
});

describe('lines that fit the terminal', () => {
  it.each([60, 80, 100])('keeps every line of simulate within %i columns, wrapping rather than cutting', (columns) => {
    const io = fakeIo({}, { columns });
    expect(main(['simulate', '--instances', '120'], io)).toBe(0);
    const text = io.stdout();
    expect(widest(text)).toBeLessThanOrEqual(columns);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toMatch(/memberOf\(attribute:ecs\.instance-type\s*=~\s*'g\.\*\|p\.\*'\)/);
    expect(flat).toMatch(/\d+\/120 instances are available: /);
  });

  it.each([60, 100])('keeps every line of place --output table within %i columns, wrapping rather than cutting', (columns) => {
    const wide = ecsIo();
    main(PLACE_WEB, wide);
    // The spread copy records into the same buffers as the original.
    const io = { ...ecsIo(), columns };
    expect(main(PLACE_WEB, io)).toBe(1);
    const text = io.stdout();
    expect(widest(text)).toBeLessThanOrEqual(columns);
    expect(widest(wide.stdout())).toBeGreaterThan(100);
    // Wrapped at spaces, so with the line breaks undone every sentence is whole.
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('2 RESOURCE:PORTS The closest matching container-instance 0b1c2d3e4f5a46b7a8b9c0d1e2f3a4b5 is already using a port required by your task: TCP 80.');
    expect(flat).toContain('Why: 0/8 instances are available: 4 have TCP port 80 in use, 1 has a disconnected agent, 1 has insufficient memory, 1 is DRAINING, 1 lacks the attribute com.amazonaws.ecs.capability.logging-driver.awslogs.');
    expect(flat).toContain('service web was unable to place a task because no container instance met all of its requirements.');
  });

  it('keeps every line of query --output table within 100 columns', () => {
    const io = { ...ecsIo(), columns: 100 };
    expect(main(['query', 'agentConnected == true', '--instances', 'fixtures/fleet.json', '--output', 'table'], io)).toBe(0);
    expect(widest(io.stdout())).toBeLessThanOrEqual(100);
  });
});

describe('figures with their units', () => {
  it('gives every figure of the fleet summary its unit, and says what each measure is', () => {
    const io = fakeIo();
    expect(main(['simulate', '--instances', '120'], io)).toBe(0);
    expect(io.stdout()).toMatch(/^Services \(numbers of tasks; zone skew: most minus fewest tasks in one zone\)$/m);
    const fleet = io.stdout().slice(io.stdout().indexOf('\nFleet'));
    expect(fleet).toMatch(/^lower bound on instances .*\s\d+ instances$/m);
    expect(fleet).toMatch(/^instances used .*\s\d+ instances$/m);
    expect(fleet).toMatch(/^packing ratio .*\s\d+\.\d\dx$/m);
    expect(fleet).toMatch(/^utilization: cpu .*\s\d+\.\d%$/m);
    expect(fleet).toMatch(/^utilization: memory .*\s\d+\.\d%$/m);
    expect(fleet).toMatch(/^stranded cpu .*\s[\d,]+ CPU units$/m);
    expect(fleet).toMatch(/^stranded memory .*\s[\d,]+ MiB$/m);
    expect(fleet).toMatch(/^tasks not placed: RESOURCE:PORTS\s+[\d,]+ tasks$/m);
    expect(fleet).toMatch(/^placements .*\s[\d,]+ tasks$/m);
    expect(fleet).toMatch(/^placement rate .*\s[\d,]+ tasks\/s$/m);
    expect(fleet).toMatch(/^time in placement .*\s[\d.,]+ (ms|s)$/m);
    expect(fleet).toMatch(/^peak heap .*\s[\d.]+ MiB$/m);
    for (const line of fleet.split('\n').slice(4)) {
      if (line.trim() !== '') expect(line, 'a bare number').not.toMatch(/\s[\d.,]+$/);
    }
  });
});
