/**
 * Checks a condition against its subject's rule: the operator must be one the
 * subject accepts, `in` takes a list and nothing else does, and every value
 * must read as the subject's type.
 *
 * @module
 */
import type { ConditionNode, SubjectNode, ValueNode } from './ast';
import { QueryError } from './QueryError';
import { readValue } from './readValue';
import type { RegexProgram } from './regex/compileRegex';
import { ATTRIBUTE_RULE, SUBJECT_RULES, type SubjectRule } from './subjects';
import type { Span } from './ast';

/**
 * The rule for a subject.
 *
 * @param subject - a subject node
 * @returns its value type and accepted operators
 */
export function ruleFor(subject: SubjectNode): SubjectRule {
  return subject.name === 'attribute' ? ATTRIBUTE_RULE : (SUBJECT_RULES.get(subject.name) as SubjectRule);
}

/**
 * Verifies one condition.
 *
 * @param condition - the condition
 * @param operatorSpan - where the operator is written, for errors about it
 * @param expression - the whole expression text
 * @returns the instructions its pattern compiles to, 0 without a pattern
 * @throws {@link QueryError} when the operator or an argument does not suit the subject
 */
export function checkCondition(condition: ConditionNode, operatorSpan: Span, expression: string): number {
  const { subject, operator, argument } = condition;
  const rule = ruleFor(subject);
  const subjectText = subject.name === 'attribute' ? `attribute:${subject.attribute}` : subject.name;
  if (!rule.operators.has(operator)) {
    const allowed = [...rule.operators].join(', ');
    throw new QueryError('operator_not_allowed', `${subjectText} does not take ${operator}; it takes ${allowed}.`, expression, operatorSpan.start, operatorSpan.end);
  }
  const wantsList = operator === 'in' || operator === '!in';
  if (argument === undefined) return 0;
  if (wantsList && argument.kind === 'value') {
    throw new QueryError('expected_list', `${operator} takes a list in brackets, as in [${argument.text}].`, expression, argument.start, argument.end);
  }
  if (!wantsList && argument.kind === 'list') {
    throw new QueryError('unexpected_list', `${operator} takes one value, not a list; quote a value that contains brackets.`, expression, argument.start, argument.end);
  }
  if (operator === '=~' || operator === '!~') return (readValue(rule.type, operator, argument as ValueNode, expression) as RegexProgram).size;
  const values: readonly ValueNode[] = argument.kind === 'list' ? argument.items : [argument];
  for (const value of values) readValue(rule.type, operator, value, expression);
  return 0;
}
