/**
 * Seeded workloads: services to place on a simulated fleet.
 *
 * @module
 */
import { SeededRandom } from '../random/SeededRandom';
import type { ServiceScenario } from './Scenario';
import { validateWorkloadOptions, type WorkloadPlan } from './validation/validateWorkloadOptions';
import { weightedPicker } from './weightedPicker';
import { DISTINCT_INSTANCE, PROD_ONLY, STRATEGY_CHAINS, X86_ONLY, awayFrom } from './workload/placementVocabulary';
import { CORE_ROLES, SERVICE_ARCHETYPES, type ServiceArchetype, type ServiceShape } from './workload/serviceArchetypes';
import { splitCount } from './workload/splitCount';
import { heavyTailedSize, uniformSize } from './workload/taskSizes';
import type { WorkloadOptions } from './workload/WorkloadOptions';

/** Names of the services of `uniform` and `heavy-tailed` workloads, used in turn. */
const SERVICE_NAMES = ['web', 'api', 'worker', 'auth', 'search', 'billing', 'catalog', 'orders', 'checkout', 'notify', 'reports', 'ingest', 'thumbnails', 'profile', 'inventory', 'ledger'];

const pickChain = weightedPicker(STRATEGY_CHAINS.map(({ weight }) => weight));
const pickArchetype = weightedPicker(SERVICE_ARCHETYPES.map(({ weight }) => weight));

/**
 * A seeded workload: services with names, task sizes, strategy chains and
 * constraints, whose desired counts add up to `options.tasks`.
 *
 * @remarks
 * Every service has a desired count of at least 1; the rest of the tasks is
 * shared by weight (for `mixed`, by the kind of service: web tiers and
 * workers get many, caches and GPU services few). In `uniform` and
 * `heavy-tailed` workloads each service draws a chain (spread by zone then
 * instance, spread by zone then binpack memory, binpack memory, binpack
 * cpu, or random), distinctInstance on about one in seven, and on about a
 * third a memberOf constraint: x86 only, the prod stack only, or
 * anti-affinity with an earlier service (`not(task:group == service:X)`).
 * A `mixed` workload starts with a web tier (spread by zone then instance),
 * an API (spread by zone then binpack memory, distinctInstance on half),
 * workers (binpack cpu, x86 only) and a memory-heavy cache (binpack memory,
 * prod stack only), then draws more: cron jobs (random), awsvpc services
 * (one ENI per task), ARM batch jobs (random, arm64 only), a search tier
 * kept away from the cache, and now and then GPU inference (`resources.gpu`
 * and memberOf `attribute:ecs.instance-type =~ 'g.*|p.*'`). Every service
 * is a valid placement request.
 *
 * @param options - seed, number of services, total tasks, size distribution
 * @returns the services, in the order they should be placed
 * @throws `PlacementInputError` with paths under `options` when an option is out of range
 * @example
 * ```ts
 * const services = generateWorkload({ seed: 3, services: 12, tasks: 5000, distribution: 'heavy-tailed' });
 * const scenario: Scenario = { fleet: { size: 1000 }, services };
 * ```
 */
export function generateWorkload(options: WorkloadOptions = {}): ServiceScenario[] {
  const plan = validateWorkloadOptions(options, 'options');
  const random = new SeededRandom(plan.seed);
  const drafts = plan.distribution === 'mixed' ? mixedDrafts(plan, random) : sizedDrafts(plan, random);
  const counts = splitCount(plan.tasks, drafts.map(({ share }) => share));
  return drafts.map(({ name, shape }, index) => ({
    name,
    desiredCount: counts[index] as number,
    task: { family: name, ...shape.task },
    placementStrategy: shape.placementStrategy,
    ...(shape.placementConstraints.length === 0 ? {} : { placementConstraints: shape.placementConstraints }),
  }));
}

/** A service before its desired count is known. */
interface Draft {
  readonly name: string;
  readonly shape: ServiceShape;
  readonly share: number;
}

function mixedDrafts(plan: WorkloadPlan, random: SeededRandom): Draft[] {
  const names = new UniqueNames();
  const drafts: Draft[] = [];
  for (let index = 0; index < plan.services; index += 1) {
    const archetype = (index < CORE_ROLES ? SERVICE_ARCHETYPES[index] : SERVICE_ARCHETYPES[pickArchetype(random.next())]) as ServiceArchetype;
    const shape = archetype.shape(random, names.taken());
    // The share varies by half either way, so two services of one kind differ in size.
    drafts.push({ name: names.next(archetype.role), shape, share: archetype.share * (0.5 + random.next()) });
  }
  return drafts;
}

function sizedDrafts(plan: WorkloadPlan, random: SeededRandom): Draft[] {
  const names = new UniqueNames();
  const drafts: Draft[] = [];
  for (let index = 0; index < plan.services; index += 1) {
    const size = plan.distribution === 'uniform' ? uniformSize(random) : heavyTailedSize(random);
    const chain = (STRATEGY_CHAINS[pickChain(random.next())] as (typeof STRATEGY_CHAINS)[number]).chain;
    const placementConstraints = drawConstraints(random, names.taken());
    // Exponential shares: a few services hold most of the tasks, as in real clusters.
    const share = 0.1 - Math.log(1 - random.next());
    const name = names.next(SERVICE_NAMES[index % SERVICE_NAMES.length] as string);
    drafts.push({ name, shape: { task: { resources: { cpu: size.cpu, memory: size.memory } }, placementStrategy: chain, placementConstraints }, share });
  }
  return drafts;
}

function drawConstraints(random: SeededRandom, earlier: readonly string[]): ServiceShape['placementConstraints'] {
  const distinct = random.next() < 0.15;
  const kind = random.next();
  const memberOf = kind < 0.12 ? X86_ONLY : kind < 0.24 ? PROD_ONLY : kind < 0.34 && earlier.length > 0 ? awayFrom(earlier[earlier.length - 1] as string) : undefined;
  return [...(memberOf === undefined ? [] : [memberOf]), ...(distinct ? [DISTINCT_INSTANCE] : [])];
}

/** Service names without repeats: `web`, then `web-2`, `web-3`... */
class UniqueNames {
  private readonly used: string[] = [];
  private readonly counts = new Map<string, number>();

  next(base: string): string {
    const count = (this.counts.get(base) ?? 0) + 1;
    this.counts.set(base, count);
    const name = count === 1 ? base : `${base}-${count}`;
    this.used.push(name);
    return name;
  }

  taken(): readonly string[] {
    return this.used;
  }
}
