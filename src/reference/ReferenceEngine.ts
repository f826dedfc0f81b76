/**
 * The reference engine behind the {@link PlacementEngine} interface.
 *
 * @module
 */
import type { ClusterState } from '../state/ClusterState';
import type { PlacementPlan } from '../placement/planPlacement';
import type { Explanation } from '../placement/Explanation';
import type { PlacementEngine } from '../placement/PlacementEngine';
import type { PlacementResult } from '../placement/PlacementResult';
import { explainReference } from './explainReference';
import { placeReference } from './placeReference';

/** Places by looping over every instance for every task; keeps no state of its own. */
export class ReferenceEngine implements PlacementEngine {
  /** @param state - the cluster it places on */
  constructor(private readonly state: ClusterState) {}

  /** Places a request. */
  place(request: PlacementPlan): PlacementResult {
    return placeReference(this.state, request);
  }

  /** Explains a request. */
  explain(request: PlacementPlan): Explanation {
    return explainReference(this.state, request);
  }
}
