import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { checkPlacement } from '../../src/arbitraries/check/checkPlacement';
import { Cluster } from '../../src/cluster/Cluster';
import { CAPACITY_PROVIDER_ATTRIBUTE } from '../../src/model/capacityProviderAttribute';
import type { CapacityProviderStrategyItem } from '../../src/model/CapacityProviderStrategyItem';
import type { InstanceSpec } from '../../src/model/InstanceSpec';
import type { PlacementRequest } from '../../src/model/PlacementRequest';
import type { ValidCapacityProviderItem } from '../../src/model/ValidRequest';
import type { PlacementResult } from '../../src/placement/PlacementResult';
import { splitByCapacityProvider } from '../../src/placement/splitByCapacityProvider';
import { fewConstraints, lawFleet, placementStrategy, plainTaskSpec, roomyTaskSpec } from '../support/lawArbitraries';
import { runs } from '../support/runs';
import { ENGINES } from '../support/scenarioCluster';

const PROVIDERS = ['on-demand', 'spot', 'arm'] as const;
/** Names a strategy may give beside those the fleets' instances carry: providers without instances. */
const OTHER_PROVIDERS = ['gpu', 'batch'] as const;

/** A strategy ECS accepts: each provider once, one base at most, with several providers one weight at least above 0. */
const strategy: fc.Arbitrary<ValidCapacityProviderItem[]> = fc.record({
  names: fc.shuffledSubarray([...PROVIDERS, ...OTHER_PROVIDERS], { minLength: 1, maxLength: 4 }),
  weights: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 4, maxLength: 4 }),
  based: fc.nat(4),
  base: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 })),
}).map(({ names, weights, based, base }) => names.map((capacityProvider, index) => ({
  capacityProvider,
  weight: names.length > 1 && weights.slice(0, names.length).every((weight) => weight === 0) && index === 0 ? 1 : (weights[index] as number),
  base: index === based ? base : 0,
})));

/** Each provider's tasks in a split, in strategy order. */
function tally(split: readonly number[], providers: number): number[] {
  const counts = new Array<number>(providers).fill(0);
  for (const provider of split) counts[provider] = (counts[provider] as number) + 1;
  return counts;
}

describe('the split of a capacity provider strategy', () => {
  test.prop([strategy, fc.nat(40)], { numRuns: runs(60) })(
    'gives every task a provider; the base first to its provider; then each provider within one of its exact share at every count; weight 0 only its base',
    (items, count) => {
      const split = splitByCapacityProvider(items, count);
      expect(split).toHaveLength(count);
      const based = items.findIndex((item) => item.base > 0);
      const base = based < 0 ? 0 : (items[based] as ValidCapacityProviderItem).base;
      expect(split.slice(0, base)).toEqual(new Array<number>(Math.min(base, count)).fill(based));
      const weights = items.every((item) => item.weight === 0) ? items.map(() => 1) : items.map((item) => item.weight);
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      for (let n = base; n <= count; n += 1) {
        const counts = tally(split.slice(0, n), items.length);
        counts.forEach((tasks, index) => {
          const beyond = tasks - (index === based ? base : 0);
          const share = ((weights[index] as number) * (n - base)) / total;
          expect(beyond, `provider ${index} after ${n} tasks`).toBeGreaterThanOrEqual(Math.floor(share));
          expect(beyond, `provider ${index} after ${n} tasks`).toBeLessThanOrEqual(Math.ceil(share));
        });
      }
    },
  );

  test.prop([strategy, fc.nat(30), fc.nat(30)], { numRuns: runs(100) })(
    'is monotone: the split of n + k tasks is the split of n and k more, given the n as running tasks',
    (items, first, more) => {
      const all = splitByCapacityProvider(items, first + more);
      const before = splitByCapacityProvider(items, first);
      expect(all.slice(0, first)).toEqual(before);
      expect(splitByCapacityProvider(items, more, tally(before, items.length))).toEqual(all.slice(first));
    },
  );

  test.prop([strategy, fc.array(fc.nat(5), { minLength: 4, maxLength: 4 }), fc.integer({ min: 1, max: 30 })], { numRuns: runs(60) })(
    'from any running tasks, gives every task to a provider of the strategy, never beyond the base to a provider of weight 0 beside others',
    (items, running, count) => {
      const split = splitByCapacityProvider(items, count, running.slice(0, items.length));
      expect(split).toHaveLength(count);
      const heldBase = items.map((item, index) => Math.max(0, item.base - (running[index] as number)));
      const counts = tally(split, items.length);
      items.forEach((item, index) => {
        if (items.length > 1 && item.weight === 0) expect(counts[index]).toBeLessThanOrEqual(heldBase[index] as number);
      });
    },
  );
});

interface Case {
  readonly instances: readonly InstanceSpec[];
  readonly request: PlacementRequest;
}

/** Instances of the law fleet, each of one of three providers or of none. */
const providerFleet = (maxInstances: number): fc.Arbitrary<InstanceSpec[]> => fc.tuple(
  lawFleet(maxInstances, 1),
  fc.array(fc.constantFrom<string | undefined>(...PROVIDERS, PROVIDERS[0], PROVIDERS[1], undefined), { minLength: maxInstances, maxLength: maxInstances }),
).map(([instances, providers]) => instances.map((instance, index) => {
  const provider = providers[index];
  return provider === undefined ? instance : { ...instance, attributes: { ...instance.attributes, [CAPACITY_PROVIDER_ATTRIBUTE]: provider } };
}));

const requestCase = (fleet: fc.Arbitrary<InstanceSpec[]>, task: fc.Arbitrary<PlacementRequest['task']>, maxCount: number): fc.Arbitrary<Case> => fc.record({
  instances: fleet,
  task,
  count: fc.integer({ min: 1, max: maxCount }),
  service: fc.option(fc.constant('web'), { nil: undefined }),
  chain: fc.option(fc.array(placementStrategy, { maxLength: 2 }), { nil: undefined }),
  constraints: fewConstraints,
  items: strategy,
}).map(({ instances, task, count, service, chain, constraints, items }) => ({
  instances,
  request: {
    task, count, placementConstraints: constraints, capacityProviderStrategy: items as CapacityProviderStrategyItem[],
    ...(service === undefined ? {} : { service }),
    ...(chain === undefined ? {} : { placementStrategy: chain }),
  },
}));

const anyCase = requestCase(providerFleet(6), roomyTaskSpec, 12);

/** Two large ACTIVE instances of every provider a strategy may name, in two zones: room for every task of a small request. */
const ROOMY_FLEET: readonly InstanceSpec[] = [...PROVIDERS, ...OTHER_PROVIDERS].flatMap((provider) => ['a', 'b'].map((zone) => ({
  id: `${provider}-${zone}`,
  resources: { cpu: 8192, memory: 16_384 },
  attributes: { 'ecs.availability-zone': `us-east-1${zone}`, [CAPACITY_PROVIDER_ATTRIBUTE]: provider },
})));
/** Small tasks and no constraint on a fleet with room: every task is placed. */
const roomyCase = requestCase(fc.constant([...ROOMY_FLEET]), plainTaskSpec, 8).map((example) => ({ ...example, request: { ...example.request, placementConstraints: [] } }));

const providerOf = (instances: readonly InstanceSpec[], id: string): string | null | undefined =>
  instances.find((instance) => instance.id === id)?.attributes?.[CAPACITY_PROVIDER_ATTRIBUTE];

/** The service's tasks each provider of the strategy holds. */
function running(cluster: Cluster, items: readonly CapacityProviderStrategyItem[], group: string): number[] {
  const instances = cluster.instances();
  return items.map(({ capacityProvider }) => cluster.tasks().filter((task) => task.group === group
    && instances.find((instance) => instance.id === task.instanceId)?.attributes[CAPACITY_PROVIDER_ATTRIBUTE] === capacityProvider).length);
}

/** The provider each task of the request gets, by name. */
function splitOf(cluster: Cluster, request: PlacementRequest): string[] {
  const items = (request.capacityProviderStrategy ?? []).map(({ capacityProvider, base = 0, weight = 0 }) => ({ capacityProvider, base, weight }));
  const held = request.service === undefined ? [] : running(cluster, items, `service:${request.service}`);
  return splitByCapacityProvider(items, request.count ?? 1, held).map((index) => (items[index] as ValidCapacityProviderItem).capacityProvider);
}

describe.each(ENGINES)('placement with a capacity provider strategy on the %s engine', (engine) => {
  test.prop([anyCase], { numRuns: runs(25) })(
    'places every task on an instance of the provider the split gives it, in the split\'s order; a provider that fails a task fails the rest of its tasks, with an honest reason',
    ({ instances, request }) => {
      const cluster = new Cluster({ engine, instances });
      const split = splitOf(cluster, request);
      const result = cluster.place(request);
      const placedBy = new Map<string, number>();
      for (const { instanceId } of result.placements) {
        const provider = providerOf(instances, instanceId) ?? '(none)';
        placedBy.set(provider, (placedBy.get(provider) ?? 0) + 1);
      }
      // Each provider places a prefix of its tasks: the split, with the tasks after each provider's first failure left out.
      const left = new Map(placedBy);
      const placedOrder: string[] = [];
      const failedOrder: string[] = [];
      for (const provider of split) {
        const remaining = left.get(provider) ?? 0;
        if (remaining > 0) placedOrder.push(provider);
        else failedOrder.push(provider);
        left.set(provider, remaining - 1);
      }
      expect(result.placements.map(({ instanceId }) => providerOf(instances, instanceId))).toEqual(placedOrder);
      expect(result.failures).toHaveLength(failedOrder.length);
      result.failures.forEach((failure, index) => {
        const provider = failedOrder[index];
        const theirs = instances.filter((instance) => instance.attributes?.[CAPACITY_PROVIDER_ATTRIBUTE] === provider);
        if (theirs.length === 0) expect(failure.reason).toBe('EMPTY CAPACITY PROVIDER');
        else if (theirs.every((instance) => (instance.status ?? 'ACTIVE') !== 'ACTIVE')) expect(failure.reason).toBe('NO ACTIVE INSTANCES');
        else expect(theirs.map((instance) => instance.id)).toContain(failure.instanceId);
      });
      const ids = result.placements.map(({ taskId }) => Number(taskId.slice('task-'.length)));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    },
  );

  test.prop([roomyCase], { numRuns: runs(15) })(
    'when every task fits, each provider places exactly its share of the split, and a service scaled out in two steps ends where one placed at once would',
    ({ instances, request }) => {
      const cluster = new Cluster({ engine, instances });
      const split = splitOf(cluster, request);
      const result = cluster.place(request);
      expect(result.failures).toEqual([]);
      const shares = (providers: readonly (string | null | undefined)[]) => [...PROVIDERS, ...OTHER_PROVIDERS].map((name) => providers.filter((provider) => provider === name).length);
      expect(shares(result.placements.map(({ instanceId }) => providerOf(instances, instanceId)))).toEqual(shares(split));

      const service = { ...request, service: 'stepped', count: 1 };
      const stepped = new Cluster({ engine, instances });
      const first = stepped.place(service);
      const second = stepped.place({ ...service, count: request.count ?? 1 });
      const atOnce = new Cluster({ engine, instances }).place({ ...service, count: (request.count ?? 1) + 1 });
      const onProviders = (results: readonly PlacementResult[]) => shares(results.flatMap((one) => one.placements.map(({ instanceId }) => providerOf(instances, instanceId))));
      expect(onProviders([first, second])).toEqual(onProviders([atOnce]));
    },
  );

  test.prop([anyCase], { numRuns: runs(20) })(
    'passes checkPlacement, which replays the split on its own model, and a task moved to another provider\'s instance does not',
    ({ instances, request }) => {
      const cluster = new Cluster({ engine, instances });
      const before = cluster.snapshot();
      const result = cluster.place(request);
      expect(checkPlacement(before, request, result)).toEqual([]);
      const index = result.placements.findIndex(({ instanceId }) => instances.some((other) => providerOf(instances, other.id) !== providerOf(instances, instanceId)));
      const placement = result.placements[index];
      if (placement === undefined) return;
      const elsewhere = instances.find((other) => providerOf(instances, other.id) !== providerOf(instances, placement.instanceId)) as InstanceSpec;
      const moved = { ...result, placements: result.placements.map((one, at) => (at === index ? { ...one, instanceId: elsewhere.id } : one)) };
      expect(checkPlacement(before, request, moved).length).toBeGreaterThan(0);
    },
  );

  test.prop([anyCase, fc.integer({ min: 1, max: 1000 })], { numRuns: runs(15) })(
    'is deterministic: the same instances, request and seed give the same result; explain changes nothing and its result is the placement\'s',
    ({ instances, request }, seed) => {
      const cluster = new Cluster({ engine, instances, seed });
      const explanation = cluster.explain(request);
      const result = cluster.place(request);
      expect(result).toEqual(new Cluster({ engine, instances, seed }).place(request));
      expect(explanation.result).toEqual(result);
      expect(splitOf(new Cluster({ engine, instances, seed }), { ...request, count: 1 })).toEqual([explanation.capacityProvider]);
    },
  );
});

test.prop([anyCase, fc.integer({ min: 1, max: 1000 })], { numRuns: runs(20) })(
  'the two engines agree on placements, failures and explanations under a capacity provider strategy',
  ({ instances, request }, seed) => {
    const reference = new Cluster({ engine: 'reference', instances, seed });
    const indexed = new Cluster({ engine: 'indexed', instances, seed });
    expect(indexed.explain(request)).toEqual(reference.explain(request));
    expect(indexed.place(request)).toEqual(reference.place(request));
    expect(indexed.place(request)).toEqual(reference.place(request));
  },
);
