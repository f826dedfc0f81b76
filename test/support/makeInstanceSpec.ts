import type { InstanceSpec } from '../../src/model/InstanceSpec';

/** Overrides for {@link makeInstanceSpec}; `zone` and `type` set the built-in attributes. */
export type InstanceSpecOverrides = Partial<Omit<InstanceSpec, 'resources'>> & {
  resources?: Partial<InstanceSpec['resources']>;
  zone?: string;
  type?: string;
};

/** A valid instance spec: 2 vCPU, 4 GiB, ACTIVE, in us-east-1a, with the given fields changed. */
export function makeInstanceSpec(id: string, overrides: InstanceSpecOverrides = {}): InstanceSpec {
  const { resources, zone, type, attributes, ...rest } = overrides;
  return {
    id,
    resources: { cpu: 2048, memory: 4096, ...resources } as InstanceSpec['resources'],
    attributes: {
      'ecs.availability-zone': zone ?? 'us-east-1a',
      'ecs.instance-type': type ?? 't3.medium',
      'ecs.os-type': 'linux',
      ...attributes,
    },
    ...rest,
  };
}
