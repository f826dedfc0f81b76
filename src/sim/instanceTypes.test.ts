import { describe, expect, it } from 'vitest';
import { ECS_RESERVED_MEMORY, instanceResources } from './instanceResources';
import { INSTANCE_FAMILIES, INSTANCE_TYPES, type InstanceType } from './instanceTypes';

function byName(name: string): InstanceType {
  const type = INSTANCE_TYPES.find((candidate) => candidate.name === name);
  if (type === undefined) throw new Error(`no type ${name}`);
  return type;
}

describe('INSTANCE_TYPES', () => {
  it('names each type once and draws from every family', () => {
    expect(new Set(INSTANCE_TYPES.map((type) => type.name)).size).toBe(INSTANCE_TYPES.length);
    expect(new Set(INSTANCE_TYPES.map((type) => type.family))).toEqual(new Set(INSTANCE_FAMILIES));
  });

  it.each(INSTANCE_TYPES.map((type) => [type.name, type] as const))('%s registers positive resources, eni = maxEni - 1, gpu only on GPU types', (_, type) => {
    const resources = instanceResources(type);
    expect(resources.cpu).toBe(type.vcpu * 1024);
    expect(resources.memory).toBeGreaterThan(0);
    expect(resources.memory).toBeLessThan(type.memoryGiB * 1024 - ECS_RESERVED_MEMORY);
    expect(resources.eni).toBe(type.maxEni - 1);
    expect(resources.eni).toBeGreaterThan(0);
    if (type.family === 'gpu') expect(resources.gpu).toBe(type.gpu);
    else expect(resources).not.toHaveProperty('gpu');
    expect(type.gpu > 0).toBe(type.family === 'gpu');
  });

  it('marks exactly the Graviton family arm64', () => {
    for (const type of INSTANCE_TYPES) expect(type.architecture === 'arm64').toBe(type.family === 'arm');
  });

  it('has the published sizes of well-known types', () => {
    expect(byName('t3.medium')).toMatchObject({ vcpu: 2, memoryGiB: 4, maxEni: 3, gpu: 0 });
    expect(byName('m5.4xlarge')).toMatchObject({ vcpu: 16, memoryGiB: 64, maxEni: 8 });
    expect(byName('c5.large')).toMatchObject({ vcpu: 2, memoryGiB: 4, maxEni: 3 });
    expect(byName('r5.2xlarge')).toMatchObject({ vcpu: 8, memoryGiB: 64, maxEni: 4 });
    expect(byName('g4dn.xlarge')).toMatchObject({ vcpu: 4, memoryGiB: 16, gpu: 1, maxEni: 3 });
    expect(byName('p3.2xlarge')).toMatchObject({ vcpu: 8, memoryGiB: 61, gpu: 1, maxEni: 4 });
    expect(byName('m6g.xlarge')).toMatchObject({ vcpu: 4, memoryGiB: 16, maxEni: 4, architecture: 'arm64' });
  });
});

describe('instanceResources', () => {
  it('keeps 4% of memory for the system and 256 MiB for the agent', () => {
    expect(instanceResources(byName('t3.medium'))).toEqual({ cpu: 2048, memory: 3676, eni: 2 });
    expect(instanceResources(byName('m5.large'))).toEqual({ cpu: 2048, memory: 7608, eni: 2 });
    expect(instanceResources(byName('g4dn.xlarge'))).toEqual({ cpu: 4096, memory: 15_472, gpu: 1, eni: 2 });
  });
});
