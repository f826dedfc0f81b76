import { describe, expect, it } from 'vitest';
import { fromTaskDefinition, readTaskDefinition } from '../../src/ecs/fromTaskDefinition';
import { readCpu, readMemory } from '../../src/ecs/taskSize';
import { inputErrorOf } from '../support/inputErrorOf';
import { fixture } from './ecsJson';

const container = (fields: Record<string, unknown>) => ({ name: 'app', image: 'public.ecr.aws/nginx/nginx:1.27', essential: true, ...fields });
const definition = (fields: Record<string, unknown>, containers: readonly Record<string, unknown>[] = [container({ memory: 128 })]) =>
  ({ family: 'app', containerDefinitions: containers, ...fields });

describe('readCpu and readMemory', () => {
  it.each([
    [256, 256], ['256', 256], ['1 vCPU', 1024], ['1 vcpu', 1024], ['2vCPU', 2048], ['0.25 vCPU', 256], ['.5 vCPU', 512],
  ])('reads cpu %j as %i CPU units', (given, units) => {
    expect(readCpu(given, 'cpu')).toBe(units);
  });

  it.each([
    [512, 512], ['512', 512], ['2 GB', 2048], ['2GB', 2048], ['1 gb', 1024], ['0.5 GB', 512],
  ])('reads memory %j as %i MiB', (given, mib) => {
    expect(readMemory(given, 'memory')).toBe(mib);
  });

  it.each([
    ['2 GiB', 'invalid_ecs_json'], ['1 core', 'invalid_ecs_json'], ['', 'invalid_ecs_json'], ['-1', 'invalid_ecs_json'], [true, 'invalid_ecs_json'], [1.5, 'invalid_ecs_json'],
  ])('refuses cpu or memory %j', (given, code) => {
    expect(inputErrorOf(() => readMemory(given, 'taskDefinition.memory'))).toEqual({ code, path: 'taskDefinition.memory' });
  });

  it('refuses a size that is not a whole number of units', () => {
    expect(inputErrorOf(() => readCpu('0.1 vCPU', 'cpu'))).toEqual({ code: 'invalid_resource', path: 'cpu' });
  });
});

describe('readTaskDefinition', () => {
  it('reads the sleep360 sample of the ECS documentation, as registered and as described', () => {
    const input = readTaskDefinition(fixture('sleep360.json'));
    const described = readTaskDefinition(fixture('sleep360-registered.json'));
    expect(input).toEqual({
      family: 'sleep360',
      networkMode: 'bridge',
      task: { family: 'sleep360', resources: { cpu: 10, memory: 10 } },
      containers: [{ name: 'sleep', image: 'busybox', cpu: 10, memory: 10, networkBindings: [] }],
    });
    expect(described).toMatchObject({ family: 'sleep360', revision: 1, task: input.task });
  });

  it('reads the GPU sample: resourceRequirements of type GPU count', () => {
    expect(fromTaskDefinition(fixture('example-ecs-gpu.json'))).toEqual({ family: 'example-ecs-gpu', resources: { cpu: 100, memory: 80, gpu: 2 } });
  });

  it('reads the Fargate sample: task-level cpu and memory strings; awsvpc ports take none of the instance; runtimePlatform LINUX', () => {
    expect(fromTaskDefinition(fixture('fargate-webserver.json'))).toEqual({
      family: 'fargate-task-definition',
      resources: { cpu: 256, memory: 512 },
      requiresAttributes: [{ name: 'ecs.os-type', value: 'linux' }],
    });
  });

  it('reads a described task definition: memoryReservation before memory, dynamic ports, attributes, constraints', () => {
    const web = readTaskDefinition(fixture('web-task-definition.json'));
    expect(web).toMatchObject({ family: 'web', revision: 7, taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7' });
    expect(web.task).toEqual({
      family: 'web',
      revision: 7,
      // nginx reserves 512 (its memoryReservation, not its 1024 memory), the log router 64.
      resources: { cpu: 256, memory: 576 },
      ports: { tcp: [80] },
      requiresAttributes: ['com.amazonaws.ecs.capability.logging-driver.awslogs', 'com.amazonaws.ecs.capability.docker-remote-api.1.19'],
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.os-type == linux' }],
    });
    // The containers as RunTask's answer names them: the dynamic port of the log router is not known before it runs.
    expect(web.containers).toEqual([
      { name: 'nginx', image: 'public.ecr.aws/nginx/nginx:1.27', cpu: 256, memory: 1024, memoryReservation: 512, networkBindings: [{ containerPort: 80, hostPort: 80, protocol: 'tcp' }] },
      { name: 'log-router', image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable', memoryReservation: 64, networkBindings: [] },
    ]);
  });

  it('sums the containers when the task gives no size, a container without cpu counting 0', () => {
    const task = fromTaskDefinition(definition({}, [container({ cpu: 128, memory: 256 }), container({ memoryReservation: 64 }), container({ cpu: 10, memory: 100, memoryReservation: 50 })]));
    expect(task.resources).toEqual({ cpu: 138, memory: 370 });
  });

  it('prefers the task-level size to the containers', () => {
    const task = fromTaskDefinition(definition({ cpu: '1 vCPU', memory: '2 GB' }, [container({ cpu: 128, memory: 256 })]));
    expect(task.resources).toEqual({ cpu: 1024, memory: 2048 });
  });

  it.each<[string, Record<string, unknown>, { tcp?: number[]; udp?: number[] } | undefined]>([
    ['bridge static ports by protocol', { portMappings: [{ containerPort: 80, hostPort: 8080 }, { containerPort: 53, hostPort: 53, protocol: 'udp' }] }, { tcp: [8080], udp: [53] }],
    ['bridge dynamic ports: hostPort 0 or none', { portMappings: [{ containerPort: 80, hostPort: 0 }, { containerPort: 81 }] }, undefined],
    ['a container port range', { portMappings: [{ containerPortRange: '8000-8010' }] }, undefined],
  ])('reads %s', (_name, fields, ports) => {
    const task = fromTaskDefinition(definition({}, [container({ memory: 128, ...fields })]));
    expect(task.ports).toEqual(ports);
  });

  it('binds the container port on the host in host network mode, and nothing in awsvpc mode', () => {
    const mappings = { memory: 128, portMappings: [{ containerPort: 9000 }] };
    expect(fromTaskDefinition(definition({ networkMode: 'host' }, [container(mappings)])).ports).toEqual({ tcp: [9000] });
    expect(fromTaskDefinition(definition({ networkMode: 'awsvpc' }, [container(mappings)])).ports).toBeUndefined();
  });

  it('accepts ECS\'s own document wrapper and ignores what placement does not read', () => {
    const wrapped = { taskDefinition: definition({ volumes: [], status: 'ACTIVE', compatibilities: ['EC2'] }), tags: [] };
    expect(readTaskDefinition(wrapped).family).toBe('app');
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['no family', { family: undefined }, 'invalid_ecs_json', 'family'],
    ['no containers', { containerDefinitions: [] }, 'invalid_ecs_json', 'containerDefinitions'],
    ['a container with no memory and no task memory', { containerDefinitions: [container({ cpu: 10 })] }, 'invalid_ecs_json', 'containerDefinitions[0]'],
    ['memoryReservation above memory', { containerDefinitions: [container({ memory: 64, memoryReservation: 128 })] }, 'invalid_ecs_json', 'containerDefinitions[0].memoryReservation'],
    ['a string container cpu', { containerDefinitions: [container({ memory: 64, cpu: '256' })] }, 'invalid_ecs_json', 'containerDefinitions[0].cpu'],
    ['a bad task cpu', { cpu: 'lots' }, 'invalid_ecs_json', 'cpu'],
    ['a GPU count that is not a number', { containerDefinitions: [container({ memory: 64, resourceRequirements: [{ type: 'GPU', value: 'two' }] })] }, 'invalid_ecs_json', 'containerDefinitions[0].resourceRequirements[0].value'],
    ['GPU value ALL', { containerDefinitions: [container({ memory: 64, resourceRequirements: [{ type: 'GPU', value: 'ALL' }] })] }, 'unsupported_ecs_feature', 'containerDefinitions[0].resourceRequirements[0].value'],
    ['an unknown protocol', { containerDefinitions: [container({ memory: 64, portMappings: [{ containerPort: 80, hostPort: 80, protocol: 'sctp' }] })] }, 'invalid_ecs_json', 'containerDefinitions[0].portMappings[0].protocol'],
    ['a host port above 65535', { containerDefinitions: [container({ memory: 64, portMappings: [{ containerPort: 80, hostPort: 70000 }] })] }, 'invalid_port', 'containerDefinitions[0].portMappings[0].hostPort'],
    ['one host port bound twice', { containerDefinitions: [container({ memory: 64, portMappings: [{ containerPort: 80, hostPort: 80 }] }), container({ memory: 64, portMappings: [{ containerPort: 81, hostPort: 80 }] })] }, 'duplicate_port', 'containerDefinitions[1].portMappings[0].hostPort'],
    ['an unknown network mode', { networkMode: 'nat' }, 'invalid_ecs_json', 'networkMode'],
    ['distinctInstance in a task definition', { placementConstraints: [{ type: 'distinctInstance' }] }, 'constraint_not_allowed', 'placementConstraints[0].type'],
    ['a memberOf expression that does not parse', { placementConstraints: [{ type: 'memberOf', expression: 'attribute:stack ==' }] }, 'invalid_expression', 'placementConstraints[0].expression'],
    ['a required attribute without a name', { requiresAttributes: [{ value: 'x' }] }, 'invalid_ecs_json', 'requiresAttributes[0].name'],
  ])('refuses %s, naming its path', (_name, fields, code, path) => {
    expect(inputErrorOf(() => readTaskDefinition(definition(fields)))).toEqual({ code, path });
  });

  it('names the path inside the describe-task-definition wrapper', () => {
    const wrapped = { taskDefinition: definition({ containerDefinitions: [container({ memory: 'lots' })] }) };
    expect(inputErrorOf(() => readTaskDefinition(wrapped))).toEqual({ code: 'invalid_ecs_json', path: 'taskDefinition.containerDefinitions[0].memory' });
  });
});
