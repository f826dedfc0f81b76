/**
 * The resources a task reserves.
 *
 * @module
 */
import * as fc from 'fast-check';
import type { Resources } from '../model/InstanceSpec';
import { TASK_CPU, TASK_CUSTOM, TASK_GPU, TASK_MEMORY } from './defaults';
import { acceptRequest } from './internal/accepted';
import { fail, integerItem, list, listItem, rate, readFields, record, where, type Where } from './internal/readConstraints';
import { sometimes } from './internal/sometimes';

/** What {@link resources} may generate. Each list's first amount is the one counter-examples shrink to. */
export interface ResourcesConstraints {
  /**
   * CPU units a task may reserve (1024 per vCPU; 0 reserves none).
   * @defaultValue `[256, 0, 128, 512, 1024, 2048]`
   */
  readonly cpu?: readonly number[];
  /**
   * MiB a task may reserve.
   * @defaultValue `[512, 128, 256, 1024, 2048]`
   */
  readonly memory?: readonly number[];
  /**
   * GPUs a task asks for, when it asks for any.
   * @defaultValue `[1]`
   */
  readonly gpu?: readonly number[];
  /**
   * The chance that a task asks for GPUs.
   * @defaultValue `0.05`
   */
  readonly gpuRate?: number;
  /**
   * Custom resources by name, with the amounts a task may reserve.
   * @defaultValue `{ eni: [1] }`
   */
  readonly custom?: Readonly<Record<string, readonly number[]>>;
  /**
   * The chance that a task reserves each custom resource.
   * @defaultValue `0.1`
   */
  readonly customRate?: number;
}

/** {@link ResourcesConstraints} with every default filled in. */
export type ResolvedResources = Required<ResourcesConstraints>;

const KEYS = ['cpu', 'memory', 'gpu', 'gpuRate', 'custom', 'customRate'];
const BUILT_IN = ['cpu', 'memory', 'gpu'];
/** Amounts are whole numbers (the library refuses fractions); this bound keeps sums exact. */
const MAX_AMOUNT = 2 ** 31;

/** Reads and checks {@link ResourcesConstraints}; `at` says where they sit. */
export function resolveResources(value: unknown, at: Where): ResolvedResources {
  const fields = readFields(at, value, KEYS);
  const amount = integerItem(at, 0, MAX_AMOUNT);
  const custom = record(at, fields, 'custom', TASK_CUSTOM, listItem(at, amount));
  for (const name of Object.keys(custom)) {
    if (BUILT_IN.includes(name)) fail(at, 'custom', `must not list the built-in resource ${name}; use ${name} instead`);
    acceptRequest(at, `custom[${JSON.stringify(name)}]`, name, { task: { resources: { [name]: 1 } } });
  }
  return {
    cpu: list(at, fields, 'cpu', TASK_CPU, amount),
    memory: list(at, fields, 'memory', TASK_MEMORY, amount),
    gpu: list(at, fields, 'gpu', TASK_GPU, amount),
    gpuRate: rate(at, fields, 'gpuRate', 0.05),
    custom,
    customRate: rate(at, fields, 'customRate', 0.1),
  };
}

/** The arbitrary for resolved constraints. */
export function resourcesFrom(resolved: ResolvedResources): fc.Arbitrary<Resources> {
  const custom = Object.fromEntries(
    Object.entries(resolved.custom).map(([name, amounts]) => [name, sometimes(fc.constantFrom(...amounts), resolved.customRate, undefined)]),
  );
  return fc
    .record({
      cpu: fc.constantFrom(...resolved.cpu),
      memory: fc.constantFrom(...resolved.memory),
      gpu: sometimes(fc.constantFrom(...resolved.gpu), resolved.gpuRate, undefined),
      custom: fc.record(custom),
    })
    .map(({ cpu, memory, gpu, custom: amounts }): Resources => {
      const listed: Record<string, number> = { cpu, memory };
      if (gpu !== undefined) listed['gpu'] = gpu;
      for (const [name, amount] of Object.entries(amounts)) if (amount !== undefined) listed[name] = amount;
      return listed;
    });
}

/**
 * Generates the resources a task reserves: CPU units and MiB always, GPUs
 * and custom resources (such as `eni`) now and then. Shrinks towards the
 * first amount of each list and no GPU or custom resource.
 *
 * @param constraints - what to draw from; every field has a realistic default
 * @returns an arbitrary of {@link Resources} that `place` accepts in a task
 * @throws {@link ConstraintsError} naming `resources` when a constraint is unknown or out of range
 *
 * @example
 * ```ts
 * fc.assert(fc.property(resources({ gpuRate: 0 }), (reserved) => reserved.gpu === undefined));
 * ```
 */
export function resources(constraints: ResourcesConstraints = {}): fc.Arbitrary<Resources> {
  return resourcesFrom(resolveResources(constraints, where('resources')));
}
