import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { checkSnapshot } from '../../src/arbitraries/check/checkSnapshot';
import { Cluster, type ClusterSnapshot } from '../../src/cluster/Cluster';
import type { MoveStep } from '../../src/cluster/DrainPlan';
import type { EngineName } from '../../src/model/EngineName';
import type { InstanceSpec } from '../../src/model/InstanceSpec';
import type { PlacementConstraint, PlacementStrategy, RequestConstraint } from '../../src/model/PlacementRequest';
import type { ServicePlacement } from '../../src/model/ServicePlacement';
import { toInstanceView } from '../../src/model/toInstanceView';
import { evaluateQuery } from '../../src/query/evaluateQuery';
import { parseQuery } from '../../src/query/parseQuery';
import { fewConstraints, lawFleet, placementStrategy, roomyTaskSpec } from '../support/lawArbitraries';
import { runs } from '../support/runs';
import { ENGINES } from '../support/scenarioCluster';

/** The groups the cases describe: two services and a standalone group. */
const DESCRIBED = [{ service: 'web' }, { service: 'api' }, { group: 'batch-jobs' }] as const;
/** Tasks of groups no entry describes: a standalone group and a service. */
const UNDESCRIBED = [{ group: 'nightly' }, { service: 'legacy' }] as const;

interface Case {
  readonly fleet: readonly InstanceSpec[];
  readonly seed: number;
  readonly services: readonly ServicePlacement[];
  /** Tasks of each described group, then of each undescribed one, placed in that order. */
  readonly counts: readonly number[];
  readonly keep: readonly number[];
  readonly maxMoves: number | undefined;
  readonly drained: number;
}

const chain = fc.option(fc.array(placementStrategy, { maxLength: 2 }) as fc.Arbitrary<PlacementStrategy[]>, { nil: undefined });

/** Constraints that read an instance's tasks: a task moved there can make them false for the tasks already there. */
const TASK_READING = ['runningTasksCount < 2', 'not(task:group == service:api)', 'not(task:group == batch-jobs)'] as const;
const constraints: fc.Arbitrary<readonly PlacementConstraint[]> = fc.oneof(
  { weight: 1, arbitrary: fewConstraints },
  { weight: 1, arbitrary: fc.constantFrom(...TASK_READING).map((expression) => [{ type: 'memberOf' as const, expression }]) },
);

const servicePlacement = (grouping: (typeof DESCRIBED)[number]): fc.Arbitrary<ServicePlacement> =>
  fc.record({ task: roomyTaskSpec, chain, constraints }).map(({ task, chain, constraints }) => ({
    ...grouping, task, placementConstraints: constraints as PlacementConstraint[], ...(chain === undefined ? {} : { placementStrategy: chain }),
  }));

/** Alike instances in two zones and two racks (or none, or a rack without a value): room for moves that stay in their buckets. */
const alikeFleet: fc.Arbitrary<InstanceSpec[]> = fc.array(fc.tuple(fc.constantFrom('us-east-1a', 'us-east-1b'), fc.constantFrom('r1', 'r2', null, undefined)), { minLength: 3, maxLength: 7 })
  .map((shapes) => shapes.map(([zone, rack], index) => ({
    id: `ci-${index + 1}`,
    resources: { cpu: 4096, memory: 8192 },
    attributes: { 'ecs.availability-zone': zone, 'ecs.instance-type': 'm5.xlarge', ...(rack === undefined ? {} : { rack }) },
  })));

const lawCase: fc.Arbitrary<Case> = fc.record({
  fleet: fc.oneof(lawFleet(7, 2), alikeFleet),
  seed: fc.nat(1000),
  services: fc.tuple(...DESCRIBED.map(servicePlacement)),
  counts: fc.tuple(fc.nat(5), fc.nat(5), fc.nat(4), fc.nat(1), fc.nat(1)),
  keep: fc.oneof({ weight: 2, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.tuple(fc.nat(6)) }),
  maxMoves: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.nat(8) }),
  drained: fc.nat(6),
});

/** The case's cluster: its fleet, then each group's tasks placed by its own request (the undescribed ones with ECS's defaults). */
function clusterOf(example: Case, engine: EngineName): Cluster {
  const cluster = new Cluster({ instances: example.fleet, seed: example.seed, engine });
  example.services.forEach((service, index) => {
    const count = example.counts[index] ?? 0;
    if (count > 0) cluster.place({ ...service, count });
  });
  UNDESCRIBED.forEach((grouping, index) => {
    const count = example.counts[DESCRIBED.length + index] ?? 0;
    if (count > 0) cluster.place({ ...grouping, task: { family: 'other', resources: { cpu: 128, memory: 128 } }, count });
  });
  return cluster;
}

const idOf = (example: Case, index: number): string | undefined => example.fleet[index % Math.max(1, example.fleet.length)]?.id;
const keepOf = (example: Case): string[] => [...new Set(example.keep.flatMap((index) => idOf(example, index) ?? []))];
const consolidationRequest = (example: Case) => ({
  services: example.services, keep: keepOf(example), ...(example.maxMoves === undefined ? {} : { maxMoves: example.maxMoves }),
});

/** Applies the steps with the cluster's own methods, checking each start makes exactly its placement. */
function apply(cluster: Cluster, steps: readonly MoveStep[]): void {
  for (const step of steps) {
    if (step.action === 'drain') cluster.updateInstance(step.instanceId, { status: 'DRAINING' });
    else if (step.action === 'stop') expect(cluster.stopTask(step.taskId).instanceId).toBe(step.instanceId);
    else expect(cluster.place(step.request).placements, JSON.stringify(step)).toEqual([{ taskId: step.taskId, instanceId: step.instanceId }]);
  }
}

const groupOf = (service: ServicePlacement): string => (service.service === undefined ? service.group ?? '' : `service:${service.service}`);

/** Every constraint of a described group, for a task of it on an instance: as at its placement, on the instance without the task. */
function constraintsHold(snapshot: ClusterSnapshot, service: ServicePlacement, instanceId: string): boolean {
  const info = snapshot.instances.find((instance) => instance.id === instanceId);
  if (info === undefined) return false;
  const group = groupOf(service);
  const view = toInstanceView(info);
  const groups = new Map(view.taskGroups);
  const others = (groups.get(group) ?? 1) - 1;
  if (others > 0) groups.set(group, others);
  else groups.delete(group);
  const without = { ...view, taskGroups: groups, runningTasksCount: view.runningTasksCount - 1 };
  const constraints = [...(service.task.placementConstraints ?? []), ...(service.placementConstraints ?? [])];
  // The cases that draw constraints over domains have a law of their own, below.
  return constraints.every((constraint) => {
    if (constraint.type === 'distinctInstance') return others === 0;
    return constraint.type !== 'memberOf' || evaluateQuery(parseQuery(constraint.expression), without);
  });
}

/** The group's tasks in each bucket of an attribute (`undefined`: the instances without a value). */
function bucketCounts(snapshot: ClusterSnapshot, group: string, attribute: string): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const task of snapshot.tasks) {
    if (task.group !== group) continue;
    const bucket = snapshot.instances.find((instance) => instance.id === task.instanceId)?.attributes[attribute] ?? null;
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  return counts;
}

function spreadFields(service: ServicePlacement): string[] {
  const chain = service.placementStrategy ?? (service.service === undefined ? [] : [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'spread', field: 'instanceId' }]);
  return chain.flatMap((strategy) => ('type' in strategy && strategy.type === 'spread' && strategy.field !== undefined ? [strategy.field] : []));
}

const busy = (snapshot: ClusterSnapshot): number => snapshot.instances.filter((instance) => instance.runningTasksCount > 0).length;

describe.each(ENGINES)('consolidation and drain plans on the %s engine', (engine) => {
  test.prop([lawCase], { numRuns: runs(30) })('planning changes nothing: not the instances, the tasks, the numbering, nor the generator', (example) => {
    const cluster = clusterOf(example, engine);
    const twin = clusterOf(example, engine);
    const before = cluster.snapshot();
    cluster.planConsolidation(consolidationRequest(example));
    const drained = idOf(example, example.drained);
    if (drained !== undefined) cluster.planDrain({ instanceId: drained, services: example.services });
    expect(cluster.snapshot()).toEqual(before);
    const next = { task: { resources: { cpu: 1, memory: 1 } }, count: 3 };
    expect(cluster.place(next)).toEqual(twin.place(next));
  });

  test.prop([lawCase], { numRuns: runs(40) })(
    'a consolidation plan, applied, makes exactly its placements, empties the instances it frees, uses fewer instances when it frees any, moves nothing undescribed nor kept, breaks no constraint, keeps every spread bucket count and spreads no worse over instances',
    (example) => {
      const cluster = clusterOf(example, engine);
      const before = cluster.snapshot();
      const plan = cluster.planConsolidation(consolidationRequest(example));
      apply(cluster, plan.steps);
      const after = cluster.snapshot();
      expect(checkSnapshot(after)).toEqual([]);
      expect(plan.instancesWithTasks).toEqual({ before: busy(before), after: busy(after) });
      expect(busy(after)).toBe(busy(before) - plan.instancesFreed.length);
      if (example.maxMoves !== undefined) expect(plan.moves).toBeLessThanOrEqual(example.maxMoves);
      for (const id of plan.instancesFreed) expect(after.instances.find((instance) => instance.id === id)?.runningTasksCount).toBe(0);
      const kept = new Set(keepOf(example));
      const described = new Map(example.services.map((service) => [groupOf(service), service]));
      const stillThere = new Set(after.tasks.map((task) => `${task.taskId}@${task.instanceId}`));
      for (const task of before.tasks) {
        if (!described.has(task.group) || kept.has(task.instanceId)) expect(stillThere.has(`${task.taskId}@${task.instanceId}`), task.taskId).toBe(true);
      }
      const oldIds = new Set(before.tasks.map((task) => task.taskId));
      for (const task of after.tasks) {
        const service = described.get(task.group);
        if (service === undefined) continue;
        const heldBefore = !oldIds.has(task.taskId) || constraintsHold(before, service, task.instanceId);
        if (heldBefore) expect(constraintsHold(after, service, task.instanceId), `${task.taskId} on ${task.instanceId}`).toBe(true);
      }
      for (const [group, service] of described) {
        for (const field of spreadFields(service)) {
          if (field.startsWith('attribute:')) {
            const attribute = field.slice('attribute:'.length);
            expect(bucketCounts(after, group, attribute), `${group} ${field}`).toEqual(bucketCounts(before, group, attribute));
          } else {
            const most = (snapshot: ClusterSnapshot) => Math.max(0, ...snapshot.instances.map((instance) => instance.taskGroups[group] ?? 0));
            expect(most(after), `${group} ${field}`).toBeLessThanOrEqual(most(before));
          }
        }
      }
    },
  );

  test.prop([lawCase], { numRuns: runs(30) })('an instance the plan would empty, once kept, keeps every task it ran and is named as kept', (example) => {
    const freed = clusterOf(example, engine).planConsolidation(consolidationRequest({ ...example, keep: [] })).instancesFreed[0];
    if (freed === undefined) return;
    const cluster = clusterOf(example, engine);
    const before = cluster.tasks().filter((task) => task.instanceId === freed);
    const plan = cluster.planConsolidation({ ...consolidationRequest(example), keep: [freed] });
    expect(plan.instancesFreed).not.toContain(freed);
    expect(plan.notFreed).toContainEqual({ instanceId: freed, why: { code: 'keep' } });
    apply(cluster, plan.steps);
    // It may receive tasks: it is kept, not closed.
    expect(cluster.tasks().filter((task) => task.instanceId === freed)).toEqual(expect.arrayContaining(before));
  });

  test.prop([lawCase], { numRuns: runs(40) })(
    'a drain plan, applied, makes exactly its placements, elsewhere, leaves every standalone task, and leaves on the instance only the tasks it says stay',
    (example) => {
      const instanceId = idOf(example, example.drained);
      if (instanceId === undefined) return;
      const cluster = clusterOf(example, engine);
      const standalone = cluster.tasks().filter((task) => task.instanceId === instanceId && !task.group.startsWith('service:')).map((task) => task.taskId);
      const plan = cluster.planDrain({ instanceId, services: example.services });
      // ECS leaves standalone tasks where they run.
      expect(plan.left.filter((task) => task.why.code === 'standalone').map((task) => task.taskId)).toEqual(standalone);
      apply(cluster, plan.steps);
      for (const step of plan.steps) if (step.action === 'start') expect(step.instanceId).not.toBe(instanceId);
      const left = cluster.tasks().filter((task) => task.instanceId === instanceId).map((task) => task.taskId);
      expect(left).toEqual(plan.left.map((task) => task.taskId));
      expect(plan.complete).toBe(plan.left.every((task) => task.why.code === 'standalone'));
      for (const task of plan.left) if (task.why.code === 'standalone') expect(task.group.startsWith('service:')).toBe(false);
    },
  );
});

/** Constraints over domains for the cases below: over zones, over instances, and counting the other service's tasks. */
const DOMAIN_CONSTRAINTS: readonly RequestConstraint[] = [
  { type: 'spreadLimit', field: 'attribute:ecs.availability-zone', maxSkew: 1 },
  { type: 'spreadLimit', field: 'attribute:ecs.availability-zone', maxSkew: 2 },
  { type: 'spreadLimit', field: 'instanceId', maxSkew: 1 },
  { type: 'atMost', count: 2, field: 'attribute:ecs.availability-zone' },
  { type: 'atMost', count: 3, field: 'attribute:ecs.availability-zone', groups: ['service:web', 'service:api'] },
];

interface DomainCase {
  readonly fleet: readonly InstanceSpec[];
  readonly services: readonly ServicePlacement[];
  readonly counts: readonly number[];
}

/** Three zones, instances of different sizes, and two services each with a domain constraint or none, packed on memory or spread by ECS's default. */
const domainCase: fc.Arbitrary<DomainCase> = fc.record({
  fleet: fc.array(fc.tuple(fc.constantFrom('us-east-1a', 'us-east-1b', 'us-east-1c'), fc.constantFrom(2048, 4096, 8192)), { minLength: 3, maxLength: 8 })
    .map((shapes) => shapes.map(([zone, memory], index) => ({ id: `ci-${index + 1}`, resources: { cpu: 4096, memory }, attributes: { 'ecs.availability-zone': zone } }))),
  services: fc.tuple(...['web', 'api'].map((service) => fc.record({
    constraint: fc.option(fc.constantFrom(...DOMAIN_CONSTRAINTS), { nil: undefined }),
    packed: fc.boolean(),
    memory: fc.constantFrom(512, 1024, 2048),
  }).map(({ constraint, packed, memory }): ServicePlacement => ({
    service, task: { family: service, resources: { memory } },
    ...(constraint === undefined ? {} : { placementConstraints: [constraint] }),
    ...(packed ? { placementStrategy: [{ type: 'binpack', field: 'memory' }] } : {}),
  })))),
  counts: fc.tuple(fc.nat(6), fc.nat(6)),
});

/**
 * How far a group's domain constraint is exceeded, read from a snapshot
 * with this test's own model: the most tasks it counts in a domain, less
 * what it allows (atMost's count; spreadLimit's maxSkew above the emptiest
 * domain with an ACTIVE instance).
 */
function domainExcess(snapshot: ClusterSnapshot, group: string, constraint: RequestConstraint): number {
  if (constraint.type !== 'spreadLimit' && constraint.type !== 'atMost') return 0;
  const domainOf = (instance: ClusterSnapshot['instances'][number]): string | undefined =>
    (constraint.field === 'instanceId' ? instance.id : instance.attributes[constraint.field.slice('attribute:'.length)] ?? undefined);
  const counted = new Set([group, ...(constraint.type === 'atMost' ? constraint.groups ?? [] : [])]);
  const counts = new Map<string, number>();
  for (const task of snapshot.tasks) {
    const instance = snapshot.instances.find((candidate) => candidate.id === task.instanceId);
    const domain = instance === undefined ? undefined : domainOf(instance);
    if (domain !== undefined && counted.has(task.group)) counts.set(domain, (counts.get(domain) ?? 0) + 1);
  }
  const most = Math.max(0, ...counts.values());
  if (constraint.type === 'atMost') return most - constraint.count;
  const eligible = snapshot.instances.filter((instance) => instance.status === 'ACTIVE').flatMap((instance) => domainOf(instance) ?? []);
  const least = eligible.length === 0 ? 0 : Math.min(...eligible.map((domain) => counts.get(domain) ?? 0));
  return most - least - constraint.maxSkew;
}

describe.each(ENGINES)('consolidation and domain constraints on the %s engine', (engine) => {
  test.prop([domainCase], { numRuns: runs(60) })(
    "a consolidation plan, applied, leaves no described group's spreadLimit or atMost exceeded where it held, nor exceeded further",
    ({ fleet, services, counts }) => {
      const cluster = new Cluster({ instances: fleet, engine });
      services.forEach((service, index) => {
        const count = counts[index] ?? 0;
        if (count > 0) cluster.place({ ...service, count });
      });
      const before = cluster.snapshot();
      const plan = cluster.planConsolidation({ services });
      apply(cluster, plan.steps);
      const after = cluster.snapshot();
      for (const service of services) {
        for (const constraint of service.placementConstraints ?? []) {
          const was = domainExcess(before, groupOf(service), constraint);
          expect(domainExcess(after, groupOf(service), constraint), `${groupOf(service)} ${JSON.stringify(constraint)}`).toBeLessThanOrEqual(Math.max(0, was));
        }
      }
    },
  );
});

test.prop([lawCase], { numRuns: runs(30) })('both engines make the same plans', (example) => {
  const [reference, indexed] = ENGINES.map((engine) => clusterOf(example, engine));
  expect(indexed?.planConsolidation(consolidationRequest(example))).toEqual(reference?.planConsolidation(consolidationRequest(example)));
  const instanceId = idOf(example, example.drained);
  if (instanceId !== undefined) expect(indexed?.planDrain({ instanceId, services: example.services })).toEqual(reference?.planDrain({ instanceId, services: example.services }));
});
