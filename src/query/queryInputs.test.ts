import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { makeInstanceView } from '../../test/support/makeInstanceView';
import type { QueryNode } from './ast';
import { evaluateQuery } from './evaluateQuery';
import { parseQuery } from './parseQuery';
import { printQuery } from './printQuery';
import { QueryError } from './QueryError';
import { runs } from '../../test/support/runs';

/** The error a call throws, which must be a QueryError. */
function queryErrorOf(call: () => unknown): QueryError {
  try {
    call();
  } catch (error) {
    if (error instanceof QueryError) return error;
    throw new Error(`expected a QueryError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a QueryError, but nothing was thrown');
}

const condition = parseQuery('attribute:a exists');
const view = makeInstanceView({ attributes: { a: 'x' } });
const hand = (node: unknown): QueryNode => node as QueryNode;
const SPAN = { start: 0, end: 0 };

/** `depth` nots above one condition, built without recursion. */
function nots(depth: number): QueryNode {
  let node: QueryNode = condition;
  for (let i = 0; i < depth; i += 1) node = { kind: 'not', operand: node, ...SPAN };
  return node;
}

/**
 * `levels` of `x or x` and `x and x` in turn, both operands the same object:
 * 2^levels conditions from `levels` objects, nested only `levels / 2` deep
 * since `and` needs no parentheses under `or`.
 */
function doubling(levels: number): QueryNode {
  let node: QueryNode = condition;
  for (let i = 0; i < levels; i += 1) node = { kind: i % 2 === 0 ? 'and' : 'or', operands: [node, node], ...SPAN };
  return node;
}

function cyclic(): QueryNode {
  const node = { kind: 'or', operands: [condition, condition], ...SPAN };
  node.operands[1] = node as QueryNode;
  return node as QueryNode;
}

describe('parseQuery refuses what is not text', () => {
  it.each([
    [undefined, 'A query expression is text, not undefined.'],
    [{}, 'A query expression is text, not an object.'],
    [42, 'A query expression is text, not a number.'],
  ])('refuses %j with a sentence', (value, message) => {
    const error = queryErrorOf(() => parseQuery(value as string));
    expect(error.code).toBe('not_a_string');
    expect(error.message).toBe(message);
  });
});

describe('printQuery and evaluateQuery refuse what is not a query tree', () => {
  it.each<[string, unknown, RegExp]>([
    ['an empty object', {}, /query tree/],
    ['null', null, /query tree/],
    ['expression text', 'attribute:a exists', /parseQuery/],
    ['an and of one operand', { kind: 'and', operands: [condition], ...SPAN }, /at least two/],
    ['an or whose operands are not an array', { kind: 'or', operands: 'ab', ...SPAN }, /operands/],
    ['a not without its operand', { kind: 'not', ...SPAN }, /operand/],
    ['an unknown subject', { ...condition, subject: { kind: 'subject', name: 'agentversion', ...SPAN } }, /agentVersion/],
    ['an attribute name with a space', { ...condition, subject: { kind: 'subject', name: 'attribute', attribute: 'a b', ...SPAN } }, /attribute name/],
    ['an unknown operator', { ...condition, operator: 'like' }, /operator/],
    ['a value that is not text', { ...condition, operator: '==', argument: { kind: 'value', text: 5, ...SPAN } }, /text/],
    ['an empty list', { ...condition, operator: 'in', argument: { kind: 'list', items: [], ...SPAN } }, /list/],
  ])('refuses %s', (_name, value, message) => {
    for (const call of [() => printQuery(hand(value)), () => evaluateQuery(hand(value), view)]) {
      const error = queryErrorOf(call);
      expect(error.code).toBe('not_a_query');
      expect(error.message).toMatch(message);
    }
  });

  it('names where in the tree the fault is', () => {
    const tree = { kind: 'or', operands: [condition, { kind: 'not', operand: { ...condition, operator: 'like' }, ...SPAN }], ...SPAN };
    expect(queryErrorOf(() => printQuery(hand(tree))).message).toMatch(/operands\[1\]\.operand\.operator/);
  });

  it.each<[string, () => QueryNode, string]>([
    ['100,000 nested nots', () => nots(100_000), 'nesting_too_deep'],
    ['a tree that contains itself', cyclic, 'nesting_too_deep'],
    ['2^60 conditions shared among 60 objects', () => doubling(60), 'expression_too_long'],
  ])('refuses %s at once, with no stack overflow', (_name, build, code) => {
    const tree = build();
    expect(queryErrorOf(() => printQuery(tree)).code).toBe(code);
    expect(queryErrorOf(() => evaluateQuery(tree, view)).code).toBe(code);
  });
});

describe('evaluateQuery refuses what is not an instance view', () => {
  const hint = /toInstanceView/;
  it.each<[string, unknown, RegExp]>([
    ['undefined', undefined, /instance/],
    ['a string', 'i-1', /instance/],
    ['attributes as a plain object, as InstanceInfo has them', { ...view, attributes: { a: 'x' } }, hint],
    ['task groups as a plain object', { ...view, taskGroups: { web: 1 } }, hint],
    ['registeredAt as an ISO string', { ...view, registeredAt: '2018-06-18T22:28:28Z' }, hint],
    ['agentConnected as text', { ...view, agentConnected: 'true' }, /agentConnected/],
    ['runningTasksCount as text', { ...view, runningTasksCount: '3' }, /runningTasksCount/],
    ['agentVersion as a number', { ...view, agentVersion: 1.14 }, /agentVersion/],
    ['an attribute value that is a number', { ...view, attributes: new Map([['a', 5]]) }, /attributes/],
  ])('refuses %s', (_name, instance, message) => {
    const reading = parseQuery('attribute:a == x or task:group == web');
    const error = queryErrorOf(() => evaluateQuery(reading, instance as typeof view));
    expect(error.code).toBe('not_an_instance_view');
    expect(error.message).toMatch(message);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['stats without counters', { stats: {} }],
  ])('refuses a context that is %s', (_name, context) => {
    expect(queryErrorOf(() => evaluateQuery(condition, view, context as { stats?: never })).code).toBe('not_a_query_context');
  });
});

describe('the public entries on any input', () => {
  const anything = fc.anything({ withMap: true, withObjectString: true, withNullPrototype: true });
  const tree = fc.oneof(anything, fc.constant(condition), anything.map((argument) => ({ ...condition, operator: '==', argument })));

  test.prop([tree, fc.oneof(anything, fc.constant(view)), fc.oneof(anything, fc.constant({}))], { numRuns: runs(1000) })(
    'return an answer or throw a QueryError, nothing else',
    (node, instance, context) => {
      for (const call of [() => printQuery(node as QueryNode), () => evaluateQuery(node as QueryNode, instance as typeof view, context as object), () => parseQuery(node as string)]) {
        try {
          call();
        } catch (error) {
          expect(error).toBeInstanceOf(QueryError);
        }
      }
    },
  );
});
