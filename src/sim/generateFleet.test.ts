import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../../test/support/inputErrorOf';
import { Cluster } from '../cluster/Cluster';
import type { InstanceSpec } from '../model/InstanceSpec';
import { generateFleet } from './generateFleet';
import { instanceResources } from './instanceResources';
import { INSTANCE_TYPES } from './instanceTypes';
import type { FleetOptions } from './Scenario';
import { streamFleet } from './streamFleet';
import { runs } from '../../test/support/runs';

const ARN = /^arn:aws:ecs:us-east-1:123456789012:container-instance\/sim\/[0-9a-f]{8}$/;
const EC2_ID = /^i-[0-9a-f]{17}$/;

function share(fleet: readonly InstanceSpec[], test: (spec: InstanceSpec) => boolean): number {
  return fleet.filter(test).length / fleet.length;
}

describe('generateFleet', () => {
  it('gives the same fleet for the same seed and another for another seed', () => {
    expect(generateFleet({ size: 500, seed: 9 })).toEqual(generateFleet({ size: 500, seed: 9 }));
    expect(generateFleet({ size: 500, seed: 9 })).not.toEqual(generateFleet({ size: 500, seed: 10 }));
  });

  it('defaults the seed to 1', () => {
    expect(generateFleet({ size: 50 })).toEqual(generateFleet({ size: 50, seed: 1 }));
  });

  it('gives unique ARN ids and EC2 ids of the right form', () => {
    const fleet = generateFleet({ size: 20_000, seed: 3 });
    expect(new Set(fleet.map((spec) => spec.id)).size).toBe(fleet.length);
    expect(new Set(fleet.map((spec) => spec.ec2InstanceId)).size).toBe(fleet.length);
    for (const spec of fleet.slice(0, 200)) {
      expect(spec.id).toMatch(ARN);
      expect(spec.ec2InstanceId).toMatch(EC2_ID);
    }
  });

  it.each([3, 4, 5, 6])('spreads instances over %i zones, near evenly but not exactly', (zones) => {
    const fleet = generateFleet({ size: 6000, seed: 5, zones });
    const counts = new Map<string, number>();
    for (const spec of fleet) counts.set(spec.attributes?.['ecs.availability-zone'] as string, (counts.get(spec.attributes?.['ecs.availability-zone'] as string) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(Array.from({ length: zones }, (_, index) => `us-east-1${'abcdef'[index] as string}`));
    for (const count of counts.values()) expect(Math.abs(count - 6000 / zones)).toBeLessThan(0.1 * (6000 / zones));
    expect(new Set(counts.values()).size).toBeGreaterThan(1);
  });

  it('uses zone names and a region when given', () => {
    const fleet = generateFleet({ size: 30, zones: ['eu-west-3a', 'eu-west-3b', 'eu-west-3c'], region: 'eu-west-3' });
    expect(new Set(fleet.map((spec) => spec.attributes?.['ecs.availability-zone']))).toEqual(new Set(['eu-west-3a', 'eu-west-3b', 'eu-west-3c']));
    expect(fleet[0]?.id).toMatch(/^arn:aws:ecs:eu-west-3:/);
  });

  it('honours the fractions roughly on 10,000 instances', () => {
    const fleet = generateFleet({ size: 10_000, seed: 11, drainingFraction: 0.1, disconnectedFraction: 0.05 });
    expect(share(fleet, (spec) => spec.status === 'DRAINING')).toBeCloseTo(0.1, 1);
    expect(share(fleet, (spec) => spec.agentConnected === false)).toBeCloseTo(0.05, 1);
    expect(share(fleet, (spec) => spec.attributes?.['lifecycle'] === 'spot')).toBeCloseTo(0.2, 1);
    expect(share(fleet, (spec) => spec.attributes?.['stack'] === 'prod')).toBeCloseTo(0.7, 1);
    expect(share(fleet, (spec) => spec.attributes?.['rack'] !== undefined)).toBeCloseTo(0.3, 1);
    const defaults = generateFleet({ size: 10_000, seed: 11 });
    expect(share(defaults, (spec) => spec.status === 'DRAINING')).toBeCloseTo(0.02, 2);
    expect(share(defaults, (spec) => spec.agentConnected === false)).toBeCloseTo(0.01, 2);
  });

  it('draws types by family weight', () => {
    const fleet = generateFleet({ size: 10_000, seed: 2 });
    const familyOf = new Map(INSTANCE_TYPES.map((type) => [type.name, type.family]));
    const gpu = share(fleet, (spec) => familyOf.get(spec.attributes?.['ecs.instance-type'] as string) === 'gpu');
    expect(gpu).toBeCloseTo(0.5 / 10.5, 1);
    const onlyArm = generateFleet({ size: 300, families: { arm: 1 } });
    expect(onlyArm.every((spec) => spec.attributes?.['ecs.cpu-architecture'] === 'arm64')).toBe(true);
  });

  it('gives each instance the built-in attributes, capabilities and resources of its type', () => {
    const [spec] = generateFleet({ size: 1, seed: 4 });
    const type = INSTANCE_TYPES.find((candidate) => candidate.name === spec?.attributes?.['ecs.instance-type']);
    expect(spec?.resources).toEqual(type === undefined ? undefined : instanceResources(type));
    expect(spec?.attributes).toMatchObject({
      'ecs.os-type': 'linux', 'ecs.os-family': 'LINUX', 'ecs.capability.task-eni': null,
      'com.amazonaws.ecs.capability.docker-remote-api.1.44': null, 'ecs.cpu-architecture': type?.architecture,
    });
    expect(spec?.attributes?.['ecs.ami-id']).toMatch(/^ami-[0-9a-f]{17}$/);
    expect(spec?.attributes?.['ecs.subnet-id']).toMatch(/^subnet-[0-9a-f]{17}$/);
    expect(spec?.reservedPorts).toEqual({ tcp: [22, 2375, 2376, 51678, 51679] });
    expect(spec?.agentVersion).toMatch(/^1\.\d+\.\d+$/);
    expect(Date.parse(spec?.registeredAt as string)).toBeLessThan(Date.UTC(2025, 5, 1));
  });

  it('gives one subnet per zone', () => {
    const subnets = new Map<unknown, Set<unknown>>();
    for (const spec of generateFleet({ size: 600, zones: 5 })) {
      const zone = spec.attributes?.['ecs.availability-zone'];
      subnets.set(zone, (subnets.get(zone) ?? new Set()).add(spec.attributes?.['ecs.subnet-id']));
    }
    expect([...subnets.values()].map((set) => set.size)).toEqual([1, 1, 1, 1, 1]);
    expect(new Set([...subnets.values()].flatMap((set) => [...set])).size).toBe(5);
  });

  it('refuses options out of range', () => {
    expect(inputErrorOf(() => generateFleet({ size: -1 }))).toEqual({ code: 'invalid_count', path: 'options.size' });
    expect(inputErrorOf(() => generateFleet({ size: 10, zones: 2 }))).toEqual({ code: 'invalid_option', path: 'options.zones' });
    expect(inputErrorOf(() => generateFleet({ size: 10, zones: 7 }))).toEqual({ code: 'invalid_option', path: 'options.zones' });
    expect(inputErrorOf(() => generateFleet({ size: 10, drainingFraction: 1.5 }))).toEqual({ code: 'invalid_option', path: 'options.drainingFraction' });
    expect(inputErrorOf(() => generateFleet({ size: 10, families: { gpu: 0 } }))).toEqual({ code: 'invalid_option', path: 'options.families' });
  });
});

describe('streamFleet', () => {
  it('gives the same sequence as generateFleet, lazily', () => {
    const options = { size: 2000, seed: 21, zones: 4, drainingFraction: 0.1 };
    expect([...streamFleet(options)]).toEqual(generateFleet(options));
    const iterator = streamFleet({ size: 2_000_000, seed: 21, zones: 4, drainingFraction: 0.1 });
    expect(iterator.next().value).toEqual(generateFleet(options)[0]);
  });

  it('checks the options before the first instance is asked for', () => {
    expect(inputErrorOf(() => streamFleet({ size: 2_000_001 }))).toEqual({ code: 'invalid_count', path: 'options.size' });
  });
});

const fleetOptions: fc.Arbitrary<FleetOptions> = fc.record({
  size: fc.integer({ min: 0, max: 120 }),
  seed: fc.integer({ min: -1000, max: 1000 }),
  zones: fc.integer({ min: 3, max: 6 }),
  region: fc.constantFrom('us-east-1', 'eu-west-3', 'ap-southeast-2'),
  families: fc.record({ general: fc.nat(4), compute: fc.nat(4), memory: fc.nat(4), gpu: fc.nat(4), arm: fc.integer({ min: 1, max: 4 }) }),
  drainingFraction: fc.double({ min: 0, max: 1, noNaN: true }),
  disconnectedFraction: fc.double({ min: 0, max: 1, noNaN: true }),
}, { requiredKeys: ['size'] });

describe('generated fleets', () => {
  test.prop([fleetOptions], { numRuns: runs(60) })('are accepted by a Cluster as they are', (options) => {
    const fleet = generateFleet(options);
    expect(fleet).toHaveLength(options.size);
    const cluster = new Cluster({ instances: fleet, engine: 'reference' });
    expect(cluster.instances().map((instance) => instance.id)).toEqual(fleet.map((spec) => spec.id));
  });
});
