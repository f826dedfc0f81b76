import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { applyHistoryStep } from '../../src/arbitraries/buildCluster';
import { checkPlacement, formatViolations } from '../../src/arbitraries/index';
import { Cluster } from '../../src/cluster/Cluster';
import type { InstanceInfo } from '../../src/model/InstanceInfo';
import { crowdedPortScenario, crowdedPortTask, requestArbitrary } from '../support/lawArbitraries';
import { ENGINES } from '../support/scenarioCluster';
import { runs } from '../support/runs';

/** The host ports an instance holds: those its agent reserves and those its tasks bind, TCP and UDP together. */
function held(instance: InstanceInfo): number {
  return instance.reservedPorts.tcp.length + instance.reservedPorts.udp.length + instance.portsInUse.tcp.length + instance.portsInUse.udp.length;
}

function overLimit(cluster: Cluster): string[] {
  return cluster.instances().filter((instance) => held(instance) > 100).map((instance) => `${instance.id} holds ${held(instance)} host ports`);
}

/** Requests for tasks with several static ports, some with distinctInstance or memberOf. */
const crowdedRequests = fc.array(requestArbitrary({ task: crowdedPortTask }), { minLength: 1, maxLength: 6 });

describe.each(ENGINES)('the limit of 100 reserved host ports on the %s engine', (engine) => {
  // The counts prove the generators reach the limit: a law that nothing tests would pass all the same.
  it('never lets an instance hold more than 100, the agent\'s and its tasks\' static ports, after any place, stop or update', () => {
    let turnedAway = 0;
    fc.assert(
      fc.property(crowdedPortScenario(10, 1, 16), crowdedRequests, (scenario, requests) => {
        const cluster = new Cluster({ instances: scenario.instances, seed: scenario.seed, engine });
        scenario.history.forEach((step, index) => {
          applyHistoryStep(cluster, step);
          expect(overLimit(cluster), `after step ${index} (${step.kind})`).toEqual([]);
        });
        requests.forEach((request, index) => {
          const before = cluster.snapshot();
          const result = cluster.place(request);
          expect(overLimit(cluster), `after request ${index}`).toEqual([]);
          const violations = checkPlacement(before, request, result);
          expect(violations, formatViolations(violations)).toEqual([]);
          turnedAway += result.failures.filter((failure) => failure.rejection?.code === 'too_many_ports').length;
        });
      }),
      { numRuns: runs(150) },
    );
    expect(turnedAway, 'failures for the port limit across the runs').toBeGreaterThan(0);
  });

  it('turns an instance down for the limit exactly when the task\'s free static ports would take it past 100', () => {
    let limited = 0;
    fc.assert(
      fc.property(crowdedPortScenario(10, 1, 10), requestArbitrary({ task: crowdedPortTask }), (scenario, request) => {
        const cluster = new Cluster({ instances: scenario.instances, seed: scenario.seed, engine });
        for (const step of scenario.history) applyHistoryStep(cluster, step);
        const byId = new Map(cluster.instances().map((instance) => [instance.id, instance]));
        const explanation = cluster.explain(request);
        const requested = (request.task.ports?.tcp ?? []).filter((port) => port !== 0).length + (request.task.ports?.udp ?? []).filter((port) => port !== 0).length;
        for (const { instanceId, outcome, rejection } of explanation.instances) {
          const instance = byId.get(instanceId) as InstanceInfo;
          if (rejection?.code === 'too_many_ports') {
            limited += 1;
            expect({ requested: rejection.requested, total: held(instance) + requested > 100 }).toEqual({ requested, total: true });
            expect(rejection.reserved + rejection.bound, instanceId).toBe(held(instance));
          } else if (outcome !== 'rejected' || rejection?.code === 'member_of' || rejection?.code === 'distinct_instance') {
            // Passed the port checks: its ports, with the task's, fit.
            expect(held(instance) + requested, `${instanceId} passed the port checks`).toBeLessThanOrEqual(100);
          }
        }
      }),
      { numRuns: runs(300) },
    );
    expect(limited, 'instances turned down for the port limit across the runs').toBeGreaterThan(0);
  });
});
