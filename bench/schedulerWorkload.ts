/**
 * The scheduler workload: what a control plane with hundreds of services
 * asks, rather than one request shape in big batches. 500 services, each
 * with its own task size, one of ECS's chains, a memberOf now and then and
 * distinctInstance now and then, send requests of 1 to 5 tasks in random
 * order, while random tasks stop to keep the fleet between 50% and 70% full.
 *
 * Only the public API is used, so the same file measures any version of the
 * library.
 */
import { Cluster } from '../src/cluster/Cluster';
import type { PlacementConstraint, PlacementRequest, PlacementStrategy } from '../src/model/PlacementRequest';
import { streamFleet } from '../src/sim/streamFleet';
import { seededRandom } from './queryFleet';

const ZONE = 'attribute:ecs.availability-zone';

/** The chains of the workload, each given to one sixth of the services. */
const CHAINS: readonly { readonly name: string; readonly strategies: readonly PlacementStrategy[] | undefined }[] = deepFreeze([
  { name: 'ECS service default', strategies: undefined },
  { name: 'spread(zone)+binpack(memory)', strategies: [{ type: 'spread', field: ZONE }, { type: 'binpack', field: 'memory' }] },
  { name: 'binpack(memory)', strategies: [{ type: 'binpack', field: 'memory' }] },
  { name: 'binpack(cpu)', strategies: [{ type: 'binpack', field: 'cpu' }] },
  { name: 'spread(instanceId)', strategies: [{ type: 'spread', field: 'instanceId' }] },
  { name: 'random', strategies: [{ type: 'random' }] },
]);

/** Freezes a value and everything in it, as a scheduler keeps its service definitions. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value) as unknown[]) deepFreeze(inner);
  }
  return value;
}

/** Ten memberOf expressions over what simulated fleets carry; one keeps away from a service's tasks. */
const EXPRESSIONS: readonly string[] = [
  'attribute:ecs.instance-type =~ m5.*',
  'attribute:ecs.availability-zone in [us-east-1a, us-east-1b]',
  'attribute:ecs.cpu-architecture == x86_64',
  'attribute:stack == prod',
  "attribute:ecs.instance-type =~ '(c5|c6i|m5|m6i)\\..*'",
  'attribute:lifecycle != spot',
  'not(task:group == service:svc-0)',
  'attribute:ecs.instance-type !~ t3.*',
  'attribute:rack !exists',
  'attribute:ecs.os-type == linux and attribute:stack != staging',
];

/**
 * A caller's own strategy whose key is the instance's own: on-demand before
 * spot. It carries `rank` too, so that versions that only know opaque
 * strategies run it as well.
 */
const PREFER_ON_DEMAND = Object.freeze({
  name: 'preferOnDemand',
  dependsOn: 'instance' as const,
  key: (instance: { readonly attributes: ReadonlyMap<string, string | null> }): number => (instance.attributes.get('lifecycle') === 'spot' ? 1 : 0),
  rank: () => (instance: { readonly attributes: ReadonlyMap<string, string | null> }): number => (instance.attributes.get('lifecycle') === 'spot' ? 1 : 0),
});

/** CPU units; memory is two to six MiB per unit, about what the simulated instance types offer per unit. */
const CPU_SIZES = [128, 256, 256, 512, 512, 1024, 2048];
const MEMORY_PER_CPU = [2, 3, 4, 4, 5, 6];

/** One service of the workload. */
interface Service {
  readonly chain: string;
  readonly request: (count: number) => PlacementRequest;
  readonly cpu: number;
  readonly memory: number;
}

/** The 500 services: sizes, chains and constraints drawn from the seed. */
function schedulerServices(seed: number, count = 500): Service[] {
  const next = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return Array.from({ length: count }, (_, index) => {
    const name = `svc-${index}`;
    const cpu = pick(CPU_SIZES);
    const memory = cpu * pick(MEMORY_PER_CPU);
    const chain = CHAINS[index % CHAINS.length] as (typeof CHAINS)[number];
    const constraints: PlacementConstraint[] = [];
    if (next() < 0.3) constraints.push(Object.freeze({ type: 'memberOf', expression: pick(EXPRESSIONS) }));
    if (next() < 0.2) constraints.push(Object.freeze({ type: 'distinctInstance' }));
    // One service in twenty ranks by the caller's own instance key first.
    const own = index % 20 === 7;
    const strategies = own ? Object.freeze([PREFER_ON_DEMAND, Object.freeze({ type: 'binpack', field: 'memory' } as const)]) : chain.strategies;
    Object.freeze(constraints);
    const task = Object.freeze({ family: name, resources: Object.freeze({ cpu, memory }) });
    return {
      chain: own ? 'preferOnDemand+binpack(memory)' : chain.name,
      cpu,
      memory,
      request: (tasks: number): PlacementRequest => ({
        task,
        count: tasks,
        service: name,
        ...(strategies === undefined ? {} : { placementStrategy: strategies as NonNullable<PlacementRequest['placementStrategy']> }),
        ...(constraints.length === 0 ? {} : { placementConstraints: constraints }),
      }),
    };
  });
}

/** What one run of the workload measured. */
export interface SchedulerRow {
  readonly size: number;
  readonly requests: number;
  readonly placements: number;
  readonly failures: number;
  readonly stops: number;
  /** Time in place() and stopTask() calls during the measured window. */
  readonly seconds: number;
  /** Placements per second of that time. */
  readonly placementsPerSecond: number;
  readonly nanosecondsPerPlacement: number;
  /** Share of the fleet reserved at the end: of its CPU or of its memory, whichever is fuller. */
  readonly full: number;
  /** Time to fill the fleet before measuring. */
  readonly warmupSeconds: number;
  /** The measured window by chain, the chains that took most first; stops on their own. */
  readonly byChain: readonly ChainShare[];
}

/** One chain's share of a measured window, or the stops'. */
interface ChainShare {
  /** The chain's name, or `stopTask`. */
  readonly chain: string;
  /** Tasks placed, or stopped. */
  readonly calls: number;
  /** Time inside those calls. */
  readonly seconds: number;
}

/** The workload in words, for the report. */
export const SCHEDULER_DESCRIPTION = 'Each fleet (seed 11, three zones, the simulated instance types and attributes) is filled to 60% by the workload itself (the warm-up), then measured: requests from 500 services drawn at random, each of 1 to 5 tasks, with random tasks stopped whenever the fleet is over 65% full until it is 55% full (a fleet is as full as the fuller of its CPU and its memory). Each service has its own task size (128 to 2048 CPU units, 2 to 6 MiB per unit) and one of six chains: ECS\'s service default, spread(zone)+binpack(memory), binpack(memory), binpack(cpu), spread(instanceId), random; one in twenty ranks first by a caller\'s own strategy declared instance-keyed. 30% have a memberOf drawn from ten expressions (one keeps away from a service\'s tasks with task:group) and 20% distinctInstance. Task definitions and strategy lists are frozen, as a scheduler keeps its service definitions. The time is the time inside `place` and `stopTask`: placing and stopping.';

/** The runs of `npm run bench`. */
export const FULL_SCHEDULER: SchedulerPlan = { requests: 60_000, budgetMs: 20_000, seed: 11 };
/** The runs of `npm run bench -- --quick`. */
export const QUICK_SCHEDULER: SchedulerPlan = { requests: 2_000, budgetMs: 1_000, seed: 11 };

/** How a run goes. */
export interface SchedulerPlan {
  /** Requests measured. */
  readonly requests: number;
  /** Stop measuring after this long. */
  readonly budgetMs: number;
  readonly seed: number;
}

/**
 * Fills a fleet to 60% with the workload, then measures the workload:
 * random services, 1 to 5 tasks each, random stops whenever the fleet is
 * more than 65% full, until it is 55% full. A fleet is as full as the fuller
 * of its CPU and its memory (on instances that can take tasks).
 *
 * @param size - instances
 * @param plan - how many requests and how long
 */
export function runSchedulerWorkload(size: number, plan: SchedulerPlan): SchedulerRow {
  const cluster = new Cluster({ seed: plan.seed });
  const total = { cpu: 0, memory: 0 };
  for (const spec of streamFleet({ size, seed: plan.seed, zones: 3 })) {
    cluster.registerInstance(spec);
    if ((spec.status ?? 'ACTIVE') === 'ACTIVE' && spec.agentConnected !== false) {
      total.cpu += spec.resources.cpu;
      total.memory += spec.resources.memory;
    }
  }
  const services = schedulerServices(plan.seed);
  const next = seededRandom(plan.seed + 1);
  const running: { readonly taskId: string; readonly service: Service }[] = [];
  const used = { cpu: 0, memory: 0 };
  const full = (): number => Math.max(used.cpu / total.cpu, used.memory / total.memory);
  let failures = 0;
  let placements = 0;
  let stops = 0;
  // Time inside place() and stopTask() only: the workload's own bookkeeping is not the library's.
  let inCalls = 0;
  let byChain = new Map<string, { calls: number; milliseconds: number }>();
  const count = (chain: string, calls: number, milliseconds: number): void => {
    const share = byChain.get(chain) ?? { calls: 0, milliseconds: 0 };
    share.calls += calls;
    share.milliseconds += milliseconds;
    byChain.set(chain, share);
  };
  const request = (): void => {
    const service = services[Math.floor(next() * services.length)] as Service;
    const sent = service.request(1 + Math.floor(next() * 5));
    const started = performance.now();
    const result = cluster.place(sent);
    const took = performance.now() - started;
    inCalls += took;
    count(service.chain, result.placements.length, took);
    for (const placement of result.placements) running.push({ taskId: placement.taskId, service });
    used.cpu += result.placements.length * service.cpu;
    used.memory += result.placements.length * service.memory;
    placements += result.placements.length;
    failures += result.failures.length;
  };
  const stopRandom = (): void => {
    const index = Math.floor(next() * running.length);
    const task = running[index] as (typeof running)[number];
    running[index] = running[running.length - 1] as (typeof running)[number];
    running.pop();
    const started = performance.now();
    cluster.stopTask(task.taskId);
    const took = performance.now() - started;
    inCalls += took;
    count('stopTask', 1, took);
    used.cpu -= task.service.cpu;
    used.memory -= task.service.memory;
    stops += 1;
  };
  const started = performance.now();
  while (full() < 0.6) request();
  const warmupSeconds = (performance.now() - started) / 1000;
  placements = 0;
  failures = 0;
  stops = 0;
  inCalls = 0;
  byChain = new Map();
  let requests = 0;
  const measuredFrom = performance.now();
  while (requests < plan.requests && performance.now() - measuredFrom < plan.budgetMs) {
    request();
    requests += 1;
    if (full() > 0.65) while (full() > 0.55 && running.length > 0) stopRandom();
  }
  const seconds = inCalls / 1000;
  return {
    size,
    requests,
    placements,
    failures,
    stops,
    seconds,
    placementsPerSecond: placements / seconds,
    nanosecondsPerPlacement: (seconds * 1e9) / placements,
    full: full(),
    warmupSeconds,
    byChain: [...byChain]
      .map(([chain, share]) => ({ chain, calls: share.calls, seconds: share.milliseconds / 1000 }))
      .sort((a, b) => b.seconds - a.seconds),
  };
}
