/**
 * The options of a batch placement.
 *
 * @module
 */
import { BATCH_ORDERS, type BatchOrder } from '../BatchPlacementOptions';
import { PlacementInputError } from '../PlacementInputError';
import { quote } from './describeValue';
import { readObject, unreadableInput } from './fields';

const KEYS = ['order'] as const;

/** The options of `placeBatch`, checked, with their defaults. */
export interface ValidBatchOptions {
  readonly order: BatchOrder;
}

/**
 * Validates the options of `placeBatch`.
 *
 * @param value - the untrusted options (undefined for none)
 * @returns the options with defaults filled in
 * @throws {@link PlacementInputError} `invalid_type` when they are not an
 *   object, `unknown_field` for another key, `invalid_option` for an order
 *   it does not know
 */
export function validateBatchOptions(value: unknown): ValidBatchOptions {
  if (value === undefined) return { order: 'largestFirst' };
  try {
    const fields = readObject(value, 'options', KEYS);
    const order = fields.order ?? 'largestFirst';
    if (typeof order !== 'string' || !(BATCH_ORDERS as readonly string[]).includes(order)) {
      throw new PlacementInputError('invalid_option', 'options.order', `Give the order as 'given' or 'largestFirst', not ${typeof order === 'string' ? quote(order) : String(order)}.`);
    }
    return { order: order as BatchOrder };
  } catch (error) {
    throw unreadableInput(error, 'options');
  }
}
