/**
 * Validation: untrusted user input in, normalized values out, or a
 * {@link PlacementInputError} with a stable code and the path of the fault.
 *
 * @module
 */
export { validateClusterOptions, type EngineName, type ValidClusterOptions } from './validateClusterOptions';
export { validateInstancePatch } from './validateInstancePatch';
export { validateInstanceSpec } from './validateInstanceSpec';
export { validatePlacementRequest } from './validatePlacementRequest';
export { validateTaskSpec, type ValidTaskSpec } from './validateTaskSpec';
