/**
 * What the ECS agent registers for an instance type.
 *
 * @module
 */
import type { Resources } from '../model/InstanceSpec';
import type { InstanceType } from './instanceTypes';

/** The resources an instance of a catalog type registers. */
export interface InstanceResources extends Resources {
  /** CPU units: 1024 per vCPU. */
  readonly cpu: number;
  /** Memory in MiB, after the operating system's share and the agent's reservation. */
  readonly memory: number;
  /** GPUs; present only on types that have some. */
  readonly gpu?: number;
  /** Network interfaces free for awsvpc tasks: the type's maximum less the primary one. */
  readonly eni: number;
}

/** Share of physical memory the kernel and operating system keep, in percent. */
export const OS_MEMORY_PERCENT = 4;

/** The `ECS_RESERVED_MEMORY` simulated fleets set, in MiB, for the agent and system daemons. */
export const ECS_RESERVED_MEMORY = 256;

/**
 * The resources the ECS agent would register for an instance of `type`.
 *
 * @remarks
 * The agent registers `cpu = vCPUs * 1024` and `memory = MemTotal -
 * ECS_RESERVED_MEMORY`. MemTotal is below the type's nominal memory because
 * the kernel keeps a share; the rule here is: nominal MiB less
 * {@link OS_MEMORY_PERCENT}% (rounded down), less {@link ECS_RESERVED_MEMORY}
 * MiB. A t3.medium (4 GiB) registers 3676 MiB, an m5.large (8 GiB) 7608 MiB.
 * `gpu` is listed only where the type has GPUs, so binpack and fit on `gpu`
 * read 0 elsewhere, as for a real instance without GPUs. `eni` is the type's
 * interface limit less the primary interface, which every instance uses.
 *
 * @param type - a catalog entry
 * @returns the registered resources
 * @example
 * ```ts
 * instanceResources({ name: 'g4dn.xlarge', family: 'gpu', vcpu: 4, memoryGiB: 16, gpu: 1, maxEni: 3, architecture: 'x86_64' });
 * // { cpu: 4096, memory: 15472, gpu: 1, eni: 2 }
 * ```
 */
export function instanceResources(type: InstanceType): InstanceResources {
  const nominal = type.memoryGiB * 1024;
  const memory = Math.floor((nominal * (100 - OS_MEMORY_PERCENT)) / 100) - ECS_RESERVED_MEMORY;
  const cpu = type.vcpu * 1024;
  const eni = type.maxEni - 1;
  return type.gpu > 0 ? { cpu, memory, gpu: type.gpu, eni } : { cpu, memory, eni };
}
