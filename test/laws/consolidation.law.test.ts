import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { checkSnapshot } from '../../src/arbitraries/check/checkSnapshot';
import { Cluster, type ClusterSnapshot } from '../../src/cluster/Cluster';
import type { MoveStep } from '../../src/cluster/DrainPlan';
import type { EngineName } from '../../src/model/EngineName';
import type { InstanceSpec } from '../../src/model/InstanceSpec';
import type { PlacementConstraint, PlacementStrategy } from '../../src/model/PlacementRequest';
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
  return constraints.every((constraint) => (constraint.type === 'distinctInstance' ? others === 0 : evaluateQuery(parseQuery(constraint.expression), without)));
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

test.prop([lawCase], { numRuns: runs(30) })('both engines make the same plans', (example) => {
  const [reference, indexed] = ENGINES.map((engine) => clusterOf(example, engine));
  expect(indexed?.planConsolidation(consolidationRequest(example))).toEqual(reference?.planConsolidation(consolidationRequest(example)));
  const instanceId = idOf(example, example.drained);
  if (instanceId !== undefined) expect(indexed?.planDrain({ instanceId, services: example.services })).toEqual(reference?.planDrain({ instanceId, services: example.services }));
});
