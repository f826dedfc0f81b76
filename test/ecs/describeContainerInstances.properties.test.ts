import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { fromDescribeContainerInstances } from '../../src/ecs/fromDescribeContainerInstances';
import { INSTANCE_STATUSES, type InstanceSpec } from '../../src/model/InstanceSpec';
import { resource } from './ecsJson';
import { runs } from '../support/runs';

/** Instance specs as ECS can describe them: ids are ARNs, amounts whole, ports distinct. */
const spec = (index: number): fc.Arbitrary<InstanceSpec> => fc.record({
  cpu: fc.integer({ min: 0, max: 196_608 }),
  memory: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  gpu: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
  tcp: fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { maxLength: 8 }),
  udp: fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { maxLength: 4 }),
  attributes: fc.dictionary(
    fc.stringMatching(/^[a-z][a-z0-9.-]{0,20}$/),
    fc.option(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$/), { nil: null }),
    { maxKeys: 6 },
  ),
  status: fc.constantFrom(...INSTANCE_STATUSES),
  agentConnected: fc.boolean(),
  agentVersion: fc.tuple(fc.nat(3), fc.nat(99), fc.nat(9)).map((parts) => parts.join('.')),
  registeredAt: fc.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString()),
}).map(({ cpu, memory, gpu, tcp, udp, ...rest }) => ({
  id: `arn:aws:ecs:eu-west-1:123456789012:container-instance/c/${index.toString(16).padStart(8, '0')}`,
  ec2InstanceId: `i-${index.toString(16).padStart(17, '0')}`,
  resources: { cpu, memory, ...(gpu === undefined ? {} : { gpu }) },
  reservedPorts: { tcp, udp },
  ...rest,
}));

const fleet = fc.integer({ min: 0, max: 6 }).chain((size) => fc.tuple(...Array.from({ length: size }, (_, index) => spec(index))));

/** Writes specs the way DescribeContainerInstances prints container instances. */
function describeJson(specs: readonly InstanceSpec[]): unknown {
  return {
    containerInstances: specs.map((instance) => {
      const resources = [
        resource('CPU', instance.resources.cpu),
        resource('MEMORY', instance.resources.memory),
        resource('PORTS', (instance.reservedPorts?.tcp ?? []).map(String)),
        resource('PORTS_UDP', (instance.reservedPorts?.udp ?? []).map(String)),
        ...(instance.resources.gpu === undefined ? [] : [resource('GPU', Array.from({ length: instance.resources.gpu }, (_, gpu) => `GPU-${gpu}`))]),
      ];
      return {
        containerInstanceArn: instance.id,
        ec2InstanceId: instance.ec2InstanceId,
        versionInfo: { agentVersion: instance.agentVersion },
        registeredResources: resources,
        remainingResources: resources,
        status: instance.status,
        agentConnected: instance.agentConnected,
        runningTasksCount: 0,
        attributes: Object.entries(instance.attributes ?? {}).map(([name, value]) => (value === null ? { name } : { name, value })),
        registeredAt: instance.registeredAt,
      };
    }),
    failures: [],
  };
}

// Hundreds of generated fleets: seconds on a busy machine, not the default 5 s.
describe('fromDescribeContainerInstances, as a property', () => {
  test.prop([fleet], { numRuns: runs(100) })('reads back the instances a DescribeContainerInstances response describes', (specs) => {
    const read = fromDescribeContainerInstances(describeJson(specs));
    expect(read.map((instance) => instance.spec)).toEqual(specs);
    expect(read.every((instance) => Object.keys(instance.held.resources).length === 0)).toBe(true);
  });
});
