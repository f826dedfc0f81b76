import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { buildCluster } from '../arbitraries/buildCluster';
import { cluster as clusterScenario } from '../arbitraries/cluster';
import { query } from '../arbitraries/query';
import { Cluster } from '../cluster/Cluster';
import { evaluateQuery } from '../query/evaluateQuery';
import { parseQuery } from '../query/parseQuery';
import { QueryError } from '../query/QueryError';
import type { InstanceInfo } from './InstanceInfo';
import { PlacementInputError } from './PlacementInputError';
import { toInstanceView } from './toInstanceView';
import { runs } from '../../test/support/runs';

describe('toInstanceView', () => {
  it('runs the example of its documentation', () => {
    const cluster = new Cluster({ instances: [
      { id: 'a', resources: { cpu: 2048, memory: 4096 }, attributes: { stack: 'prod' }, registeredAt: '2018-06-18T22:28:28.500Z' },
      { id: 'b', resources: { cpu: 2048, memory: 4096 }, attributes: { stack: 'dev' } },
    ] });
    const query = parseQuery('attribute:stack == prod and registeredAt == 2018-06-18T22:28:28Z');
    const matching = cluster.instances().filter((info) => evaluateQuery(query, toInstanceView(info)));
    expect(matching.map((info) => info.id)).toEqual(['a']);
  });

  it('is what evaluateQuery points to when given an InstanceInfo', () => {
    const [info] = new Cluster({ instances: [{ id: 'a', resources: { cpu: 1, memory: 1 } }] }).instances();
    const query = parseQuery('attribute:stack exists');
    expect(() => evaluateQuery(query, info as never)).toThrow(QueryError);
    expect(() => evaluateQuery(query, info as never)).toThrow(/toInstanceView/);
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['attributes that are not an object', { id: 'a', agentConnected: true, runningTasksCount: 0, attributes: 'stack=prod', taskGroups: {} }],
    ['a registration time that is not a date', { id: 'a', agentConnected: true, runningTasksCount: 0, attributes: {}, taskGroups: {}, registeredAt: 'yesterday' }],
  ])('refuses %s with a PlacementInputError', (_name, value) => {
    expect(() => toInstanceView(value as InstanceInfo)).toThrow(PlacementInputError);
  });

  test.prop([clusterScenario({ fleet: { maxInstances: 8 } }), fc.array(query({ maxDepth: 2 }), { minLength: 1, maxLength: 4 })], { numRuns: runs(60) })(
    'gives every query the answer the cluster gives for its own instances',
    (scenario, expressions) => {
      const cluster = buildCluster(scenario);
      for (const expression of expressions) {
        // listInstances leaves out INACTIVE instances, as ECS does.
        const viaInfo = cluster.instances().filter((info) => info.status !== 'INACTIVE' && evaluateQuery(parseQuery(expression), toInstanceView(info)));
        expect(viaInfo.map((info) => info.id), expression).toEqual(cluster.listInstances(expression).map((info) => info.id));
      }
    },
  );
});
