/**
 * Limits on query expressions.
 *
 * @module
 */
import { MAX_PROGRAM_SIZE } from './regex/measureProgram';

/**
 * The limits {@link parseQuery} enforces. Beyond them it throws a
 * {@link QueryError} (`expression_too_long`, `nesting_too_deep`,
 * `regex_too_large`), never a stack overflow.
 *
 * @remarks
 * The limits are those of a tree as much as of a text: {@link printQuery}
 * writes any tree {@link parseQuery} returns within them, and refuses a
 * hand-built tree that no text within them could express.
 *
 * @category Query language
 */
export const QUERY_LIMITS = Object.freeze({
  /** ECS's own limit on a memberOf expression, in characters. */
  maxLength: 2000,
  /** How deeply parentheses and `not` may nest. ECS documents none; 50 is far past any real constraint. */
  maxDepth: 50,
  /**
   * How many instructions the `=~` and `!~` patterns of one expression may compile to, together.
   * Matching costs at most (value length + 1) steps per instruction, so evaluating an expression
   * costs at most 256,000 pattern steps per value of the longest kind (a 255-character task group).
   */
  maxPatternInstructions: MAX_PROGRAM_SIZE,
});
