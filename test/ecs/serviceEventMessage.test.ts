import { describe, expect, it } from 'vitest';
import { clusterFromEcs } from '../../src/ecs/clusterFromEcs';
import { serviceEventMessage } from '../../src/ecs/serviceEventMessage';
import { shortId } from '../../src/ecs/shortId';
import type { PlacementRequest } from '../../src/model/PlacementRequest';
import { describeResponse, type InstanceShape } from './ecsJson';

const HEAD = 'service web was unable to place a task because no container instance met all of its requirements.';
const TAIL = 'For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.';
const ONE: InstanceShape = { id: 'c0ffee', cpu: 1024, memory: 2048, attributes: { 'ecs.availability-zone': 'us-east-1a' } };

/** The event ECS would record for the first task of `request` that the instance cannot take. */
function eventFor(instance: InstanceShape, request: Omit<PlacementRequest, 'service'>): string {
  const cluster = clusterFromEcs(describeResponse(instance));
  const [failure] = cluster.place({ ...request, service: 'web', count: 2 }).failures;
  if (failure === undefined) throw new Error('expected a failure');
  return serviceEventMessage('web', failure);
}

describe('serviceEventMessage', () => {
  it.each<[string, InstanceShape, Omit<PlacementRequest, 'service'>, string]>([
    ['insufficient CPU', ONE, { task: { resources: { cpu: 2048, memory: 128 } } }, 'has insufficient CPU units available.'],
    ['insufficient memory', ONE, { task: { resources: { memory: 4096 } } }, 'has insufficient memory available.'],
    ['insufficient GPUs', ONE, { task: { resources: { memory: 128, gpu: 1 } } }, 'has insufficient GPU available.'],
    ['a TCP port in use', { ...ONE, inUse: ['80'] }, { task: { resources: { memory: 128 }, ports: { tcp: [80] } } }, 'is already using a port required by your task.'],
    ['a UDP port in use', { ...ONE, udpInUse: ['53'] }, { task: { resources: { memory: 128 }, ports: { udp: [53] } } }, 'is already using a port required by your task.'],
    ['a missing attribute', ONE, { task: { resources: { memory: 128 }, requiresAttributes: ['ecs.capability.task-eni'] } }, 'is missing an attribute required by your task.'],
    ['a disconnected agent', { ...ONE, agentConnected: false }, { task: { resources: { memory: 128 } } }, 'encountered error "AGENT".'],
    ['a DRAINING instance', { ...ONE, status: 'DRAINING' }, { task: { resources: { memory: 128 } } }, 'encountered error "AGENT".'],
    ['memberOf', ONE, { task: { resources: { memory: 128 } }, placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ g4dn.*' }] }, 'encountered error "MemberOf placement constraint unsatisfied.".'],
  ])('words %s as ECS does', (_name, instance, request, ending) => {
    expect(eventFor(instance, request)).toBe(`${HEAD} The closest matching container-instance c0ffee ${ending} ${TAIL}`);
  });

  it('words distinctInstance as ECS does, once the instance runs a task of the service', () => {
    const cluster = clusterFromEcs(describeResponse(ONE));
    const result = cluster.place({ task: { resources: { memory: 128 } }, service: 'web', count: 2, placementConstraints: [{ type: 'distinctInstance' }] });
    expect(result.placements).toHaveLength(1);
    expect(serviceEventMessage('web', result.failures[0] ?? { reason: '' })).toBe(
      `${HEAD} The closest matching container-instance c0ffee encountered error "DistinctInstance placement constraint unsatisfied.". ${TAIL}`,
    );
  });

  it('words a cluster without instances as ECS does', () => {
    const [failure] = clusterFromEcs({ containerInstances: [], failures: [] }).place({ task: { resources: { memory: 128 } }, service: 'web' }).failures;
    expect(serviceEventMessage('web', failure ?? { reason: '' })).toBe(`${HEAD} Reason: No Container Instances were found in your cluster. ${TAIL}`);
  });

  it('gives the reason of a capacity provider without instances, or without ACTIVE ones', () => {
    const cluster = clusterFromEcs(describeResponse({ ...ONE, status: 'DRAINING', capacityProviderName: 'spot' }));
    const place = (capacityProvider: string) => cluster.place({ task: { resources: { memory: 128 } }, service: 'web', capacityProviderStrategy: [{ capacityProvider }] }).failures[0] ?? { reason: '' };
    expect(serviceEventMessage('web', place('on-demand'))).toBe(`${HEAD} Reason: EMPTY CAPACITY PROVIDER. ${TAIL}`);
    expect(serviceEventMessage('web', place('spot'))).toBe(`${HEAD} Reason: NO ACTIVE INSTANCES. ${TAIL}`);
  });

  it('names the instance by the last part of its ARN', () => {
    expect(shortId('arn:aws:ecs:us-east-1:123456789012:container-instance/prod/8f9e')).toBe('8f9e');
    expect(shortId('arn:aws:ecs:us-east-1:123456789012:container-instance/8f9e')).toBe('8f9e');
    expect(shortId('i-1')).toBe('i-1');
  });
});
