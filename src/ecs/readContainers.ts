/**
 * A task definition's `containerDefinitions`: what the containers reserve
 * together, and the host ports they bind.
 *
 * @module
 */
import { indexPath, keyPath } from '../model/validation/paths';
import { ecsError, expected, optional, readArray, readRecord, readString, readWholeNumber, required, type JsonRecord } from './json';
import type { EcsContainerDefinition } from './EcsTaskDefinition';
import { readPortMappings, type HostPorts, type NetworkMode } from './readPortMappings';

/** What a task's containers need together. */
export interface ContainerNeeds {
  /** Sum of the containers' `cpu` (a container without one counts 0). */
  readonly cpu: number;
  /** Sum of each container's `memoryReservation`, else its `memory`; undefined when a container gives neither. */
  readonly memory: number | undefined;
  /** Where the first container without memory is, for the message when the task gives no memory either. */
  readonly memoryMissingAt?: string;
  /** GPUs of every container's `resourceRequirements`. */
  readonly gpu: number;
  /** Static host ports. */
  readonly ports: HostPorts;
  /** Each container: its name, image, sizes and static bindings. */
  readonly containers: readonly EcsContainerDefinition[];
}

const GPU_COUNT = /^\d{1,6}$/;

/**
 * Reads the container definitions of a task definition.
 *
 * @param value - the untrusted array
 * @param path - where it is
 * @param mode - the network mode, which decides what a port mapping binds
 * @throws {@link task-placement!PlacementInputError} for a malformed container, with its path
 */
export function readContainers(value: unknown, path: string, mode: NetworkMode): ContainerNeeds {
  const list = readArray(value, path);
  if (list.length === 0) throw ecsError(path, 'expected at least one container definition, as ECS requires');
  const ports: HostPorts = { tcp: new Map(), udp: new Map() };
  let cpu = 0;
  let memory: number | undefined = 0;
  let memoryMissingAt: string | undefined;
  let gpu = 0;
  const containers = list.map((item, index): EcsContainerDefinition => {
    const itemPath = indexPath(path, index);
    const container = readRecord(item, itemPath);
    const name = optional(container, 'name', itemPath, readString);
    const image = optional(container, 'image', itemPath, readString);
    const containerCpu = optional(container, 'cpu', itemPath, readWholeNumber);
    cpu += containerCpu ?? 0;
    const limits = containerMemory(container, itemPath);
    const reserved = limits.soft ?? limits.hard;
    if (reserved === undefined) memoryMissingAt ??= itemPath;
    memory = memory === undefined || reserved === undefined ? undefined : memory + reserved;
    gpu += optional(container, 'resourceRequirements', itemPath, readGpus) ?? 0;
    const networkBindings = optional(container, 'portMappings', itemPath, (mappings, at) => readPortMappings(mappings, at, mode, ports)) ?? [];
    return {
      ...(name === undefined ? {} : { name }),
      ...(image === undefined ? {} : { image }),
      ...(containerCpu === undefined ? {} : { cpu: containerCpu }),
      ...(limits.hard === undefined ? {} : { memory: limits.hard }),
      ...(limits.soft === undefined ? {} : { memoryReservation: limits.soft }),
      networkBindings,
    };
  });
  return { cpu, memory, ...(memoryMissingAt === undefined ? {} : { memoryMissingAt }), gpu, ports, containers };
}

/** A container's hard and soft memory limits; ECS reserves the soft one when there is one, else the hard one. */
function containerMemory(container: JsonRecord, path: string): { hard: number | undefined; soft: number | undefined } {
  const hard = optional(container, 'memory', path, readWholeNumber);
  const soft = optional(container, 'memoryReservation', path, readWholeNumber);
  if (hard !== undefined && soft !== undefined && soft > hard) {
    throw ecsError(keyPath(path, 'memoryReservation'), `expected at most ${hard}, the container's memory, as ECS requires`);
  }
  return { hard, soft };
}

/** GPUs requested by one container; Elastic Inference accelerators name a device, not an amount, and are skipped. */
function readGpus(value: unknown, path: string): number {
  let gpus = 0;
  readArray(value, path).forEach((item, index) => {
    const itemPath = indexPath(path, index);
    const requirement = readRecord(item, itemPath);
    const type = required(requirement, 'type', itemPath, readString);
    if (type === 'InferenceAccelerator') return;
    if (type === 'NeuronDevice') {
      throw ecsError(keyPath(itemPath, 'type'), 'expected GPU: Neuron devices exist only on ECS Managed Instances, which place without strategies', 'unsupported_ecs_feature');
    }
    if (type !== 'GPU') throw expected('"GPU" or "InferenceAccelerator"', type, keyPath(itemPath, 'type'));
    const count = required(requirement, 'value', itemPath, readString);
    if (count === 'ALL') {
      throw ecsError(keyPath(itemPath, 'value'), 'expected a number of GPUs: ALL takes every GPU of whichever instance the task lands on, an amount placement cannot check in advance', 'unsupported_ecs_feature');
    }
    if (!GPU_COUNT.test(count)) throw expected('a number of GPUs as a string, such as "1"', count, keyPath(itemPath, 'value'));
    gpus += Number(count);
  });
  return gpus;
}
