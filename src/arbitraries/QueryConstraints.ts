/**
 * What {@link query} and {@link instanceView} may generate.
 *
 * @module
 */
import type * as fc from 'fast-check';
import type { QuerySubjectName, SubjectNode } from '../query/ast';
import { printQuery } from '../query/printQuery';
import type { QueryOperator } from '../query/tokens';
import {
  QUERY_AGENT_VERSIONS, QUERY_ATTRIBUTES, QUERY_DATES, QUERY_EC2_INSTANCE_IDS, QUERY_GROUPS, QUERY_PATTERNS, QUERY_TASK_COUNTS,
} from './defaults';
import { acceptQuery } from './internal/accepted';
import { attributeSubject, conditionNode, namedSubject, valueNode } from '../query/queryNodes';
import {
  choiceItem, integer, integerItem, list, listItem, readFields, record, stringItem, type Fields, type ItemReader, type Where,
} from './internal/readConstraints';
import { readSize, sizeStep } from './internal/size';

/**
 * The words expressions are made of. {@link query} and {@link instanceView}
 * read the same fields, so that one vocabulary given to both makes
 * expressions that hold on some generated instances and not on others.
 */
export interface QueryVocabulary {
  /**
   * Attribute names, each with the values compared to it (an empty list: only `exists` and `!exists`). Any text may be a value; the printer quotes it.
   * @defaultValue zones, instance types, `ecs.os-type`, `ecs.cpu-architecture`, `stack` and `ecs.capability.task-eni`, with values the default fleets have
   */
  readonly attributes?: Readonly<Record<string, readonly string[]>>;
  /**
   * Task groups `task:group` compares.
   * @defaultValue `['service:web', 'service:api', 'family:web', 'family:worker', 'batch-jobs']`
   */
  readonly groups?: readonly string[];
  /**
   * Versions `agentVersion` compares.
   * @defaultValue `['1.70.2', '1.81.0', '1.9.9', '1.10.0']`
   */
  readonly agentVersions?: readonly string[];
  /**
   * Dates `registeredAt` compares, in the four forms ECS lists.
   * @defaultValue `['2024-06-15', '2024-03-01T12:00:00Z', '2024-09-01T08:30:00', '2024-10-01T00:00:00+02:00']`
   */
  readonly dates?: readonly string[];
  /**
   * EC2 instance ids `ec2InstanceId` compares.
   * @defaultValue `['i-00000000000000001', 'i-0000000000000000a']`
   */
  readonly ec2InstanceIds?: readonly string[];
  /**
   * Counts `runningTasksCount` compares.
   * @defaultValue `[0, 1, 2, 3]`
   */
  readonly runningTasksCounts?: readonly number[];
  /**
   * Java-style patterns for `=~` and `!~` (whole-value matches; only what the library's linear-time engine supports).
   * @defaultValue `['t3\\..*', 'us-east-1[ab]', '.*', 'service:.*', '(m5|c5)\\.x?large', 'i-0+[1-9a-f]']`
   */
  readonly patterns?: readonly string[];
}

/** The subjects of the query language; `attribute` stands for every `attribute:NAME`. */
export type QuerySubjectKind = 'attribute' | QuerySubjectName;

/** What {@link query} may generate: the vocabulary, and the shape of the expressions. */
export interface QueryConstraints extends QueryVocabulary {
  /**
   * How deeply `and`, `or` and `not` may nest above the conditions; 0 gives single conditions.
   * @defaultValue as deep as `size` allows: 1 at `xsmall`, 2 at `small` (fast-check's default), up to 5 at `xlarge` and 8 at `max`
   */
  readonly maxDepth?: number;
  /**
   * How deep expressions grow, by fast-check's size conventions: the
   * default `maxDepth`, and how often deeper trees are drawn (shallow ones
   * always more often).
   * @defaultValue the `baseSize` of `fc.configureGlobal`, `small` unless set
   */
  readonly size?: fc.SizeForArbitrary;
  /**
   * The most operands of one `and` or `or` (at least 2).
   * @defaultValue `3`
   */
  readonly maxOperands?: number;
  /**
   * The subjects conditions test.
   * @defaultValue every subject: `['attribute', 'agentConnected', 'agentVersion', 'ec2InstanceId', 'registeredAt', 'runningTasksCount', 'task:group']`
   */
  readonly subjects?: readonly QuerySubjectKind[];
  /**
   * The operators conditions use; each subject takes only those the language allows it.
   * @defaultValue every operator
   */
  readonly operators?: readonly QueryOperator[];
}

/** {@link QueryVocabulary} with every default filled in. */
export type ResolvedVocabulary = Required<QueryVocabulary>;

/** {@link QueryConstraints} with every default filled in. */
export type ResolvedQuery = Required<QueryConstraints>;

/** Every subject, in the order conditions shrink towards. */
const SUBJECT_KINDS: readonly QuerySubjectKind[] = ['attribute', 'agentConnected', 'agentVersion', 'ec2InstanceId', 'registeredAt', 'runningTasksCount', 'task:group'];
/** Every operator, in the order conditions shrink towards. */
const OPERATORS: readonly QueryOperator[] = ['==', '!=', 'exists', '!exists', 'in', '!in', '>', '>=', '<', '<=', '=~', '!~'];
/** The keys of {@link QueryVocabulary}. */
const VOCABULARY_KEYS: readonly string[] = ['attributes', 'groups', 'agentVersions', 'dates', 'ec2InstanceIds', 'runningTasksCounts', 'patterns'];
const SHAPE_KEYS = ['maxDepth', 'maxOperands', 'subjects', 'operators', 'size'];
/** The default `maxDepth` at each size step, from `xsmall` to `max`. */
const DEPTHS: readonly number[] = [1, 2, 3, 4, 5, 8];

/** A value of a subject, tried by parsing the condition that uses it, as the printer writes it. */
function valueOf(at: Where, subject: SubjectNode, operator: QueryOperator = '=='): ItemReader<string> {
  return (item, label) => {
    const text = stringItem(at)(item, label);
    acceptQuery(at, label, text, printQuery(conditionNode(subject, operator, valueNode(text))));
    return text;
  };
}

/** Reads and checks a {@link QueryVocabulary} from `fields`. */
function readVocabulary(at: Where, fields: Fields): ResolvedVocabulary {
  const attributes = record(at, fields, 'attributes', QUERY_ATTRIBUTES, (item, label) => listItem(at, stringItem(at), 0)(item, label));
  for (const [name, values] of Object.entries(attributes)) {
    acceptQuery(at, `attributes[${JSON.stringify(name)}]`, name, `attribute:${name} exists`);
    values.forEach((value, index) => valueOf(at, attributeSubject(name))(value, `attributes[${JSON.stringify(name)}][${index}]`));
  }
  return {
    attributes,
    groups: list(at, fields, 'groups', QUERY_GROUPS, valueOf(at, namedSubject('task:group')), 0),
    agentVersions: list(at, fields, 'agentVersions', QUERY_AGENT_VERSIONS, valueOf(at, namedSubject('agentVersion')), 0),
    dates: list(at, fields, 'dates', QUERY_DATES, valueOf(at, namedSubject('registeredAt')), 0),
    ec2InstanceIds: list(at, fields, 'ec2InstanceIds', QUERY_EC2_INSTANCE_IDS, valueOf(at, namedSubject('ec2InstanceId')), 0),
    runningTasksCounts: list(at, fields, 'runningTasksCounts', QUERY_TASK_COUNTS, integerItem(at, 0, 1_000_000), 0),
    patterns: list(at, fields, 'patterns', QUERY_PATTERNS, valueOf(at, attributeSubject('probe'), '=~'), 0),
  };
}

/** Reads and checks a {@link QueryVocabulary} alone, as {@link instanceView} takes it. */
export function resolveVocabulary(value: unknown, at: Where, extraKeys: readonly string[] = []): { vocabulary: ResolvedVocabulary; fields: Fields } {
  const fields = readFields(at, value, [...VOCABULARY_KEYS, ...extraKeys]);
  return { vocabulary: readVocabulary(at, fields), fields };
}

/** Reads and checks {@link QueryConstraints}; `at` says where they sit. */
export function resolveQuery(value: unknown, at: Where): ResolvedQuery {
  const { vocabulary, fields } = resolveVocabulary(value, at, SHAPE_KEYS);
  const maxOperands = integer(at, fields, 'maxOperands', 3, 2, 6);
  const subjects = list(at, fields, 'subjects', SUBJECT_KINDS, choiceItem(at, SUBJECT_KINDS));
  const operators = list(at, fields, 'operators', OPERATORS, choiceItem(at, OPERATORS));
  const size = readSize(at, fields);
  const maxDepth = integer(at, fields, 'maxDepth', DEPTHS[sizeStep(size)] ?? 2, 0, 8);
  // '=' is the global baseSize: without a size, a given maxDepth is not reached at once, as fast-check would at size max.
  return { ...vocabulary, maxDepth, maxOperands, subjects, operators, size: size ?? '=' };
}
