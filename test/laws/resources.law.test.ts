import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { Cluster } from '../../src/cluster/Cluster';
import { checkSnapshot } from '../support/checkSnapshot';
import { fleet, historyStep } from '../support/placementArbitraries';
import { applyStep, ENGINES } from '../support/scenarioCluster';
import { formatViolations } from '../support/Violation';

// Long histories on small fleets, so that instances fill up and tasks come and go.
const history = fc.array(historyStep, { minLength: 1, maxLength: 20 });

describe.each(ENGINES)('the %s engine', (engine) => {
  test.prop([fleet(8), fc.nat(), history], { numRuns: 300 })(
    'keeps remaining = registered - held, never negative, with no port bound twice or reserved, after every place, stop and update',
    (instances, seed, steps) => {
      const cluster = new Cluster({ instances, seed, engine });
      steps.forEach((step, index) => {
        const before = cluster.tasks().map(({ taskId, instanceId }) => ({ taskId, instanceId }));
        if (step.kind === 'place') {
          // The tasks running afterwards are those from before and the placements, nothing else.
          const { placements } = cluster.place(step.request);
          expect(cluster.tasks().map(({ taskId, instanceId }) => ({ taskId, instanceId }))).toEqual([...before, ...placements]);
        } else {
          applyStep(cluster, step);
        }
        const violations = checkSnapshot(cluster.snapshot());
        expect(violations, `after step ${index} (${step.kind}):\n${formatViolations(violations)}`).toEqual([]);
      });
    },
  );

  test.prop([fleet(8), fc.nat(), history], { numRuns: 300 })(
    'stopping every task gives back exactly the registered resources and frees every port',
    (instances, seed, steps) => {
      const cluster = new Cluster({ instances, seed, engine });
      for (const step of steps) applyStep(cluster, step);
      for (const task of cluster.tasks()) cluster.stopTask(task.taskId);
      expect(cluster.tasks()).toEqual([]);
      for (const instance of cluster.instances()) {
        expect(instance.remainingResources, instance.id).toEqual(instance.registeredResources);
        expect(instance.portsInUse, instance.id).toEqual({ tcp: [], udp: [] });
        expect({ running: instance.runningTasksCount, groups: instance.taskGroups }, instance.id).toEqual({ running: 0, groups: {} });
      }
    },
  );
});
