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

/** A memberOf expression with its syntax tree. */
export interface ParsedExpression {
  /** The expression as written. */
  readonly expression: string;
  /** Its syntax tree. */
  readonly query: QueryNode;
}

/**
 * Validates and parses a memberOf expression.
 *
 * @param value - the untrusted expression
 * @param path - where it is, such as `request.placementConstraints[0].expression`
 * @returns the expression and its syntax tree
 * @throws {@link PlacementInputError} `invalid_type` when it is not a string,
 *   `empty_expression` when it is empty or only whitespace,
 *   `invalid_expression` (with the {@link QueryError} as `cause`) when it
 *   does not parse
 */
export function validateExpression(value: unknown, path: string): ParsedExpression {
  const expression = expectString(value, path);
  if (expression.trim() === '') {
    throw new PlacementInputError('empty_expression', path, 'Write a condition in this memberOf expression, such as attribute:ecs.os-type == linux.');
  }
  try {
    return { expression, query: parseQuery(expression) };
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    throw new PlacementInputError('invalid_expression', path, `Correct this memberOf expression: ${error.message}`, { cause: error });
  }
}
