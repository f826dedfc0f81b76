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
import type { InstanceView } from './InstanceView';
import { compileCondition, type InstancePredicate } from './compileCondition';
import type { QueryStats } from './QueryStats';

/** Options for one evaluation. */
export interface QueryContext {
  /** When given, the evaluator adds what it did to these counters. */
  readonly stats?: QueryStats;
}

const compiled = new WeakMap<QueryNode, InstancePredicate>();

/**
 * Tells whether an expression holds for an instance.
 *
 * @param ast - an expression from {@link parseQuery} (or built by hand with the same shapes)
 * @param instance - the instance to test
 * @param context - optional counters for measuring the evaluation
 * @returns true when the instance satisfies the expression
 * @throws {@link QueryError} only for a hand-built tree that {@link parseQuery} would have refused
 *
 * @example
 * ```ts
 * const query = parseQuery('attribute:ecs.instance-type =~ t3.* and runningTasksCount < 4');
 * const fits = evaluateQuery(query, instance);
 * ```
 */
export function evaluateQuery(ast: QueryNode, instance: InstanceView, context: QueryContext = {}): boolean {
  return compile(ast)(instance, context.stats);
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
