import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { conditionNode, instanceView, queryNode } from '../../test/support/queryArbitraries';
import { withoutSpans } from '../../test/support/shape';
import type { ConditionNode, QueryNode } from './ast';
import { evaluateQuery } from './evaluateQuery';
import { parseQuery } from './parseQuery';
import { printQuery } from './printQuery';
import { QueryError } from './QueryError';

const holds = (text: string, instance: Parameters<typeof evaluateQuery>[1]): boolean => evaluateQuery(parseQuery(text), instance);

describe('printQuery and parseQuery', () => {
  test.prop([queryNode], { numRuns: 2000 })('parsing the printed text gives back the tree', (ast) => {
    expect(withoutSpans(parseQuery(printQuery(ast)))).toEqual(withoutSpans(ast));
  });

  test.prop([queryNode, instanceView])('the printed text means what the tree means', (ast, instance) => {
    expect(evaluateQuery(parseQuery(printQuery(ast)), instance)).toBe(evaluateQuery(ast, instance));
  });
});

// Fragments of the language, so that random strings come close to valid ones.
const fragment = fc.constantFrom(
  'attribute:', 'ecs.instance-type', 'agentConnected', 'agentVersion', 'ec2InstanceId', 'registeredAt', 'runningTasksCount',
  'task:group', '==', '!=', '>', '>=', '<', '<=', '=~', '!~', 'exists', '!exists', 'in', '!in', 'not_in', 'equals', 'matches',
  'and', 'or', 'not', '&&', '||', '!', '(', ')', '[', ']', ',', "'", '"', ' ', ' ', 't2.*', '1.14.5', '2018-02-13', '3', 'true',
  '\\', '{', '}', '*', '+', '?', '|', '.', '\n', 'x',
);
const nearMiss = fc.array(fragment, { maxLength: 25 }).map((parts) => parts.join(''));
const anyText = fc.oneof(nearMiss, fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ maxLength: 60 }));

describe('parseQuery on any text', () => {
  test.prop([anyText], { numRuns: 10_000 })('returns a tree or throws a QueryError, nothing else', (text) => {
    let ast: QueryNode | undefined;
    try {
      ast = parseQuery(text);
    } catch (error) {
      expect(error).toBeInstanceOf(QueryError);
      const { start, end } = error as QueryError;
      expect(0 <= start && start <= end && end <= text.length).toBe(true);
      return;
    }
    expect(withoutSpans(parseQuery(printQuery(ast)))).toEqual(withoutSpans(ast));
  });
});

describe('evaluateQuery laws', () => {
  test.prop([queryNode, instanceView])('not e is the negation of e', (ast, instance) => {
    expect(holds(`not(${printQuery(ast)})`, instance)).toBe(!evaluateQuery(ast, instance));
  });

  test.prop([queryNode, queryNode, instanceView])('De Morgan: not(a and b) is not a or not b', (a, b, instance) => {
    const [pa, pb] = [printQuery(a), printQuery(b)];
    expect(holds(`not((${pa}) and (${pb}))`, instance)).toBe(holds(`not(${pa}) or not(${pb})`, instance));
    expect(holds(`not((${pa}) or (${pb}))`, instance)).toBe(holds(`not(${pa}) and not(${pb})`, instance));
  });

  const membership = conditionNode.filter((c) => c.operator === 'in' || c.operator === '!in');

  test.prop([membership, instanceView])('in [a, b] is == a or == b', (condition, instance) => {
    const inList = evaluateQuery({ ...condition, operator: 'in' }, instance);
    expect(inList).toBe(evaluateQuery(combine('or', eachItem(condition, '==')), instance));
  });

  test.prop([membership.filter((c) => c.subject.name !== 'task:group'), instanceView])(
    '!in [a, b] is != a and != b for subjects with one value',
    (condition, instance) => {
      const notInList = evaluateQuery({ ...condition, operator: '!in' }, instance);
      expect(notInList).toBe(evaluateQuery(combine('and', eachItem(condition, '!=')), instance));
    },
  );
});

/** One condition per list item, with the given operator. */
function eachItem(condition: ConditionNode, operator: '==' | '!='): ConditionNode[] {
  const items = condition.argument?.kind === 'list' ? condition.argument.items : [];
  return items.map((argument) => ({ ...condition, operator, argument }));
}

function combine(kind: 'and' | 'or', operands: QueryNode[]): QueryNode {
  return operands.length === 1 ? (operands[0] as QueryNode) : { kind, operands, start: 0, end: 0 };
}
