/**
 * What draining a container instance would do: the steps, and the tasks it
 * leaves on the instance and why. A consolidation plan is made of the same
 * steps.
 *
 * @module
 */
import type { InstanceStatus } from '../model/InstanceSpec';
import type { PlacementRequest } from '../model/PlacementRequest';
import type { Rejection } from '../model/Rejection';

/**
 * A step that sets an instance to `DRAINING`, so that placement gives it no task; ECS's UpdateContainerInstancesState.
 *
 * @category Results
 */
export interface DrainInstanceStep {
  /** Always `'drain'`. */
  readonly action: 'drain';
  /** The instance: pass it to {@link Cluster.updateInstance} with `{ status: 'DRAINING' }`. */
  readonly instanceId: string;
  /** Its status before the step. */
  readonly status: InstanceStatus;
}

/**
 * A step that starts a task to replace one on a drained instance, placed by its group's pipeline.
 *
 * @category Results
 */
export interface MoveStart {
  /** Always `'start'`. */
  readonly action: 'start';
  /** The task group. */
  readonly group: string;
  /** The instance the pipeline chose. */
  readonly instanceId: string;
  /** The id the task gets when the steps are applied in order. */
  readonly taskId: string;
  /** The task it replaces, which a later step stops. */
  readonly replaces: string;
  /**
   * What to pass to {@link Cluster.place} to make this step: the group's
   * placement, `count` 1 (for consolidation, with one more memberOf
   * constraint; see {@link ConsolidationPlan}).
   */
  readonly request: PlacementRequest;
}

/**
 * A step that stops a task that was replaced.
 *
 * @category Results
 */
export interface MoveStop {
  /** Always `'stop'`. */
  readonly action: 'stop';
  /** The task group. */
  readonly group: string;
  /** The drained instance it runs on. */
  readonly instanceId: string;
  /** The task to pass to {@link Cluster.stopTask}. */
  readonly taskId: string;
}

/**
 * One step of a {@link DrainPlan} or a {@link ConsolidationPlan}.
 *
 * @category Results
 */
export type MoveStep = DrainInstanceStep | MoveStart | MoveStop;

/**
 * Why a task stays on its instance.
 *
 * @category Results
 */
export type TaskLeftReason =
  | {
      /** It is not a service's task, and draining leaves it, as ECS does. */
      readonly code: 'standalone';
    }
  | {
      /** No entry of `services` describes its group, so how to place it is unknown. */
      readonly code: 'undescribed';
    }
  | {
      /** Its group's pipeline finds no instance for it. */
      readonly code: 'no_room';
      /** ECS's words for it, as a placement failure gives them, such as `RESOURCE:MEMORY`. */
      readonly reason: string;
      /** The closest matching instance: the one that passed the most checks (ties: earliest registered). */
      readonly instanceId?: string;
      /** Why that instance refused the task, as data. */
      readonly rejection?: Rejection;
    }
  | {
      /** Consolidation only: the instance the pipeline chose would hold more of the group's tasks than any instance held before the plan. */
      readonly code: 'spread_worse';
      /** The instance the pipeline chose. */
      readonly instanceId: string;
      /** The chain's spread over instances, such as `spread(instanceId)`. */
      readonly strategy: string;
      /** The group's tasks it would hold. */
      readonly tasks: number;
      /** The most any instance held before the plan. */
      readonly most: number;
    }
  | {
      /** Consolidation only: on the instance the pipeline chose, the task would make a constraint of another described task false. */
      readonly code: 'breaks_constraint';
      /** The instance the pipeline chose. */
      readonly instanceId: string;
      /** The group whose tasks there would break the constraint. */
      readonly brokenGroup: string;
      /** The constraint, such as `memberOf(runningTasksCount < 3)`. */
      readonly constraint: string;
    }
  | {
      /**
       * Consolidation only: emptying the instance would leave a domain (a zone,
       * an attribute's value or an instance) holding more of a described
       * group's counted tasks than its spreadLimit or atMost allows, where it
       * held no more than that before (or more than it already did). Read while
       * the replacements run beside the tasks they replace, and once those stop.
       */
      readonly code: 'breaks_domain_constraint';
      /** The group whose constraint it is. */
      readonly brokenGroup: string;
      /** The constraint, such as `spreadLimit(attribute:ecs.availability-zone, maxSkew 1)`. */
      readonly constraint: string;
      /** The domain: the attribute's value, or the instance's id. */
      readonly domain: string;
      /** The counted tasks it would hold. */
      readonly tasks: number;
      /** The most the constraint allows: the emptiest eligible domain's tasks plus maxSkew, or atMost's count. */
      readonly most: number;
    };

/**
 * A task a plan does not move, and why.
 *
 * @category Results
 */
export interface TaskLeft {
  /** The task. */
  readonly taskId: string;
  /** Its group. */
  readonly group: string;
  /** Why it stays. */
  readonly why: TaskLeftReason;
}

/**
 * What {@link Cluster.planDrain} returns: frozen, and computed without
 * changing the cluster.
 *
 * @remarks
 * The steps are the drain, then a start for each service task that finds
 * room, in the instance's task order, then a stop for each of them. Applied
 * in order ({@link Cluster.updateInstance}, {@link Cluster.place} with each
 * start's `request`, {@link Cluster.stopTask}) on the cluster as it was
 * planned on, they make exactly these placements.
 *
 * @category Results
 */
export interface DrainPlan {
  /** The drained instance. */
  readonly instanceId: string;
  /** Whether every service task on the instance is replaced elsewhere (standalone tasks stay all the same). */
  readonly complete: boolean;
  /** The drain, the starts, then the stops. */
  readonly steps: readonly MoveStep[];
  /** How many tasks move. */
  readonly moved: number;
  /** The tracked tasks that stay on the instance, in placement order, each with why. */
  readonly left: readonly TaskLeft[];
  /** Tasks ECS counts on the instance that the cluster does not track: they stay. */
  readonly untrackedTasks: number;
}
