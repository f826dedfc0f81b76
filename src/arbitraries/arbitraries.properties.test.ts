import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster/Cluster';
import { parseQuery } from '../query/parseQuery';
import { QueryError } from '../query/QueryError';
import {
  buildCluster, cluster, constraint, fleet, instance, placementRequest, query, queryNode, queryText, resources, strategyChain, task,
} from './index';
import { runs } from '../../test/support/runs';

/** Validates a request the way place does, without placing anything. */
const accepted = (request: Parameters<Cluster['explain']>[0]): unknown => new Cluster({ engine: 'reference' }).explain(request);

/** The smallest counter-example fast-check finds for `predicate`. */
function shrunk<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => boolean): T {
  const details = fc.check(fc.property(arbitrary, predicate), { numRuns: runs(1000) });
  if (details.counterexample === null) throw new Error('no counter-example found');
  return details.counterexample[0];
}

// Arbitraries generate only what the library accepts.
describe('the arbitraries generate valid values', () => {
  test.prop([fleet({ maxInstances: 30 })])('fleet: every fleet registers, ids unique, in the order given', (instances) => {
    const ids = new Cluster({ instances }).instances().map((registered) => registered.id);
    expect(ids).toEqual(instances.map((spec) => spec.id));
  });

  test.prop([instance({ drainingRate: 0.5, disconnectedRate: 0.5, untrackedTaskRate: 0.5 })])('instance: every instance registers', (spec) => {
    expect(new Cluster({ instances: [spec] }).instances()).toHaveLength(1);
  });

  test.prop([instance({ untrackedTaskRate: 1 }), instance()])(
    'instance: untracked tasks only when asked for, 1 to 3 of them, counted as running',
    (busy, plain) => {
      const [registered] = new Cluster({ instances: [busy] }).instances();
      expect(busy.untrackedTasks).toBeGreaterThanOrEqual(1);
      expect(busy.untrackedTasks).toBeLessThanOrEqual(3);
      expect(registered).toMatchObject({ runningTasksCount: busy.untrackedTasks, untrackedTasks: busy.untrackedTasks, taskGroups: {} });
      expect(plain).not.toHaveProperty('untrackedTasks');
    },
  );

  test.prop([resources(), task(), constraint(), strategyChain({ maxLength: 5 })])(
    'resources, task, constraint and strategyChain: place accepts them together',
    (reserved, spec, placementConstraint, placementStrategy) => {
      expect(() => accepted({ task: { ...spec, resources: reserved }, placementConstraints: [placementConstraint], placementStrategy })).not.toThrow();
    },
  );

  test.prop([placementRequest({ maxCount: 20, maxConstraints: 8 })])('placementRequest: place accepts every request', (request) => {
    expect(() => accepted(request)).not.toThrow();
    expect(request.count ?? 1).toBeLessThanOrEqual(20);
  });

  test.prop([query({ maxDepth: 4, maxOperands: 4 })])('query: every expression parses', (text) => {
    expect(() => parseQuery(text)).not.toThrow();
  });

  test.prop([queryText()], { numRuns: runs(500) })('queryText: every text parses or is refused with a QueryError inside it', (text) => {
    try {
      parseQuery(text);
    } catch (error) {
      expect(error).toBeInstanceOf(QueryError);
      const { start, end } = error as QueryError;
      expect(0 <= start && start <= end && end <= text.length, `${start}..${end} in ${text.length} characters`).toBe(true);
    }
  });

  test.prop([cluster()])('cluster: every scenario builds, twice alike', (scenario) => {
    expect(buildCluster(scenario, { engine: 'reference' }).snapshot()).toEqual(buildCluster(scenario).snapshot());
  });
});

describe('the arbitraries keep their constraints', () => {
  test.prop([fleet({ minInstances: 2, maxInstances: 4, zones: ['eu-west-1a'], drainingRate: 1 })])('fleet sizes, zones and statuses', (instances) => {
    expect(instances.length).toBeGreaterThanOrEqual(2);
    expect(instances.length).toBeLessThanOrEqual(4);
    for (const spec of instances) expect([spec.attributes?.['ecs.availability-zone'], spec.status]).toEqual(['eu-west-1a', 'DRAINING']);
  });

  test.prop([placementRequest({ minCount: 3, maxCount: 3, serviceRate: 1, strategies: { minLength: 1, types: ['spread'] }, maxConstraints: 0 })])(
    'request counts, services, strategy types and constraints',
    (request) => {
      expect(request.count).toBe(3);
      expect(request.service).toBeDefined();
      expect(request.placementStrategy?.every((strategy) => 'type' in strategy && strategy.type === 'spread')).toBe(true);
      expect(request.placementConstraints).toBeUndefined();
    },
  );

  test.prop([fleet({ reservedTcpPorts: [], extraReservedTcpPorts: [], extraReservedUdpPorts: [], extraReservedPortRate: 1 })])(
    'no extra reserved ports when the lists are empty',
    (instances) => {
      for (const spec of instances) expect([spec.reservedPorts?.tcp ?? [], spec.reservedPorts?.udp ?? []]).toEqual([[], []]);
    },
  );

  test.prop([task({ requiredAttributesRate: 1, requiredValueRate: 1, requiredValues: { stack: ['prod', 'dev'] } }), task({ requiredAttributesRate: 0 })])(
    'required values: one of each attribute with the names when a task requires attributes, none when it requires none',
    (requiring, plain) => {
      const values = (requiring.requiresAttributes ?? []).filter((required) => typeof required !== 'string');
      expect(values).toHaveLength(1);
      expect(['prod', 'dev']).toContain(values[0]?.value);
      expect(plain.requiresAttributes).toBeUndefined();
    },
  );

  it('required values: a default task requires a CPU architecture now and then, as a name and value', () => {
    const samples = fc.sample(task(), { numRuns: 2000, seed: 7 });
    const architectures = samples.flatMap((spec) => spec.requiresAttributes ?? []).filter((required) => typeof required !== 'string');
    expect(architectures.length).toBeGreaterThan(0);
    for (const required of architectures) expect(required).toMatchObject({ name: 'ecs.cpu-architecture', value: expect.stringMatching(/^(x86_64|arm64)$/) });
  });

  test.prop([queryNode({ maxDepth: 0, subjects: ['runningTasksCount'], operators: ['<'] })])('query subjects and operators', (tree) => {
    expect(tree).toMatchObject({ kind: 'condition', subject: { name: 'runningTasksCount' }, operator: '<' });
  });
});

describe('the arbitraries shrink towards small, simple values', () => {
  it('a fleet shrinks to the fewest instances that break the property, each the simplest instance', () => {
    const instances = shrunk(fleet(), (generated) => generated.length < 3);
    expect(instances).toHaveLength(3);
    for (const spec of instances) {
      expect(spec.status).toBeUndefined();
      expect(spec.attributes?.['ecs.availability-zone']).toBe('us-east-1a');
      expect(spec.attributes?.['ecs.instance-type']).toBe('t3.medium');
    }
  });

  it('an expression shrinks to a single condition', () => {
    expect(shrunk(queryNode(), () => false)).toMatchObject({ kind: 'condition', subject: { name: 'attribute' } });
    // A tree that must hold a junction shrinks to one junction of plain conditions.
    const junction = shrunk(queryNode(), (tree) => tree.kind === 'condition');
    expect(junction.kind === 'and' || junction.kind === 'or' ? junction.operands.map((operand) => operand.kind) : junction.kind).toEqual(['condition', 'condition']);
  });

  it('a request shrinks to one task with no service, strategy or constraint', () => {
    const request = shrunk(placementRequest(), () => false);
    expect(request).toEqual({ task: { family: 'web', resources: { cpu: 256, memory: 512 } } });
  });
});
