/**
 * The four date forms ECS documents for `registeredAt`:
 * `2018-06-18T22:28:28+00:00`, `2018-06-18T22:28:28Z`, `2018-06-18T22:28:28`
 * and `2018-06-18`. A form without a zone is UTC; a bare date is midnight UTC.
 *
 * @module
 */
import { parseIsoDate } from './parseIsoDate';

const DOCUMENTED_FORMS = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Reads a `registeredAt` argument.
 *
 * @param text - the date text
 * @returns milliseconds since the epoch, or `undefined` when the text is not
 *   one of the four forms or names a date or time that does not exist
 */
export function parseQueryDate(text: string): number | undefined {
  return DOCUMENTED_FORMS.test(text) ? parseIsoDate(text) : undefined;
}
