/**
 * Reads the subject of a condition and refuses unknown ones with a hint.
 * Subjects are case-sensitive, as ECS attribute names are.
 *
 * @module
 */
import type { QuerySubjectName, SubjectNode } from './ast';
import { QueryError } from './QueryError';
import { ATTRIBUTE_NAME, SUBJECT_RULES } from './subjects';
import type { Token } from './tokens';

const ATTRIBUTE_PREFIX = 'attribute:';

/**
 * Turns a subject token into a subject node.
 *
 * @throws {@link QueryError} `unknown_subject` or `invalid_attribute_name`
 */
export function readSubject(token: Token, expression: string): SubjectNode {
  const { text, start, end } = token;
  if (text.startsWith(ATTRIBUTE_PREFIX)) {
    const attribute = text.slice(ATTRIBUTE_PREFIX.length);
    if (!ATTRIBUTE_NAME.test(attribute)) {
      const summary = attribute === ''
        ? 'Name the attribute after attribute:, as in attribute:ecs.instance-type.'
        : `'${attribute}' is not an attribute name; names are 1 to 128 letters, digits, -, _, /, \\ or . characters.`;
      throw new QueryError('invalid_attribute_name', summary, expression, start + ATTRIBUTE_PREFIX.length, end);
    }
    return { kind: 'subject', name: 'attribute', attribute, start, end };
  }
  if (SUBJECT_RULES.has(text as QuerySubjectName)) return { kind: 'subject', name: text as QuerySubjectName, start, end };
  throw new QueryError('unknown_subject', `Unknown subject '${text}'.${hint(text)}`, expression, start, end);
}

function hint(text: string): string {
  const lower = text.toLowerCase();
  if (lower.startsWith(ATTRIBUTE_PREFIX)) return ` Subjects are case-sensitive: write attribute:${text.slice(ATTRIBUTE_PREFIX.length)}.`;
  for (const name of SUBJECT_RULES.keys()) {
    if (name.toLowerCase() === lower) return ` Subjects are case-sensitive: did you mean ${name}?`;
  }
  const known = ['attribute:NAME', ...SUBJECT_RULES.keys()].join(', ');
  if (ATTRIBUTE_NAME.test(text) && text.includes('.')) return ` To test an attribute, write attribute:${text}. Subjects are ${known}.`;
  return ` Subjects are ${known}.`;
}
