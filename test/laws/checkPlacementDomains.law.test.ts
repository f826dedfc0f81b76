import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { buildCluster, checkPlacement, cluster as clusterArbitrary, formatViolations, placementRequest } from '../../src/arbitraries/index';
import type { Cluster } from '../../src/cluster/Cluster';
import type { PlacementRequest, PlacementStrategy, RequestConstraint } from '../../src/model/PlacementRequest';
import type { Rejection } from '../../src/model/Rejection';
import type { TaskSelector } from '../../src/model/TaskSelector';
import { checkAfter } from '../support/checkAfter';
import { engineAtMost, engineDistinctInstance, engineSpreadLimit } from '../support/engineArbitraries';
import {
  binpackStrategy, clusterScenario, memberOfConstraint, randomStrategy, requestArbitrary, roomyScenario, roomyTaskSpec, SPREAD_FIELDS, spreadStrategy,
} from '../support/lawArbitraries';
import { runs } from '../support/runs';
import { ENGINES, scenarioCluster } from '../support/scenarioCluster';

/** The constraints beyond ECS: spreadLimit, atMost (each with a task selector now and then), distinctInstance (over other groups now and then). */
const domainConstraint: fc.Arbitrary<RequestConstraint> = fc.oneof(engineSpreadLimit, engineAtMost, engineDistinctInstance);

/** A task revision now and then, of the few the constraints' task selectors name. */
const revision = fc.option(fc.constantFrom(1, 2, 3), { nil: undefined, freq: 3 });

/** A spread that counts only the tasks of one revision or family, as a rollout spreads. */
const selectingSpread: fc.Arbitrary<PlacementStrategy> = fc
  .tuple(fc.constantFrom(...SPREAD_FIELDS), fc.oneof(fc.constantFrom(1, 2, 3).map((only): TaskSelector => ({ revision: only })), fc.constant<TaskSelector>({ family: 'web' })))
  .map(([field, taskSelector]) => ({ type: 'spread', field, taskSelector }));

/** Chains of up to three: binpack, spread (counting a selection now and then), random. */
const chains = fc.array(fc.oneof(binpackStrategy, spreadStrategy, selectingSpread, randomStrategy), { maxLength: 3 });

/**
 * Requests with one or two of them (counting only the tasks a selector
 * selects now and then), sometimes beside a memberOf (which may narrow the
 * eligible domains), any chain (its spreads selecting now and then), 1 to
 * 12 tasks: enough to reach the limits and fail.
 */
const domainRequest: fc.Arbitrary<PlacementRequest> = fc
  .tuple(
    requestArbitrary({
      task: roomyTaskSpec,
      count: fc.integer({ min: 1, max: 12 }),
      strategies: chains,
      constraints: fc
        .tuple(fc.array(domainConstraint, { minLength: 1, maxLength: 2 }), fc.option(memberOfConstraint, { nil: undefined }), fc.boolean())
        .map(([domain, memberOf, first]) => (memberOf === undefined ? domain : first ? [memberOf, ...domain] : [...domain, memberOf])),
    }),
    revision,
  )
  .map(([request, taskRevision]) => (taskRevision === undefined ? request : { ...request, task: { ...request.task, revision: taskRevision } }));

/** Warm-ups: how many tasks of the request's group to place first, without constraints, and at which revision. */
const warmUps = fc.array(revision, { maxLength: 3 });

/** The request without its constraints, placed first so that the group's tasks (and their revisions) are uneven. */
function warmUp(cluster: Cluster, request: PlacementRequest, revisions: readonly (number | undefined)[]): void {
  const { placementConstraints: _constraints, task: { revision: _revision, ...task }, ...plain } = request;
  for (const taskRevision of revisions) cluster.place({ ...plain, task: taskRevision === undefined ? task : { ...task, revision: taskRevision }, count: 1 });
}

/** The rejections of the constraints beyond ECS, and the law a placement there breaks, as the library documents them. */
function lawOfDomainRejection(rejection: Rejection | undefined): string | undefined {
  switch (rejection?.code) {
    case 'spread_limit':
      return 'spreadLimit';
    case 'at_most':
      return 'atMost';
    case 'distinct_instance':
      return 'distinctInstance';
    case 'outside_domains':
      return rejection.constraint;
    default:
      return undefined;
  }
}

describe.each(ENGINES)('checkPlacement with spreadLimit, atMost and distinctInstance over groups, on the %s engine', (engine) => {
  test.prop([fc.oneof(roomyScenario, clusterScenario), domainRequest, warmUps], { numRuns: runs(60) })(
    'reports nothing for what the engine places and fails, counting the tasks placed earlier in the request',
    (scenario, request, revisions) => {
      const cluster = scenarioCluster(scenario, engine);
      warmUp(cluster, request, revisions);
      const before = cluster.snapshot();
      const result = cluster.place(request);
      const violations = [...checkPlacement(before, request, result), ...checkAfter(before, request, result, cluster.snapshot())];
      expect(violations, formatViolations(violations)).toEqual([]);
    },
  );
});

/** A rollout as the kit draws it: tasks of revisions 7 and 8 in the history, then new tasks of revision 8 whose spreads, spreadLimits and atMosts select now and then. */
const SELECTING = { taskSelectorRate: 0.5, selectorRevisions: [8, 7], selectorFamilies: ['web'] };
const rolledOut = clusterArbitrary({ maxHistory: 6, request: { task: { revisions: [7, 8] }, constraint: { spreadLimitRate: 0.3, atMostRate: 0.3 } } });
const rollout = placementRequest({
  task: { revisions: [8] },
  strategies: { ...SELECTING, randomRate: 0 },
  constraintsRate: 0.7,
  constraint: { spreadLimitRate: 0.4, atMostRate: 0.4, ...SELECTING },
});

describe.each(ENGINES)('checkPlacement with the kit\'s revisions and task selectors, on the %s engine', (engine) => {
  test.prop([rolledOut, rollout], { numRuns: runs(25) })(
    'reports nothing for a request that selects tasks by revision or family, after tasks of two revisions',
    (scenario, request) => {
      const built = buildCluster(scenario, { engine });
      const before = built.snapshot();
      const result = built.place(request);
      const violations = [...checkPlacement(before, request, result), ...checkAfter(before, request, result, built.snapshot())];
      expect(violations, formatViolations(violations)).toEqual([]);
    },
  );
});

// A checker that accepts everything proves nothing: the engine says which instances a constraint refuses, and a task moved there must be caught.
describe('checkPlacement with the constraints beyond ECS', () => {
  test.prop([roomyScenario, domainRequest, warmUps, fc.nat()], { numRuns: runs(40) })(
    'flags a placement moved to an instance the constraint refuses, at that task, by its law and with the rejection the engine gives',
    (scenario, request, revisions, pick) => {
      const cluster = scenarioCluster(scenario);
      warmUp(cluster, request, revisions);
      const before = cluster.snapshot();
      const result = cluster.place(request);
      // Stopping the tasks from the last back to each step leaves the cluster as it was before that step; explain then says what each instance fails.
      const refused: { step: number; instanceId: string; rejection: Rejection; law: string }[] = [];
      for (let step = result.placements.length - 1; step >= 0; step -= 1) {
        cluster.stopTask((result.placements[step] as { taskId: string }).taskId);
        for (const { instanceId, rejection } of cluster.explain({ ...request, count: 1 }).instances) {
          const law = lawOfDomainRejection(rejection);
          if (law !== undefined && rejection !== undefined) refused.push({ step, instanceId, rejection, law });
        }
      }
      fc.pre(refused.length > 0);
      const { step, instanceId, rejection, law } = refused[pick % refused.length] as (typeof refused)[number];
      const moved = result.placements.map((placement, index) => (index === step ? { ...placement, instanceId } : placement));
      const violations = checkPlacement(before, request, { ...result, placements: moved });
      const causes = violations.filter((violation) => violation.consequence !== true);
      expect(causes.map((violation) => [violation.law, violation.step]), formatViolations(violations)).toEqual([[law, step]]);
      expect(causes[0]).toEqual(expect.objectContaining({ rejection, instanceIds: [instanceId] }));
    },
  );
});
