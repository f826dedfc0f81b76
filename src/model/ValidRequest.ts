/**
 * A placement request after validation: checked, with the group resolved
 * and defaults filled in, but with its strategies and constraints still as
 * the caller wrote them; the placement pipeline builds them.
 *
 * @module
 */
import type { PackScorer } from './PackStrategy';
import type { Strategy } from './Strategy';
import type { TaskRequirements } from './TaskRequirements';
import type { TaskSelector } from './TaskSelector';
import type { QueryNode } from '../query/ast';

/** A strategy as ECS writes it, checked, or a caller's own {@link Strategy} object, checked. */
export type ValidStrategy =
  | { readonly type: 'binpack'; readonly field: string }
  | { readonly type: 'spread'; readonly field: string; readonly taskSelector?: TaskSelector }
  | { readonly type: 'random' }
  | { readonly type: 'pack'; readonly resources: readonly string[]; readonly scorer: PackScorer; readonly weights: readonly number[] }
  | { readonly type: 'prefer'; readonly expression: string; readonly query: QueryNode; readonly weight: number }
  | Strategy;

/** A constraint, checked: a memberOf expression comes parsed, and lists of groups come empty when not given. */
export type ValidConstraint =
  | { readonly type: 'memberOf'; readonly expression: string; readonly query: QueryNode }
  | { readonly type: 'distinctInstance'; readonly groups: readonly string[] }
  | {
    readonly type: 'spreadLimit';
    readonly field: string;
    readonly maxSkew: number;
    readonly minDomains: number;
    readonly domains: readonly string[] | undefined;
    readonly taskSelector: TaskSelector | undefined;
  }
  | { readonly type: 'atMost'; readonly count: number; readonly field: string; readonly groups: readonly string[]; readonly taskSelector: TaskSelector | undefined };

/** A capacity provider of a strategy, checked, with its base and weight filled in (0 when not given). */
export interface ValidCapacityProviderItem {
  readonly capacityProvider: string;
  readonly base: number;
  readonly weight: number;
}

/** A validated {@link PlacementRequest}. */
export interface ValidRequest {
  readonly task: TaskRequirements;
  readonly count: number;
  /** `service:<service>`, the request's group, or `family:<family>`. */
  readonly group: string;
  readonly service?: string;
  /** As given; empty when the request names none (ECS's defaults are the pipeline's to fill in). */
  readonly strategies: readonly ValidStrategy[];
  /** The task definition's memberOf constraints first, then the request's, in order. */
  readonly constraints: readonly ValidConstraint[];
  /** The providers that share the tasks, when the request names some; the placement pipeline is then run per provider. */
  readonly capacityProviderStrategy?: readonly ValidCapacityProviderItem[];
  /**
   * True when the task, the strategies and the constraints each came from a
   * frozen input (or were absent): then requests alike share these very
   * objects, and what is built from them can be kept for the next request.
   */
  readonly stable: boolean;
}
