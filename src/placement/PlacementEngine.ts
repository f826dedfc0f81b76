/**
 * What the cluster asks of an engine.
 *
 * @module
 */
import type { PlacementPlan } from './planPlacement';
import type { Explanation } from './Explanation';
import type { PlacementResult } from './PlacementResult';

/** An engine places and explains validated requests against the cluster state it was built on. */
export interface PlacementEngine {
  /** Places a request, changing the state. */
  place(request: PlacementPlan): PlacementResult;
  /** Explains a request without changing the state. */
  explain(request: PlacementPlan): Explanation;
}
