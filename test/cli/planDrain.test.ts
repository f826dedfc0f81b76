import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { ecsIo } from './ecsFiles';

const DRAINED = '2d3e4f5a6b7c48d9c0d1e2f3a4b5c6d7';
const ARGS = [
  'plan-drain', '--instances', 'fixtures/fleet.json', '--tasks', 'fixtures/describe-tasks.json', '--container-instance', DRAINED,
  '--service', 'web=fixtures/web-task-definition.json',
];

function run(...extra: string[]): { code: number; stdout: string; stderr: string } {
  const io = ecsIo();
  const code = main([...ARGS, ...extra], io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

const WORKER = ['--service', 'worker=fixtures/worker-task-definition.json'];

describe('task-placement plan-drain', () => {
  it('drains, starts each service task elsewhere, then stops it; the standalone task stays; as JSON', () => {
    const { code, stdout, stderr } = run(...WORKER);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const plan = JSON.parse(stdout) as { complete: boolean; moved: number; steps: { action: string; group?: string; containerInstanceArn: string }[]; left: { group: string; why: { code: string } }[] };
    expect(plan.complete).toBe(true);
    expect(plan.moved).toBe(2);
    expect(plan.steps.map((step) => `${step.action} ${step.group ?? ''}`)).toEqual(['drain ', 'start service:web', 'start service:worker', 'stop service:web', 'stop service:worker']);
    expect(plan.steps.filter((step) => step.action === 'start').every((step) => !step.containerInstanceArn.endsWith(DRAINED))).toBe(true);
    expect(plan.left.map((task) => [task.group, task.why.code])).toEqual([['family:batch', 'standalone']]);
  });

  it('names a service task no --service describes, and exits 1', () => {
    const { code, stdout } = run('--output', 'table');
    expect(code).toBe(1);
    expect(stdout).toContain(': 1 task moves; some service tasks cannot.');
    expect(stdout).toMatch(/service:worker +no --service or --group describes its group service:worker, so it is not moved/);
    expect(stdout).toMatch(/family:batch +it is a standalone task, which draining leaves running/);
  });

  it('says why a task finds no room, with the closest matching instance', () => {
    const { code, stdout } = run(...WORKER, '--constraint', 'worker=memberOf(attribute:ecs.instance-type == x1.huge)', '--output', 'table');
    expect(code).toBe(1);
    expect(stdout).toMatch(/no container instance can take it: the closest matching one, \w+, did not match memberOf\(attribute:ecs.instance-type == x1.huge\) \(MemberOf placement constraint unsatisfied\.\)/);
  });

  it('accepts the short id or the ARN, and refuses an instance that is not in the file', () => {
    const arn = `arn:aws:ecs:us-east-1:123456789012:container-instance/prod/${DRAINED}`;
    const io = ecsIo();
    expect(main([...ARGS.slice(0, 6), arn, ...ARGS.slice(7), ...WORKER], io)).toBe(0);
    const unknown = ecsIo();
    expect(main([...ARGS.slice(0, 6), 'nope', ...ARGS.slice(7)], unknown)).toBe(2);
    expect(unknown.stdout()).toBe('');
    expect(unknown.stderr()).toContain("No container instance of the --instances file has the ARN or id 'nope'.");
  });

  it('refuses a --service without NAME=FILE, a --strategy of an unknown service, and no --service at all', () => {
    expect(run('--service', 'worker').stderr).toContain('--service takes NAME=VALUE');
    expect(run('--strategy', 'api=binpack(memory)').stderr).toContain("names api, which no --service or --group gives");
    const io = ecsIo();
    expect(main(ARGS.slice(0, -2), io)).toBe(2);
    expect(io.stderr()).toContain('Give at least one --service NAME=FILE');
  });

  it('has a help text, and is listed in the program\'s', () => {
    const io = ecsIo();
    expect(main(['plan-drain', '--help'], io)).toBe(0);
    expect(io.stdout()).toContain('Usage: task-placement plan-drain');
    const usage = ecsIo();
    main(['--help'], usage);
    expect(usage.stdout()).toMatch(/plan-drain +plan what draining a container instance would do/);
  });
});
