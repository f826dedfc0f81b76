import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Cluster } from '../../src/cluster/Cluster';
import type { DeploymentPlan } from '../../src/cluster/DeploymentPlan';
import type { DeploymentRequest } from '../../src/model/DeploymentRequest';
import type { PlacementConstraint, PlacementStrategy } from '../../src/model/PlacementRequest';
import type { TaskSpec } from '../../src/model/TaskSpec';
import { fewConstraints, placementStrategy, roomyTaskSpec, scenarioArbitrary, type ClusterScenario } from '../support/lawArbitraries';
import { runs } from '../support/runs';
import { ENGINES, scenarioCluster } from '../support/scenarioCluster';

const service = 'web';
const group = `service:${service}`;

interface Case {
  readonly scenario: ClusterScenario;
  /** The old revision and how many of its tasks to place. */
  readonly old: { readonly task: TaskSpec; readonly count: number };
  readonly to: { readonly task: TaskSpec; readonly chain: readonly PlacementStrategy[] | undefined; readonly constraints: readonly PlacementConstraint[] };
  readonly desiredCount: number;
  readonly minimumHealthyPercent: number;
  readonly maximumPercent: number;
  /** Which old tasks are protected, and which are left out of `from` (none when `from` is not given). */
  readonly picks: { readonly protect: readonly number[]; readonly from: readonly number[] | undefined };
}

/** Mostly a few tasks, now and then none. */
const tasks = fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 6 }) }, { weight: 1, arbitrary: fc.constant(0) });

/** ECS's default chain, random alone (its draws must not shift between stops and starts), or any chain. */
const chain = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constant([{ type: 'random' }] as const) },
  { weight: 3, arbitrary: fc.array(placementStrategy, { maxLength: 2 }) },
);

const deploymentCase: fc.Arbitrary<Case> = fc.record({
  // Small fleets: a plan applies every step, and each law plans on both engines.
  scenario: scenarioArbitrary(8, 3, 2),
  old: fc.record({ task: roomyTaskSpec, count: tasks }),
  to: fc.record({ task: roomyTaskSpec, chain, constraints: fewConstraints }),
  desiredCount: tasks,
  // ECS's usual settings most of the time, any allowed value now and then.
  minimumHealthyPercent: fc.oneof(fc.constantFrom(0, 50, 100), fc.integer({ min: 0, max: 100 })),
  maximumPercent: fc.oneof(fc.constantFrom(100, 150, 200), fc.integer({ min: 100, max: 300 })),
  picks: fc.record({
    protect: fc.array(fc.nat(), { maxLength: 2 }),
    from: fc.option(fc.array(fc.nat(), { maxLength: 2 }), { nil: undefined }),
  }),
});

/** The scenario's cluster with the old revision of the service running. */
function deployed(example: Case, engine: (typeof ENGINES)[number]): Cluster {
  const cluster = scenarioCluster(example.scenario, engine);
  if (example.old.count > 0) cluster.place({ service, task: example.old.task, count: example.old.count });
  return cluster;
}

const serviceTaskIds = (cluster: Cluster): string[] => cluster.tasks().filter((task) => task.group === group).map((task) => task.taskId);

/** The request of a case on its cluster: protected tasks and `from` picked among the service's running tasks. */
function requestOf(example: Case, cluster: Cluster): DeploymentRequest {
  const ids = serviceTaskIds(cluster);
  const pick = (indexes: readonly number[]): string[] => [...new Set(indexes.map((index) => ids[index % Math.max(ids.length, 1)]).filter((id): id is string => id !== undefined))];
  const { to, picks } = example;
  const left = picks.from === undefined ? undefined : new Set(pick(picks.from));
  return {
    service,
    to: { task: to.task, placementConstraints: to.constraints, ...(to.chain === undefined ? {} : { placementStrategy: to.chain }) },
    desiredCount: example.desiredCount,
    minimumHealthyPercent: example.minimumHealthyPercent,
    maximumPercent: example.maximumPercent,
    protectedTasks: pick(picks.protect),
    ...(left === undefined ? {} : { from: ids.filter((id) => !left.has(id)) }),
  };
}

/**
 * Applies the steps in order with place and stopTask, checking at each that
 * it makes exactly the plan's placement or stops the plan's task, and that
 * it keeps the limits: a start leaves at most `upperLimit` of the
 * deployment's tasks running, a stop leaves at least `lowerLimit` healthy.
 * Healthy: the old tasks still running, and the new tasks of earlier rounds
 * and of this one, since a round stops only once its starts run and are
 * healthy. Returns the old tasks left and the new tasks started.
 */
function apply(cluster: Cluster, plan: DeploymentPlan, old: ReadonlySet<string>): { old: Set<string>; started: string[] } {
  const running = new Set(old);
  const started: string[] = [];
  let round = 1;
  let stopping = false;
  for (const step of plan.steps) {
    expect(step.round).toBeGreaterThanOrEqual(round);
    if (step.round > round) stopping = false;
    round = step.round;
    if (step.action === 'start') {
      expect(stopping, 'a start after a stop of its round').toBe(false);
      const result = cluster.place(step.request);
      expect(result.placements, JSON.stringify(step)).toEqual([{ taskId: step.taskId, instanceId: step.instanceId }]);
      started.push(step.taskId);
      expect(running.size + started.length).toBeLessThanOrEqual(plan.upperLimit);
    } else {
      stopping = true;
      expect(running.has(step.taskId), `${step.taskId} is an old task still running`).toBe(true);
      expect(cluster.stopTask(step.taskId).instanceId).toBe(step.instanceId);
      running.delete(step.taskId);
      expect(running.size + started.length).toBeGreaterThanOrEqual(plan.lowerLimit);
    }
  }
  return { old: running, started };
}

describe.each(ENGINES)('rolling deployments on the %s engine', (engine) => {
  test.prop([deploymentCase], { numRuns: runs(30) })(
    'planning changes nothing: not the instances, the tasks and their order, the numbering, nor the generator',
    (example) => {
      const cluster = deployed(example, engine);
      const twin = deployed(example, engine);
      const before = JSON.stringify(cluster.snapshot());
      cluster.planDeployment(requestOf(example, cluster));
      expect(JSON.stringify(cluster.snapshot())).toBe(before);
      const next = { service, task: example.to.task, count: 3, placementStrategy: [{ type: 'random' }] } as const;
      expect(cluster.place(next)).toEqual(twin.place(next));
      // Each instance's tasks in their order, which a forced deregistration reports.
      for (const { id } of twin.instances()) expect(cluster.deregisterInstance(id, { force: true })).toEqual(twin.deregisterInstance(id, { force: true }));
    },
  );

  test.prop([deploymentCase], { numRuns: runs(30) })(
    'applied in order, the steps make exactly their placements, keep the running tasks within the upper limit and the healthy ones within the lower limit, never stop a protected task, and end as the plan says',
    (example) => {
      const cluster = deployed(example, engine);
      const request = requestOf(example, cluster);
      const plan = cluster.planDeployment(request);
      const old = new Set(request.from ?? serviceTaskIds(cluster));
      const { old: left, started } = apply(cluster, plan, old);
      for (const step of plan.steps) if (step.action === 'stop') expect(request.protectedTasks).not.toContain(step.taskId);
      expect(plan.after).toEqual({ oldTasks: left.size, newTasks: started.length });
      expect(plan.rounds.reduce((sum, round) => sum + round.started, 0)).toBe(started.length);
      expect(plan.rounds.at(-1)?.oldTasks ?? plan.oldTasks).toBe(left.size);
      const service = serviceTaskIds(cluster);
      if (plan.status === 'complete') {
        expect(left.size).toBe(0);
        expect(started).toHaveLength(request.desiredCount);
        expect(service.filter((id) => old.has(id))).toEqual([]);
        expect(service).toHaveLength(request.desiredCount + plan.outside);
      }
    },
  );

  test.prop([deploymentCase], { numRuns: runs(30) })(
    'a blocked plan ends where no step is allowed, for the reason it gives',
    (example) => {
      const cluster = deployed(example, engine);
      const request = requestOf(example, cluster);
      const plan = cluster.planDeployment(request);
      if (plan.blocked === undefined) {
        expect(plan.status).toBe('complete');
        return;
      }
      expect(plan.status).toBe('blocked');
      const { old, started } = apply(cluster, plan, new Set(request.from ?? serviceTaskIds(cluster)));
      const running = old.size + started.length;
      const stoppable = [...old].filter((id) => !(request.protectedTasks ?? []).includes(id));
      const canStop = stoppable.length > 0 && running - 1 >= plan.lowerLimit;
      expect(canStop, JSON.stringify(plan.blocked)).toBe(false);
      const canStartByLimits = started.length < request.desiredCount && running < plan.upperLimit;
      const block = plan.blocked;
      if (block.code === 'no_room') {
        expect(canStartByLimits).toBe(true);
        const result = cluster.place({ service, ...request.to });
        expect(result.placements).toEqual([]);
        expect(result.failures[0]?.reason).toBe(block.reason);
        expect(block.missing).toBe(request.desiredCount - started.length);
      } else {
        expect(canStartByLimits).toBe(false);
        if (block.code === 'protected_tasks') {
          expect(stoppable).toEqual([]);
          expect(block.tasks).toEqual([...old]);
        } else {
          expect(stoppable.length).toBeGreaterThan(0);
          expect(block).toEqual({ code: 'limits', running, upperLimit: plan.upperLimit, healthy: running, lowerLimit: plan.lowerLimit });
          expect(running >= plan.upperLimit && running - 1 < plan.lowerLimit).toBe(true);
        }
      }
    },
  );
});

test.prop([deploymentCase], { numRuns: runs(30) })('both engines plan the same steps', (example) => {
  const [reference, indexed] = ENGINES.map((engine) => {
    const cluster = deployed(example, engine);
    return cluster.planDeployment(requestOf(example, cluster));
  });
  expect(indexed).toEqual(reference);
});
