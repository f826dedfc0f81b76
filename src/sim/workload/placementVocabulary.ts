/**
 * The strategy chains and constraints generated services use: the ones
 * ECS's documentation and real service definitions show most.
 *
 * @module
 */
import type { DistinctInstanceConstraint, PlacementStrategy } from '../../model/PlacementRequest';
import type { MemberOfConstraint } from '../../model/TaskSpec';

/** `spread(attribute:ecs.availability-zone)`: balance over zones. */
export const SPREAD_ZONE: PlacementStrategy = Object.freeze({ type: 'spread', field: 'attribute:ecs.availability-zone' });
/** `spread(instanceId)`: one more task on the instance with fewest. */
export const SPREAD_INSTANCE: PlacementStrategy = Object.freeze({ type: 'spread', field: 'instanceId' });
/** `binpack(memory)`: fill the instance with least memory left. */
export const BINPACK_MEMORY: PlacementStrategy = Object.freeze({ type: 'binpack', field: 'memory' });
/** `binpack(cpu)`: fill the instance with least CPU left. */
export const BINPACK_CPU: PlacementStrategy = Object.freeze({ type: 'binpack', field: 'cpu' });
/** `random`. */
export const RANDOM: PlacementStrategy = Object.freeze({ type: 'random' });

/** Named chains, with how often services use each. */
export const STRATEGY_CHAINS: readonly { readonly chain: readonly PlacementStrategy[]; readonly weight: number }[] = [
  { chain: [SPREAD_ZONE, SPREAD_INSTANCE], weight: 3 },
  { chain: [SPREAD_ZONE, BINPACK_MEMORY], weight: 3 },
  { chain: [BINPACK_MEMORY], weight: 2 },
  { chain: [BINPACK_CPU], weight: 1 },
  { chain: [RANDOM], weight: 1 },
];

/** `distinctInstance`: at most one task of the service per instance. */
export const DISTINCT_INSTANCE: DistinctInstanceConstraint = Object.freeze({ type: 'distinctInstance' });

/**
 * A memberOf constraint.
 *
 * @param expression - a cluster query expression
 * @returns `{ type: 'memberOf', expression }`
 */
function memberOf(expression: string): MemberOfConstraint {
  return { type: 'memberOf', expression };
}

/** Only instances of the `prod` stack (a custom attribute of simulated fleets). */
export const PROD_ONLY = memberOf('attribute:stack == prod');
/** Only x86 instances: images built for amd64. */
export const X86_ONLY = memberOf('attribute:ecs.cpu-architecture == x86_64');
/** Only Graviton instances: images built for arm64. */
export const ARM_ONLY = memberOf('attribute:ecs.cpu-architecture == arm64');
/**
 * Only GPU instance types (`g*` and `p*`). The pattern is quoted because it
 * holds `|`, which the query language also reads as `or` elsewhere.
 */
export const GPU_TYPES_ONLY = memberOf("attribute:ecs.instance-type =~ 'g.*|p.*'");

/**
 * Anti-affinity with another service.
 *
 * @param service - the other service's name
 * @returns memberOf `not(task:group == service:<service>)`
 */
export function awayFrom(service: string): MemberOfConstraint {
  return memberOf(`not(task:group == service:${service})`);
}
