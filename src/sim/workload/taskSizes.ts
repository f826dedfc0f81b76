/**
 * Task sizes for generated workloads, in CPU units and MiB.
 *
 * @module
 */
import type { SeededRandom } from '../../random/SeededRandom';
import { pick } from '../pick';

/** A task's CPU units and memory in MiB. */
export interface TaskSize {
  /** CPU units (1024 per vCPU). */
  readonly cpu: number;
  /** Memory in MiB. */
  readonly memory: number;
}

/** The common sizes the `uniform` distribution picks from, Fargate-like pairs. */
const UNIFORM_SIZES: readonly TaskSize[] = [
  { cpu: 256, memory: 512 },
  { cpu: 256, memory: 1024 },
  { cpu: 512, memory: 1024 },
  { cpu: 512, memory: 2048 },
  { cpu: 1024, memory: 2048 },
  { cpu: 2048, memory: 4096 },
];

/** The Pareto shape of heavy-tailed memory: about 2% of tasks above 8 GiB. */
const PARETO_ALPHA = 1.1;
const PARETO_SCALE_MIB = 256;
const MAX_MEMORY_MIB = 30_720;
const MAX_CPU = 8192;

/**
 * A size from {@link UNIFORM_SIZES}, uniformly.
 *
 * @param random - the generator; one number is drawn
 * @returns the size
 */
export function uniformSize(random: SeededRandom): TaskSize {
  return pick(random, UNIFORM_SIZES);
}

/**
 * A heavy-tailed size: memory from a Pareto distribution (scale 256 MiB,
 * shape 1.1, so the median is near 480 MiB and a few tasks reach the
 * 30 GiB cap) in steps of 128 MiB, and 1 vCPU per 4 GiB of it (at least
 * 128 units, at most 8 vCPUs).
 *
 * @param random - the generator; one number is drawn
 * @returns the size
 */
export function heavyTailedSize(random: SeededRandom): TaskSize {
  const tail = 1 - random.next();
  const raw = PARETO_SCALE_MIB / tail ** (1 / PARETO_ALPHA);
  const memory = Math.min(MAX_MEMORY_MIB, Math.max(PARETO_SCALE_MIB, Math.round(raw / 128) * 128));
  const cpu = Math.min(MAX_CPU, Math.max(128, Math.round(memory / 4 / 128) * 128));
  return { cpu, memory };
}
