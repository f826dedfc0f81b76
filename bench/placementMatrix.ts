/**
 * The placement benchmark matrix of the design: fleet sizes x strategy chains
 * x constraint mixes, for each engine.
 */
import type { PlacementConstraint, PlacementStrategy, RequestConstraint } from '../src/model/PlacementRequest';
import type { EngineName } from '../src/model/EngineName';
import { PACK_SCORERS, type PackStrategy } from '../src/model/PackStrategy';
import type { PreferStrategy } from '../src/model/PreferStrategy';

/** A strategy chain of the matrix, by the name the tables show. */
export interface ChainCase {
  readonly name: string;
  readonly strategies: readonly (PlacementStrategy | PackStrategy | PreferStrategy)[];
  /** The field whose skew the tables report. */
  readonly skewField: string;
  /** Constraints every request of the case gives; none when absent. */
  readonly constraints?: readonly RequestConstraint[];
}

/** A constraint mix of the matrix. */
export interface ConstraintCase {
  readonly name: string;
  readonly constraints: readonly PlacementConstraint[];
}

const ZONE = 'attribute:ecs.availability-zone';

/** The four chains of the design's performance targets. */
export const CHAINS: readonly ChainCase[] = [
  { name: 'binpack(memory)', strategies: [{ type: 'binpack', field: 'memory' }], skewField: ZONE },
  { name: 'spread(AZ)+binpack(memory)', strategies: [{ type: 'spread', field: ZONE }, { type: 'binpack', field: 'memory' }], skewField: ZONE },
  { name: 'spread(instanceId)', strategies: [{ type: 'spread', field: 'instanceId' }], skewField: 'instanceId' },
  { name: 'random', strategies: [{ type: 'random' }], skewField: ZONE },
];

/** pack on CPU and memory with each scorer: the library's multi-resource strategies, measured beside ECS's chains. */
export const PACK_CHAINS: readonly ChainCase[] = PACK_SCORERS.map((scorer) => ({
  name: `pack(${scorer}: cpu, memory)`,
  strategies: [{ type: 'pack', resources: ['cpu', 'memory'], scorer }],
  skewField: ZONE,
}));

/**
 * The constraints beyond ECS, each under the two chains most services use,
 * and a soft preference: none binds before the fleet holds one task per
 * instance (atMost over zones allows a third of the fleet per zone, and the
 * case places at most one task per instance), so each measures what its
 * check costs.
 */
export const CONSTRAINT_CHAINS: readonly ChainCase[] = ([
  { name: 'spreadLimit(AZ, maxSkew 1)', constraints: [{ type: 'spreadLimit', field: ZONE, maxSkew: 1 }] },
  { name: 'spreadLimit(instanceId, maxSkew 1)', constraints: [{ type: 'spreadLimit', field: 'instanceId', maxSkew: 1 }] },
  { name: 'atMost(2, instanceId)', constraints: [{ type: 'atMost', count: 2, field: 'instanceId' }] },
  { name: 'atMost(AZ)', constraints: [{ type: 'atMost', count: 1_000_000, field: ZONE }] },
  { name: 'distinctInstance(groups)', constraints: [{ type: 'distinctInstance', groups: ['service:web', 'service:api'] }] },
] satisfies { name: string; constraints: RequestConstraint[] }[]).flatMap(({ name, constraints }) => [CHAINS[0], CHAINS[1]].map((chain) => ({ ...(chain as ChainCase), name: `${(chain as ChainCase).name} + ${name}`, constraints }) as ChainCase)).concat([
  // A soft preference ranks first, then binpack breaks its ties: the preferred instances fill first.
  {
    name: 'prefer(m5 weight 50)+binpack(memory)',
    strategies: [{ type: 'prefer', expression: 'attribute:ecs.instance-type =~ m5.*', weight: 50 }, { type: 'binpack', field: 'memory' }],
    skewField: ZONE,
  },
]);

const MEMBER_OF: PlacementConstraint = { type: 'memberOf', expression: "attribute:ecs.instance-type =~ '(m5|m6i|c5|c6i|r5|r6i)\\..*'" };
const DISTINCT_INSTANCE: PlacementConstraint = { type: 'distinctInstance' };

/** Without constraints, with a typical memberOf, with distinctInstance, and with both. */
const CONSTRAINTS: readonly ConstraintCase[] = [
  { name: 'none', constraints: [] },
  { name: 'memberOf', constraints: [MEMBER_OF] },
  { name: 'distinctInstance', constraints: [DISTINCT_INSTANCE] },
  { name: 'memberOf+distinctInstance', constraints: [MEMBER_OF, DISTINCT_INSTANCE] },
];

/** How big each run is. */
export interface MatrixPlan {
  readonly sizes: readonly number[];
  readonly engines: readonly EngineName[];
  /** The largest fleet the reference engine runs on; above it only the default engine runs. */
  readonly referenceUpTo: number;
  /** Placements per case: at most this many... */
  readonly maxPlacements: number;
  /** ...and stop early once a case has spent this long placing. */
  readonly budgetMs: number;
  /** Runs of each default-engine case; the fastest is reported. */
  readonly repeats: number;
  readonly constraints: readonly ConstraintCase[];
}

/** The full matrix of `npm run bench`. */
export const FULL_PLAN: MatrixPlan = {
  sizes: [1_000, 10_000, 100_000, 1_000_000],
  engines: ['indexed', 'reference'],
  referenceUpTo: 100_000,
  maxPlacements: 20_000,
  budgetMs: 1_500,
  repeats: 3,
  constraints: CONSTRAINTS,
};

/** `npm run bench -- --quick`: the same code paths, small enough for the test suite. */
export const QUICK_PLAN: MatrixPlan = {
  sizes: [500, 1_000],
  engines: ['indexed', 'reference'],
  referenceUpTo: 1_000,
  maxPlacements: 200,
  budgetMs: 150,
  repeats: 1,
  constraints: [CONSTRAINTS[0] as ConstraintCase, CONSTRAINTS[3] as ConstraintCase],
};
