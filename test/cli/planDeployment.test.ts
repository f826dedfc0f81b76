import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { ecsIo } from './ecsFiles';

/** Service web runs two tasks in the fixture, on 0b1c (us-east-1a) and 2d3e (us-east-1b); its new revision binds host port 80. */
const ARGS = ['plan-deployment', '--instances', 'fixtures/fleet.json', '--tasks', 'fixtures/describe-tasks.json', '--task-definition', 'fixtures/web-task-definition.json', '--service', 'web'];
const WEB_TASKS = ['a3f5c1d2e4b64f7a9c0d1e2f3a4b5c6d', 'c5b7e3f4a6d84b9c1e2f3a4b5c6d7e8f'];

function run(...extra: string[]): { code: number; stdout: string; stderr: string } {
  const io = ecsIo();
  const code = main([...ARGS, ...extra], io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

const shortArn = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1, arn.lastIndexOf('/') + 5);

interface JsonPlan {
  status: string;
  desiredCount: number;
  lowerLimit: number;
  upperLimit: number;
  steps: { action: string; round: number; containerInstanceArn: string; taskId: string }[];
  rounds: { started: number; stopped: number }[];
  blocked?: { code: string; detail: string };
}

describe('task-placement plan-deployment', () => {
  it('plans the rounds as JSON, keeping the service at its size by default, and exits 0', () => {
    const { code, stdout, stderr } = run();
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const plan = JSON.parse(stdout) as JsonPlan;
    expect(plan).toMatchObject({ status: 'complete', desiredCount: 2, lowerLimit: 2, upperLimit: 4 });
    expect(plan.steps.map((step) => [step.round, step.action, shortArn(step.containerInstanceArn)])).toEqual([
      [1, 'start', '4f5a'], [1, 'start', '1c2d'], [1, 'stop', '2d3e'], [1, 'stop', '0b1c'],
    ]);
    expect(plan.steps.filter((step) => step.action === 'stop').map((step) => shortArn(step.taskId))).toEqual(['c5b7', 'a3f5']);
  });

  it('prints the rounds and the steps as tables', () => {
    const { code, stdout } = run('--minimum-healthy-percent', '50', '--maximum-percent', '100', '--output', 'table');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Service web can be deployed in 3 rounds: 2 new tasks, replacing 2 old\.\nLimits: at least 1 healthy \(minimumHealthyPercent 50\), at most 2 running \(maximumPercent 100\)\.\n\nROUND/);
    expect(stdout).toContain('    1        0        1        2        1    1    0');
    expect(stdout).toMatch(/ {3}1 {6}1 {2}stop {4}c5b7e3f4a6d84b9c1e2f3a4b5c6d7e8f {2}2d3e4f5a6b7c48d9c0d1e2f3a4b5c6d7\n/);
  });

  it('says when the limits allow no step, in ECS\'s words, and exits 1', () => {
    const { code, stdout } = run('--maximum-percent', '100', '--output', 'table');
    expect(code).toBe(1);
    expect(stdout).toContain('Service web cannot be deployed: after 0 rounds, 0 of 2 new tasks run and 2 of 2 old tasks are left.');
    expect(stdout).toContain('was unable to stop or start tasks during a deployment because of the service deployment configuration');
    const json = JSON.parse(run('--maximum-percent', '100').stdout) as JsonPlan;
    expect(json.blocked?.code).toBe('limits');
    expect(json.blocked?.detail).toContain('Update the minimumHealthyPercent or maximumPercent value and try again.');
  });

  it('scales with --desired-count, keeps a --protected task, and replaces only --from', () => {
    expect((JSON.parse(run('--desired-count', '3').stdout) as JsonPlan).rounds.reduce((sum, round) => sum + round.started, 0)).toBe(3);
    const protectedArn = `arn:aws:ecs:us-east-1:123456789012:task/prod/${WEB_TASKS[0] ?? ''}`;
    const kept = run('--protected', protectedArn);
    expect(kept.code).toBe(1);
    expect((JSON.parse(kept.stdout) as JsonPlan).blocked?.code).toBe('protected_tasks');
    const fromOne = JSON.parse(run('--from', protectedArn, '--desired-count', '1').stdout) as JsonPlan;
    expect(fromOne.steps.filter((step) => step.action === 'stop').map((step) => step.taskId)).toEqual([protectedArn]);
  });

  it('refuses bad input on stderr with exit 2 and nothing on stdout', () => {
    for (const [extra, message] of [
      [['--maximum-percent', '99'], '--maximum-percent takes a whole number of at least 100'],
      [['--minimum-healthy-percent', '101'], '--minimum-healthy-percent takes a whole number of at least 0 and at most 100'],
      [['--desired-count', 'two'], '--desired-count takes a whole number'],
      [['--from', 'arn:aws:ecs:us-east-1:123456789012:task/prod/nope'], 'No running task has id'],
    ] as const) {
      const { code, stdout, stderr } = run(...extra);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(message);
    }
    const io = ecsIo();
    expect(main(ARGS.slice(0, -2), io)).toBe(2);
    expect(io.stderr()).toContain('--service is required');
  });

  it('has a help text, and is listed in the program\'s', () => {
    const io = ecsIo();
    expect(main(['plan-deployment', '--help'], io)).toBe(0);
    expect(io.stdout()).toContain('Usage: task-placement plan-deployment');
    const usage = ecsIo();
    main(['--help'], usage);
    expect(usage.stdout()).toMatch(/plan-deployment +plan how ECS would roll a service out/);
  });
});
