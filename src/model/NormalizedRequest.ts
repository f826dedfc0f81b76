/**
 * A placement request after validation: the group resolved, the default
 * strategies filled in, and every strategy and constraint built.
 *
 * @module
 */
import type { Constraint } from '../constraints/Constraint';
import type { Strategy } from '../strategies/Strategy';
import type { TaskRequirements } from './TaskRequirements';

/** A validated {@link PlacementRequest}. */
export interface NormalizedRequest {
  readonly task: TaskRequirements;
  readonly count: number;
  /** `service:<service>`, the request's group, or `family:<family>`. */
  readonly group: string;
  readonly service?: string;
  /** Never empty: ECS's defaults stand in when the request gives none. */
  readonly strategies: readonly Strategy[];
  /** The task definition's memberOf constraints first, then the request's, in order. */
  readonly constraints: readonly Constraint[];
}
