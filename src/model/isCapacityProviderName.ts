/**
 * ECS's rule for the name of a capacity provider.
 *
 * @module
 */

/** ECS's rule (CreateCapacityProvider): 1 to 255 letters, digits, `_` and `-`. */
const PROVIDER_NAME = /^[A-Za-z0-9_-]{1,255}$/;

/**
 * The longest capacity provider name placement can tell: an instance carries
 * its provider as an attribute value, and ECS limits those to 128 characters.
 */
export const MAX_CARRIED_PROVIDER_NAME = 128;

/**
 * Whether a name is one ECS gives a capacity provider: 1 to 255 letters,
 * digits, `_` and `-` (CreateCapacityProvider's rule).
 *
 * @param name - the name
 * @returns true when ECS allows it
 */
export function isCapacityProviderName(name: string): boolean {
  return PROVIDER_NAME.test(name);
}
