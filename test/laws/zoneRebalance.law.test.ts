import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Cluster } from '../../src/cluster/Cluster';
import type { ZoneRebalancePlan } from '../../src/cluster/ZoneRebalancePlan';
import type { PlacementConstraint, PlacementStrategy } from '../../src/model/PlacementRequest';
import type { TaskSpec } from '../../src/model/TaskSpec';
import type { ZoneRebalanceRequest } from '../../src/model/ZoneRebalanceRequest';
import { fewConstraints, placementStrategy, roomyScenario, roomyTaskSpec, ZONES, type ClusterScenario } from '../support/lawArbitraries';
import { runs } from '../support/runs';
import { ENGINES, scenarioCluster } from '../support/scenarioCluster';

const ZONE = 'ecs.availability-zone';
const zoneSpread: PlacementStrategy = { type: 'spread', field: `attribute:${ZONE}` };

/** Mostly chains ECS rebalances (none, or spread over zones first), now and then any chain. */
const chain = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: fc.array(placementStrategy, { maxLength: 2 }).map((rest) => [zoneSpread, ...rest]) },
  { weight: 1, arbitrary: fc.array(placementStrategy, { minLength: 1, maxLength: 3 }) },
);

interface Case {
  readonly scenario: ClusterScenario;
  readonly request: ZoneRebalanceRequest;
  /** The zones the service's first tasks are kept in, to leave it out of balance, and how many. */
  readonly skew: { readonly zones: readonly string[]; readonly count: number; readonly more: number };
}

const service = 'web';

const rebalanceCase: fc.Arbitrary<Case> = fc.record({
  scenario: roomyScenario,
  request: fc.record({ task: roomyTaskSpec, chain, constraints: fewConstraints }).map(({ task, chain, constraints }) => request(task, chain, constraints)),
  skew: fc.record({ zones: fc.subarray([...ZONES], { minLength: 1 }), count: fc.integer({ min: 1, max: 9 }), more: fc.nat(3) }),
});

function request(task: TaskSpec, chain: readonly PlacementStrategy[] | undefined, constraints: readonly PlacementConstraint[]): ZoneRebalanceRequest {
  const base = { service, task, placementConstraints: constraints };
  return chain === undefined ? base : { ...base, placementStrategy: chain };
}

/** The scenario's cluster with the service's tasks piled into some zones, then a few placed as the service would. */
function skewedCluster({ scenario, request, skew }: Case, engine: (typeof ENGINES)[number]): Cluster {
  const cluster = scenarioCluster(scenario, engine);
  const inZones: PlacementConstraint = { type: 'memberOf', expression: `attribute:${ZONE} in [${skew.zones.join(', ')}]` };
  cluster.place({ ...request, count: skew.count, placementConstraints: [...(request.placementConstraints ?? []), inZones] });
  if (skew.more > 0) cluster.place({ ...request, count: skew.more });
  return cluster;
}

/** The service's tasks in each zone of an ACTIVE instance. */
function perZone(cluster: Cluster): Map<string, number> {
  const instances = cluster.instances();
  const counts = new Map<string, number>();
  for (const instance of instances) {
    const zone = instance.attributes[ZONE];
    if (instance.status === 'ACTIVE' && typeof zone === 'string') counts.set(zone, 0);
  }
  for (const task of cluster.tasks()) {
    if (task.group !== `service:${service}`) continue;
    const zone = instances.find((instance) => instance.id === task.instanceId)?.attributes[ZONE];
    if (typeof zone === 'string' && counts.has(zone)) counts.set(zone, (counts.get(zone) ?? 0) + 1);
  }
  return counts;
}

const serviceTasks = (cluster: Cluster): number => cluster.tasks().filter((task) => task.group === `service:${service}`).length;

/**
 * Applies the steps in order, checking that the service's own pipeline
 * accepts each start's instance and that each start makes the placement the
 * plan says; returns the fewest and the most service tasks seen.
 */
function apply(cluster: Cluster, plan: ZoneRebalancePlan, request: ZoneRebalanceRequest): { fewest: number; most: number } {
  let fewest = serviceTasks(cluster);
  let most = fewest;
  for (const step of plan.steps) {
    if (step.action === 'start') {
      const verdict = cluster.explain({ ...request, count: 1 }).instances.find((instance) => instance.instanceId === step.instanceId);
      expect(verdict?.outcome, JSON.stringify(verdict)).not.toBe('rejected');
      const result = cluster.place(step.request);
      expect(result.placements, JSON.stringify(step)).toEqual([{ taskId: step.taskId, instanceId: step.instanceId }]);
      const zone = cluster.instances().find((instance) => instance.id === step.instanceId)?.attributes[ZONE];
      expect(zone).toBe(step.zone);
    } else {
      expect(cluster.stopTask(step.taskId).instanceId).toBe(step.instanceId);
    }
    fewest = Math.min(fewest, serviceTasks(cluster));
    most = Math.max(most, serviceTasks(cluster));
  }
  return { fewest, most };
}

describe.each(ENGINES)('zone rebalancing on the %s engine', (engine) => {
  test.prop([rebalanceCase], { numRuns: runs(150) })(
    'planning changes nothing: not the instances, the tasks, the numbering, nor the generator',
    (example) => {
      const cluster = skewedCluster(example, engine);
      const twin = skewedCluster(example, engine);
      const before = cluster.snapshot();
      cluster.planZoneRebalance(example.request);
      expect(cluster.snapshot()).toEqual(before);
      const next = { ...example.request, count: 3 };
      expect(cluster.place(next)).toEqual(twin.place(next));
    },
  );

  test.prop([rebalanceCase], { numRuns: runs(150) })(
    'applied in order with place and stopTask, the plan starts only where the service\'s pipeline accepts, makes exactly its placements, keeps the service between its count and its count plus the starts, and ends with each zone at its planned count',
    (example) => {
      const cluster = skewedCluster(example, engine);
      const before = serviceTasks(cluster);
      const plan = cluster.planZoneRebalance(example.request);
      const starts = plan.steps.filter((step) => step.action === 'start').length;
      expect(apply(cluster, plan, example.request)).toEqual({ fewest: before, most: before + starts });
      expect(serviceTasks(cluster)).toBe(before);
      expect(Object.fromEntries(perZone(cluster))).toEqual(Object.fromEntries(plan.zones.map((zone) => [zone.zone, zone.after])));
      expect(plan.steps.slice(0, starts).every((step) => step.action === 'start')).toBe(true);
      expect(plan.steps.length).toBe(2 * starts);
    },
  );

  test.prop([rebalanceCase], { numRuns: runs(150) })(
    'a plan that says it completes leaves no zone more than one task above another; one that is blocked names why each short zone refused',
    (example) => {
      const cluster = skewedCluster(example, engine);
      const plan = cluster.planZoneRebalance(example.request);
      if (plan.status === 'ineligible') expect(plan.steps).toEqual([]);
      if (plan.status === 'blocked') {
        expect(plan.blocked.length).toBeGreaterThan(0);
        for (const zone of plan.blocked) {
          expect(zone.missing).toBeGreaterThan(0);
          expect(cluster.instances().find((instance) => instance.id === zone.instanceId)?.attributes[ZONE]).toBe(zone.zone);
        }
      }
      apply(cluster, plan, example.request);
      const counts = [...perZone(cluster).values()];
      if ((plan.status === 'complete' || plan.status === 'balanced') && counts.length > 0) {
        expect(Math.max(...counts) - Math.min(...counts), JSON.stringify(plan.zones)).toBeLessThanOrEqual(1);
      }
    },
  );
});

test.prop([rebalanceCase], { numRuns: runs(150) })('both engines plan the same steps', (example) => {
  const [reference, indexed] = ENGINES.map((engine) => skewedCluster(example, engine).planZoneRebalance(example.request));
  expect(indexed).toEqual(reference);
});
