import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { ecsIo } from './ecsFiles';

const FLEET = ['--instances', 'fixtures/fleet.json', '--tasks', 'fixtures/describe-tasks.json'];
const TASK = 'arn:aws:ecs:us-east-1:123456789012:task/prod/';

interface ScaleInJson {
  readonly group: string;
  readonly requested: number;
  readonly complete: boolean;
  readonly protectedTasks: number;
  readonly strategies: readonly string[];
  readonly tasks: readonly { taskArn: string; containerInstanceArn: string; availabilityZone?: string; reasons: readonly { code: string; description: string }[] }[];
}

function scaleIn(...args: string[]): { code: number; stdout: string; stderr: string } {
  const io = ecsIo();
  const code = main(['scale-in', ...args], io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('task-placement scale-in', () => {
  it("chooses a described service's tasks to stop, in order, with why each, exit 0", () => {
    const { code, stdout, stderr } = scaleIn(...FLEET, '--service', 'worker', '--count', '2');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const answer = JSON.parse(stdout) as ScaleInJson;
    expect(answer).toMatchObject({ group: 'service:worker', requested: 2, complete: true, protectedTasks: 0 });
    expect(answer.strategies).toEqual(['spread(attribute:ecs.availability-zone)', 'spread(instanceId)']);
    // One worker task per zone: they all tie, and the newest goes; then the two zones left still tie.
    expect(answer.tasks.map((task) => [task.taskArn.slice(TASK.length, TASK.length + 4), task.availabilityZone])).toEqual([['f8e0', 'us-east-1c'], ['d6c8', 'us-east-1b']]);
    expect(answer.tasks[0]?.reasons).toEqual([{ code: 'newest', candidates: 3, description: 'the newest of the 3 tasks the chain left tied' }]);
    expect(answer.tasks[1]?.reasons.map((reason) => reason.code)).toEqual(['newest']);
  });

  it('keeps protected tasks, and exits 1 when the service has fewer to stop than asked, printing the answer', () => {
    const { code, stdout } = scaleIn(...FLEET, '--service', 'web', '--count', '3', '--protected', `${TASK}a3f5c1d2e4b64f7a9c0d1e2f3a4b5c6d`);
    expect(code).toBe(1);
    const answer = JSON.parse(stdout) as ScaleInJson;
    expect(answer).toMatchObject({ complete: false, protectedTasks: 1, requested: 3 });
    expect(answer.tasks.map((task) => task.taskArn)).toEqual([`${TASK}c5b7e3f4a6d84b9c1e2f3a4b5c6d7e8f`]);
    expect(answer.tasks[0]?.reasons).toEqual([{ code: 'last_candidate', description: 'the only task of the group left to stop' }]);
  });

  it('prints a table with the strategy named, and binpack reasons', () => {
    const io = ecsIo();
    const code = main(['scale-in', ...FLEET, '--service', 'worker', '--count', '1', '--strategy', 'binpack(memory)', '--output', 'table'], io);
    expect(code).toBe(0);
    expect(io.stdout()).toMatch(/^Stop 1 task of group service:worker, following binpack\(memory\)\.\n\n#  TASK +INSTANCE +ZONE +WHY\n/);
    expect(io.stdout()).toMatch(/binpack\(memory\): its instance would have \d+ MiB left once it stops, the most/);
  });

  it('refuses bad input with a message and exit 2, printing nothing', () => {
    for (const args of [
      ['--instances', 'fixtures/fleet.json', '--service', 'web', '--count', '1'],
      [...FLEET, '--count', '1'],
      [...FLEET, '--service', 'web'],
      [...FLEET, '--service', 'web', '--count', '0'],
      [...FLEET, '--service', 'web', '--count', '1', '--protected', 'task-1'],
      [...FLEET, '--service', 'web', '--count', '1', '--strategy', 'binpack(disk'],
    ]) {
      const { code, stdout, stderr } = scaleIn(...args);
      expect({ args, code, stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(stderr).toMatch(/^task-placement scale-in: /);
    }
    expect(scaleIn(...FLEET, '--service', 'web', '--count', '1', '--protected', 'task-1').stderr).toContain('No running task has id task-1');
  });

  it('has a help text', () => {
    const io = ecsIo();
    expect(main(['scale-in', '--help'], io)).toBe(0);
    expect(io.stdout()).toMatch(/^Usage: task-placement scale-in --instances FILE --tasks FILE --service NAME --count N/);
  });
});
