/**
 * The two laws every domain constraint keeps, on both engines: each
 * placement it lets through keeps it (safe), and when a task fails, each
 * instance that the rest of the request would allow breaks it (no task is
 * refused for nothing). With a task selector, only the tasks it selects
 * count: the laws count them apart from the library.
 */
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { groupOf } from '../../src/arbitraries/model/modelRequest';
import type { Cluster } from '../../src/cluster/Cluster';
import type { EngineName } from '../../src/model/EngineName';
import type { PlacementRequest, RequestConstraint } from '../../src/model/PlacementRequest';
import type { TaskSelector } from '../../src/model/TaskSelector';
import { DomainCounts, selects } from './domainCounts';
import { clusterScenario, plainTaskSpec, requestArbitrary, roomyScenario } from './lawArbitraries';
import { runs } from './runs';
import { scenarioCluster } from './scenarioCluster';

/** What a law needs to know of a constraint. */
export interface DomainRule<C extends RequestConstraint> {
  /** The field whose domains it counts. */
  field(constraint: C): string;
  /** The groups it counts, given the request's. */
  groups(constraint: C, group: string): readonly string[];
  /** Why one more task in the domain breaks it, or undefined when it may go there. */
  breaks(constraint: C, domain: string | undefined, counts: DomainCounts): string | undefined;
}

/**
 * Requests of plain tasks (no required attribute, no memberOf) with the
 * constraint, any chain, 1 to 12 tasks, at a revision now and then (which a
 * constraint's task selector may select).
 */
function requests<C extends RequestConstraint>(constraint: fc.Arbitrary<C>): fc.Arbitrary<[PlacementRequest, C]> {
  return fc.tuple(requestArbitrary({ task: plainTaskSpec, count: fc.integer({ min: 1, max: 12 }), constraints: fc.constant(undefined) }), constraint, fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }))
    .map(([request, given, revision]) => [{ ...request, task: revision === undefined ? request.task : { ...request.task, revision }, placementConstraints: [given] }, given]);
}

/** The same request without constraints, placed first so that the group's tasks are uneven, at revisions 1, 2, 3, 1, ... */
function warmUp(cluster: Cluster, request: PlacementRequest, times: number): void {
  const { placementConstraints: _constraints, ...plain } = request;
  for (let index = 0; index < times; index += 1) cluster.place({ ...plain, task: { ...plain.task, revision: (index % 3) + 1 }, count: 1 });
}

/** The constraint's task selector, if it has one. */
function selectorOf(constraint: RequestConstraint): TaskSelector | undefined {
  return 'taskSelector' in constraint ? constraint.taskSelector : undefined;
}

/**
 * Declares both laws for one engine.
 *
 * @param name - the constraint's name, for the titles
 * @param engine - the engine
 * @param constraint - constraints of the kind
 * @param rule - the law's own reading of the constraint
 */
export function domainLaws<C extends RequestConstraint>(name: string, engine: EngineName, constraint: fc.Arbitrary<C>, rule: DomainRule<C>): void {
  test.prop([fc.oneof(roomyScenario, clusterScenario), requests(constraint), fc.nat(4)], { numRuns: runs(60) })(
    `every task placed under ${name} goes where the constraint allows, counting the tasks placed before it in the request`,
    (scenario, [request, given], warmUps) => {
      const cluster = scenarioCluster(scenario, engine);
      warmUp(cluster, request, warmUps);
      const counts = new DomainCounts(cluster.snapshot(), rule.field(given), rule.groups(given, groupOf(request)), selectorOf(given));
      const result = cluster.place(request);
      result.placements.forEach(({ instanceId }, step) => {
        const broken = rule.breaks(given, counts.domainOf(instanceId), counts);
        expect(broken, `task ${step} went to ${instanceId}: ${broken}`).toBeUndefined();
        // The placed tasks count only when the selector selects them.
        if (selects(selectorOf(given), request.task)) counts.add(instanceId);
      });
    },
  );

  test.prop([fc.oneof(roomyScenario, clusterScenario), requests(constraint), fc.nat(4)], { numRuns: runs(60) })(
    `a task refused under ${name} had no instance that the rest of the request allows and ${name} allows too`,
    (scenario, [request, given], warmUps) => {
      const cluster = scenarioCluster(scenario, engine);
      warmUp(cluster, request, warmUps);
      const result = cluster.place(request);
      if (result.failures.length === 0) return;
      const { placementConstraints: _constraints, ...unconstrained } = request;
      const counts = new DomainCounts(cluster.snapshot(), rule.field(given), rule.groups(given, groupOf(request)), selectorOf(given));
      const open = cluster.explain({ ...unconstrained, count: 1 }).instances.filter((instance) => instance.outcome !== 'rejected');
      for (const { instanceId } of open) {
        expect(rule.breaks(given, counts.domainOf(instanceId), counts), `${instanceId} could have taken the task`).toBeDefined();
      }
    },
  );
}
