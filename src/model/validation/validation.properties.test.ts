import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { PlacementInputError } from '../PlacementInputError';
import { validateClusterOptions } from './validateClusterOptions';
import { validateInstancePatch } from './validateInstancePatch';
import { validateInstanceSpec } from './validateInstanceSpec';
import { validatePlacementRequest } from './validatePlacementRequest';
import { validateTaskSpec } from './validateTaskSpec';
import { runs } from '../../../test/support/runs';

type Validator = (value: unknown) => unknown;

const validators: [string, Validator][] = [
  ['validateInstanceSpec', (value) => validateInstanceSpec(value, 'instance')],
  ['validateInstancePatch', (value) => validateInstancePatch(value, 'patch')],
  ['validateTaskSpec', (value) => validateTaskSpec(value, 'task')],
  ['validatePlacementRequest', (value) => validatePlacementRequest(value)],
  ['validateClusterOptions', (value) => validateClusterOptions(value)],
];

/** Runs a validator; any error other than a PlacementInputError fails the property. */
function outcome(validate: Validator, value: unknown): 'accepted' | PlacementInputError {
  try {
    validate(value);
    return 'accepted';
  } catch (error) {
    if (error instanceof PlacementInputError) return error;
    throw error;
  }
}

// Values that structuredClone can copy, so that the input can be compared after validation.
const cloneable = fc.anything({
  withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true,
  withNullPrototype: true, withObjectString: true, withSparseArray: true, withTypedArray: true,
});

// --- Valid values, then the same with one node corrupted ---

const attributeName = fc.stringMatching(/^[A-Za-z0-9_./\\-]{1,12}$/);
const attributeValue = fc.option(fc.stringMatching(/^[A-Za-z0-9_.@/:-](?:[A-Za-z0-9_.@/: -]{0,8}[A-Za-z0-9_.@/:-])?$/), { nil: null });
const portList = (min: number) => fc.uniqueArray(fc.integer({ min, max: 65535 }), { maxLength: 6 });
const version = fc.array(fc.nat(200), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('.'));
const date = fc.date({ min: new Date(Date.UTC(1970, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true });
const status = fc.constantFrom('ACTIVE', 'DRAINING', 'REGISTERING', 'DEREGISTERING', 'REGISTRATION_FAILED', 'INACTIVE');

const instance = fc.record({
  id: fc.stringMatching(/^[a-z0-9:/-]{1,16}$/),
  ec2InstanceId: fc.stringMatching(/^i-[0-9a-f]{1,8}$/),
  resources: fc.record({ cpu: fc.nat(), memory: fc.nat(1_000_000), gpu: fc.nat(8), eni: fc.nat(4) }, { requiredKeys: ['cpu', 'memory'] }),
  reservedPorts: fc.record({ tcp: portList(1), udp: portList(1) }, { requiredKeys: [] }),
  attributes: fc.dictionary(attributeName, attributeValue, { maxKeys: 4 }),
  status,
  agentConnected: fc.boolean(),
  agentVersion: version,
  registeredAt: fc.oneof(date.map((value) => value.toISOString()), date.map((value) => value.toISOString().slice(0, 10))),
}, { requiredKeys: ['id', 'resources'] });

// A patch that both sets and removes one attribute is refused, so a valid one never does (test:long found the two colliding).
const patch = fc.record({
  status, agentConnected: fc.boolean(), agentVersion: version,
  attributes: fc.dictionary(attributeName, attributeValue, { maxKeys: 3 }),
  removeAttributes: fc.array(attributeName, { maxLength: 3 }),
}, { requiredKeys: [] }).filter(({ attributes, removeAttributes }) => !(removeAttributes ?? []).some((name) => attributes !== undefined && Object.hasOwn(attributes, name)));

const expression = fc.constantFrom('attribute:ecs.os-type == linux', 'attribute:ecs.instance-type =~ t2.*', 'agentVersion >= 1.14', 'not(task:group == service:db)');
const memberOf = expression.map((text) => ({ type: 'memberOf', expression: text }));

const task = fc.record({
  family: fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/),
  resources: fc.dictionary(fc.constantFrom('cpu', 'memory', 'gpu', 'eni', 'my.res-1'), fc.nat(4096), { maxKeys: 4 }),
  ports: fc.record({ tcp: portList(0), udp: portList(0) }, { requiredKeys: [] }),
  requiresAttributes: fc.array(attributeName, { maxLength: 3 }),
  placementConstraints: fc.array(memberOf, { maxLength: 3 }),
}, { requiredKeys: ['resources'] });

const strategy = fc.oneof(
  fc.record({ type: fc.constant('binpack'), field: fc.constantFrom('cpu', 'memory', 'gpu', 'eni') }),
  fc.record({ type: fc.constant('spread'), field: fc.oneof(fc.constantFrom('instanceId', 'host'), attributeName.map((name) => `attribute:${name}`)) }),
  fc.constant({ type: 'random' }),
);
const constraint = fc.oneof(memberOf, fc.constant({ type: 'distinctInstance' }));
const grouping = fc.oneof(fc.constant({}), fc.record({ service: fc.stringMatching(/^[a-z-]{1,8}$/) }), fc.record({ group: fc.stringMatching(/^[a-z:]{1,8}$/) }));

const request = fc.tuple(fc.record({
  task,
  count: fc.integer({ min: 1, max: 1000 }),
  placementStrategy: fc.array(strategy, { maxLength: 5 }),
  placementConstraints: fc.array(constraint, { maxLength: 4 }),
}, { requiredKeys: ['task'] }), grouping).map(([fields, group]) => ({ ...fields, ...group }));

const clusterOptions = fc.record({
  instances: fc.uniqueArray(instance, { maxLength: 4, selector: (spec) => spec.id }),
  seed: fc.integer(),
  engine: fc.constantFrom('reference', 'indexed'),
}, { requiredKeys: [] });

/** Every path to a node of a JSON-like value, the root included. */
function nodePaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const paths = [prefix];
  if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) paths.push(...nodePaths(child, [...prefix, Array.isArray(value) ? Number(key) : key]));
  }
  return paths;
}

type Corruption = { kind: 'replace'; with: unknown } | { kind: 'delete' } | { kind: 'addKey'; key: string; with: unknown };

/** A copy of `value` with the node at the chosen path replaced, deleted, or given an extra key. */
function corrupt(value: unknown, choice: number, change: Corruption): unknown {
  const copy = structuredClone(value);
  const paths = nodePaths(copy);
  const path = paths[choice % paths.length] ?? [];
  if (path.length === 0) return change.kind === 'replace' ? change.with : copy;
  let parent = copy as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (change.kind === 'replace') parent[last] = change.with;
  else if (change.kind === 'delete') delete parent[last];
  else if (typeof parent[last] === 'object' && parent[last] !== null) (parent[last] as Record<string, unknown>)[change.key] = change.with;
  return copy;
}

/** A proxy whose reads throw, as a revoked one's do, yet that fast-check can carry: it answers `in` with false and symbol reads with undefined. */
function unreadable(): unknown {
  const refuse = (): never => {
    throw new TypeError('Cannot perform an operation on a revoked proxy');
  };
  return new Proxy({}, { has: () => false, get: (_, key) => (typeof key === 'symbol' ? undefined : refuse()), ownKeys: refuse, getPrototypeOf: refuse, getOwnPropertyDescriptor: refuse });
}

function cyclic(): unknown {
  const node: Record<string, unknown> = { cpu: 1, memory: 1, type: 'random' };
  node['self'] = node;
  return node;
}

const awkward = fc.constantFrom<unknown>(
  Number.NaN, -0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e308, -1, 0.5, 2 ** 53, 65536,
  '', ' ', 'CPU', 'attribute:', 'distinctInstance', 'memberOf', '2018-02-30', null, [], {}, [[]], new Date(Number.NaN), new Map(),
);
const replacement = (extra: fc.Arbitrary<unknown>) => fc.oneof(awkward, cloneable, extra);
const corruption = (extra: fc.Arbitrary<unknown>): fc.Arbitrary<Corruption> => fc.oneof(
  replacement(extra).map((value): Corruption => ({ kind: 'replace', with: value })),
  fc.constant<Corruption>({ kind: 'delete' }),
  fc.tuple(fc.constantFrom('extra', 'placementStrategies', 'CPU', 'bad name', 'expression'), replacement(extra))
    .map(([key, value]): Corruption => ({ kind: 'addKey', key, with: value })),
);
// Symbols, functions and cycles: values a validator must survive but structuredClone cannot always copy.
// Proxies, throwing getters and objects that only claim Date's prototype: reading them may throw anything, which must come out as a PlacementInputError.
const hostile = fc.oneof(
  fc.constant(Symbol('x')), fc.constant(() => 1), fc.constant(null).map(cyclic), fc.constant(Object.create(null)),
  fc.constant(null).map(unreadable), fc.constant(null).map(() => new Proxy({}, { ownKeys: () => { throw new Error('no keys'); } })),
  fc.constant(null).map(() => Object.defineProperty({}, 'cpu', { enumerable: true, get: () => { throw new Error('no cpu'); } })),
  fc.constant(null).map(() => Object.create(Date.prototype) as unknown), fc.constant(null).map(() => new Proxy(new Date(0), {})),
);

const nearValid: [string, fc.Arbitrary<unknown>, Validator][] = [
  ['an instance', instance, (value) => validateInstanceSpec(value, 'instance')],
  ['a patch', patch, (value) => validateInstancePatch(value, 'patch')],
  ['a task', task, (value) => validateTaskSpec(value, 'task')],
  ['a request', request, (value) => validatePlacementRequest(value)],
  ['cluster options', clusterOptions, (value) => validateClusterOptions(value)],
];

const corrupted = (valid: fc.Arbitrary<unknown>, extra: fc.Arbitrary<unknown>) =>
  fc.tuple(valid, fc.nat(), corruption(extra)).map(([value, choice, change]) => corrupt(value, choice, change));

describe.each(validators)('%s on any value', (_name, validate) => {
  test.prop([fc.oneof(cloneable, hostile)], { numRuns: runs(1000) })('returns a value or throws a PlacementInputError', (value) => {
    outcome(validate, value);
  });

  test.prop([cloneable], { numRuns: runs(1000) })('does not change its input', (value) => {
    const before = structuredClone(value);
    outcome(validate, value);
    expect(value).toEqual(before);
  });
});

describe.each(nearValid)('validation of %s', (_name, valid, validate) => {
  test.prop([valid], { numRuns: runs(250) })('accepts every valid value', (value) => {
    expect(outcome(validate, value)).toBe('accepted');
  });

  test.prop([corrupted(valid, hostile)], { numRuns: runs(1000) })('with one node corrupted, returns a value or throws a PlacementInputError', (value) => {
    const result = outcome(validate, value);
    if (result !== 'accepted') expect(result.path === '' || /^[A-Za-z_$]/.test(result.path)).toBe(true);
  });

  test.prop([corrupted(valid, fc.constant(null).map(cyclic))], { numRuns: runs(1000) })('with one node corrupted, does not change its input', (value) => {
    const before = structuredClone(value);
    outcome(validate, value);
    expect(value).toEqual(before);
  });
});

describe('validatePlacementRequest on corrupted requests', () => {
  test.prop([corrupted(request, hostile)], { numRuns: runs(1000) })('returns only what ECS allows', (value) => {
    let valid;
    try {
      valid = validatePlacementRequest(value);
    } catch (error) {
      expect(error).toBeInstanceOf(PlacementInputError);
      return;
    }
    expect(Number.isInteger(valid.count) && valid.count >= 1 && valid.count <= 10_000_000).toBe(true);
    expect(valid.strategies.length).toBeLessThanOrEqual(5);
    expect(valid.constraints.length).toBeLessThanOrEqual(10);
    for (const amount of Object.values(valid.task.resources)) expect(Number.isSafeInteger(amount) && amount > 0).toBe(true);
    expect([...valid.task.ports.tcp, ...valid.task.ports.udp].every((port) => Number.isInteger(port) && port >= 1 && port <= 65535)).toBe(true);
  });
});
