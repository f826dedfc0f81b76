/**
 * The placement checker as an assertion.
 *
 * @module
 */
import type { ClusterSnapshot } from '../../cluster/Cluster';
import type { PlacementRequest } from '../../model/PlacementRequest';
import type { PlacementResult } from '../../placement/PlacementResult';
import { checkPlacement } from './checkPlacement';
import { PlacementLawError } from './PlacementLawError';

/**
 * Throws when `result` breaks a law of placement, with one line per broken
 * law; does nothing when the result is right. Inside `fc.property`, the
 * thrown error is the counter-example's explanation.
 *
 * @param before - `cluster.snapshot()`, taken just before `place`
 * @param request - the request placed
 * @param result - what `place` returned
 * @throws {@link PlacementLawError} listing the laws {@link checkPlacement} finds broken
 * @throws TypeError when `before` is a cluster rather than its snapshot
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
export function assertPlacement(before: ClusterSnapshot, request: PlacementRequest, result: PlacementResult): void {
  const violations = checkPlacement(before, request, result);
  if (violations.length > 0) throw new PlacementLawError(violations);
}
