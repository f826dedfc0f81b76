/**
 * Registration times as the AWS CLI and SDKs give them.
 *
 * @module
 */
import { validateDate } from '../model/validation/validateDate';
import { expected } from './json';

/**
 * Reads `registeredAt`: an ISO 8601 string (the AWS CLI v2 prints
 * `2023-11-28T11:10:49.299000-05:00`), a number of seconds since the epoch
 * (AWS CLI v1 and some SDKs print `1543345234.123`), or a `Date`, as the AWS
 * SDK for JavaScript v3 returns every ECS timestamp.
 *
 * @param value - the untrusted time
 * @param path - where it is
 * @returns the time as an ISO 8601 string
 * @throws {@link task-placement!PlacementInputError} `invalid_ecs_json` for anything else,
 *   `invalid_date` for a string that is not an ISO 8601 date or a Date that
 *   holds no time
 */
export function readRegisteredAt(value: unknown, path: string): string {
  if (typeof value === 'string') {
    validateDate(value, path);
    return value;
  }
  if (value instanceof Date) return new Date(validateDate(value, path)).toISOString();
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value < 1e11) {
    return new Date(Math.round(value * 1000)).toISOString();
  }
  throw expected('an ISO 8601 date string, a number of seconds since 1970 or a Date', value, path);
}
