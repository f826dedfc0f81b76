/**
 * The EC2 instance types simulated fleets are drawn from, with their real
 * sizes.
 *
 * @module
 */
import type { InstanceFamily } from './Scenario';

/** The processor architecture of an instance type, as `ecs.cpu-architecture` spells it. */
export type InstanceArchitecture = 'x86_64' | 'arm64';

/** One EC2 instance type and the figures AWS publishes for it. */
export interface InstanceType {
  /** The API name, such as `m5.large`; also the `ecs.instance-type` attribute. */
  readonly name: string;
  /** The catalog family it is drawn in. */
  readonly family: InstanceFamily;
  /** Virtual CPUs. */
  readonly vcpu: number;
  /** Memory in GiB. */
  readonly memoryGiB: number;
  /** GPUs (0 for none). */
  readonly gpu: number;
  /** Maximum network interfaces, the primary one included. */
  readonly maxEni: number;
  /** Processor architecture. */
  readonly architecture: InstanceArchitecture;
}

function type(
  name: string, family: InstanceFamily, vcpu: number, memoryGiB: number, maxEni: number,
  extra: { gpu?: number; architecture?: InstanceArchitecture } = {},
): InstanceType {
  return Object.freeze({ name, family, vcpu, memoryGiB, gpu: extra.gpu ?? 0, maxEni, architecture: extra.architecture ?? 'x86_64' });
}

const ARM = { architecture: 'arm64' } as const;

/**
 * The catalog: current-generation sizes across the five families, with the
 * vCPU count, memory, GPU count and network interface limit that AWS lists
 * for each (EC2 instance type specifications).
 *
 * @remarks
 * The `arm` family holds the Graviton types (`m6g`, `c6g`, `r6g`, `c7g`),
 * whose `ecs.cpu-architecture` is `arm64`; every other type is `x86_64`.
 * Fleets draw a family by weight, then a type uniformly within it.
 *
 * @example
 * ```ts
 * INSTANCE_TYPES.find((t) => t.name === 'g4dn.xlarge');
 * // { name: 'g4dn.xlarge', family: 'gpu', vcpu: 4, memoryGiB: 16, gpu: 1, maxEni: 3, architecture: 'x86_64' }
 * ```
 */
export const INSTANCE_TYPES: readonly InstanceType[] = Object.freeze([
  type('t3.medium', 'general', 2, 4, 3),
  type('t3.large', 'general', 2, 8, 3),
  type('t3.xlarge', 'general', 4, 16, 4),
  type('m5.large', 'general', 2, 8, 3),
  type('m5.xlarge', 'general', 4, 16, 4),
  type('m5.2xlarge', 'general', 8, 32, 4),
  type('m5.4xlarge', 'general', 16, 64, 8),
  type('m6i.large', 'general', 2, 8, 3),
  type('m6i.xlarge', 'general', 4, 16, 4),
  type('m6i.2xlarge', 'general', 8, 32, 4),
  type('c5.large', 'compute', 2, 4, 3),
  type('c5.xlarge', 'compute', 4, 8, 4),
  type('c5.2xlarge', 'compute', 8, 16, 4),
  type('c5.4xlarge', 'compute', 16, 32, 8),
  type('c6i.large', 'compute', 2, 4, 3),
  type('c6i.xlarge', 'compute', 4, 8, 4),
  type('c6i.2xlarge', 'compute', 8, 16, 4),
  type('r5.large', 'memory', 2, 16, 3),
  type('r5.xlarge', 'memory', 4, 32, 4),
  type('r5.2xlarge', 'memory', 8, 64, 4),
  type('r6i.large', 'memory', 2, 16, 3),
  type('r6i.xlarge', 'memory', 4, 32, 4),
  type('r6i.2xlarge', 'memory', 8, 64, 4),
  type('g4dn.xlarge', 'gpu', 4, 16, 3, { gpu: 1 }),
  type('g4dn.2xlarge', 'gpu', 8, 32, 3, { gpu: 1 }),
  type('g5.xlarge', 'gpu', 4, 16, 4, { gpu: 1 }),
  type('p3.2xlarge', 'gpu', 8, 61, 4, { gpu: 1 }),
  type('m6g.large', 'arm', 2, 8, 3, ARM),
  type('m6g.xlarge', 'arm', 4, 16, 4, ARM),
  type('c6g.large', 'arm', 2, 4, 3, ARM),
  type('c6g.xlarge', 'arm', 4, 8, 4, ARM),
  type('r6g.large', 'arm', 2, 16, 3, ARM),
  type('c7g.large', 'arm', 2, 4, 3, ARM),
  type('c7g.xlarge', 'arm', 4, 8, 4, ARM),
]);

/** Every family of the catalog, in a fixed order. */
export const INSTANCE_FAMILIES: readonly InstanceFamily[] = Object.freeze(['general', 'compute', 'memory', 'gpu', 'arm']);
