/**
 * Where memberOf expressions come from: a list the user gives, or
 * generated queries.
 *
 * @module
 */
import * as fc from 'fast-check';
import { printQuery } from '../../query/printQuery';
import { queryNodeFrom } from '../query';
import { resolveQuery } from '../QueryConstraints';
import { acceptRequest } from './accepted';
import { fail, inside, list, stringItem, type Fields, type Where } from './readConstraints';

/** The keys a constraints object with memberOf expressions takes. */
export const EXPRESSION_KEYS: readonly string[] = ['expressions', 'query'];

/**
 * Generated memberOf expressions are what people write by default: a
 * condition or two on attributes, task groups (anti-affinity) and task counts.
 */
const DEFAULT_QUERY = { maxDepth: 1, subjects: ['attribute', 'task:group', 'runningTasksCount'] };

/**
 * The expressions of `fields`: `expressions` as given (each must be accepted
 * in a memberOf), else queries generated from `query`.
 */
export function readExpressions(at: Where, fields: Fields): fc.Arbitrary<string> {
  const given = fields.get('expressions');
  if (given !== undefined && fields.get('query') !== undefined) fail(at, 'expressions', 'and query cannot both be given: pick a list, or generated queries');
  if (given !== undefined) {
    const text = stringItem(at);
    const expressions = list(at, fields, 'expressions', [], (item, label) => {
      const expression = text(item, label);
      acceptRequest(at, label, expression, { task: { resources: {} }, placementConstraints: [{ type: 'memberOf', expression }] });
      return expression;
    });
    return fc.constantFrom(...expressions);
  }
  const queryAt = inside(at, 'query');
  return queryNodeFrom(resolveQuery(fields.get('query') ?? DEFAULT_QUERY, queryAt), queryAt).map(printQuery);
}
