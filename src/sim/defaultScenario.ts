/**
 * The scenario `task-placement simulate` runs when given no file.
 *
 * @module
 */
import type { Scenario } from './Scenario';
import {
  ARM_ONLY, BINPACK_CPU, BINPACK_MEMORY, DISTINCT_INSTANCE, GPU_TYPES_ONLY, PROD_ONLY, RANDOM, SPREAD_INSTANCE, SPREAD_ZONE, X86_ONLY,
} from './workload/placementVocabulary';

/**
 * A small mixed cluster whose results are worth reading: 300 instances in
 * three zones and seven services with different chains and constraints,
 * then one churn round. It runs in well under a second on the reference
 * engine.
 *
 * @remarks
 * The fleet has the default family mix (general purpose, compute, memory,
 * about 5% GPU and 10% Graviton instances), about 2% DRAINING and 1% with
 * the agent disconnected. The services:
 * - `web`: 60 small tasks, spread over zones then instances;
 * - `api`: 40 tasks, spread over zones then binpack memory, one per instance;
 * - `worker`: 80 tasks on x86 instances, binpack cpu;
 * - `cache`: 110 memory-heavy nodes (16 GiB), binpack memory, on the prod
 *   stack only and one per instance: more than the prod instances with room,
 *   so the rest fail with `DistinctInstance placement constraint
 *   unsatisfied.` (the closest instances are prod instances with memory to
 *   spare that already run a cache node);
 * - `ml-inference`: 24 GPU tasks on `g*`/`p*` types, more than the fleet's
 *   dozen GPUs, so some fail with `RESOURCE:GPU`; nothing keeps the other
 *   services off GPU instances, so a few of those are too full for a
 *   GPU task even with their GPU free, a lesson of real clusters too;
 * - `batch-arm`: 40 tasks on arm64 instances, random;
 * - `edge`: a proxy on static host port 443, one per instance, with more
 *   tasks than instances, so the rest fail with `RESOURCE:PORTS` (the port
 *   check comes before distinctInstance).
 *
 * @example
 * ```ts
 * const report = runSimulation(DEFAULT_SCENARIO);
 * report.metrics.failuresByReason; // { 'RESOURCE:PORTS': ..., 'DistinctInstance placement constraint unsatisfied.': ..., 'RESOURCE:GPU': ... }
 * ```
 */
export const DEFAULT_SCENARIO: Scenario = {
  name: 'default',
  seed: 1,
  fleet: { size: 300, seed: 1, zones: 3 },
  services: [
    { name: 'web', desiredCount: 60, task: { family: 'web', resources: { cpu: 256, memory: 512 } }, placementStrategy: [SPREAD_ZONE, SPREAD_INSTANCE] },
    {
      name: 'api', desiredCount: 40, task: { family: 'api', resources: { cpu: 512, memory: 1024 } },
      placementStrategy: [SPREAD_ZONE, BINPACK_MEMORY], placementConstraints: [DISTINCT_INSTANCE],
    },
    {
      name: 'worker', desiredCount: 80, task: { family: 'worker', resources: { cpu: 1024, memory: 2048 } },
      placementStrategy: [BINPACK_CPU], placementConstraints: [X86_ONLY],
    },
    {
      name: 'cache', desiredCount: 110, task: { family: 'cache', resources: { cpu: 1024, memory: 16_384 } },
      placementStrategy: [BINPACK_MEMORY], placementConstraints: [PROD_ONLY, DISTINCT_INSTANCE],
    },
    {
      name: 'ml-inference', desiredCount: 24, task: { family: 'ml-inference', resources: { cpu: 2048, memory: 8192, gpu: 1 } },
      placementStrategy: [SPREAD_ZONE, BINPACK_MEMORY], placementConstraints: [GPU_TYPES_ONLY],
    },
    {
      name: 'batch-arm', desiredCount: 40, task: { family: 'batch-arm', resources: { cpu: 512, memory: 1024 } },
      placementStrategy: [RANDOM], placementConstraints: [ARM_ONLY],
    },
    {
      name: 'edge', desiredCount: 320, task: { family: 'edge', resources: { cpu: 128, memory: 256 }, ports: { tcp: [443] } },
      placementStrategy: [SPREAD_ZONE, SPREAD_INSTANCE], placementConstraints: [DISTINCT_INSTANCE],
    },
  ],
  churn: { rounds: 1, stopFraction: 0.1 },
};
