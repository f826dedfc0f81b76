/**
 * The kinds of service a `mixed` workload is made of, like a real
 * cluster's: each with its sizes, strategies and constraints.
 *
 * @module
 */
import type { PlacementConstraint, PlacementStrategy } from '../../model/PlacementRequest';
import type { TaskSpec } from '../../model/TaskSpec';
import type { SeededRandom } from '../../random/SeededRandom';
import { pick } from '../pick';
import {
  ARM_ONLY, awayFrom, BINPACK_CPU, BINPACK_MEMORY, DISTINCT_INSTANCE, GPU_TYPES_ONLY, PROD_ONLY, RANDOM, SPREAD_INSTANCE, SPREAD_ZONE, X86_ONLY,
} from './placementVocabulary';

/** What an archetype makes: a service without its name and desired count. */
export interface ServiceShape {
  /** The task, without a family (the service's name is used). */
  readonly task: Omit<TaskSpec, 'family'>;
  /** Its strategy chain. */
  readonly placementStrategy: readonly PlacementStrategy[];
  /** Its constraints (possibly none). */
  readonly placementConstraints: readonly PlacementConstraint[];
}

/** One kind of service. */
export interface ServiceArchetype {
  /** The name services of this kind get (with `-2`, `-3`... when repeated). */
  readonly role: string;
  /** How often it is drawn once the core roles are taken. */
  readonly weight: number;
  /** Its relative share of the workload's tasks. */
  readonly share: number;
  /**
   * Makes one service of this kind.
   *
   * @param random - the workload's generator
   * @param earlier - the names of the services made before it
   */
  readonly shape: (random: SeededRandom, earlier: readonly string[]) => ServiceShape;
}

const sized = (random: SeededRandom, cpus: readonly number[], memories: readonly number[]) => ({ cpu: pick(random, cpus), memory: pick(random, memories) });

/** The archetypes; a mixed workload of n services starts with the first four, then draws by weight. */
export const SERVICE_ARCHETYPES: readonly ServiceArchetype[] = [
  {
    role: 'web', weight: 3, share: 3,
    shape: (random) => ({ task: { resources: sized(random, [256, 512], [512, 1024]) }, placementStrategy: [SPREAD_ZONE, SPREAD_INSTANCE], placementConstraints: [] }),
  },
  {
    role: 'api', weight: 3, share: 2,
    shape: (random) => ({
      task: { resources: sized(random, [512, 1024], [1024, 2048]) },
      placementStrategy: [SPREAD_ZONE, BINPACK_MEMORY],
      placementConstraints: random.next() < 0.5 ? [DISTINCT_INSTANCE] : [],
    }),
  },
  {
    role: 'worker', weight: 2, share: 2,
    shape: (random) => ({ task: { resources: sized(random, [1024, 2048], [2048, 4096]) }, placementStrategy: [BINPACK_CPU], placementConstraints: [X86_ONLY] }),
  },
  {
    role: 'cache', weight: 1, share: 0.3,
    shape: (random) => ({ task: { resources: sized(random, [1024, 2048], [8192, 12_288, 16_384]) }, placementStrategy: [BINPACK_MEMORY], placementConstraints: [PROD_ONLY] }),
  },
  {
    role: 'cron', weight: 1, share: 0.5,
    shape: (random) => ({ task: { resources: sized(random, [128, 256], [256, 512]) }, placementStrategy: [RANDOM], placementConstraints: [] }),
  },
  {
    role: 'payments', weight: 1, share: 0.5,
    shape: (random) => ({
      // awsvpc networking: one interface per task, and the agent must support task ENIs.
      task: { resources: { ...sized(random, [512, 1024], [1024, 2048]), eni: 1 }, requiresAttributes: ['ecs.capability.task-eni'] },
      placementStrategy: [SPREAD_ZONE, SPREAD_INSTANCE],
      placementConstraints: [PROD_ONLY],
    }),
  },
  {
    role: 'batch-arm', weight: 1, share: 1,
    shape: (random) => ({ task: { resources: sized(random, [512, 1024], [1024, 2048]) }, placementStrategy: [RANDOM], placementConstraints: [ARM_ONLY] }),
  },
  {
    role: 'search', weight: 1, share: 1,
    shape: (random, earlier) => {
      const cache = earlier.find((name) => name.startsWith('cache'));
      return {
        task: { resources: sized(random, [1024, 2048], [4096, 8192]) },
        placementStrategy: [SPREAD_ZONE, SPREAD_INSTANCE],
        placementConstraints: cache === undefined ? [] : [awayFrom(cache)],
      };
    },
  },
  {
    role: 'ml-inference', weight: 0.4, share: 0.2,
    shape: (random) => ({
      task: { resources: { ...sized(random, [2048, 4096], [8192, 12_288]), gpu: 1 } },
      placementStrategy: [SPREAD_ZONE, BINPACK_MEMORY],
      placementConstraints: [GPU_TYPES_ONLY],
    }),
  },
];

/** How many archetypes every mixed workload starts with, in order. */
export const CORE_ROLES = 4;
