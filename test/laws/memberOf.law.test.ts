import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { PlacementRequest } from '../../src/model/PlacementRequest';
import type { MemberOfConstraint } from '../../src/model/TaskSpec';
import { evaluateQuery } from '../../src/query/evaluateQuery';
import { clusterScenario, memberOfConstraint, placementConstraint, placementRequest, requestArbitrary, roomyScenario, roomyTaskSpec, taskSpec } from '../support/lawArbitraries';
import { groupOf } from '../../src/arbitraries/model/modelRequest';
import { replayPlacements } from '../../src/arbitraries/model/replayPlacements';
import { ENGINES, placeTimes, scenarioCluster } from '../support/scenarioCluster';
import { runs } from '../support/runs';

/** Requests with at least one memberOf of their own, besides any the task definition has. */
const memberOfRequests = requestArbitrary({
  task: roomyTaskSpec,
  constraints: fc.tuple(memberOfConstraint, fc.array(placementConstraint, { maxLength: 1 })).map(([memberOf, others]) => [memberOf, ...others]),
});

/** The request with its own constraints replaced. */
const withConstraints = (request: PlacementRequest, constraints: PlacementRequest['placementConstraints']): PlacementRequest => {
  const { placementConstraints: _dropped, ...rest } = request;
  return constraints === undefined ? rest : { ...rest, placementConstraints: constraints };
};

describe.each(ENGINES)('memberOf on the %s engine', (engine) => {
  test.prop([roomyScenario, memberOfRequests, fc.nat(2)], { numRuns: runs(300) })(
    'places each task only where every memberOf holds on the state just before it, earlier tasks of the request included',
    (scenario, request, warmUps) => {
      const cluster = scenarioCluster(scenario, engine);
      placeTimes(cluster, request, warmUps);
      const before = cluster.snapshot();
      const result = cluster.place(request);
      const broken: string[] = [];
      replayPlacements(before, request, result.placements, ({ step, request: resolved, chosen, instanceId }) => {
        for (const constraint of resolved.constraints) {
          if (constraint.kind === 'memberOf' && chosen !== undefined && !evaluateQuery(constraint.query, chosen.view())) {
            broken.push(`task ${step} went to ${instanceId}, where ${constraint.expression} is false`);
          }
        }
      });
      expect(broken, broken.join('\n')).toEqual([]);
    },
  );

  test.prop([fc.oneof(clusterScenario, roomyScenario), placementRequest, fc.nat(2)], { numRuns: runs(200) })(
    'not(task:group == G) on a request of group G places exactly as distinctInstance does',
    (scenario, request, warmUps) => {
      // Every group the arbitraries produce can be written bare in an expression.
      const antiAffinity: MemberOfConstraint = { type: 'memberOf', expression: `not(task:group == ${groupOf(request)})` };
      const others = (request.placementConstraints ?? []).filter((constraint) => constraint.type === 'memberOf');
      const viaMemberOf = scenarioCluster(scenario, engine);
      const viaDistinct = scenarioCluster(scenario, engine);
      placeTimes(viaMemberOf, request, warmUps);
      placeTimes(viaDistinct, request, warmUps);
      const left = viaMemberOf.place(withConstraints(request, [...others, antiAffinity]));
      const right = viaDistinct.place(withConstraints(request, [...others, { type: 'distinctInstance' }]));
      expect(left.placements).toEqual(right.placements);
      expect(left.failures.length).toBe(right.failures.length);
    },
  );

  test.prop([clusterScenario, requestArbitrary({ task: taskSpec, constraints: fc.constant(undefined) }), memberOfConstraint], { numRuns: runs(200) })(
    "a task definition's memberOf binds exactly like the same memberOf in the request",
    (scenario, request, memberOf) => {
      const inTask = scenarioCluster(scenario, engine);
      const inRequest = scenarioCluster(scenario, engine);
      const left = inTask.place({ ...request, task: { ...request.task, placementConstraints: [...(request.task.placementConstraints ?? []), memberOf] } });
      const right = inRequest.place({ ...request, placementConstraints: [...(request.task.placementConstraints ?? []), memberOf], task: { ...request.task, placementConstraints: [] } });
      expect(left).toEqual(right);
    },
  );
});
