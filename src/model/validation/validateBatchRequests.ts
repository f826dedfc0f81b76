/**
 * The requests of a batch placement.
 *
 * @module
 */
import { PlacementInputError } from '../PlacementInputError';
import type { ValidRequest } from '../ValidRequest';
import { expectArray, unreadableInput } from './fields';
import { indexPath, keyPath } from './paths';
import { validatePlacementRequest } from './validatePlacementRequest';

/** Enough for any scheduler's batch; a longer list is more likely a mistake than a batch. */
const MAX_REQUESTS = 10_000;

/**
 * Validates the requests of `placeBatch`: each as `place` validates one,
 * without a capacity provider strategy, whose shares are of one request's
 * tasks placed in order.
 *
 * @param value - the untrusted list
 * @returns the requests, validated, in order
 * @throws {@link PlacementInputError} `invalid_type` when it is not an
 *   array, `invalid_count` for more than 10,000 requests, `invalid_option`
 *   for a request with a `capacityProviderStrategy`, and whatever
 *   {@link validatePlacementRequest} throws, at `requests[i]`
 */
export function validateBatchRequests(value: unknown): ValidRequest[] {
  try {
    const list = expectArray(value, 'requests');
    if (list.length > MAX_REQUESTS) {
      throw new PlacementInputError('invalid_count', 'requests', `Give at most ${MAX_REQUESTS.toLocaleString('en-US')} requests in one batch; this gives ${list.length.toLocaleString('en-US')}.`);
    }
    return Array.from(list, (request, index) => {
      const path = indexPath('requests', index);
      const valid = validatePlacementRequest(request, path);
      if (valid.capacityProviderStrategy !== undefined) {
        throw new PlacementInputError(
          'invalid_option', keyPath(path, 'capacityProviderStrategy'),
          "Place a request with a capacity provider strategy with place: its base and weights share one request's tasks in order, which a batch reorders.",
        );
      }
      return valid;
    });
  } catch (error) {
    throw unreadableInput(error, 'requests');
  }
}
