import { describe, expect, it } from 'vitest';
import { clusterFromEcs } from '../../src/ecs/clusterFromEcs';
import { fromPlacementRequest } from '../../src/ecs/fromPlacementRequest';
import { fromTaskDefinition, readTaskDefinition } from '../../src/ecs/fromTaskDefinition';
import { inputErrorOf } from '../support/inputErrorOf';
import { describeResponse, fixture, withValue } from './ecsJson';

const definition = (fields: Record<string, unknown>) =>
  ({ family: 'app', containerDefinitions: [{ name: 'app', image: 'public.ecr.aws/nginx/nginx:1.27', memory: 128 }], ...fields });

/** Three instances that differ only in their platform attributes, as the agent registers them. */
const platforms = describeResponse(
  { id: 'intel', cpu: 2048, memory: 4096, attributes: { 'ecs.os-type': 'linux', 'ecs.os-family': 'LINUX', 'ecs.cpu-architecture': 'x86_64' } },
  { id: 'graviton', cpu: 2048, memory: 4096, attributes: { 'ecs.os-type': 'linux', 'ecs.os-family': 'LINUX', 'ecs.cpu-architecture': 'arm64' } },
  { id: 'windows', cpu: 2048, memory: 4096, attributes: { 'ecs.os-type': 'windows', 'ecs.os-family': 'WINDOWS_SERVER_2022_CORE', 'ecs.cpu-architecture': 'x86_64' } },
);
const placedOn = (task: ReturnType<typeof fromTaskDefinition>, count = 6): string[] =>
  clusterFromEcs(platforms).place({ task, count, group: 'g' }).placements.map(({ instanceId }) => instanceId.split('/').pop() as string);

describe('requiresAttributes with a value', () => {
  it('keeps the value, reads "value": null and a missing value as a name alone, and leaves targetType out', () => {
    const task = fromTaskDefinition(definition({
      requiresAttributes: [
        { name: 'ecs.capability.task-eni', value: null, targetType: null, targetId: null },
        { name: 'stack', value: 'prod', targetType: 'container-instance' },
        { name: 'stack', value: 'prod' },
        { name: 'com.amazonaws.ecs.capability.docker-remote-api.1.19' },
      ],
    }));
    expect(task.requiresAttributes).toEqual(['ecs.capability.task-eni', { name: 'stack', value: 'prod' }, 'com.amazonaws.ecs.capability.docker-remote-api.1.19']);
  });

  it('places only where the attribute has that value', () => {
    const task = fromTaskDefinition(definition({ requiresAttributes: [{ name: 'ecs.cpu-architecture', value: 'arm64' }] }));
    expect(placedOn(task)).toEqual(Array.from({ length: 6 }, () => 'graviton'));
  });

  it.each<[string, unknown, string]>([
    ['an empty value', [{ name: 'stack', value: '' }], 'requiresAttributes[0].value'],
    ['a value that is a number', [{ name: 'stack', value: 3 }], 'requiresAttributes[0].value'],
    ['a value with a character ECS refuses', [{ name: 'ecs.capability.task-eni' }, { name: 'stack', value: 'prod;dev' }], 'requiresAttributes[1].value'],
  ])('refuses %s at its path', (_name, requiresAttributes, path) => {
    expect(inputErrorOf(() => readTaskDefinition(definition({ requiresAttributes })))).toEqual({ code: 'invalid_attribute', path });
  });
});

describe('runtimePlatform', () => {
  it.each<[Record<string, unknown>, unknown[] | undefined]>([
    [{ cpuArchitecture: 'X86_64' }, [{ name: 'ecs.cpu-architecture', value: 'x86_64' }]],
    [{ cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' }, [{ name: 'ecs.cpu-architecture', value: 'arm64' }, { name: 'ecs.os-type', value: 'linux' }]],
    [{ operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' }, [{ name: 'ecs.os-family', value: 'WINDOWS_SERVER_2022_CORE' }]],
    [{ operatingSystemFamily: 'WINDOWS_SERVER_20H2_CORE', cpuArchitecture: null }, [{ name: 'ecs.os-family', value: 'WINDOWS_SERVER_20H2_CORE' }]],
    [{}, undefined],
  ])('reads %j as the attributes the instance must have', (runtimePlatform, requiresAttributes) => {
    expect(fromTaskDefinition(definition({ runtimePlatform })).requiresAttributes).toEqual(requiresAttributes);
  });

  it('adds to requiresAttributes, counting once what ECS already lists there', () => {
    const task = fromTaskDefinition(definition({
      requiresAttributes: [{ name: 'ecs.capability.task-eni' }, { name: 'ecs.cpu-architecture', value: 'arm64' }],
      runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
    }));
    expect(task.requiresAttributes).toEqual(['ecs.capability.task-eni', { name: 'ecs.cpu-architecture', value: 'arm64' }, { name: 'ecs.os-type', value: 'linux' }]);
  });

  it.each<[Record<string, unknown>, string[]]>([
    [{ cpuArchitecture: 'ARM64' }, ['graviton']],
    [{ cpuArchitecture: 'X86_64', operatingSystemFamily: 'LINUX' }, ['intel']],
    [{ operatingSystemFamily: 'LINUX' }, ['intel', 'graviton']],
    [{ operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' }, ['windows']],
    [{ operatingSystemFamily: 'WINDOWS_SERVER_2019_FULL' }, []],
  ])('places a task of platform %j only on %j', (runtimePlatform, instances) => {
    const task = fromTaskDefinition(definition({ runtimePlatform }));
    expect([...new Set(placedOn(task))].sort()).toEqual([...instances].sort());
  });

  it('says why an instance of another architecture is not chosen', () => {
    const task = fromTaskDefinition(definition({ runtimePlatform: { cpuArchitecture: 'ARM64' } }));
    const cluster = clusterFromEcs(describeResponse({ id: 'intel', cpu: 2048, memory: 4096, attributes: { 'ecs.cpu-architecture': 'x86_64' } }));
    expect(cluster.place({ task }).failures[0]).toMatchObject({
      reason: 'ATTRIBUTE',
      rejection: { code: 'missing_attribute', attribute: 'ecs.cpu-architecture', value: 'arm64' },
      diagnosis: { summary: '0/1 instances are available: 1 lacks the attribute ecs.cpu-architecture with value arm64.' },
    });
  });

  it.each<[Record<string, unknown>, string]>([
    [{ cpuArchitecture: 'arm64' }, 'runtimePlatform.cpuArchitecture'],
    [{ cpuArchitecture: 'AARCH64' }, 'runtimePlatform.cpuArchitecture'],
    [{ operatingSystemFamily: 'WINDOWS' }, 'runtimePlatform.operatingSystemFamily'],
    [{ operatingSystemFamily: 'linux' }, 'runtimePlatform.operatingSystemFamily'],
    [{ operatingSystemFamily: 7 }, 'runtimePlatform.operatingSystemFamily'],
  ])('refuses %j at its path', (runtimePlatform, path) => {
    expect(inputErrorOf(() => readTaskDefinition(definition({ runtimePlatform })))).toEqual({ code: 'invalid_ecs_json', path });
  });

  it('refuses a runtimePlatform that is not an object', () => {
    expect(inputErrorOf(() => readTaskDefinition(definition({ runtimePlatform: 'ARM64' })))).toEqual({ code: 'invalid_ecs_json', path: 'runtimePlatform' });
  });
});

describe('the launch types ECS validated a task definition for', () => {
  /** A Fargate-only task definition as DescribeTaskDefinition prints it. */
  const fargateOnly = readTaskDefinition(withValue(fixture('web-task-definition.json'), ['taskDefinition', 'compatibilities'], ['FARGATE']));
  const runTask = { taskDefinition: 'web:7', count: 1 };

  it('keeps the compatibilities of a described definition, and none for a RegisterTaskDefinition input', () => {
    expect(readTaskDefinition(fixture('web-task-definition.json')).compatibilities).toEqual(['EXTERNAL', 'EC2']);
    expect(readTaskDefinition(fixture('fargate-webserver.json')).compatibilities).toBeUndefined();
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['RunTask with launchType EC2', { ...runTask, launchType: 'EC2' }, 'launchType'],
    ['RunTask with launchType EXTERNAL', { ...runTask, launchType: 'EXTERNAL' }, 'launchType'],
    ['RunTask with no launch type', runTask, ''],
    ['CreateService on EC2', { serviceName: 'web', taskDefinition: 'web:7', desiredCount: 2, launchType: 'EC2' }, 'launchType'],
    ['a described service', { services: [{ serviceName: 'web', taskDefinition: 'web:7', desiredCount: 2, launchType: 'EC2' }] }, 'services[0].launchType'],
  ])('refuses a definition validated for FARGATE only: %s', (_name, request, path) => {
    expect(inputErrorOf(() => fromPlacementRequest(request, fargateOnly))).toEqual({ code: 'incompatible_launch_type', path });
    expect(() => fromPlacementRequest(request, fargateOnly)).toThrow('Task definition does not support launch_type');
  });

  it('refuses EXTERNAL for a definition validated for EC2 only, and takes EC2', () => {
    const ec2Only = readTaskDefinition(withValue(fixture('web-task-definition.json'), ['taskDefinition', 'compatibilities'], ['EC2']));
    expect(inputErrorOf(() => fromPlacementRequest({ ...runTask, launchType: 'EXTERNAL' }, ec2Only))).toEqual({ code: 'incompatible_launch_type', path: 'launchType' });
    expect(fromPlacementRequest({ ...runTask, launchType: 'EC2' }, ec2Only).count).toBe(1);
  });

  it('places a definition that requires FARGATE but that ECS validated for EC2 too, as ECS runs it on EC2', () => {
    // DescribeTaskDefinition prints a definition registered with requiresCompatibilities FARGATE with compatibilities EC2 and FARGATE.
    const both = readTaskDefinition(withValue(
      withValue(fixture('web-task-definition.json'), ['taskDefinition', 'requiresCompatibilities'], ['FARGATE']),
      ['taskDefinition', 'compatibilities'], ['EC2', 'FARGATE'],
    ));
    expect(fromPlacementRequest({ ...runTask, launchType: 'EC2' }, both).count).toBe(1);
    // A RegisterTaskDefinition input has no compatibilities yet: ECS validates it for EC2 when it registers it.
    const input = readTaskDefinition(fixture('fargate-webserver.json'));
    expect(fromPlacementRequest({ taskDefinition: 'fargate-task-definition', launchType: 'EC2' }, input).count).toBe(1);
  });
});
