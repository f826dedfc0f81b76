import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { instanceView } from '../arbitraries/instanceView';
import { queryNode } from '../arbitraries/query';
import type { QueryVocabulary } from '../arbitraries/QueryConstraints';
import { queryText } from '../arbitraries/queryText';
import { withoutSpans } from '../../test/support/shape';
import type { ConditionNode, QueryNode } from './ast';
import { evaluateQuery } from './evaluateQuery';
import { parseQuery } from './parseQuery';
import { printQuery } from './printQuery';
import { QueryError } from './QueryError';
import { runs } from '../../test/support/runs';

// Values that need quotes, numbers that compare as numbers, and versions across a 1.9 / 1.10 boundary: the printer's hard cases.
const VALUES = ['prod', 'dev', 't2.small', 'us-east-1a', '1', '10', '2.5', '-3', 'a b', "it's", 'x,y', '&&', ''];
const VOCABULARY: QueryVocabulary = {
  attributes: Object.fromEntries(['stack', 'ecs.instance-type', 'ecs.availability-zone', 'slots'].map((name) => [name, VALUES])),
  groups: ['service:web', 'family:db', 'database', 'a b'],
  agentVersions: ['1.9.9', '1.10.0', '1.14.5', '1.14', '2'],
  dates: ['2018-02-13', '2018-02-13T10:00:00', '2018-02-13T10:00:00Z', '2018-02-13T10:00:00+02:00'],
  ec2InstanceIds: ['i-abcd1234', 'i-wxyx7890', 'i-0'],
  patterns: ['t2.*', 'us-east-1[ab]', '.*', '(a|b)+', '\\d+', 'p.o.', '[^d].*', 'x?', 'i-[a-z]+\\d+', 'service:.*'],
};
const tree = queryNode(VOCABULARY);
const view = instanceView(VOCABULARY);

const holds = (text: string, instance: Parameters<typeof evaluateQuery>[1]): boolean => evaluateQuery(parseQuery(text), instance);

describe('printQuery and parseQuery', () => {
  test.prop([tree], { numRuns: runs(2000) })('parsing the printed text gives back the tree', (ast) => {
    expect(withoutSpans(parseQuery(printQuery(ast)))).toEqual(withoutSpans(ast));
  });

  test.prop([tree, view])('the printed text means what the tree means', (ast, instance) => {
    expect(evaluateQuery(parseQuery(printQuery(ast)), instance)).toBe(evaluateQuery(ast, instance));
  });
});

describe('parseQuery on any text', () => {
  test.prop([queryText({ vocabulary: VOCABULARY })], { numRuns: runs(10_000) })('returns a tree or throws a QueryError, nothing else', (text) => {
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
  test.prop([tree, view])('not e is the negation of e', (ast, instance) => {
    expect(holds(`not(${printQuery(ast)})`, instance)).toBe(!evaluateQuery(ast, instance));
  });

  test.prop([tree, tree, view])('De Morgan: not(a and b) is not a or not b', (a, b, instance) => {
    const [pa, pb] = [printQuery(a), printQuery(b)];
    expect(holds(`not((${pa}) and (${pb}))`, instance)).toBe(holds(`not(${pa}) or not(${pb})`, instance));
    expect(holds(`not((${pa}) or (${pb}))`, instance)).toBe(holds(`not(${pa}) and not(${pb})`, instance));
  });

  const membership = queryNode({ ...VOCABULARY, maxDepth: 0, operators: ['in', '!in'] }) as fc.Arbitrary<ConditionNode>;

  test.prop([membership, view])('in [a, b] is == a or == b', (condition, instance) => {
    const inList = evaluateQuery({ ...condition, operator: 'in' }, instance);
    expect(inList).toBe(evaluateQuery(combine('or', eachItem(condition, '==')), instance));
  });

  test.prop([membership.filter((c) => c.subject.name !== 'task:group'), view])(
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
