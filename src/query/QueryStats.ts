/**
 * What an evaluation cost, for callers who measure it.
 *
 * @module
 */

/**
 * Counters the evaluator adds to when a caller wants to know what an evaluation cost.
 *
 * @category Query language
 */
export interface QueryStats {
  /** Conditions evaluated. */
  conditions: number;
  /** Steps taken by the regular-expression engine (linear in the values' lengths). */
  regexSteps: number;
}
