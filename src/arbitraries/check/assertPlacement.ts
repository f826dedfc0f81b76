/**
 * The placement checker as an assertion.
 *
 * @module
 */
import type { ClusterSnapshot } from '../../cluster/Cluster';
import type { PlacementRequest } from '../../model/PlacementRequest';
import type { PlacementResult } from '../../placement/PlacementResult';
import { checkPlacement } from './checkPlacement';
import type { CheckPlacementOptions } from './CheckPlacementOptions';
import { PlacementLawError } from './PlacementLawError';

/**
 * Throws when `result` breaks a law of placement, with one line per broken
 * law, the first cause first, and how many consequences follow; does
 * nothing when the result is right. Inside `fc.property`, the thrown error
 * is the counter-example's explanation.
 *
 * @param before - `cluster.snapshot()`, taken just before `place`
 * @param request - the request placed
 * @param result - what `place` returned
 * @param options - as {@link checkPlacement} takes them
 * @throws {@link PlacementLawError} listing the laws {@link checkPlacement} finds broken
 * @throws {@link CheckInputError} when `before`, `request` or `result` is not what {@link checkPlacement} judges
 * @throws {@link CheckOptionsError} when `options` cannot be read
 *
 * @example
 * ```ts
 * fc.assert(fc.property(cluster(), placementRequest(), (scenario, request) => {
 *   const built = buildCluster(scenario);
 *   const before = built.snapshot();
 *   assertPlacement(before, request, built.place(request));
 * }));
 * ```
 */
export function assertPlacement(before: ClusterSnapshot, request: PlacementRequest, result: PlacementResult, options?: CheckPlacementOptions): void {
  const violations = checkPlacement(before, request, result, options);
  if (violations.length > 0) throw new PlacementLawError(violations);
}
