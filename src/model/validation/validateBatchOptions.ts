/**
 * The options of a batch placement.
 *
 * @module
 */
import { BATCH_ORDERS, type BatchOrder } from '../BatchPlacementOptions';
import { PlacementInputError } from '../PlacementInputError';
import { quote } from './describeValue';
import { readObject, unreadableInput } from './fields';

const KEYS = ['order', 'fill', 'timeLimitMs'] as const;
const MOST_MILLISECONDS = 600_000;

/** The options of `placeBatch`, checked, with their defaults. */
export interface ValidBatchOptions {
  readonly order: BatchOrder;
  readonly fill: boolean;
  readonly timeLimitMs: number;
}

/**
 * Validates the options of `placeBatch`.
 *
 * @param value - the untrusted options (undefined for none)
 * @returns the options with defaults filled in
 * @throws {@link PlacementInputError} `invalid_type` when they are not an
 *   object, `unknown_field` for another key, `invalid_option` for an order
 *   it does not know, a `fill` that is not a boolean or a time limit that
 *   is not a number from 0 to 600,000
 */
export function validateBatchOptions(value: unknown): ValidBatchOptions {
  if (value === undefined) return { order: 'largestFirst', fill: true, timeLimitMs: 1000 };
  try {
    const fields = readObject(value, 'options', KEYS);
    const order = fields.order ?? 'largestFirst';
    if (typeof order !== 'string' || !(BATCH_ORDERS as readonly string[]).includes(order)) {
      throw new PlacementInputError('invalid_option', 'options.order', `Give the order as 'given' or 'largestFirst', not ${typeof order === 'string' ? quote(order) : String(order)}.`);
    }
    const fill = fields.fill ?? order !== 'given';
    if (typeof fill !== 'boolean') throw new PlacementInputError('invalid_option', 'options.fill', 'Pass { fill: true } or { fill: false }.');
    const timeLimitMs = fields.timeLimitMs ?? 1000;
    if (typeof timeLimitMs !== 'number' || !(timeLimitMs >= 0 && timeLimitMs <= MOST_MILLISECONDS)) {
      throw new PlacementInputError('invalid_option', 'options.timeLimitMs', `Give the time limit in milliseconds, from 0 to ${MOST_MILLISECONDS.toLocaleString('en-US')}, not ${String(timeLimitMs)}.`);
    }
    return { order: order as BatchOrder, fill, timeLimitMs };
  } catch (error) {
    throw unreadableInput(error, 'options');
  }
}
