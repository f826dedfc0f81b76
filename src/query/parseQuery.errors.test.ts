import { describe, expect, it } from 'vitest';
import { parseQuery } from './parseQuery';
import { QueryError } from './QueryError';

function failure(text: unknown): { code: string; start: number; end: number } {
  try {
    parseQuery(text as string);
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    return { code: error.code, start: error.start, end: error.end };
  }
  throw new Error(`expected ${JSON.stringify(text)} to be refused`);
}

const deepParens = `${'('.repeat(60)}attribute:a exists${')'.repeat(60)}`;
const deepNots = `${'not '.repeat(60)}attribute:a exists`;

describe('parseQuery refuses malformed expressions', () => {
  it.each([
    ['the empty string', '', 'empty_expression', 0, 0],
    ['only whitespace', '   ', 'empty_expression', 0, 3],
    ['a 2001-character expression', `attribute:a == ${'x'.repeat(1986)}`, 'expression_too_long', 2000, 2001],
    ['100,000 nested parentheses', '('.repeat(100_000), 'expression_too_long', 2000, 100_000],
    ['parentheses nested past the limit', deepParens, 'nesting_too_deep', 50, 51],
    ['not nested past the limit', deepNots, 'nesting_too_deep', 200, 203],
    ['an unterminated single quote', "attribute:a == 'abc", 'unterminated_quote', 15, 19],
    ['an unterminated double quote', 'attribute:a in [x, "y]', 'unterminated_quote', 19, 22],
    ['a missing argument at the end', 'attribute:a ==', 'missing_argument', 14, 14],
    ['a missing argument before )', '(attribute:a == )', 'missing_argument', 16, 17],
    ['a missing list', 'attribute:a in', 'missing_argument', 14, 14],
    ['an unquoted parenthesis in a pattern', 'attribute:a =~ (a|b)', 'missing_argument', 15, 16],
    ['a regex operator on runningTasksCount', 'runningTasksCount =~ 1', 'operator_not_allowed', 18, 20],
    ['in on agentVersion', 'agentVersion in [1.0]', 'operator_not_allowed', 13, 15],
    ['exists on registeredAt', 'registeredAt exists', 'operator_not_allowed', 13, 19],
    ['an ordering on ec2InstanceId', 'ec2InstanceId greater_than i-1', 'operator_not_allowed', 14, 26],
    ['a date in another format', 'registeredAt < 13/02/2018', 'invalid_date', 15, 25],
    ['a date that does not exist', 'registeredAt < 2018-02-30', 'invalid_date', 15, 25],
    ['a time that does not exist', 'registeredAt < 2018-02-13T25:00:00', 'invalid_date', 15, 34],
    ['a count that is a word', 'runningTasksCount > many', 'invalid_integer', 20, 24],
    ['a count that is a fraction', 'runningTasksCount > 1.5', 'invalid_integer', 20, 23],
    ['a version with letters', 'agentVersion < 1.x', 'invalid_version', 15, 18],
    ['a boolean that is not one', 'agentConnected == yes', 'invalid_boolean', 18, 21],
    ['a boolean in a list', 'agentConnected in [true, no]', 'invalid_boolean', 25, 27],
    ['a subject in the wrong case', 'agentconnected == true', 'unknown_subject', 0, 14],
    ['an unknown subject', 'instanceType == t2.micro', 'unknown_subject', 0, 12],
    ['an attribute prefix in the wrong case', 'Attribute:a exists', 'unknown_subject', 0, 11],
    ['an attribute without a name', 'attribute: == x', 'invalid_attribute_name', 10, 10],
    ['an attribute name with a forbidden character', 'attribute:a$b exists', 'invalid_attribute_name', 10, 13],
    ['an unknown operator word', 'attribute:a like b', 'unknown_operator', 12, 16],
    ['a single equals sign', 'attribute:a = b', 'unknown_operator', 12, 13],
    ['a missing operator', 'attribute:a', 'missing_operator', 11, 11],
    ['an unclosed parenthesis', '(attribute:a exists', 'unbalanced_parenthesis', 0, 1],
    ['a stray closing parenthesis', 'attribute:a exists)', 'unbalanced_parenthesis', 18, 19],
    ['empty parentheses', '()', 'missing_operand', 1, 2],
    ['a trailing and', 'attribute:a exists and', 'missing_operand', 22, 22],
    ['a leading and', 'and attribute:a exists', 'missing_operand', 0, 3],
    ['a trailing or', 'attribute:a == x or', 'missing_operand', 19, 19],
    ['a bare not', 'not', 'missing_operand', 3, 3],
    ['an operator without a subject', '== x', 'missing_operand', 0, 2],
    ['two conditions without a connective', 'attribute:a exists attribute:b exists', 'unexpected_token', 19, 30],
    ['two values', 'attribute:a == b c', 'unexpected_token', 17, 18],
    ['two quoted values', "attribute:a == 'x' 'y'", 'unexpected_token', 19, 22],
    ['a value after exists', "attribute:a exists 'x'", 'unexpected_argument', 19, 22],
    ['a single value for in', 'attribute:a in x', 'expected_list', 15, 16],
    ['a list for ==', 'attribute:a == [x]', 'unexpected_list', 15, 18],
    ['an empty list', 'attribute:a in []', 'empty_list', 15, 17],
    ['an unclosed list', 'attribute:a in [x', 'unexpected_token', 15, 16],
    ['a trailing comma in a list', 'attribute:a in [x,]', 'unexpected_token', 18, 19],
    ['a number instead of text', 42, 'not_a_string', 0, 0],
  ])('%s', (_name, text, code, start, end) => {
    expect(failure(text)).toEqual({ code, start, end });
  });

  it('shows the expression with a caret under the fault', () => {
    const error = (() => {
      try {
        parseQuery('runningTasksCount =~ 1');
      } catch (caught) {
        return caught as QueryError;
      }
      throw new Error('expected an error');
    })();
    expect(error.message).toBe(
      'runningTasksCount does not take =~; it takes ==, !=, >, >=, <, <=.\n\n  runningTasksCount =~ 1\n                    ^^',
    );
  });
});
