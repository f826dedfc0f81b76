import fc from 'fast-check';
import type { ConditionNode, ListNode, QueryNode, QuerySubjectName, SubjectNode, ValueNode } from '../../src/query/ast';
import type { InstanceView } from '../../src/model/InstanceView';
import type { QueryOperator } from '../../src/query/tokens';

// Small vocabularies so that generated expressions and instances meet often.
export const ATTRIBUTE_NAMES = ['stack', 'ecs.instance-type', 'ecs.availability-zone', 'slots'];
export const ATTRIBUTE_VALUES = ['prod', 'dev', 't2.small', 'us-east-1a', '1', '10', '2.5', '-3', 'a b', "it's", 'x,y', '&&', ''];
export const GROUPS = ['service:web', 'family:db', 'database', 'a b'];
export const PATTERNS = ['t2.*', 'us-east-1[ab]', '.*', '(a|b)+', '\\d+', 'p.o.', '[^d].*', 'x?'];
const VERSIONS = ['1.9.9', '1.10.0', '1.14.5', '1.14', '2'];
const DATES = ['2018-02-13', '2018-02-13T10:00:00', '2018-02-13T10:00:00Z', '2018-02-13T10:00:00+02:00'];
const EC2_IDS = ['i-abcd1234', 'i-wxyx7890', 'i-0'];

const span = { start: 0, end: 0 };
const value = (text: string): ValueNode => ({ kind: 'value', text, ...span });
const list = (texts: string[]): ListNode => ({ kind: 'list', items: texts.map(value), ...span });

function condition(subject: SubjectNode, operator: QueryOperator, argument?: ValueNode | ListNode): ConditionNode {
  return argument === undefined
    ? { kind: 'condition', subject, operator, ...span }
    : { kind: 'condition', subject, operator, argument, ...span };
}

function named(name: QuerySubjectName): SubjectNode {
  return { kind: 'subject', name, ...span };
}

/** A condition on one subject with operators from `operators` and values from `values`. */
function conditionOn(subject: fc.Arbitrary<SubjectNode>, operators: QueryOperator[], values: string[], patterns = PATTERNS): fc.Arbitrary<ConditionNode> {
  return fc.tuple(subject, fc.constantFrom(...operators)).chain(([s, operator]) => {
    if (operator === 'exists' || operator === '!exists') return fc.constant(condition(s, operator));
    if (operator === 'in' || operator === '!in') return fc.array(fc.constantFrom(...values), { minLength: 1, maxLength: 3 }).map((v) => condition(s, operator, list(v)));
    if (operator === '=~' || operator === '!~') return fc.constantFrom(...patterns).map((p) => condition(s, operator, value(p)));
    return fc.constantFrom(...values).map((v) => condition(s, operator, value(v)));
  });
}

const attributeSubject = fc.constantFrom(...ATTRIBUTE_NAMES).map((attribute): SubjectNode => ({ kind: 'subject', name: 'attribute', attribute, ...span }));
const ALL: QueryOperator[] = ['==', '!=', '>', '>=', '<', '<=', 'exists', '!exists', 'in', '!in', '=~', '!~'];

/** Any valid condition, on any subject. */
export const conditionNode: fc.Arbitrary<ConditionNode> = fc.oneof(
  { weight: 4, arbitrary: conditionOn(attributeSubject, ALL, ATTRIBUTE_VALUES) },
  conditionOn(fc.constant(named('agentConnected')), ['==', '!=', 'in', '!in', '=~', '!~'], ['true', 'false', 'TRUE'], ['t.*', 'false']),
  conditionOn(fc.constant(named('agentVersion')), ['==', '!=', '>', '>=', '<', '<='], VERSIONS),
  conditionOn(fc.constant(named('ec2InstanceId')), ['==', '!=', 'in', '!in', '=~', '!~'], EC2_IDS, ['i-.*', 'i-[a-z]+\\d+']),
  conditionOn(fc.constant(named('registeredAt')), ['==', '!=', '>', '>=', '<', '<='], DATES),
  conditionOn(fc.constant(named('runningTasksCount')), ['==', '!=', '>', '>=', '<', '<='], ['0', '1', '2', '3']),
  conditionOn(fc.constant(named('task:group')), ['==', '!=', 'in', '!in', '=~', '!~', 'exists', '!exists'], GROUPS, ['service:.*', 'd.*']),
);

/** Any valid expression tree, offsets all zero. */
export const queryNode: fc.Arbitrary<QueryNode> = fc.letrec<{ node: QueryNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: conditionNode },
    tie('node').map((operand): QueryNode => ({ kind: 'not', operand, ...span })),
    fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((operands): QueryNode => ({ kind: 'and', operands, ...span })),
    fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((operands): QueryNode => ({ kind: 'or', operands, ...span })),
  ),
})).node;

/** An instance whose fields come from the same vocabularies as the expressions. */
export const instanceView: fc.Arbitrary<InstanceView> = fc
  .record({
    attributes: fc.dictionary(fc.constantFrom(...ATTRIBUTE_NAMES), fc.option(fc.constantFrom(...ATTRIBUTE_VALUES), { nil: null }), { maxKeys: 4 }),
    agentConnected: fc.boolean(),
    agentVersion: fc.option(fc.constantFrom(...VERSIONS), { nil: undefined }),
    ec2InstanceId: fc.option(fc.constantFrom(...EC2_IDS), { nil: undefined }),
    registeredAt: fc.option(fc.constantFrom(Date.UTC(2018, 1, 13), Date.UTC(2018, 1, 13, 8), Date.UTC(2018, 1, 13, 10), Date.UTC(2019, 0, 1)), { nil: undefined }),
    taskGroups: fc.dictionary(fc.constantFrom(...GROUPS), fc.integer({ min: 1, max: 3 }), { maxKeys: 3 }),
  })
  .map(({ attributes, taskGroups, ...rest }) => {
    const groups = new Map(Object.entries(taskGroups));
    let running = 0;
    for (const count of groups.values()) running += count;
    return { id: 'generated', ...rest, attributes: new Map(Object.entries(attributes)), taskGroups: groups, runningTasksCount: running };
  });
