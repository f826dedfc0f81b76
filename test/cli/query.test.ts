import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { ecsIo } from './ecsFiles';

const FLEET = ['--instances', 'fixtures/fleet.json'];

function query(...args: string[]): { code: number; arns: string[]; stderr: string } {
  const io = ecsIo();
  const code = main(['query', ...args], io);
  const { containerInstanceArns } = JSON.parse(io.stdout()) as { containerInstanceArns: string[] };
  return { code, arns: containerInstanceArns.map((arn) => arn.slice(arn.lastIndexOf('/') + 1, arn.lastIndexOf('/') + 5)), stderr: io.stderr() };
}

describe('task-placement query', () => {
  it.each<[string, string[]]>([
    ['attribute:ecs.instance-type =~ m5.*', ['0b1c', '2d3e', '7c8d']],
    ['attribute:ecs.availability-zone in [us-east-1b, us-east-1c] and attribute:stack == prod', ['2d3e', '3e4f', '6b7c']],
    ['attribute:stack != prod', ['4f5a', '5a6b']],
    ['agentConnected == false', ['6b7c']],
    ['runningTasksCount == 0', ['1c2d', '3e4f', '5a6b', '6b7c']],
    ['agentVersion < 1.80.0', ['6b7c']],
    ['registeredAt > 2025-03-02T09:16:00Z', ['1c2d', '5a6b', '6b7c', '7c8d']],
    ['ec2InstanceId == i-0f18b3e6d4a9c7f21', ['5a6b']],
    ['attribute:ecs.capability.task-eni exists and not(attribute:com.amazonaws.ecs.capability.logging-driver.awslogs exists)', ['5a6b']],
    ['attribute:ecs.instance-type == x1.32xlarge', []],
  ])('lists the instances where %s holds, like list-container-instances --filter', (expression, expected) => {
    const { code, arns, stderr } = query(expression, ...FLEET);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(arns).toEqual(expected);
  });

  it('sees the groups of the described tasks with --tasks', () => {
    expect(query('task:group == service:web', ...FLEET).arns).toEqual([]);
    expect(query('task:group == service:web', ...FLEET, '--tasks', 'fixtures/describe-tasks.json').arns).toEqual(['0b1c', '2d3e']);
  });

  it('filters by status with --status', () => {
    expect(query('attribute:stack == prod', ...FLEET, '--status', 'DRAINING').arns).toEqual(['3e4f']);
  });

  it('prints a table', () => {
    const io = ecsIo();
    expect(main(['query', 'attribute:ecs.availability-zone == us-east-1c', ...FLEET, '--output', 'table'], io)).toBe(0);
    const lines = io.stdout().split('\n');
    expect(lines[0]).toBe('3 of 8 container instances match attribute:ecs.availability-zone == us-east-1c:');
    expect(lines[2]).toMatch(/^CONTAINER INSTANCE\s+EC2 INSTANCE\s+STATUS\s+AGENT\s+ZONE\s+INSTANCE TYPE\s+TASKS\s+CPU FREE \(UNITS\)\s+MEMORY FREE \(MIB\)$/);
    expect(lines[4]).toMatch(/^4f5a6b7c8d9e40f1e2f3a4b5c6d7e8f9\s+i-0e4a7c9d16f2b8035\s+ACTIVE\s+yes\s+us-east-1c\s+t3\.medium\s+1\s+1792\/2048\s+3331\/3843$/);
  });

  it('prints the caret message for a bad expression, exit 2 and nothing on stdout', () => {
    const io = ecsIo();
    expect(main(['query', 'runningTasksCount =~ 1', ...FLEET], io)).toBe(2);
    expect(io.stdout()).toBe('');
    expect(io.stderr()).toMatch(/^task-placement query: .*\n\n {2}runningTasksCount =~ 1\n {20}\^\^\n$/);
  });

  it('prints its help', () => {
    const io = ecsIo();
    expect(main(['query', '--help'], io)).toBe(0);
    expect(io.stdout()).toMatch(/^Usage: task-placement query EXPRESSION --instances FILE/);
  });
});
