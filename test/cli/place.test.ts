import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { PlaceResponse } from '../../src/cli/PlaceResponse';
import { arnOf, describeResponse } from '../ecs/ecsJson';
import { ecsIo } from './ecsFiles';

const FLEET = ['--instances', 'fixtures/fleet.json', '--tasks', 'fixtures/describe-tasks.json'];
const WEB = ['--task-definition', 'fixtures/web-task-definition.json'];

function place(...args: string[]): { code: number; response: PlaceResponse; stderr: string } {
  const io = ecsIo();
  const code = main(['place', ...args], io);
  return { code, response: JSON.parse(io.stdout()) as PlaceResponse, stderr: io.stderr() };
}

describe('task-placement place', () => {
  it('places the documentation\'s RunTask sample on its DescribeContainerInstances sample, exit 0', () => {
    const { code, response, stderr } = place('--instances', 'fixtures/describe-container-instances.json', '--task-definition', 'fixtures/sleep360.json', '--request', 'fixtures/run-task.json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(response.failures).toEqual([]);
    expect(response.tasks).toEqual([expect.objectContaining({
      containerInstanceArn: 'arn:aws:ecs:us-west-2:aws_account_id:container-instance/container_instance_ID',
      taskDefinitionArn: 'sleep360',
      group: 'family:sleep360',
      lastStatus: 'PENDING',
    })]);
  });

  it('places a described service on the fleet, and says why two tasks did not fit, exit 1', () => {
    const { code, response } = place(...FLEET, ...WEB, '--request', 'fixtures/web-service.json');
    expect(code).toBe(1);
    expect(response.tasks).toHaveLength(3);
    expect(new Set(response.tasks.map((task) => task.containerInstanceArn)).size).toBe(3);
    expect(response.tasks.every((task) => task.group === 'service:web')).toBe(true);
    // Neither the DRAINING r5, the disconnected m6g nor the g4dn without the awslogs driver takes a task.
    expect(response.tasks.map((task) => task.availabilityZone).sort()).toEqual(['us-east-1a', 'us-east-1a', 'us-east-1c']);
    expect(response.failures).toHaveLength(2);
    expect(response.failures[0]).toMatchObject({ reason: 'RESOURCE:PORTS', arn: expect.stringMatching(/^arn:aws:ecs:us-east-1:123456789012:container-instance\/prod\//) });
    expect(response.events).toEqual([{ message: expect.stringMatching(/^service web was unable to place a task because no container instance met all of its requirements\. The closest matching container-instance [0-9a-f]{32} is already using a port required by your task\./) }]);
  });

  it('lets flags override the request file: count, service, strategy and constraints', () => {
    const { code, response } = place(...FLEET, ...WEB, '--request', 'fixtures/create-service.json', '--count', '1', '--service', 'canary', '--strategy', 'binpack(memory)', '--constraint', 'memberOf(attribute:ecs.instance-type =~ t3.*)');
    expect(code).toBe(0);
    expect(response.tasks).toEqual([expect.objectContaining({ group: 'service:canary', availabilityZone: 'us-east-1c' })]);
    expect(response.events).toEqual([]);
  });

  it('reads binpack(MEMORY) and binpack(CPU) as ECS does, in any case, and places as in lower case', () => {
    const lower = place(...FLEET, ...WEB, '--group', 'packed', '--count', '3', '--strategy', 'binpack(memory),binpack(cpu)');
    const upper = place(...FLEET, ...WEB, '--group', 'packed', '--count', '3', '--strategy', 'binpack(MEMORY),binpack(Cpu)');
    expect(upper.stderr).toBe('');
    expect(upper.code).toBe(lower.code);
    expect(upper.response).toEqual(lower.response);
  });

  it('reads a request file whose binpack field is MEMORY, as DescribeServices reports it', () => {
    const service = { serviceName: 'web', desiredCount: 2, placementStrategy: [{ type: 'binpack', field: 'MEMORY' }], placementConstraints: [] };
    const io = ecsIo({ 'service.json': JSON.stringify({ services: [service], failures: [] }) });
    expect(main(['place', ...FLEET, ...WEB, '--request', 'service.json'], io)).toBe(0);
    expect(io.stderr()).toBe('');
    expect((JSON.parse(io.stdout()) as PlaceResponse).tasks).toHaveLength(2);
  });

  it('places standalone tasks of a group, without events', () => {
    const { response } = place(...FLEET, ...WEB, '--group', 'smoke', '--count', '2', '--constraint', 'distinctInstance');
    expect(response.tasks.map((task) => task.group)).toEqual(['smoke', 'smoke']);
    expect(response.events).toBeUndefined();
  });

  it('reports every task of a GPU task definition as RESOURCE:GPU on a fleet with one GPU per instance', () => {
    const { code, response } = place(...FLEET, '--task-definition', 'fixtures/example-ecs-gpu.json', '--count', '2');
    expect(code).toBe(1);
    expect(response.tasks).toEqual([]);
    expect(response.failures.map((failure) => failure.reason)).toEqual(['RESOURCE:GPU', 'RESOURCE:GPU']);
  });

  it('is deterministic for a seed', () => {
    const run = (seed: string) => place(...FLEET, ...WEB, '--count', '3', '--seed', seed).response.tasks.map((task) => task.containerInstanceArn);
    expect(run('7')).toEqual(run('7'));
  });

  it('prints a table with the placements, the failures, the diagnosis and the service event', () => {
    const io = ecsIo();
    expect(main(['place', ...FLEET, ...WEB, '--request', 'fixtures/web-service.json', '--output', 'table'], io)).toBe(1);
    const text = io.stdout();
    expect(text).toMatch(/^Placed 3 of 5 tasks of group service:web \(task definition arn:aws:ecs:us-east-1:123456789012:task-definition\/web:7\)\./);
    expect(text).toMatch(/^TASK\s+CONTAINER INSTANCE\s+EC2 INSTANCE\s+ZONE\s+INSTANCE TYPE\s+CAPACITY PROVIDER$/m);
    expect(text).toMatch(/^\s+2 {2}RESOURCE:PORTS {2}The closest matching container-instance [0-9a-f]{32} is already using a port required by your task: TCP 80\.$/m);
    expect(text).toContain('Why: 0/8 instances are available: 4 have TCP port 80 in use, 1 has a disconnected agent, 1 has insufficient memory, 1 is DRAINING, 1 lacks the attribute com.amazonaws.ecs.capability.logging-driver.awslogs.');
    expect(text).toContain('Service event:\n  service web was unable to place a task');
  });

  it('answers a service scaled to zero with no task, no failure and no event, exit 0', () => {
    const io = ecsIo({ 'service.json': JSON.stringify({ services: [{ serviceName: 'web', desiredCount: 0 }], failures: [] }) });
    expect(main(['place', ...FLEET, ...WEB, '--request', 'service.json'], io)).toBe(0);
    expect(JSON.parse(io.stdout())).toEqual({ tasks: [], failures: [], events: [] });
    const table = ecsIo({ 'service.json': JSON.stringify({ serviceName: 'web', desiredCount: 0 }) });
    expect(main(['place', ...FLEET, ...WEB, '--request', 'service.json', '--output', 'table'], table)).toBe(0);
    expect(table.stdout()).toBe('Placed 0 of 0 tasks of group service:web (task definition arn:aws:ecs:us-east-1:123456789012:task-definition/web:7).\n');
  });

  it('refuses a RunTask request for more than 10 tasks, as ECS does, unless --count asks for them', () => {
    const io = ecsIo({ 'run-task.json': JSON.stringify({ taskDefinition: 'web:7', count: 12 }) });
    expect(main(['place', ...FLEET, ...WEB, '--request', 'run-task.json'], io)).toBe(2);
    expect(io.stdout()).toBe('');
    expect(io.stderr()).toMatch(/^task-placement place: run-task\.json: count: expected a whole number from 1 to 10, RunTask's count: ECS starts at most 10 tasks a call/);
    const many = ecsIo({ 'run-task.json': JSON.stringify({ taskDefinition: 'web:7', count: 12 }) });
    expect(main(['place', ...FLEET, ...WEB, '--request', 'run-task.json', '--count', '12'], many)).toBe(1);
    const response = JSON.parse(many.stdout()) as PlaceResponse;
    expect(response.tasks.length + response.failures.length).toBe(12);
  });

  it('refuses RunTask on a cluster without container instances with ECS\'s error, exit 2, and answers a service with its event, exit 1', () => {
    const io = ecsIo({ 'empty.json': JSON.stringify({ containerInstances: [], failures: [] }) });
    expect(main(['place', '--instances', 'empty.json', ...WEB, '--count', '2'], io)).toBe(2);
    expect(io.stdout()).toBe('');
    expect(io.stderr()).toMatch(/^task-placement place: empty\.json: InvalidParameterException: No Container Instances were found in your cluster\. /);
    const service = ecsIo({ 'empty.json': JSON.stringify({ containerInstances: [], failures: [] }) });
    expect(main(['place', '--instances', 'empty.json', ...WEB, '--service', 'web'], service)).toBe(1);
    expect(JSON.parse(service.stdout())).toEqual({
      tasks: [],
      failures: [{ reason: 'No Container Instances were found in your cluster.', detail: 'No Container Instances were found in your cluster.' }],
      events: [{ message: 'service web was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.' }],
    });
  });

  it('keeps tasks on the capacity providers a request names, even when --constraint replaces its constraints, and gives each task its provider', () => {
    const zone = { 'ecs.availability-zone': 'us-east-1a' };
    const fleet = describeResponse(
      { id: 'od-1', cpu: 2048, memory: 4096, attributes: zone, capacityProviderName: 'on-demand' },
      { id: 'spot-1', cpu: 2048, memory: 4096, attributes: zone, capacityProviderName: 'spot' },
      { id: 'spot-2', cpu: 2048, memory: 4096, attributes: zone, capacityProviderName: 'spot' },
    );
    const runTask = { taskDefinition: 'sleep360', count: 3, capacityProviderStrategy: [{ capacityProvider: 'spot', weight: 1 }], placementStrategy: [{ type: 'spread', field: 'instanceId' }] };
    const io = ecsIo({ 'fleet.json': JSON.stringify(fleet), 'run-task.json': JSON.stringify(runTask) });
    const args = ['place', '--instances', 'fleet.json', '--task-definition', 'fixtures/sleep360.json', '--request', 'run-task.json', '--constraint', 'memberOf(attribute:ecs.availability-zone == us-east-1a)'];
    expect(main(args, io)).toBe(0);
    const response = JSON.parse(io.stdout()) as PlaceResponse;
    expect(response.tasks.map((task) => [task.containerInstanceArn, task.capacityProviderName])).toEqual([
      [arnOf('spot-1'), 'spot'], [arnOf('spot-2'), 'spot'], [arnOf('spot-1'), 'spot'],
    ]);
    const table = ecsIo({ 'fleet.json': JSON.stringify(fleet), 'run-task.json': JSON.stringify(runTask) });
    expect(main([...args, '--output', 'table'], table)).toBe(0);
    const header = table.stdout().split('\n').find((line) => line.startsWith('TASK')) ?? '';
    expect(header).toMatch(/ZONE +INSTANCE TYPE +CAPACITY PROVIDER$/);
    expect(table.stdout().split('\n').filter((line) => / spot$/.test(line))).toHaveLength(3);
  });

  it('leaves the capacity provider column out when no placed task has a provider', () => {
    const io = ecsIo({ 'fleet.json': JSON.stringify(describeResponse({ id: 'plain-1', cpu: 2048, memory: 4096 })) });
    expect(main(['place', '--instances', 'fleet.json', '--task-definition', 'fixtures/sleep360.json', '--output', 'table'], io)).toBe(0);
    expect(io.stdout()).toContain('INSTANCE TYPE');
    expect(io.stdout()).not.toContain('CAPACITY PROVIDER');
  });

  it('prints its help', () => {
    const io = ecsIo();
    expect(main(['place', '--help'], io)).toBe(0);
    expect(io.stdout()).toMatch(/^Usage: task-placement place --instances FILE --task-definition FILE/);
    expect(io.stdout()).toContain('Flags override the request file');
  });
});
