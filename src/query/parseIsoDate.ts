/**
 * ISO 8601 dates as ECS writes them, read without the host's time zone.
 *
 * @module
 */

const FORM = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Reads `YYYY-MM-DD`, optionally followed by `THH:MM`, `THH:MM:SS` or
 * `THH:MM:SS.fraction` and a zone (`Z` or `±HH:MM`), such as
 * `2018-06-18T22:28:28.123-07:00`. A form without a zone is UTC, unlike
 * `Date.parse`, which reads a date-time without a zone in local time.
 * Fractions finer than a millisecond are truncated.
 *
 * @param text - the date text
 * @returns milliseconds since the epoch, or `undefined` when the text is not
 *   in that form or names a date or time that does not exist
 */
export function parseIsoDate(text: string): number | undefined {
  if (isCanonical(text)) {
    return epochMilliseconds(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2), digits(text, 11, 2), digits(text, 14, 2), digits(text, 17, 2), digits(text, 20, 3), 0);
  }
  const match = FORM.exec(text);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [
    number, number, number, number, number, number,
  ];
  const offset = offsetMinutes(match[8]);
  if (offset === undefined) return undefined;
  return epochMilliseconds(year, month, day, hour, minute, second, Number((match[7] ?? '').padEnd(3, '0').slice(0, 3)), offset);
}

/** The length of `toISOString`'s own form, `YYYY-MM-DDTHH:MM:SS.sssZ`. */
const CANONICAL_LENGTH = 24;
/** Where that form has a digit; the other places hold its separators. */
const CANONICAL_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];
const CANONICAL_SEPARATORS: readonly [number, string][] = [[4, '-'], [7, '-'], [10, 'T'], [13, ':'], [16, ':'], [19, '.'], [23, 'Z']];

/**
 * Whether a text has `toISOString`'s own form, which is then read digit by
 * digit, with no match arrays: snapshots and ECS descriptions carry one date
 * per instance.
 */
function isCanonical(text: string): boolean {
  if (text.length !== CANONICAL_LENGTH) return false;
  for (const at of CANONICAL_DIGITS) {
    const code = text.charCodeAt(at);
    if (code < 48 || code > 57) return false;
  }
  for (const [at, separator] of CANONICAL_SEPARATORS) if (text[at] !== separator) return false;
  return true;
}

/** The number written by `count` decimal digits from `at`, known to be digits. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let k = at; k < at + count; k += 1) value = value * 10 + text.charCodeAt(k) - 48;
  return value;
}

/** Milliseconds since the epoch of a date and time at an offset in minutes east of UTC; `undefined` for one that does not exist. */
function epochMilliseconds(year: number, month: number, day: number, hour: number, minute: number, second: number, milliseconds: number, offset: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second, milliseconds) - offset * 60_000;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, milliseconds);
  return date.getTime() - offset * 60_000;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** Minutes east of UTC; `undefined` for an impossible offset such as `+25:00`. */
function offsetMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === 'Z') return 0;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (hours > 23 || minutes > 59) return undefined;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}
