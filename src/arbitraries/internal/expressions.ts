/**
 * Where memberOf expressions come from: a list the user gives, or
 * generated queries.
 *
 * @module
 */
import * as fc from 'fast-check';
import { printQuery } from '../../query/printQuery';
import { queryNodeFrom } from '../query';
import { resolveQuery, type QueryVocabulary } from '../QueryConstraints';
import { requestString } from './accepted';
import { fail, inside, list, type Fields, type Where } from './readConstraints';

/** The keys a constraints object with memberOf expressions takes. */
export const EXPRESSION_KEYS: readonly string[] = ['expressions', 'query'];

/**
 * Generated memberOf expressions are what people write by default: a
 * condition or two on attributes, task groups (anti-affinity) and task counts.
 */
const DEFAULT_QUERY = { maxDepth: 1, subjects: ['attribute', 'task:group', 'runningTasksCount'] };

/**
 * The expressions of `fields`: `expressions` as given (each must be accepted
 * in a memberOf), else queries generated from `query`. `vocabulary` (a
 * fleet's words, when the request is drawn for a fleet) stands in for every
 * vocabulary field `query` leaves out.
 */
export function readExpressions(at: Where, fields: Fields, vocabulary: QueryVocabulary = {}): fc.Arbitrary<string> {
  const given = fields.get('expressions');
  if (given !== undefined && fields.get('query') !== undefined) fail(at, 'expressions', 'and query cannot both be given: pick a list, or generated queries');
  if (given !== undefined) {
    const expression = requestString(at, (text) => ({ task: { resources: {} }, placementConstraints: [{ type: 'memberOf', expression: text }] }));
    return fc.constantFrom(...list(at, fields, 'expressions', [], expression));
  }
  const queryAt = inside(at, 'query');
  const asked = fields.get('query') ?? DEFAULT_QUERY;
  // A query that is not an object is left as it is, for resolveQuery to refuse with its own message.
  const query = asked !== null && typeof asked === 'object' && !Array.isArray(asked) ? { ...vocabulary, ...asked } : asked;
  return queryNodeFrom(resolveQuery(query, queryAt), queryAt).map(printQuery);
}
