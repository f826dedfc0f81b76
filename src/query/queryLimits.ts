/**
 * Limits on query expressions.
 *
 * @module
 */

/**
 * The limits {@link parseQuery} enforces. Beyond them it throws a
 * {@link QueryError} (`expression_too_long`, `nesting_too_deep`), never a
 * stack overflow.
 */
export const QUERY_LIMITS = Object.freeze({
  /** ECS's own limit on a memberOf expression, in characters. */
  maxLength: 2000,
  /** How deeply parentheses and `not` may nest. ECS documents none; 50 is far past any real constraint. */
  maxDepth: 50,
});
