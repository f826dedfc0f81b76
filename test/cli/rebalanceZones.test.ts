import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { ecsIo } from './ecsFiles';

/** The fixture's running tasks, all made the worker service's: 2 in us-east-1a, 3 in us-east-1b, 1 in us-east-1c. */
const TASKS = readFileSync(new URL('../fixtures/ecs/describe-tasks.json', import.meta.url), 'utf8').replace(/"group": "[^"]*"/g, '"group": "service:worker"');
const ARGS = ['rebalance-zones', '--instances', 'fixtures/fleet.json', '--tasks', 'tasks.json', '--task-definition', 'fixtures/web-task-definition.json', '--service', 'worker'];

function run(...extra: string[]): { code: number; stdout: string; stderr: string } {
  const io = ecsIo({ 'tasks.json': TASKS });
  const code = main([...ARGS, ...extra], io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

const shortArn = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1, arn.lastIndexOf('/') + 5);

describe('task-placement rebalance-zones', () => {
  it('plans a start in the short zone, then a stop in the long one, as JSON', () => {
    const { code, stdout, stderr } = run();
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const plan = JSON.parse(stdout) as { status: string; zones: unknown[]; steps: { action: string; zone: string; containerInstanceArn: string; taskId: string }[] };
    expect(plan.status).toBe('complete');
    expect(plan.zones).toEqual([
      { zone: 'us-east-1a', before: 2, target: 2, after: 2 },
      { zone: 'us-east-1b', before: 3, target: 2, after: 2 },
      { zone: 'us-east-1c', before: 1, target: 2, after: 2 },
    ]);
    expect(plan.steps.map((step) => [step.action, step.zone, shortArn(step.containerInstanceArn)])).toEqual([
      ['start', 'us-east-1c', '4f5a'],
      ['stop', 'us-east-1b', '2d3e'],
    ]);
  });

  it('prints the zones and the steps as tables', () => {
    const { code, stdout } = run('--output', 'table');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Service worker can be balanced\.\n\nZONE {8}TASKS  TARGET  AFTER\n/);
    expect(stdout).toContain('us-east-1b      3       2      2');
    expect(stdout).toMatch(/ {3}1 {2}start {3}us-east-1c {2}task-1 /);
  });

  it('names a zone the constraints refuse, with the reason, and exits 1', () => {
    const { code, stdout } = run('--constraint', 'memberOf(attribute:ecs.instance-type =~ m5.*)', '--output', 'table');
    expect(code).toBe(1);
    expect(stdout).toContain('Service worker cannot be balanced.');
    expect(stdout).toMatch(/us-east-1c lacks 1 task: its closest matching container instance arn:\S+ did not match memberOf\(attribute:ecs.instance-type =~ m5\.\*\)\./);
    const json = JSON.parse(run('--constraint', 'memberOf(attribute:ecs.instance-type =~ m5.*)').stdout) as { blocked: { zone: string; reason: string }[] };
    expect(json.blocked.map(({ zone, reason }) => [zone, reason])).toEqual([['us-east-1c', 'MemberOf placement constraint unsatisfied.']]);
  });

  it('says when ECS would not rebalance the service', () => {
    const { code, stdout } = run('--strategy', 'binpack(memory)', '--output', 'table');
    expect(code).toBe(1);
    expect(stdout).toContain('Service worker is not rebalanced by ECS: its first strategy is not spread(attribute:ecs.availability-zone).');
  });

  it('needs a service, and says so on stderr', () => {
    const io = ecsIo({ 'tasks.json': TASKS });
    const code = main(ARGS.slice(0, -2), io);
    expect(code).toBe(2);
    expect(io.stdout()).toBe('');
    expect(io.stderr()).toContain('--service is required');
  });

  it('has a help text, and is listed in the program\'s', () => {
    const io = ecsIo();
    expect(main(['rebalance-zones', '--help'], io)).toBe(0);
    expect(io.stdout()).toContain('Usage: task-placement rebalance-zones');
    const usage = ecsIo();
    main(['--help'], usage);
    expect(usage.stdout()).toMatch(/rebalance-zones +plan how ECS would rebalance/);
  });
});
