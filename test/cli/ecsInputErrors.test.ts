import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { fixture, withValue } from '../ecs/ecsJson';
import { ecsIo } from './ecsFiles';

const FLEET = fixture('fleet.json');
const WEB = fixture('web-task-definition.json');
const SERVICE = fixture('create-service.json');

/** A command line that reads `bad.json` in the place of one fixture. */
interface Case {
  readonly name: string;
  readonly args: readonly string[];
  readonly bad?: unknown;
  readonly message: string;
}

const place = (role: '--instances' | '--task-definition' | '--request' | '--tasks'): string[] => {
  const files: Record<string, string> = {
    '--instances': 'fixtures/fleet.json',
    '--task-definition': 'fixtures/web-task-definition.json',
    '--request': 'fixtures/create-service.json',
    '--tasks': 'fixtures/describe-tasks.json',
  };
  files[role] = 'bad.json';
  return ['place', ...Object.entries(files).flat()];
};

const cases: Case[] = [
  { name: 'a CPU amount written as a string', args: place('--instances'), bad: withValue(FLEET, ['containerInstances', 3, 'registeredResources', 0, 'integerValue'], '2048'), message: 'bad.json: containerInstances[3].registeredResources[0].integerValue: expected a number' },
  { name: 'a MEMORY amount missing', args: place('--instances'), bad: withValue(FLEET, ['containerInstances', 1, 'remainingResources', 1, 'integerValue'], undefined), message: 'bad.json: containerInstances[1].remainingResources[1].integerValue: expected the amount of MEMORY' },
  { name: 'an unknown resource type', args: place('--instances'), bad: withValue(FLEET, ['containerInstances', 0, 'registeredResources', 1, 'type'], 'FLOAT'), message: 'bad.json: containerInstances[0].registeredResources[1].type: expected one of INTEGER, LONG, DOUBLE, STRINGSET' },
  { name: 'a port that is not a number', args: place('--instances'), bad: withValue(FLEET, ['containerInstances', 2, 'remainingResources', 2, 'stringSetValue', 5], 'http'), message: 'bad.json: containerInstances[2].remainingResources[2].stringSetValue[5]: expected a port number from 1 to 65535' },
  { name: 'more memory remaining than registered', args: place('--instances'), bad: withValue(FLEET, ['containerInstances', 4, 'remainingResources', 1, 'integerValue'], 99999), message: 'bad.json: containerInstances[4].remainingResources[1].integerValue: expected at most the 3843 registered' },
  { name: 'an unknown status', args: place('--instances'), bad: withValue(FLEET, ['containerInstances', 3, 'status'], 'Draining'), message: 'bad.json: containerInstances[3].status:' },
  { name: 'an attribute value that is a number', args: place('--instances'), bad: withValue(FLEET, ['containerInstances', 0, 'attributes', 14, 'value'], 7), message: 'bad.json: containerInstances[0].attributes[14].value:' },
  { name: 'a malformed registeredAt', args: place('--instances'), bad: withValue(FLEET, ['containerInstances', 5, 'registeredAt'], 'yesterday'), message: 'bad.json: containerInstances[5].registeredAt:' },
  { name: 'a duplicate container instance', args: place('--instances'), bad: withValue(FLEET, ['containerInstances', 6, 'containerInstanceArn'], (FLEET as { containerInstances: { containerInstanceArn: string }[] }).containerInstances[2]?.containerInstanceArn), message: 'bad.json: containerInstances[6].containerInstanceArn: expected each container instance once, but this one is also containerInstances[2]' },
  { name: 'no containerInstances at all', args: place('--instances'), bad: { containerInstanceArns: [] }, message: 'bad.json: containerInstances: expected this field' },
  { name: 'a container memory written as text', args: place('--task-definition'), bad: withValue(WEB, ['taskDefinition', 'containerDefinitions', 1, 'memoryReservation'], '64 MiB'), message: 'bad.json: taskDefinition.containerDefinitions[1].memoryReservation: expected a number' },
  { name: 'a task memory in an unknown unit', args: place('--task-definition'), bad: withValue(WEB, ['taskDefinition', 'memory'], '1 TB'), message: 'bad.json: taskDefinition.memory: expected a size such as 512, "512" or "2 GB"' },
  { name: 'a host port out of range', args: place('--task-definition'), bad: withValue(WEB, ['taskDefinition', 'containerDefinitions', 0, 'portMappings', 0, 'hostPort'], 80000), message: 'bad.json: taskDefinition.containerDefinitions[0].portMappings[0].hostPort: expected a port from 0 to 65535' },
  { name: 'a GPU requirement that is not a count', args: place('--task-definition'), bad: withValue(WEB, ['taskDefinition', 'containerDefinitions', 0, 'resourceRequirements'], [{ type: 'GPU', value: 2 }]), message: 'bad.json: taskDefinition.containerDefinitions[0].resourceRequirements[0].value: expected a string' },
  { name: 'distinctInstance in the task definition', args: place('--task-definition'), bad: withValue(WEB, ['taskDefinition', 'placementConstraints', 0], { type: 'distinctInstance' }), message: 'bad.json: taskDefinition.placementConstraints[0].type:' },
  { name: 'a memberOf expression that does not parse', args: place('--request'), bad: withValue(SERVICE, ['placementConstraints', 0, 'expression'], 'attribute:stack =='), message: 'bad.json: placementConstraints[0].expression: Correct this memberOf expression' },
  { name: 'a strategy field ECS does not have', args: place('--request'), bad: withValue(SERVICE, ['placementStrategy', 1, 'field'], 'zone'), message: 'bad.json: placementStrategy[1].field:' },
  { name: 'a desiredCount that is a string', args: place('--request'), bad: withValue(SERVICE, ['desiredCount'], '3'), message: 'bad.json: desiredCount: expected a number, got a string ("3")' },
  { name: 'a request for another task definition', args: place('--request'), bad: withValue(SERVICE, ['taskDefinition'], 'api:2'), message: 'bad.json: taskDefinition: expected the task definition given (web:7)' },
  { name: 'a Fargate request', args: place('--request'), bad: withValue(SERVICE, ['launchType'], 'FARGATE'), message: 'bad.json: launchType: expected EC2 or EXTERNAL' },
  { name: 'a task definition ECS validated for Fargate only, with a request', args: place('--task-definition'), bad: withValue(WEB, ['taskDefinition', 'compatibilities'], ['FARGATE']), message: 'fixtures/create-service.json: launchType: Task definition does not support launch_type EC2: ECS validated' },
  { name: 'a task definition ECS validated for Fargate only, without a request', args: ['place', '--instances', 'fixtures/fleet.json', '--task-definition', 'bad.json'], bad: withValue(WEB, ['taskDefinition', 'compatibilities'], ['FARGATE']), message: 'bad.json: Task definition does not support launch_type EC2' },
  { name: 'a runtime platform ECS does not have', args: place('--task-definition'), bad: withValue(WEB, ['taskDefinition', 'runtimePlatform'], { cpuArchitecture: 'ARM' }), message: 'bad.json: taskDefinition.runtimePlatform.cpuArchitecture: expected X86_64 or ARM64' },
  { name: 'a task on an instance not described', args: place('--tasks'), bad: withValue(fixture('describe-tasks.json'), ['tasks', 2, 'containerInstanceArn'], 'arn:aws:ecs:us-east-1:123456789012:container-instance/prod/ffff'), message: 'bad.json: tasks[2].containerInstanceArn: expected one of the container instances described' },
  { name: 'a file that is not JSON', args: place('--instances'), bad: '{"containerInstances": [', message: 'The --instances file bad.json is not valid JSON' },
  { name: 'query on an instance file with a bad resource', args: ['query', 'attribute:stack == prod', '--instances', 'bad.json'], bad: withValue(FLEET, ['containerInstances', 7, 'remainingResources', 3, 'stringSetValue'], '8125'), message: 'bad.json: containerInstances[7].remainingResources[3].stringSetValue: expected an array' },
];

describe('malformed ECS input', () => {
  it('has at least fifteen cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases)('refuses $name: the JSON path on stderr, nothing on stdout, exit 2', ({ args, bad, message }) => {
    const io = ecsIo({ 'bad.json': typeof bad === 'string' ? bad : JSON.stringify(bad) });
    const code = main(args, io);
    expect(io.stdout()).toBe('');
    expect(io.stderr()).toContain(`task-placement ${args[0] ?? ''}: ${message}`);
    expect(code).toBe(2);
  });
});

describe('bad command lines', () => {
  it.each<[string, string[], string]>([
    ['a missing --instances', ['place', '--task-definition', 'fixtures/sleep360.json'], '--instances is required'],
    ['a missing --task-definition', ['place', '--instances', 'fixtures/fleet.json'], '--task-definition is required'],
    ['a missing file', ['place', '--instances', 'nowhere.json', '--task-definition', 'fixtures/sleep360.json'], 'Cannot read the --instances file nowhere.json'],
    ['--service with --group', ['place', '--instances', 'fixtures/fleet.json', '--task-definition', 'fixtures/sleep360.json', '--service', 'a', '--group', 'b'], 'give --service or --group, not both'],
    ['a bad --count', ['place', '--instances', 'fixtures/fleet.json', '--task-definition', 'fixtures/sleep360.json', '--count', '0'], '--count takes a whole number of at least 1'],
    ['a bad --strategy', ['place', '--instances', 'fixtures/fleet.json', '--task-definition', 'fixtures/sleep360.json', '--strategy', 'spread(instanceId),pack(cpu)'], '--strategy: [1].type:'],
    ['a bad --constraint', ['place', '--instances', 'fixtures/fleet.json', '--task-definition', 'fixtures/sleep360.json', '--constraint', 'memberOf(attribute:ecs.instance-type =~)'], '--constraint: Correct this memberOf expression'],
    ['too many constraints in all', ['place', '--instances', 'fixtures/fleet.json', '--task-definition', 'fixtures/web-task-definition.json', ...Array.from({ length: 10 }, () => ['--constraint', 'distinctInstance']).flat()], 'the request as combined from the files and flags: request.placementConstraints:'],
    ['an unknown option', ['place', '--instance', 'fixtures/fleet.json'], "Unknown option '--instance'"],
    ['a bad --output', ['query', 'agentConnected == true', '--instances', 'fixtures/fleet.json', '--output', 'yaml'], "--output is 'json' or 'table'"],
    ['a query without an expression', ['query', '--instances', 'fixtures/fleet.json'], 'query takes one expression'],
    ['a bad --status', ['query', 'agentConnected == true', '--instances', 'fixtures/fleet.json', '--status', 'active'], '--status is one of ACTIVE'],
  ])('refuses %s, exit 2', (_name, args, message) => {
    const io = ecsIo();
    expect(main(args, io)).toBe(2);
    expect(io.stdout()).toBe('');
    expect(io.stderr()).toContain(message);
  });
});
