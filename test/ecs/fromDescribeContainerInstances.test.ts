import { describe, expect, it } from 'vitest';
import { fromDescribeContainerInstances } from '../../src/ecs/fromDescribeContainerInstances';
import { inputErrorOf } from '../support/inputErrorOf';
import { arnOf, containerInstance, describeResponse, fixture, resource, withValue } from './ecsJson';

describe('fromDescribeContainerInstances', () => {
  it('reads the sample of the ECS documentation as it is printed', () => {
    const [instance, ...rest] = fromDescribeContainerInstances(fixture('describe-container-instances.json'));
    expect(rest).toEqual([]);
    expect(instance?.spec).toEqual({
      id: 'arn:aws:ecs:us-west-2:aws_account_id:container-instance/container_instance_ID',
      ec2InstanceId: 'instance_id',
      resources: { cpu: 1024, memory: 995 },
      reservedPorts: { tcp: [22, 2376, 2375, 51678], udp: [] },
      attributes: {
        'com.amazonaws.ecs.capability.privileged-container': null,
        'com.amazonaws.ecs.capability.docker-remote-api.1.17': null,
        'com.amazonaws.ecs.capability.docker-remote-api.1.18': null,
        'com.amazonaws.ecs.capability.docker-remote-api.1.19': null,
        'com.amazonaws.ecs.capability.logging-driver.json-file': null,
        'com.amazonaws.ecs.capability.logging-driver.syslog': null,
      },
      status: 'ACTIVE',
      agentConnected: true,
      agentVersion: '1.5.0',
    });
    expect(instance?.held).toEqual({ resources: {}, ports: { tcp: [], udp: [] } });
    expect(instance?.runningTasksCount).toBe(0);
  });

  it('reads the whole fleet fixture: DRAINING, a disconnected agent, custom attributes, GPUs, ports in use', () => {
    const fleet = fromDescribeContainerInstances(fixture('fleet.json'));
    expect(fleet).toHaveLength(8);
    expect(fleet.map((instance) => instance.spec.status)).toContain('DRAINING');
    expect(fleet.filter((instance) => instance.spec.agentConnected === false)).toHaveLength(1);
    expect(fleet.map((instance) => instance.spec.attributes?.['stack'])).toEqual(['prod', 'prod', 'prod', 'prod', 'staging', 'ml', 'prod', 'prod']);
    const gpu = fleet.find((instance) => instance.spec.attributes?.['ecs.instance-type'] === 'g4dn.xlarge');
    expect(gpu?.spec.resources.gpu).toBe(1);
    expect(fleet[0]?.held).toEqual({ resources: { cpu: 512, memory: 1024 }, ports: { tcp: [80], udp: [] } });
    expect(fleet[7]?.held.ports).toEqual({ tcp: [], udp: [8125] });
  });

  it('takes remaining ports as ports in use: the agent reserves the registered ones, tasks hold the rest', () => {
    const [instance] = fromDescribeContainerInstances(describeResponse({ id: 'a', cpu: 2048, memory: 4096, inUse: ['80', '443'], udpInUse: ['53'] }));
    expect(instance?.spec.reservedPorts).toEqual({ tcp: [22, 2375, 2376, 51678, 51679], udp: [] });
    expect(instance?.held.ports).toEqual({ tcp: [80, 443], udp: [53] });
  });

  it('takes registered minus remaining as held by tasks', () => {
    const [instance] = fromDescribeContainerInstances(describeResponse({ id: 'a', cpu: 2048, memory: 4096, cpuLeft: 1024, memoryLeft: 4096 }));
    expect(instance?.held.resources).toEqual({ cpu: 1024 });
  });

  it.each([
    ['INTEGER', 'integerValue'],
    ['LONG', 'longValue'],
    ['DOUBLE', 'doubleValue'],
  ])('reads a %s resource from %s', (type) => {
    const json = withValue(describeResponse({ id: 'a', cpu: 1024, memory: 2048 }), ['containerInstances', 0, 'registeredResources', 4], resource('ENI', 3, type));
    const document = withValue(json, ['containerInstances', 0, 'remainingResources', 4], resource('ENI', 2, type));
    const [instance] = fromDescribeContainerInstances(document);
    expect(instance?.spec.resources).toEqual({ cpu: 1024, memory: 2048, eni: 3 });
    expect(instance?.held.resources).toEqual({ eni: 1 });
  });

  it('counts a GPU STRINGSET by its GPU ids, and takes remaining ids as the GPUs still free', () => {
    const base = describeResponse({ id: 'a', cpu: 4096, memory: 15712 });
    const registered = withValue(base, ['containerInstances', 0, 'registeredResources', 4], resource('GPU', ['GPU-1', 'GPU-2']));
    const document = withValue(registered, ['containerInstances', 0, 'remainingResources', 4], resource('GPU', ['GPU-2']));
    const [instance] = fromDescribeContainerInstances(document);
    expect(instance?.spec.resources.gpu).toBe(2);
    expect(instance?.held.resources).toEqual({ gpu: 1 });
  });

  it('counts platformDevices GPUs when no GPU resource is registered', () => {
    const document = withValue(describeResponse({ id: 'a', cpu: 4096, memory: 15712 }), ['containerInstances', 0, 'platformDevices'], [
      { id: 'GPU-1', type: 'GPU' }, { id: 'GPU-2', type: 'GPU' },
    ]);
    expect(fromDescribeContainerInstances(document)[0]?.spec.resources.gpu).toBe(2);
  });

  it('keeps attributes with and without values, and null values as none', () => {
    const document = withValue(describeResponse({ id: 'a', cpu: 1024, memory: 2048 }), ['containerInstances', 0, 'attributes'], [
      { name: 'ecs.capability.task-eni' },
      { name: 'stack', value: 'prod', targetType: 'container-instance', targetId: arnOf('a') },
      { name: 'ecs.os-type', value: null },
    ]);
    expect(fromDescribeContainerInstances(document)[0]?.spec.attributes).toEqual({ 'ecs.capability.task-eni': null, stack: 'prod', 'ecs.os-type': null });
  });

  it.each([
    ['2025-03-02T09:11:07.512000+00:00', '2025-03-02T09:11:07.512000+00:00'],
    [1740907027.218, '2025-03-02T09:17:07.218Z'],
  ])('reads registeredAt %j as %s', (registeredAt, expected) => {
    const document = withValue(describeResponse({ id: 'a', cpu: 1024, memory: 2048 }), ['containerInstances', 0, 'registeredAt'], registeredAt);
    expect(fromDescribeContainerInstances(document)[0]?.spec.registeredAt).toBe(expected);
  });

  it('accepts a bare array of container instances', () => {
    const instances = fromDescribeContainerInstances([containerInstance({ id: 'a', cpu: 1024, memory: 2048 })]);
    expect(instances.map((instance) => instance.spec.id)).toEqual([arnOf('a')]);
  });

  it.each<[string, (string | number)[], unknown, string, string]>([
    ['a CPU amount that is a string', ['containerInstances', 0, 'registeredResources', 0, 'integerValue'], '1024', 'invalid_ecs_json', 'containerInstances[0].registeredResources[0].integerValue'],
    ['an unknown resource type', ['containerInstances', 0, 'registeredResources', 1, 'type'], 'FLOAT', 'invalid_ecs_json', 'containerInstances[0].registeredResources[1].type'],
    ['a port that is not a number', ['containerInstances', 0, 'registeredResources', 2, 'stringSetValue', 0], 'ssh', 'invalid_port', 'containerInstances[0].registeredResources[2].stringSetValue[0]'],
    ['PORTS as an INTEGER', ['containerInstances', 0, 'registeredResources', 2, 'type'], 'INTEGER', 'invalid_ecs_json', 'containerInstances[0].registeredResources[2].type'],
    ['MEMORY as a STRINGSET', ['containerInstances', 0, 'registeredResources', 1, 'type'], 'STRINGSET', 'invalid_ecs_json', 'containerInstances[0].registeredResources[1].type'],
    ['a fractional DOUBLE amount', ['containerInstances', 0, 'registeredResources', 0], resource('CPU', 0.5, 'DOUBLE'), 'invalid_resource', 'containerInstances[0].registeredResources[0].doubleValue'],
    ['more remaining than registered', ['containerInstances', 0, 'remainingResources', 1, 'integerValue'], 9999, 'invalid_ecs_json', 'containerInstances[0].remainingResources[1].integerValue'],
    ['an unknown status', ['containerInstances', 0, 'status'], 'RUNNING', 'invalid_status', 'containerInstances[0].status'],
    ['agentConnected as a string', ['containerInstances', 0, 'agentConnected'], 'true', 'invalid_ecs_json', 'containerInstances[0].agentConnected'],
    ['a malformed agent version', ['containerInstances', 0, 'versionInfo', 'agentVersion'], 'latest', 'invalid_version', 'containerInstances[0].versionInfo.agentVersion'],
    ['a malformed registeredAt', ['containerInstances', 0, 'registeredAt'], '02/03/2025', 'invalid_date', 'containerInstances[0].registeredAt'],
    ['an attribute without a name', ['containerInstances', 0, 'attributes', 0], { value: 'prod' }, 'invalid_ecs_json', 'containerInstances[0].attributes[0].name'],
    ['no containerInstanceArn', ['containerInstances', 0, 'containerInstanceArn'], undefined, 'invalid_ecs_json', 'containerInstances[0].containerInstanceArn'],
    ['a negative runningTasksCount', ['containerInstances', 0, 'runningTasksCount'], -1, 'invalid_ecs_json', 'containerInstances[0].runningTasksCount'],
    ['more running tasks than MiB of memory, each task holding at least one', ['containerInstances', 0, 'runningTasksCount'], 1_000_000_000, 'invalid_ecs_json', 'containerInstances[0].runningTasksCount'],
  ])('refuses %s, naming its path', (_name, path, value, code, errorPath) => {
    const document = withValue(describeResponse({ id: 'a', cpu: 1024, memory: 2048, attributes: { stack: 'prod' } }), path, value);
    expect(inputErrorOf(() => fromDescribeContainerInstances(document))).toEqual({ code, path: errorPath });
  });

  it('refuses an instance without CPU, at its registeredResources', () => {
    const document = withValue(describeResponse({ id: 'a', cpu: 1024, memory: 2048 }), ['containerInstances', 0, 'registeredResources', 0], resource('ENI', 1));
    expect(inputErrorOf(() => fromDescribeContainerInstances(document))).toEqual({ code: 'invalid_ecs_json', path: 'containerInstances[0].registeredResources' });
  });

  it('refuses the same container instance twice, at the second', () => {
    const document = describeResponse({ id: 'a', cpu: 1024, memory: 2048 }, { id: 'b', cpu: 1024, memory: 2048 }, { id: 'a', cpu: 1024, memory: 2048 });
    expect(inputErrorOf(() => fromDescribeContainerInstances(document))).toEqual({ code: 'duplicate_instance', path: 'containerInstances[2].containerInstanceArn' });
  });

  it('says what it expected and what it got', () => {
    const document = withValue(describeResponse({ id: 'a', cpu: 1024, memory: 2048 }, { id: 'b', cpu: 1024, memory: 2048 }), ['containerInstances', 1, 'registeredResources', 1, 'integerValue'], '2048');
    expect(() => fromDescribeContainerInstances(document)).toThrow('containerInstances[1].registeredResources[1].integerValue: expected a number, got a string ("2048")');
  });

  it('refuses a document that is not a DescribeContainerInstances response', () => {
    expect(inputErrorOf(() => fromDescribeContainerInstances({ containerInstanceArns: [] }))).toEqual({ code: 'invalid_ecs_json', path: 'containerInstances' });
    expect(inputErrorOf(() => fromDescribeContainerInstances('{}'))).toEqual({ code: 'invalid_ecs_json', path: '' });
  });
});
