import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { packageVersion } from '../../src/cli/packageVersion';
import type { SimulationReport } from '../../src/sim/SimulationReport';
import { fakeIo } from './fakeIo';

const SMALL = JSON.stringify({
  name: 'small',
  seed: 3,
  fleet: { size: 12, zones: 3, families: { general: 1 } },
  services: [
    {
      name: 'web',
      desiredCount: 9,
      task: { family: 'web', resources: { cpu: 256, memory: 512 } },
      placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'spread', field: 'instanceId' }],
    },
    {
      name: 'edge',
      desiredCount: 20,
      task: { family: 'edge', resources: { cpu: 128, memory: 128 }, ports: { tcp: [443] } },
      placementConstraints: [{ type: 'distinctInstance' }],
    },
  ],
});

describe('task-placement simulate', () => {
  it('prints where the tasks of each service went, the failures and the fleet metrics', () => {
    const io = fakeIo({ 'small.json': SMALL });
    expect(main(['simulate', 'small.json'], io)).toBe(0);
    const text = io.stdout();
    expect(text).toContain("Simulation 'small' (seed 3): 12 instances in us-east-1a, us-east-1b, us-east-1c");
    expect(text).toMatch(/^web\s+9\s+9\s+0\s+0$/m);
    expect(text).toMatch(/^web\s+spread\(attribute:ecs\.availability-zone\) > spread\(instanceId\)$/m);
    // Twenty tasks that each bind port 443 on twelve instances: eight cannot go anywhere.
    expect(text).toMatch(/^edge\s+20\s+\d+\s+\d+/m);
    expect(text).toMatch(/^edge\s+spread\(attribute:ecs\.availability-zone\) > spread\(instanceId\); distinctInstance$/m);
    expect(text).toContain('Tasks per zone');
    expect(text).toContain('Tasks per instance type');
    expect(text).toMatch(/\d+ tasks? not placed: (RESOURCE:PORTS|DistinctInstance placement constraint unsatisfied\.)/);
    expect(text).toMatch(/Why \(first failure\): \d+\/12 instances are available/);
    for (const measure of ['lower bound on instances', 'instances used', 'packing ratio', 'utilization: memory', 'placement rate', 'peak heap']) {
      expect(text).toContain(measure);
    }
    expect(io.stderr()).toBe('');
  });

  it('prints the report as JSON with --json, and writes an HTML page with --report', () => {
    const io = fakeIo({ 'small.json': SMALL });
    expect(main(['simulate', 'small.json', '--json', '--report', 'out.html'], io)).toBe(0);
    const report = JSON.parse(io.stdout()) as SimulationReport;
    expect(report.services.map((service) => service.name)).toEqual(['web', 'edge']);
    const edge = report.services[1];
    expect((edge?.running ?? 0) + Object.values(edge?.failures ?? {}).reduce((a, b) => a + b, 0)).toBe(20);
    expect(io.files.get('out.html')).toMatch(/^<!DOCTYPE html>/i);
    expect(io.files.get('out.html')).toContain('data-chart="heatmap"');
    // The footer says which program wrote the page, and how.
    expect(io.files.get('out.html')).toContain(`task-placement <span class="version">${packageVersion()}</span>`);
    expect(io.files.get('out.html')).toContain('task-placement simulate small.json --json --report out.html');
  });

  it('replaces the fleet size and the seeds from the command line', () => {
    const io = fakeIo({ 'small.json': SMALL });
    expect(main(['simulate', 'small.json', '--instances', '30', '--seed', '9', '--json'], io)).toBe(0);
    const report = JSON.parse(io.stdout()) as SimulationReport;
    expect(report.scenario).toMatchObject({ instances: 30, seed: 9 });
  });

  it('scales every desired count with --instances, and says so', () => {
    const io = fakeIo({ 'small.json': SMALL });
    expect(main(['simulate', 'small.json', '--instances', '24', '--json'], io)).toBe(0);
    const scaled = JSON.parse(io.stdout()) as SimulationReport;
    expect(scaled.services.map((service) => service.desiredCount)).toEqual([18, 40]);
    const text = fakeIo({ 'small.json': SMALL });
    expect(main(['simulate', 'small.json', '--instances', '6'], text)).toBe(0);
    // 9 × 6/12 is 4.5, rounded up.
    expect(text.stdout().split('\n\n')[0]?.replaceAll('\n', ' ')).toBe("--instances scaled the fleet from 12 to 6 instances, and the services' desired counts from 29 to 15 tasks.");
  });

  it('refuses a scale that would give a service more tasks than it may have', () => {
    const io = fakeIo({ 'one.json': JSON.stringify({ fleet: { size: 1 }, services: [{ name: 'big', desiredCount: 1_000_000, task: { resources: { memory: 1 } } }] }) });
    expect(main(['simulate', 'one.json', '--instances', '20'], io)).toBe(2);
    expect(io.stderr()).toContain('--instances 20 would scale service big to 20000000 tasks, above the 10000000 a service may have; give fewer instances.');
    expect(io.stdout()).toBe('');
  });

  it('runs the built-in scenario without a file', () => {
    const io = fakeIo();
    expect(main(['simulate', '--json'], io)).toBe(0);
    const report = JSON.parse(io.stdout()) as SimulationReport;
    expect(report.scenario.instances).toBeGreaterThanOrEqual(200);
    expect(Object.keys(report.metrics.failuresByReason).length).toBeGreaterThanOrEqual(2);
  });

  it('shows progress on a terminal and nothing on a pipe', () => {
    const terminal = fakeIo({}, { errIsTerminal: true });
    main(['simulate'], terminal);
    expect(terminal.stderr()).toContain('\r');
    const pipe = fakeIo({}, { errIsTerminal: false });
    main(['simulate'], pipe);
    expect(pipe.stderr()).toBe('');
  });

  it.each([
    ['a missing file', ['simulate', 'nope.json'], /Cannot read the scenario file nope\.json/],
    ['a file that is not JSON', ['simulate', 'bad.json'], /not valid JSON/],
    ['a scenario with a bad field', ['simulate', 'wrong.json'], /scenario\.services\[0\]\.desiredCount/],
    ['an unknown option', ['simulate', '--fast'], /Unknown option '--fast'/],
    ['a fleet size that is not a number', ['simulate', '--instances', 'many'], /--instances takes a whole number/],
  ])('refuses %s with exit code 2 and says why on stderr', (_name, argv, message) => {
    const io = fakeIo({
      'bad.json': '{ "fleet": ',
      'wrong.json': JSON.stringify({ fleet: { size: 3 }, services: [{ name: 'x', desiredCount: -1, task: { resources: {} } }] }),
    });
    expect(main(argv, io)).toBe(2);
    expect(io.stderr()).toMatch(message);
    expect(io.stdout()).toBe('');
  });

  it('explains itself with --help', () => {
    const io = fakeIo();
    expect(main(['simulate', '--help'], io)).toBe(0);
    expect(io.stdout()).toContain('Usage: task-placement simulate [SCENARIO.json] [options]');
  });
});
