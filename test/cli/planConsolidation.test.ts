import { describe, expect, it } from 'vitest';
import { describeTaskLeft } from '../../src/cli/formatMoveSteps';
import { main } from '../../src/cli/main';
import { ecsIo } from './ecsFiles';

const ARGS = [
  'plan-consolidation', '--instances', 'fixtures/fleet.json', '--tasks', 'fixtures/describe-tasks.json',
  '--service', 'web=fixtures/web-task-definition.json', '--service', 'worker=fixtures/worker-task-definition.json',
];
/** Chains that do not spread over zones, so the worker task of the lone busy instance in us-east-1c may leave it. */
const BINPACK = ['--strategy', 'web=binpack(memory)', '--strategy', 'worker=binpack(memory)'];
const WORKER_INSTANCE = '4f5a6b7c8d9e40f1e2f3a4b5c6d7e8f9';

function run(...extra: string[]): { code: number; stdout: string; stderr: string } {
  const io = ecsIo();
  const code = main([...ARGS, ...extra], io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

interface JsonPlan {
  readonly instancesFreed: string[];
  readonly moves: number;
  readonly instancesWithTasks: { before: number; after: number };
  readonly steps: { action: string; containerInstanceArn: string }[];
  readonly notFreed: { instanceId: string; why: { code: string }; detail: string }[];
}

describe('task-placement plan-consolidation', () => {
  it('empties the instance whose task can move, and says why the others stay, as JSON', () => {
    const { code, stdout, stderr } = run(...BINPACK);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const plan = JSON.parse(stdout) as JsonPlan;
    expect(plan.instancesFreed.map((id) => id.slice(-32))).toEqual([WORKER_INSTANCE]);
    expect(plan.moves).toBe(1);
    expect(plan.instancesWithTasks).toEqual({ before: 4, after: 3 });
    expect(plan.steps.map((step) => step.action)).toEqual(['drain', 'start', 'stop']);
    expect(Object.fromEntries(plan.notFreed.map((entry) => [entry.instanceId.slice(-4), entry.why.code]))).toEqual({ b1c2: 'untracked_tasks', a4b5: 'task_left', c6d7: 'task_left' });
    expect(plan.notFreed.find((entry) => entry.instanceId.endsWith('c6d7'))?.detail).toContain('no --service or --group describes its group family:batch');
  });

  it('keeps tasks in their zone under the default chain: nothing can be emptied, exit 1', () => {
    const { code, stdout } = run('--output', 'table');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^No instance can be emptied; 4 run tasks\.\n/);
    expect(stdout).toContain('did not match memberOf(runningTasksCount > 0 and attribute:ecs.availability-zone == us-east-1c)');
  });

  it('keeps what --keep names (which may then receive tasks) and stops at --max-moves', () => {
    const kept = JSON.parse(run(...BINPACK, '--keep', WORKER_INSTANCE).stdout) as JsonPlan;
    // The kept instance takes the tasks of the next emptiest instance instead.
    expect(kept.instancesFreed.map((id) => id.slice(-4))).toEqual(['a4b5']);
    expect(kept.steps.filter((step) => step.action === 'start').map((step) => step.containerInstanceArn.slice(-4))).toContain('e8f9');
    expect(kept.notFreed.find((entry) => entry.instanceId.endsWith(WORKER_INSTANCE))?.why).toEqual({ code: 'keep' });
    const { code, stdout } = run(...BINPACK, '--max-moves', '0', '--output', 'table');
    expect(code).toBe(1);
    expect(stdout).toMatch(/4f5a6b7c8d9e40f1e2f3a4b5c6d7e8f9 +its 1 task\(s\) would pass --max-moves \(0 move\(s\) left\)/);
  });

  it('prints the steps as a table', () => {
    const { stdout } = run(...BINPACK, '--output', 'table');
    expect(stdout).toMatch(/^1 instance\(s\) can be emptied by 1 move\(s\): 4 instances run tasks before, 3 after\.\n/);
    expect(stdout).toMatch(/ {3}2 {2}start {3}service:worker {2}task-1 \(replaces f8e0b6c7d9a14e2f4b5c6d7e8f9a0b1c\)/);
  });

  it('refuses a --max-moves that is not a whole number, with nothing on stdout', () => {
    const { code, stdout, stderr } = run('--max-moves', 'many');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('--max-moves takes a whole number');
  });

  it('says in words why a move would make a spread worse or break a constraint, on an instance or over a domain', () => {
    const spread = { code: 'spread_worse', instanceId: 'arn:aws:ecs:us-east-1:1:container-instance/prod/i1', strategy: 'spread(instanceId)', tasks: 3, most: 2 } as const;
    expect(describeTaskLeft({ taskId: 'task-1', group: 'service:web', why: spread })).toBe('it would make i1 hold 3 tasks of service:web, more than the 2 any instance held, against spread(instanceId)');
    const broken = { code: 'breaks_constraint', instanceId: 'i2', brokenGroup: 'service:api', constraint: 'memberOf(runningTasksCount < 3)' } as const;
    expect(describeTaskLeft({ taskId: 'task-1', group: 'service:web', why: broken })).toBe('on i2 it would break memberOf(runningTasksCount < 3) of the tasks of service:api there');
    const domain = { code: 'breaks_domain_constraint', brokenGroup: 'service:api', constraint: 'spreadLimit(attribute:ecs.availability-zone, maxSkew 1)', domain: 'us-east-1b', tasks: 3, most: 2 } as const;
    expect(describeTaskLeft({ taskId: 'task-1', group: 'service:web', why: domain }))
      .toBe('emptying the instance would leave us-east-1b holding 3 tasks counted by spreadLimit(attribute:ecs.availability-zone, maxSkew 1) of service:api, more than the 2 it allows');
  });

  it('has a help text, and is listed in the program\'s', () => {
    const io = ecsIo();
    expect(main(['plan-consolidation', '--help'], io)).toBe(0);
    expect(io.stdout()).toContain('Usage: task-placement plan-consolidation');
    const usage = ecsIo();
    main(['--help'], usage);
    expect(usage.stdout()).toMatch(/plan-consolidation +plan which container instances could be emptied/);
  });
});
