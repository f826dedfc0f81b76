/**
 * Valid cluster query language expressions, built as syntax trees and
 * printed, so that every one parses.
 *
 * @module
 */
import * as fc from 'fast-check';
import type { QueryNode, SubjectNode } from '../query/ast';
import { printQuery } from '../query/printQuery';
import { ATTRIBUTE_RULE, SUBJECT_RULES } from '../query/subjects';
import type { QueryOperator } from '../query/tokens';
import { resolveQuery, type QueryConstraints, type QuerySubjectKind, type ResolvedQuery } from './QueryConstraints';
import { attributeSubject, conditionNode, junctionNode, listNode, namedSubject, notNode, valueNode } from '../query/queryNodes';
import { fail, where, type Where } from './internal/readConstraints';
import { CROSS_SHRINK } from './internal/sometimes';

const BOOLEANS: readonly string[] = ['true', 'false'];

/** What a condition on one subject may compare: its operators, values and patterns. */
interface SubjectDraw {
  readonly subject: SubjectNode;
  readonly operators: readonly QueryOperator[];
  readonly values: readonly string[];
}

/** The operators of `allowed` that `resolved` permits, keeping only those a value list can feed. */
function usable(resolved: ResolvedQuery, allowed: ReadonlySet<QueryOperator>, values: readonly string[]): QueryOperator[] {
  return resolved.operators.filter((operator) => {
    if (!allowed.has(operator)) return false;
    if (operator === 'exists' || operator === '!exists') return true;
    if (operator === '=~' || operator === '!~') return resolved.patterns.length > 0;
    return values.length > 0;
  });
}

function subjectDraws(resolved: ResolvedQuery, kind: QuerySubjectKind): SubjectDraw[] {
  if (kind === 'attribute') {
    return Object.entries(resolved.attributes).map(([name, values]) => ({
      subject: attributeSubject(name),
      operators: usable(resolved, ATTRIBUTE_RULE.operators, values),
      values,
    }));
  }
  const values = valuesOf(resolved, kind);
  const rule = SUBJECT_RULES.get(kind);
  return rule === undefined ? [] : [{ subject: namedSubject(kind), operators: usable(resolved, rule.operators, values), values }];
}

function valuesOf(resolved: ResolvedQuery, kind: Exclude<QuerySubjectKind, 'attribute'>): readonly string[] {
  switch (kind) {
    case 'agentConnected':
      return BOOLEANS;
    case 'agentVersion':
      return resolved.agentVersions;
    case 'ec2InstanceId':
      return resolved.ec2InstanceIds;
    case 'registeredAt':
      return resolved.dates;
    case 'runningTasksCount':
      return resolved.runningTasksCounts.map(String);
    case 'task:group':
      return resolved.groups;
  }
}

function conditionOf(resolved: ResolvedQuery, { subject, operators, values }: SubjectDraw): fc.Arbitrary<QueryNode> {
  return fc.constantFrom(...operators).chain((operator) => {
    if (operator === 'exists' || operator === '!exists') return fc.constant(conditionNode(subject, operator));
    if (operator === '=~' || operator === '!~') return fc.constantFrom(...resolved.patterns).map((pattern) => conditionNode(subject, operator, valueNode(pattern)));
    if (operator === 'in' || operator === '!in') {
      return fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 3 }).map((items) => conditionNode(subject, operator, listNode(items)));
    }
    return fc.constantFrom(...values).map((text) => conditionNode(subject, operator, valueNode(text)));
  });
}

/** Every subject the constraints allow that has an operator left to use. */
function drawsOf(resolved: ResolvedQuery, at: Where): SubjectDraw[] {
  const draws = resolved.subjects.flatMap((kind) => subjectDraws(resolved, kind)).filter((draw) => draw.operators.length > 0);
  if (draws.length === 0) fail(at, 'subjects', 'leave no condition to generate: no subject has both an allowed operator and a value to compare');
  return draws;
}

/** The arbitrary of syntax trees for resolved constraints. */
export function queryNodeFrom(resolved: ResolvedQuery, at: Where): fc.Arbitrary<QueryNode> {
  const conditions = drawsOf(resolved, at).map((draw) => conditionOf(resolved, draw));
  // The first subject and operator come first, so conditions shrink towards them.
  const condition = fc.oneof(CROSS_SHRINK, ...conditions);
  if (resolved.maxDepth === 0) return condition;
  const operands = (node: fc.Arbitrary<QueryNode>): fc.Arbitrary<QueryNode[]> => fc.array(node, { minLength: 2, maxLength: resolved.maxOperands });
  return fc.letrec<{ node: QueryNode }>((tie) => ({
    node: fc.oneof(
      { maxDepth: resolved.maxDepth, depthSize: resolved.size, withCrossShrink: true },
      { weight: 3, arbitrary: condition },
      tie('node').map(notNode),
      operands(tie('node')).map((nodes) => junctionNode('and', nodes)),
      operands(tie('node')).map((nodes) => junctionNode('or', nodes)),
    ),
  })).node;
}

/**
 * Generates cluster query language syntax trees: conditions on every
 * subject the constraints allow, joined by `and`, `or` and `not`. Every
 * offset is 0; parse the printed tree to get a tree with offsets. Shrinks
 * towards a single condition on the first subject.
 *
 * @param constraints - the vocabulary and the shape of the trees; every field has a default that meets the default fleets
 * @returns an arbitrary of {@link QueryNode}s that {@link printQuery} prints as parseable text
 * @throws {@link ConstraintsError} naming `queryNode` when a constraint is unknown, out of range, or refused by the parser
 *
 * @example
 * ```ts
 * fc.assert(fc.property(queryNode(), (tree) => printQuery(parseQuery(printQuery(tree))) === printQuery(tree)));
 * ```
 */
export function queryNode(constraints: QueryConstraints = {}): fc.Arbitrary<QueryNode> {
  const at = where('queryNode');
  return queryNodeFrom(resolveQuery(constraints, at), at);
}

/**
 * Generates valid cluster query language expressions, as text: a syntax
 * tree from {@link queryNode}, printed, so every expression parses. The
 * default vocabulary (zones, instance types, `stack`, task groups, agent
 * versions) is that of the default {@link fleet}, so expressions hold on
 * some generated instances and not on others. Shrinks towards a single
 * condition.
 *
 * @param constraints - the vocabulary and the shape of the expressions
 * @returns an arbitrary of expressions for `memberOf` or `listInstances`
 * @throws {@link ConstraintsError} naming `query` when a constraint is unknown, out of range, or refused by the parser
 *
 * @example
 * ```ts
 * fc.assert(fc.property(query({ maxDepth: 1 }), (expression) => parseQuery(expression) !== undefined));
 * ```
 */
export function query(constraints: QueryConstraints = {}): fc.Arbitrary<string> {
  const at = where('query');
  return queryNodeFrom(resolveQuery(constraints, at), at).map(printQuery);
}
