/**
 * Reads a value as its subject's type, so that a malformed date, version,
 * integer, boolean or pattern is an error at parse time, pointing at the
 * value, rather than a condition that is silently false.
 *
 * @module
 */
import type { ValueNode } from './ast';
import { parseQueryDate } from './parseQueryDate';
import { parseVersion } from './parseVersion';
import { QueryError } from './QueryError';
import { compileRegex, type RegexProgram } from './regex/compileRegex';
import { RegexSyntaxError } from './regex/RegexSyntaxError';
import type { ValueType } from './subjects';
import type { QueryOperator } from './tokens';

/**
 * A value read as its type: text, a boolean, a date (milliseconds since the
 * epoch), an integer (exact, however large), version components, or a pattern.
 */
export type TypedValue = string | boolean | number | bigint | readonly string[] | RegexProgram;

const INTEGER = /^-?\d+$/;

/**
 * Reads one value for a condition.
 *
 * @param type - the subject's value type
 * @param operator - the condition's operator; `=~` and `!~` read a pattern whatever the type
 * @param node - the value
 * @param expression - the whole expression, for error positions
 * @throws {@link QueryError} when the value is not of the type
 */
export function readValue(type: ValueType, operator: QueryOperator, node: ValueNode, expression: string): TypedValue {
  if (operator === '=~' || operator === '!~') return readPattern(node, expression);
  const fail = (code: 'invalid_boolean' | 'invalid_version' | 'invalid_date' | 'invalid_integer', summary: string): never => {
    throw new QueryError(code, summary, expression, node.start, node.end);
  };
  switch (type) {
    case 'string':
      return node.text;
    case 'boolean': {
      const lower = node.text.toLowerCase();
      return lower === 'true' || lower === 'false'
        ? lower === 'true'
        : fail('invalid_boolean', `agentConnected is true or false, not '${node.text}'.`);
    }
    case 'version':
      return parseVersion(node.text) ?? fail('invalid_version', `'${node.text}' is not a version; write dotted numbers such as 1.14.5.`);
    case 'date':
      return (
        parseQueryDate(node.text) ??
        fail('invalid_date', `'${node.text}' is not a date; write 2018-06-18, 2018-06-18T22:28:28, 2018-06-18T22:28:28Z or 2018-06-18T22:28:28+00:00.`)
      );
    case 'integer':
      return INTEGER.test(node.text) ? BigInt(node.text) : fail('invalid_integer', `'${node.text}' is not a whole number.`);
  }
}

function readPattern(node: ValueNode, expression: string): RegexProgram {
  try {
    return compileRegex(node.text);
  } catch (error) {
    if (!(error instanceof RegexSyntaxError)) throw error;
    const start = sourceOffset(expression, node, error.start);
    const end = sourceOffset(expression, node, error.end);
    throw new QueryError(error.code, error.message, expression, start, end);
  }
}

/**
 * Maps an offset in a value's text to an offset in the expression: past the
 * opening quote, and counting a doubled quote as the two characters it is in
 * the source.
 */
function sourceOffset(expression: string, node: ValueNode, index: number): number {
  const raw = expression.slice(node.start, node.end);
  const quote = raw[0];
  if (quote !== "'" && quote !== '"') return node.start + index;
  let source = node.start + 1;
  for (let i = 0; i < index; i += 1) {
    source += expression[source] === quote ? 2 : 1;
  }
  return Math.min(source, node.end);
}
