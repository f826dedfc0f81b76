/**
 * What each subject is and which operators it accepts. ECS lists operators
 * for most subjects; for `attribute:` and `task:group` it lists none, and the
 * choices here are ours (see docs/query-language.md).
 *
 * @module
 */
import type { QuerySubjectName } from './ast';
import type { QueryOperator } from './tokens';

/** How an argument is read and compared for a subject. */
export type ValueType = 'string' | 'boolean' | 'version' | 'date' | 'integer';

/** The static description of one subject. */
export interface SubjectRule {
  readonly type: ValueType;
  readonly operators: ReadonlySet<QueryOperator>;
}

const EQUALITY: QueryOperator[] = ['==', '!='];
const ORDERING: QueryOperator[] = ['>', '>=', '<', '<='];
const MEMBERSHIP: QueryOperator[] = ['in', '!in'];
const PATTERN: QueryOperator[] = ['=~', '!~'];
const PRESENCE: QueryOperator[] = ['exists', '!exists'];

function rule(type: ValueType, ...groups: QueryOperator[][]): SubjectRule {
  return { type, operators: new Set(groups.flat()) };
}

/** The rule for `attribute:NAME`: every operator. */
export const ATTRIBUTE_RULE: SubjectRule = rule('string', EQUALITY, ORDERING, PRESENCE, MEMBERSHIP, PATTERN);

/** The rules for the named subjects. */
export const SUBJECT_RULES: ReadonlyMap<QuerySubjectName, SubjectRule> = new Map<QuerySubjectName, SubjectRule>([
  ['agentConnected', rule('boolean', EQUALITY, MEMBERSHIP, PATTERN)],
  ['agentVersion', rule('version', EQUALITY, ORDERING)],
  ['ec2InstanceId', rule('string', EQUALITY, MEMBERSHIP, PATTERN)],
  ['registeredAt', rule('date', EQUALITY, ORDERING)],
  ['runningTasksCount', rule('integer', EQUALITY, ORDERING)],
  ['task:group', rule('string', EQUALITY, MEMBERSHIP, PATTERN, PRESENCE)],
]);

/** Attribute names as ECS allows them: 1 to 128 letters, digits, `-`, `_`, `/`, `\` or `.`. */
export const ATTRIBUTE_NAME = /^[A-Za-z0-9_./\\-]{1,128}$/;
