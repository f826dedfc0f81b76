/**
 * Registration times: a Date or an ISO 8601 string.
 *
 * @module
 */
import { PlacementInputError } from '../PlacementInputError';
import { describeValue, quote } from './describeValue';
import { parseIsoDate } from '../../query/parseIsoDate';

/**
 * Validates a registration time.
 *
 * @param value - the untrusted Date or string
 * @param path - where it is, such as `instance.registeredAt`
 * @returns milliseconds since the epoch
 * @throws {@link PlacementInputError} `invalid_type` for anything but a Date
 *   or a string, `invalid_date` for an invalid Date or a string that is not
 *   an ISO 8601 date (see {@link parseIsoDate})
 */
export function validateDate(value: unknown, path: string): number {
  if (value instanceof Date) {
    const time = timeOf(value, path);
    if (Number.isNaN(time)) throw new PlacementInputError('invalid_date', path, 'This Date is invalid (its time is NaN); give a valid Date or an ISO 8601 string.');
    return time;
  }
  if (typeof value !== 'string') {
    throw new PlacementInputError('invalid_type', path, `Give a Date or an ISO 8601 string such as '2018-06-18T22:28:28Z', not ${describeValue(value)}.`);
  }
  const time = parseIsoDate(value);
  if (time === undefined) {
    throw new PlacementInputError('invalid_date', path, `Write the date ${quote(value)} in ISO 8601 form, such as '2018-06-18', '2018-06-18T22:28:28Z' or '2018-06-18T22:28:28.123-07:00'.`);
  }
  return time;
}

/**
 * The time of a real Date. Called from the prototype so that an own
 * `getTime` cannot stand in; what only claims Date's prototype (a proxy of a
 * Date, `Object.create(Date.prototype)`) holds no time, and the call throws.
 */
function timeOf(value: Date, path: string): number {
  try {
    return Date.prototype.getTime.call(value);
  } catch {
    throw new PlacementInputError('invalid_type', path, 'This object has Date\'s prototype but is not a Date (a proxy or an Object.create(Date.prototype)); give a Date or an ISO 8601 string.');
  }
}
