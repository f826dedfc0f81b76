/**
 * Near-miss query text, for testing that a parser never does anything but
 * return a tree or throw a `QueryError`.
 *
 * @module
 */
import * as fc from 'fast-check';
import { printQuery } from '../query/printQuery';
import { queryNodeFrom } from './query';
import { resolveQuery, type QueryConstraints } from './QueryConstraints';
import { fail, inside, integer, rate, readFields, where } from './internal/readConstraints';
import { CROSS_SHRINK } from './internal/sometimes';

/** What {@link queryText} may generate. */
export interface QueryTextConstraints {
  /**
   * The most fragments of the language one text is glued from.
   * @defaultValue `25`
   */
  readonly maxFragments?: number;
  /**
   * The chance of a valid expression with one edit (a fragment inserted, a stretch deleted) rather than glued fragments.
   * @defaultValue `0.4`
   */
  readonly editedRate?: number;
  /**
   * The chance of any text at all, printable or not.
   * @defaultValue `0.2`, or what `editedRate` leaves when that is less
   */
  readonly anyTextRate?: number;
  /**
   * The vocabulary of the valid expressions that are edited, as {@link query} takes it.
   * @defaultValue the default vocabulary of {@link query}
   */
  readonly vocabulary?: QueryConstraints;
}

/** Pieces of the language, and pieces that look like it, so that glued texts come close to valid ones. */
const FRAGMENTS: readonly string[] = [
  'attribute:', 'ecs.instance-type', 'agentConnected', 'agentVersion', 'ec2InstanceId', 'registeredAt', 'runningTasksCount',
  'task:group', '==', '!=', '>', '>=', '<', '<=', '=~', '!~', 'exists', '!exists', 'in', '!in', 'not_in', 'equals', 'matches',
  'and', 'or', 'not', 'AND', '&&', '||', '!', '(', ')', '[', ']', ',', "'", '"', ' ', ' ', 't2.*', '1.14.5', '2018-02-13', '3', 'true',
  '\\', '{', '}', '*', '+', '?', '|', '.', '\n', 'x', '(?=a)', '\\1',
];

const KEYS = ['maxFragments', 'editedRate', 'anyTextRate', 'vocabulary'];

/** One edit of a text: a fragment inserted at a position, and a stretch deleted after it. */
function edited(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(valid, fc.nat(), fc.constantFrom('', ...FRAGMENTS), fc.nat(4))
    .map(([text, at, fragment, deleted]) => {
      const cut = at % (text.length + 1);
      return `${text.slice(0, cut)}${fragment}${text.slice(cut + deleted)}`;
    });
}

/**
 * Generates text that is often almost a query: fragments of the language
 * glued together, valid expressions with one edit, and now and then any
 * text at all. Some of it parses; most of it must be refused with a
 * `QueryError` that points inside the text. Shrinks towards shorter text.
 *
 * @param constraints - how texts are made
 * @returns an arbitrary of strings for parser robustness properties
 * @throws {@link ConstraintsError} naming `queryText` when a constraint is unknown or out of range
 *
 * @example
 * ```ts
 * fc.assert(fc.property(queryText(), (text) => {
 *   try { parseQuery(text); } catch (error) { return error instanceof QueryError; }
 *   return true;
 * }));
 * ```
 */
export function queryText(constraints: QueryTextConstraints = {}): fc.Arbitrary<string> {
  const at = where('queryText');
  const fields = readFields(at, constraints, KEYS);
  const maxFragments = integer(at, fields, 'maxFragments', 25, 1, 500);
  const editedRate = rate(at, fields, 'editedRate', 0.4);
  const anyTextRate = rate(at, fields, 'anyTextRate', Math.min(0.2, 1 - editedRate));
  if (editedRate + anyTextRate > 1) fail(at, 'editedRate', `plus anyTextRate must be at most 1, got ${editedRate} + ${anyTextRate}`);
  const vocabularyAt = inside(at, 'vocabulary');
  const resolved = resolveQuery(fields.get('vocabulary'), vocabularyAt);
  const glued = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: maxFragments }).map((parts) => parts.join(''));
  const weighted = [
    { weight: Math.round((1 - editedRate - anyTextRate) * 1000), arbitrary: glued },
    { weight: Math.round(editedRate * 1000), arbitrary: edited(queryNodeFrom(resolved, vocabularyAt).map(printQuery)) },
    { weight: Math.round(anyTextRate * 500), arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
    { weight: Math.round(anyTextRate * 500), arbitrary: fc.string({ maxLength: 60 }) },
  ].filter(({ weight }) => weight > 0);
  return weighted.length === 0 ? glued : fc.oneof(CROSS_SHRINK, ...weighted);
}
