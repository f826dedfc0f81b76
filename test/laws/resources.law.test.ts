import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { applyHistoryStep } from '../../src/arbitraries/buildCluster';
import { checkSnapshot, formatViolations } from '../../src/arbitraries/index';
import { Cluster } from '../../src/cluster/Cluster';
import { scenarioArbitrary } from '../support/lawArbitraries';
import { ENGINES } from '../support/scenarioCluster';
import { runs } from '../support/runs';

// Long histories on small fleets, so that instances fill up and tasks come and go.
const longHistory = scenarioArbitrary(8, 0, 20).filter((scenario) => scenario.history.length > 0);

describe.each(ENGINES)('the %s engine', (engine) => {
  test.prop([longHistory], { numRuns: runs(300) })(
    'keeps remaining = registered - held, never negative, with no port bound twice or reserved, after every place, stop and update',
    ({ instances, seed, history: steps }) => {
      const cluster = new Cluster({ instances, seed, engine });
      steps.forEach((step, index) => {
        const before = cluster.tasks().map(({ taskId, instanceId }) => ({ taskId, instanceId }));
        if (step.kind === 'place') {
          // The tasks running afterwards are those from before and the placements, nothing else.
          const { placements } = cluster.place(step.request);
          expect(cluster.tasks().map(({ taskId, instanceId }) => ({ taskId, instanceId }))).toEqual([...before, ...placements]);
        } else {
          applyHistoryStep(cluster, step);
        }
        const violations = checkSnapshot(cluster.snapshot());
        expect(violations, `after step ${index} (${step.kind}):\n${formatViolations(violations)}`).toEqual([]);
      });
    },
  );

  test.prop([longHistory], { numRuns: runs(300) })(
    'stopping every task gives back exactly the registered resources and frees every port',
    ({ instances, seed, history: steps }) => {
      const cluster = new Cluster({ instances, seed, engine });
      for (const step of steps) applyHistoryStep(cluster, step);
      for (const task of cluster.tasks()) cluster.stopTask(task.taskId);
      expect(cluster.tasks()).toEqual([]);
      for (const instance of cluster.instances()) {
        expect(instance.remainingResources, instance.id).toEqual(instance.registeredResources);
        expect(instance.portsInUse, instance.id).toEqual({ tcp: [], udp: [] });
        // Only the untracked tasks, which no stop reaches, still run.
        expect({ running: instance.runningTasksCount, groups: instance.taskGroups }, instance.id).toEqual({ running: instance.untrackedTasks ?? 0, groups: {} });
      }
    },
  );
});
