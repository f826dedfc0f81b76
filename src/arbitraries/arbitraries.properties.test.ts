import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster/Cluster';
import { parseQuery } from '../query/parseQuery';
import { QueryError } from '../query/QueryError';
import {
  assertPlacement, buildCluster, cluster, constraint, fleet, instance, placementRequest, query, queryNode, queryText, resources, statisticsLabels, strategyChain, task,
} from './index';
import { runs } from '../../test/support/runs';

/** The constraints beyond ECS, each a third of the time, counting two other groups now and then. */
const BEYOND_ECS = { spreadLimitRate: 0.3, atMostRate: 0.3, distinctInstanceRate: 0.3, groups: ['service:api', 'batch-jobs'] };

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

  test.prop([constraint(BEYOND_ECS)])('constraint: place accepts the constraints beyond ECS too', (placementConstraint) => {
    expect(() => accepted({ task: { resources: {} }, placementConstraints: [placementConstraint] })).not.toThrow();
  });

  test.prop([cluster({ request: { constraint: BEYOND_ECS } }), placementRequest({ constraintsRate: 0.8, maxConstraints: 3, constraint: BEYOND_ECS })], { numRuns: runs(60) })(
    'constraint: what is drawn with the constraints beyond ECS, in a history and in the request, places as the checker replays it',
    (scenario, request) => {
      const built = buildCluster(scenario);
      const before = built.snapshot();
      assertPlacement(before, request, built.place(request));
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

  it('constraint: each kind at its rate, groups from the list, fields and domains from the vocabulary', () => {
    const drawn = fc.sample(constraint(BEYOND_ECS), { numRuns: 2000, seed: 7 });
    const share = (type: string): number => drawn.filter((generated) => generated.type === type).length / drawn.length;
    for (const [type, expected] of [['spreadLimit', 0.3], ['atMost', 0.3], ['distinctInstance', 0.3], ['memberOf', 0.1]] as const) {
      expect(Math.abs(share(type) - expected), type).toBeLessThan(0.05);
    }
    const fields = ['instanceId', 'attribute:ecs.availability-zone', 'attribute:ecs.instance-type', 'attribute:ecs.os-type', 'attribute:ecs.cpu-architecture', 'attribute:stack'];
    const zones = ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d'];
    for (const generated of drawn) {
      if (generated.type === 'memberOf') continue;
      for (const group of generated.type === 'spreadLimit' ? [] : generated.groups ?? []) expect(BEYOND_ECS.groups).toContain(group);
      if (generated.type === 'distinctInstance') continue;
      expect(fields).toContain(generated.field);
      if (generated.type === 'atMost') expect(generated.count).toBeLessThanOrEqual(3);
      if (generated.type !== 'spreadLimit') continue;
      expect(generated.maxSkew).toBeLessThanOrEqual(2);
      if (generated.field === 'instanceId') expect(generated.domains).toBeUndefined();
      if (generated.field === 'attribute:ecs.availability-zone') for (const domain of generated.domains ?? []) expect(zones).toContain(domain);
    }
    // Every option is met: other groups, minDomains, domains listed, every field.
    expect(drawn.some((generated) => generated.type === 'distinctInstance' && generated.groups !== undefined)).toBe(true);
    expect(drawn.some((generated) => generated.type === 'atMost' && generated.groups !== undefined)).toBe(true);
    expect(drawn.some((generated) => generated.type === 'spreadLimit' && generated.minDomains !== undefined)).toBe(true);
    expect(drawn.some((generated) => generated.type === 'spreadLimit' && generated.domains !== undefined)).toBe(true);
    expect(new Set(drawn.flatMap((generated) => ('field' in generated ? [generated.field] : [])))).toEqual(new Set(fields));
  });

  it("constraint: a request drawn for a fleet takes its fields and domains from the fleet's attributes", () => {
    const euZones = ['eu-west-1a', 'eu-west-1b'];
    const requests = fc.sample(placementRequest({ fleet: { zones: euZones, customAttributes: { rack: ['r1', null] } }, constraintsRate: 1, constraint: { spreadLimitRate: 0.5, atMostRate: 0.5, domainFields: ['attribute:ecs.availability-zone', 'attribute:rack'] } }), { numRuns: 300, seed: 7 });
    const drawn = requests.flatMap((request) => request.placementConstraints ?? []);
    expect(new Set(drawn.map((generated) => ('field' in generated ? generated.field : generated.type)))).toEqual(new Set(['attribute:ecs.availability-zone', 'attribute:rack']));
    const listed = drawn.flatMap((generated) => (generated.type === 'spreadLimit' ? generated.domains ?? [] : []));
    expect(new Set(listed)).toEqual(new Set([...euZones, 'r1']));
  });

  it('constraint: without the new options, ECS\'s two constraints only, drawn as they always were', () => {
    const drawn = fc.sample(constraint(), { numRuns: 500, seed: 7 });
    expect(new Set(drawn.map((generated) => generated.type))).toEqual(new Set(['distinctInstance', 'memberOf']));
    expect(drawn.filter((generated) => generated.type === 'distinctInstance').every((generated) => generated.groups === undefined)).toBe(true);
    expect(fc.sample(constraint({ spreadLimitRate: 0, atMostRate: 0 }), { numRuns: 500, seed: 7 })).toEqual(drawn);
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
    // A tree that must be a junction shrinks to one junction of plain conditions. (A tree that must merely not be a condition may shrink to a not instead.)
    const junction = shrunk(queryNode(), (tree) => tree.kind !== 'and' && tree.kind !== 'or');
    expect(junction.kind === 'and' || junction.kind === 'or' ? junction.operands.map((operand) => operand.kind) : junction.kind).toEqual(['condition', 'condition']);
  });

  it('a constraint beyond ECS shrinks to the smallest count or skew over instances, without groups or domains', () => {
    expect(shrunk(constraint({ ...BEYOND_ECS, distinctInstanceRate: 0 }), (generated) => generated.type !== 'spreadLimit')).toEqual({ type: 'spreadLimit', field: 'instanceId', maxSkew: 1 });
    expect(shrunk(constraint(BEYOND_ECS), (generated) => generated.type !== 'atMost')).toEqual({ type: 'atMost', count: 1, field: 'instanceId' });
    expect(shrunk(constraint(BEYOND_ECS), () => false)).toEqual({ type: 'distinctInstance' });
  });

  it('a request shrinks to one task with no service, strategy or constraint', () => {
    const request = shrunk(placementRequest(), () => false);
    expect(request).toEqual({ task: { family: 'web', resources: { cpu: 256, memory: 512 } } });
  });
});

describe('the arbitraries can be steered', () => {
  /** The memberOf expressions of a request, the task's and the request's own. */
  const expressionsOf = (request: Parameters<Cluster['explain']>[0]): string[] =>
    [...(request.task.placementConstraints ?? []), ...(request.placementConstraints ?? [])].flatMap((constraint) =>
      ('type' in constraint && constraint.type === 'memberOf' ? [constraint.expression] : []));
  const euFleet = { zones: ['eu-west-1a', 'eu-west-1b'], instanceTypes: [{ name: 'x2.huge', cpu: 4096, memory: 8192 }] };
  const attributesOnly = { constraintsRate: 1, constraint: { distinctInstanceRate: 0, query: { subjects: ['attribute' as const] } } };

  it("vocabulary: expressions of a request for a fleet name that fleet's zones and types, never the defaults", () => {
    const scenarios = fc.sample(cluster({ fleet: euFleet, request: attributesOnly }), { numRuns: 150, seed: 7 });
    const fromHistory = scenarios.flatMap((scenario) => scenario.history.flatMap((step) => (step.kind === 'place' ? expressionsOf(step.request) : [])));
    const fromRequests = fc.sample(placementRequest({ fleet: euFleet, ...attributesOnly }), { numRuns: 300, seed: 7 }).flatMap(expressionsOf);
    for (const expressions of [fromHistory, fromRequests]) {
      const text = expressions.join('\n');
      expect(text).not.toMatch(/us-east-1|t3\.|m5\./);
      expect(text).toMatch(/eu-west-1[ab]/);
      expect(text).toContain('x2.huge');
    }
  });

  it('random: most default chains hold no random strategy, so the checker judges them all; randomRate steers the share', () => {
    const share = (constraints: Parameters<typeof strategyChain>[0]): number => {
      const chains = fc.sample(strategyChain(constraints), { numRuns: 2000, seed: 7 });
      return chains.filter((chain) => chain.some((strategy) => strategy.type === 'random')).length / chains.length;
    };
    expect(share({})).toBeGreaterThan(0.05);
    expect(share({})).toBeLessThan(0.15);
    expect(share({ randomRate: 0 })).toBe(0);
    expect(share({ randomRate: 1, minLength: 1 })).toBe(1);
    // Only random left: every strategy of the chain is random, whatever the rate.
    expect(fc.sample(strategyChain({ types: ['random'], minLength: 2 }), { numRuns: 20, seed: 7 }).flat().every((strategy) => strategy.type === 'random')).toBe(true);
  });

  test.prop([strategyChain({ randomRate: 1, minLength: 2, maxLength: 2 })])('random: a chain with random keeps its length bounds', (chain) => {
    expect(chain).toHaveLength(2);
    expect(chain.filter((strategy) => strategy.type === 'random')).toHaveLength(1);
    expect(accepted({ task: { resources: {} }, placementStrategy: chain })).toBeDefined();
  });
});

describe("the arbitraries follow fast-check's size conventions", () => {
  /** How deeply `and`, `or` and `not` nest in a tree. */
  const depthOf = (tree: ReturnType<typeof parseQuery>): number => {
    if (tree.kind === 'not') return 1 + depthOf(tree.operand);
    if (tree.kind === 'and' || tree.kind === 'or') return 1 + Math.max(...tree.operands.map(depthOf));
    return 0;
  };
  const lengths = (arbitrary: fc.Arbitrary<readonly unknown[]>, numRuns: number): number[] => fc.sample(arbitrary, { numRuns, seed: 7 }).map((value) => value.length);

  it('fleets: up to 12 instances at the default size, more with a larger size, mostly small still', () => {
    expect(Math.max(...lengths(fleet(), 300))).toBe(12);
    const medium = lengths(fleet({ size: 'medium' }), 200);
    expect(Math.max(...medium)).toBeGreaterThan(12);
    expect(Math.max(...medium)).toBeLessThanOrEqual(111);
    expect(medium.filter((length) => length <= 12).length).toBeGreaterThan(medium.length / 3);
    // A relative size offsets fast-check's baseSize, small by default; a given maximum is reached as fast-check reaches one.
    expect(Math.max(...lengths(fleet({ size: '-1' }), 100))).toBeLessThanOrEqual(2);
    expect(Math.max(...lengths(fleet({ maxInstances: 40 }), 200))).toBeGreaterThan(30);
  });

  it('fleets: ids unique, numbered from ci-1 when shrunk, registered out of id order now and then', () => {
    const fleets = fc.sample(fleet(), { numRuns: 200, seed: 7 });
    const numbers = fleets.map((instances) => instances.map((spec) => Number(spec.id.slice(3))));
    for (const ids of numbers) expect(new Set(ids).size).toBe(ids.length);
    expect(numbers.some((ids) => ids.some((id, index) => index > 0 && id < (ids[index - 1] ?? 0)))).toBe(true);
    expect(shrunk(fleet(), (instances) => instances.length < 2).map((spec) => spec.id)).toEqual(['ci-1', 'ci-2']);
  });

  it('clusters: history and fleet grow with size', () => {
    const tiny = fc.sample(cluster({ size: 'xsmall' }), { numRuns: 100, seed: 7 });
    expect(Math.max(...tiny.map((scenario) => scenario.history.length))).toBeLessThanOrEqual(1);
    expect(Math.max(...tiny.map((scenario) => scenario.instances.length))).toBeLessThanOrEqual(2);
    expect(Math.max(...fc.sample(cluster(), { numRuns: 200, seed: 7 }).map((scenario) => scenario.history.length))).toBe(10);
  });

  it('queries: as deep as the size allows', () => {
    const depths = (size: fc.SizeForArbitrary): number[] => fc.sample(query({ size }), { numRuns: 300, seed: 7 }).map((text) => depthOf(parseQuery(text)));
    expect(Math.max(...depths('xsmall'))).toBe(1);
    expect(Math.max(...depths(undefined))).toBe(2);
    expect(Math.max(...depths('large'))).toBeGreaterThan(2);
  });
});

describe('counter-examples read well', () => {
  it('an instance prints on one line, a shrunk one in under 100 characters; equality and JSON see the plain value', () => {
    const [spec] = shrunk(fleet(), (instances) => instances.length < 1);
    expect(spec).toBeDefined();
    const printed = fc.stringify(spec);
    expect(printed).toBe('<ci-1 t3.medium us-east-1a cpu=2048 memory=3676 agent 1.86.3 at 2024-01-01T00:00:00Z>');
    expect(printed.length).toBeLessThan(100);
    expect(JSON.stringify(spec)).not.toContain('<');
    expect(Object.getOwnPropertyDescriptor(spec, fc.toStringMethod)?.enumerable).toBe(false);
    expect(spec).toEqual({ ...spec });
  });

  it('a request and a cluster print their parts, a line per instance and step', () => {
    const request = fc.sample(placementRequest({ minCount: 2, serviceRate: 1, strategies: { minLength: 2, randomRate: 0 }, constraintsRate: 1 }), { numRuns: 1, seed: 7 })[0];
    expect(fc.stringify(request)).toMatch(/^<place \dx \S+ .*\| service:\S+ \| strategy \S+ > \S+.*\| (memberOf\(.+\)|distinctInstance)/);
    const limited = fc.sample(placementRequest({ constraintsRate: 1, constraint: { spreadLimitRate: 1, domainFields: ['attribute:ecs.availability-zone'] } }), { numRuns: 1, seed: 7 })[0];
    expect(fc.stringify(limited)).toMatch(/\| spreadLimit\(attribute:ecs\.availability-zone, maxSkew \d(, minDomains \d)?(, domains [^)]+)?\)>$/);
    const scenario = fc.sample(cluster({ maxHistory: 3 }), { numRuns: 20, seed: 7 }).find((generated) => generated.history.length > 0);
    const lines = fc.stringify(scenario).split('\n');
    expect(lines[0]).toBe(`cluster seed=${scenario?.seed}`);
    expect(lines).toHaveLength(1 + (scenario?.instances.length ?? 0) + 1 + (scenario?.history.length ?? 0));
  });
});

describe('statistics labels', () => {
  it('labels fleets, scenarios, requests and results', () => {
    const instances = fc.sample(fleet({ minInstances: 5, maxInstances: 5 }), { numRuns: 1, seed: 7 })[0] ?? [];
    expect(statisticsLabels(instances)).toEqual(['fleet: 4-7 instances']);
    expect(statisticsLabels({ instances: [], seed: 0, history: [] })).toEqual(['fleet: 0 instances', 'history: 0 steps']);
    const web = { task: { resources: {} } };
    expect(statisticsLabels(web)).toEqual(['chain: none (ECS defaults)', 'constraints: none']);
    expect(statisticsLabels({ ...web, placementStrategy: [{ type: 'spread', field: 'host' }], placementConstraints: [{ type: 'distinctInstance' }] }))
      .toEqual(['chain: judged whole', 'constraints: some']);
    expect(statisticsLabels({ ...web, placementStrategy: [{ type: 'binpack', field: 'memory' }, { type: 'random' }] })[0]).toBe('chain: judged in part (random or own strategy later)');
    expect(statisticsLabels({ ...web, placementStrategy: [{ type: 'random' }] })[0]).toBe('chain: not judged (random or own strategy first)');
    const placed = new Cluster({ instances }).place({ ...web, count: 2 });
    expect(statisticsLabels(placed)).toEqual(['placed: all']);
    expect(statisticsLabels(new Cluster().place(web))).toEqual(['placed: none']);
  });

  it('works with fc.statistics', () => {
    const logged: string[] = [];
    fc.statistics(placementRequest(), statisticsLabels, { numRuns: 200, logger: (line) => logged.push(line) });
    expect(logged.join('\n')).toMatch(/chain: judged whole\.+ *\d+\.\d+%/);
    expect(logged.join('\n')).toContain('chain: none (ECS defaults)');
  });
});

describe('revisions and task selectors, on request', () => {
  /** A rollout: tasks of revision 7 or 8, and selectors of either revision, of family web, or both. */
  const SELECTING = { taskSelectorRate: 0.5, selectorRevisions: [7, 8], selectorFamilies: ['web'] };

  test.prop([task({ revisions: [7, 8] }), task({ revisions: [3], revisionRate: 0.5 })], { numRuns: runs(50) })(
    'task: a revision of those listed, every time by default, now and then at a lower rate; place accepts it',
    (always, sometimesRevised) => {
      expect([7, 8]).toContain(always.revision);
      expect([3, undefined]).toContain(sometimesRevised.revision);
      expect(() => accepted({ task: always })).not.toThrow();
    },
  );

  test.prop([strategyChain({ ...SELECTING, taskSelectorRate: 1, minLength: 1 }), constraint({ spreadLimitRate: 0.5, atMostRate: 0.5, ...SELECTING, taskSelectorRate: 1 })], { numRuns: runs(50) })(
    'strategyChain and constraint: with a rate of 1, every spread, spreadLimit and atMost has a selector of those listed; place accepts them',
    (chain, placementConstraint) => {
      for (const strategy of chain) {
        if ('type' in strategy && strategy.type === 'spread') expect(strategy.taskSelector).toBeDefined();
        else expect(strategy).not.toHaveProperty('taskSelector');
      }
      const selectors = [...chain.flatMap((strategy) => ('taskSelector' in strategy && strategy.taskSelector !== undefined ? [strategy.taskSelector] : [])), 'taskSelector' in placementConstraint ? placementConstraint.taskSelector : undefined];
      for (const selector of selectors) {
        expect(selector).toBeDefined();
        expect([undefined, 'web']).toContain(selector?.family);
        expect([undefined, 7, 8]).toContain(selector?.revision);
      }
      expect(() => accepted({ task: { resources: {} }, placementStrategy: chain, placementConstraints: [placementConstraint] })).not.toThrow();
    },
  );

  it('selectors come at their rate, in each shape: a revision, a family, both', () => {
    const drawn = fc.sample(constraint({ atMostRate: 1, ...SELECTING }), { numRuns: 400, seed: 7 });
    const selectors = drawn.flatMap((generated) => (generated.type === 'atMost' && generated.taskSelector !== undefined ? [generated.taskSelector] : []));
    expect(Math.abs(selectors.length / drawn.length - 0.5)).toBeLessThan(0.1);
    expect(new Set(selectors.map((selector) => Object.keys(selector).sort().join('+')))).toEqual(new Set(['revision', 'family', 'family+revision']));
    expect(shrunk(constraint({ atMostRate: 1, ...SELECTING }), (generated) => !('taskSelector' in generated))).toEqual({ type: 'atMost', count: 1, field: 'instanceId', taskSelector: { revision: 7 } });
  });

  it('without them, or at a rate of 0, what is drawn and how it shrinks are what they always were', () => {
    const same = <T>(plain: fc.Arbitrary<T>, opted: fc.Arbitrary<T>): void => {
      expect(fc.sample(opted, { numRuns: 200, seed: 7 })).toEqual(fc.sample(plain, { numRuns: 200, seed: 7 }));
      const small = (value: T): boolean => JSON.stringify(value).length < 60;
      expect(shrunk(opted, small)).toEqual(shrunk(plain, small));
    };
    same(task(), task({ revisions: [7], revisionRate: 0 }));
    same(strategyChain(), strategyChain({ taskSelectorRate: 0, selectorRevisions: [7] }));
    same(constraint(BEYOND_ECS), constraint({ ...BEYOND_ECS, taskSelectorRate: 0, selectorFamilies: ['web'] }));
    const defaults = fc.sample(fc.tuple(task(), strategyChain(), constraint(BEYOND_ECS)), { numRuns: 300, seed: 7 });
    expect(JSON.stringify(defaults)).not.toMatch(/"revision"|"taskSelector"/);
  });
});
