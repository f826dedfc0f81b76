/**
 * memberOf expressions: parsed once here, so that a bad one is refused
 * before anything is placed.
 *
 * @module
 */
import type { QueryNode } from '../../query/ast';
import { parseQuery } from '../../query/parseQuery';
import { QueryError } from '../../query/QueryError';
import { PlacementInputError } from '../PlacementInputError';
import { expectString } from './fields';

/**
 * Expressions parsed lately, so that a service placed request after request
 * parses (and compiles) its expression once; the trees are read-only, so
 * sharing them is safe. Errors are not kept: they are rare and must carry
 * their own path.
 */
const recent = new Map<string, QueryNode>();
const RECENT_LIMIT = 256;

/** A memberOf expression with its syntax tree. */
export interface ParsedExpression {
  /** The expression as written. */
  readonly expression: string;
  /** Its syntax tree. */
  readonly query: QueryNode;
}

/**
 * Validates and parses a memberOf expression (or another that takes the
 * same language, such as a `prefer` strategy's).
 *
 * @param value - the untrusted expression
 * @param path - where it is, such as `request.placementConstraints[0].expression`
 * @param owner - what the expression belongs to, as messages name it
 * @returns the expression and its syntax tree
 * @throws {@link PlacementInputError} `invalid_type` when it is not a string,
 *   `empty_expression` when it is empty or only whitespace,
 *   `invalid_expression` (with the {@link QueryError} as `cause`) when it
 *   does not parse
 */
export function validateExpression(value: unknown, path: string, owner = 'memberOf'): ParsedExpression {
  const expression = expectString(value, path);
  if (expression.trim() === '') {
    throw new PlacementInputError('empty_expression', path, `Write a condition in this ${owner} expression, such as attribute:ecs.os-type == linux.`);
  }
  try {
    return { expression, query: recentlyParsed(expression) };
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    throw new PlacementInputError('invalid_expression', path, `Correct this ${owner} expression: ${error.message}`, { cause: error });
  }
}

function recentlyParsed(expression: string): QueryNode {
  let query = recent.get(expression);
  if (query === undefined) {
    query = parseQuery(expression);
    if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value as string);
    recent.set(expression, query);
  }
  return query;
}
