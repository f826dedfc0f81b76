/**
 * What zone rebalancing would do for a service: the steps, and where it
 * cannot progress and why.
 *
 * @module
 */
import type { PlacementRequest } from '../model/PlacementRequest';
import type { Rejection } from '../model/Rejection';

/**
 * One Availability Zone's share of the service's tasks.
 *
 * @category Results
 */
export interface ZoneTasks {
  /** The zone: a value of the `ecs.availability-zone` attribute. */
  readonly zone: string;
  /** The service's tasks in the zone now. */
  readonly before: number;
  /** What the zone holds when the service is balanced: the desired count over the zones, one more for the first zones of the remainder. */
  readonly target: number;
  /** The service's tasks in the zone once every step is applied. */
  readonly after: number;
}

/**
 * A step that starts one task of the service, placed by the pipeline.
 *
 * @category Results
 */
export interface ZoneRebalanceStart {
  /** Always `'start'`. */
  readonly action: 'start';
  /** The zone it goes to, one short of its target. */
  readonly zone: string;
  /** The instance the pipeline chose. */
  readonly instanceId: string;
  /** The id the task gets when the steps are applied in order. */
  readonly taskId: string;
  /**
   * What to pass to {@link Cluster.place} to make this step: the service's
   * request, `count` 1, with a memberOf constraint that keeps the task in the
   * zones still short of their target.
   */
  readonly request: PlacementRequest;
}

/**
 * A step that stops one task of the service in a zone above its target.
 *
 * @category Results
 */
export interface ZoneRebalanceStop {
  /** Always `'stop'`. */
  readonly action: 'stop';
  /** The zone it leaves. */
  readonly zone: string;
  /** The instance it runs on. */
  readonly instanceId: string;
  /** The task to pass to {@link Cluster.stopTask}. */
  readonly taskId: string;
}

/**
 * One step of a {@link ZoneRebalancePlan}.
 *
 * @category Results
 */
export type ZoneRebalanceStep = ZoneRebalanceStart | ZoneRebalanceStop;

/**
 * A zone that needs tasks the pipeline cannot place there.
 *
 * @category Results
 */
export interface BlockedZone {
  /** The zone. */
  readonly zone: string;
  /** How many tasks it still lacks of its target after the plan's steps. */
  readonly missing: number;
  /** The zone's closest matching instance: the one that passed the most checks (ties: earliest registered). */
  readonly instanceId: string;
  /** Why that instance refused the task, as data. */
  readonly rejection: Rejection;
  /** ECS's reason for it, such as `RESOURCE:MEMORY` or `MemberOf placement constraint unsatisfied.` */
  readonly reason: string;
}

/**
 * Where the plan leaves the service:
 * - `balanced`: no zone holds more than one task more than another; no steps;
 * - `complete`: the steps balance it;
 * - `blocked`: some zone short of its target has no room or is refused by
 *   the service's constraints (see {@link ZoneRebalancePlan.blocked}); the
 *   steps are the progress that can be made;
 * - `ineligible`: ECS does not rebalance this service (see
 *   {@link ZoneRebalancePlan.ineligible}); no steps.
 *
 * @category Results
 */
export type ZoneRebalanceStatus = 'balanced' | 'complete' | 'blocked' | 'ineligible';

/**
 * Why ECS does not rebalance a service: its first strategy is not `spread`
 * on `attribute:ecs.availability-zone` (`first_strategy`), or a memberOf
 * constraint names that attribute (`zone_constraint`).
 *
 * @category Results
 */
export type ZoneRebalanceIneligibility = 'first_strategy' | 'zone_constraint';

/**
 * What {@link Cluster.planZoneRebalance} returns: frozen, and computed
 * without changing the cluster.
 *
 * @remarks
 * The steps are every start, then as many stops: applied in order with
 * {@link Cluster.place} (each start's `request`) and
 * {@link Cluster.stopTask}, on the cluster as it was planned on, they make
 * exactly these placements, and the service's task count never falls below
 * its count before.
 *
 * @category Results
 */
export interface ZoneRebalancePlan {
  /** The service. */
  readonly service: string;
  /** Where the plan leaves it. */
  readonly status: ZoneRebalanceStatus;
  /** Why ECS would not rebalance it, when `status` is `ineligible`. */
  readonly ineligible?: ZoneRebalanceIneligibility;
  /** Every zone of an ACTIVE instance, by name, with the service's tasks before and after the steps. */
  readonly zones: readonly ZoneTasks[];
  /** The service's tasks outside those zones (on instances without the attribute, or in zones with no ACTIVE instance): not moved, not counted. */
  readonly outside: number;
  /** The starts, in order, then the stops, in order. */
  readonly steps: readonly ZoneRebalanceStep[];
  /** The zones left short of their target, when `status` is `blocked`. */
  readonly blocked: readonly BlockedZone[];
}
