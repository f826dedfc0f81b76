import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../../test/support/inputErrorOf';
import { makeInstanceSpec } from '../../test/support/makeInstanceSpec';
import { ENGINES } from '../../test/support/scenarioCluster';
import type { PlacementRequest } from '../model/PlacementRequest';
import type { Strategy } from '../model/Strategy';
import { Cluster } from './Cluster';

const task = { family: 'web', resources: { cpu: 128, memory: 256 } };

/** A cluster with a running task and a spare instance, and a strategy that calls `back` into it while ranking. */
function setUp(engine: 'indexed' | 'reference', back: (cluster: Cluster) => unknown, catchIt = false) {
  const cluster = new Cluster({ engine, instances: [makeInstanceSpec('a'), makeInstanceSpec('b'), makeInstanceSpec('spare')] });
  cluster.place({ task, group: 'running', placementStrategy: [{ type: 'binpack', field: 'memory' }] });
  const call = (): void => {
    if (!catchIt) {
      back(cluster);
      return;
    }
    try {
      back(cluster);
    } catch {
      // The strategy goes on without the call.
    }
  };
  const ranked: Strategy = { name: 'callsBack', dependsOn: 'anything', rank: () => { call(); return () => 0; } };
  const keyed: Strategy = { name: 'callsBackFromKey', dependsOn: 'instance', key: () => { call(); return 0; } };
  return { cluster, ranked, keyed };
}

const callsBack: [string, (cluster: Cluster) => unknown][] = [
  ['place', (cluster) => cluster.place({ task })],
  ['explain', (cluster) => cluster.explain({ task })],
  ['stopTask', (cluster) => cluster.stopTask('task-1')],
  ['registerInstance', (cluster) => cluster.registerInstance(makeInstanceSpec('late'))],
  ['deregisterInstance', (cluster) => cluster.deregisterInstance('spare', { force: true })],
  ['updateInstance', (cluster) => cluster.updateInstance('spare', { status: 'DRAINING' })],
];

describe('a strategy that calls back into the cluster it places on', () => {
  for (const engine of ENGINES) {
    describe(`(${engine} engine)`, () => {
      it.each(callsBack)('is refused when it calls %s, and the placement keeps nothing', (_, back) => {
        const { cluster, ranked, keyed } = setUp(engine, back);
        const before = cluster.snapshot();
        for (const strategy of [ranked, keyed]) {
          const request: PlacementRequest = { task, count: 2, placementStrategy: [strategy] };
          expect(inputErrorOf(() => cluster.place(request))).toEqual({ code: 'reentrant_call', path: '' });
          expect(inputErrorOf(() => cluster.explain(request))).toEqual({ code: 'reentrant_call', path: '' });
          expect(cluster.snapshot()).toStrictEqual(before);
        }
        // Once the placement is over, the cluster takes every call again.
        expect(cluster.place({ task, placementStrategy: [{ type: 'binpack', field: 'memory' }] }).placements).toHaveLength(1);
        expect(() => back(cluster)).not.toThrow();
      });

      it('places as usual when the strategy catches the refusal, and may read the cluster meanwhile', () => {
        let seen = 0;
        const { cluster, ranked } = setUp(engine, (inside) => {
          seen = inside.instances().length + inside.tasks().length;
          return inside.stopTask('task-1');
        }, true);
        const result = cluster.place({ task, count: 2, placementStrategy: [ranked] });
        expect(result.placements).toHaveLength(2);
        expect(seen).toBeGreaterThanOrEqual(4);
        expect(cluster.tasks().map((running) => running.taskId)).toEqual(['task-1', 'task-2', 'task-3']);
      });
    });
  }
});
