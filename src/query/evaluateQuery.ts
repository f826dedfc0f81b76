/**
 * The evaluator: does an expression hold for an instance?
 *
 * An expression is compiled once into a tree of small closures (with its
 * dates, versions and patterns already read) and the compiled form is cached
 * against the syntax tree, so evaluating one expression over a whole fleet
 * does the reading once and the comparisons per instance.
 *
 * @module
 */
import type { QueryNode } from './ast';
import { checkInstanceView } from './checkInstanceView';
import { compileCondition, type InstancePredicate } from './compileCondition';
import { describeValue } from './describeValue';
import type { InstanceView } from './InstanceView';
import { parseQuery } from './parseQuery';
import { printQuery } from './printQuery';
import { QueryError } from './QueryError';
import type { QueryStats } from './QueryStats';

/**
 * Options for one evaluation.
 *
 * @category Query language
 */
export interface QueryContext {
  /** When given, the evaluator adds what it did to these counters. */
  readonly stats?: QueryStats;
}

const compiled = new WeakMap<QueryNode, InstancePredicate>();
const NO_CONTEXT: QueryContext = Object.freeze({});

/**
 * Tells whether an expression holds for an instance.
 *
 * @remarks
 * A tree is checked once, the first time it is evaluated: it must be one
 * {@link parseQuery} could have returned (a hand-built tree is printed and
 * the text parsed, so a fault is reported with the parser's message). The
 * instance is checked on every call, cheaply.
 *
 * @param ast - an expression from {@link parseQuery} (or built by hand with the same shapes)
 * @param instance - the instance to test; an `InstanceInfo` from `cluster.instances()` needs `toInstanceView` first
 * @param context - optional counters for measuring the evaluation
 * @returns true when the instance satisfies the expression
 * @throws {@link QueryError} for a tree {@link parseQuery} would not return,
 *   `not_an_instance_view` for an instance of the wrong shape and
 *   `not_a_query_context` for a context that is not `{ stats? }`
 *
 * @example
 * ```ts
 * const query = parseQuery('attribute:ecs.instance-type =~ t3.* and runningTasksCount < 4');
 * const fits = evaluateQuery(query, instance);
 * ```
 *
 * @category Query language
 */
export function evaluateQuery(ast: QueryNode, instance: InstanceView, context: QueryContext = NO_CONTEXT): boolean {
  const predicate = compiled.get(ast) ?? compileChecked(ast);
  checkInstanceView(instance);
  return predicate(instance, statsOf(context));
}

/**
 * An expression as a predicate, for callers that test many instances they
 * built themselves (the cluster's own records, in memberOf and
 * `listInstances`): the tree is checked once, here, and no call checks the
 * instance.
 *
 * @param ast - an expression from {@link parseQuery}
 * @returns whether the expression holds for an instance
 * @throws {@link QueryError} for a tree {@link parseQuery} would not return
 */
export function queryPredicate(ast: QueryNode): (instance: InstanceView) => boolean {
  const predicate = compiled.get(ast) ?? compileChecked(ast);
  return (instance) => predicate(instance, undefined);
}

function compileChecked(ast: QueryNode): InstancePredicate {
  // Printing checks the tree's shape and limits; parsing the text checks the rest with the parser's own rules.
  parseQuery(printQuery(ast));
  return compile(ast);
}

function statsOf(context: unknown): QueryStats | undefined {
  if (typeof context !== 'object' || context === null) {
    throw new QueryError('not_a_query_context', `The context of evaluateQuery is an object such as { stats }, not ${describeValue(context)}.`, '', 0);
  }
  const { stats } = context as { readonly stats?: unknown };
  if (stats === undefined) return undefined;
  const counters = stats as Partial<Record<keyof QueryStats, unknown>> | null;
  if (typeof counters?.conditions !== 'number' || typeof counters.regexSteps !== 'number') {
    throw new QueryError('not_a_query_context', 'context.stats holds the counters evaluateQuery adds to: give { conditions: 0, regexSteps: 0 }.', '', 0);
  }
  return stats as QueryStats;
}

function compile(node: QueryNode): InstancePredicate {
  let predicate = compiled.get(node);
  if (predicate === undefined) {
    predicate = build(node);
    compiled.set(node, predicate);
  }
  return predicate;
}

function build(node: QueryNode): InstancePredicate {
  switch (node.kind) {
    case 'condition':
      return compileCondition(node);
    case 'not': {
      const operand = compile(node.operand);
      return (instance, stats) => !operand(instance, stats);
    }
    case 'and': {
      const operands = node.operands.map(compile);
      return (instance, stats) => operands.every((operand) => operand(instance, stats));
    }
    case 'or': {
      const operands = node.operands.map(compile);
      return (instance, stats) => operands.some((operand) => operand(instance, stats));
    }
  }
}
