/**
 * What consolidation would do: the instances it empties, the steps that
 * empty them, and why the others stay.
 *
 * @module
 */
import type { InstanceStatus } from '../model/InstanceSpec';
import type { MoveStep, TaskLeft } from './DrainPlan';

/**
 * Why an instance with tasks is not emptied.
 *
 * @category Results
 */
export type NotFreedReason =
  | {
      /** The request's `keep` names it. */
      readonly code: 'keep';
    }
  | {
      /** Its status is not `ACTIVE`: only ACTIVE instances are emptied. */
      readonly code: 'not_active';
      /** Its status. */
      readonly status: InstanceStatus;
    }
  | {
      /** It runs tasks the cluster does not track, which cannot move. */
      readonly code: 'untracked_tasks';
      /** How many. */
      readonly count: number;
    }
  | {
      /** An instance emptied earlier in the plan moved tasks to it; emptying it would move them twice. */
      readonly code: 'received_tasks';
    }
  | {
      /** Moving its tasks would take the plan past `maxMoves`. */
      readonly code: 'max_moves';
      /** Its tasks: the moves it needs. */
      readonly tasks: number;
      /** The moves left within `maxMoves`. */
      readonly movesLeft: number;
    }
  | {
      /** One of its tasks cannot move. */
      readonly code: 'task_left';
      /** The first such task found, and why. */
      readonly task: TaskLeft;
    };

/**
 * An instance with tasks that the plan does not empty.
 *
 * @category Results
 */
export interface InstanceNotFreed {
  /** The instance. */
  readonly instanceId: string;
  /** Why. */
  readonly why: NotFreedReason;
}

/**
 * What {@link Cluster.planConsolidation} returns: frozen, and computed
 * without changing the cluster.
 *
 * @remarks
 * For each instance emptied, in order: its drain, a start per task (each
 * through its group's pipeline, with one more memberOf constraint that keeps
 * it in the same bucket of every `spread(attribute:...)` of the group's
 * chain and off instances that run no task), then a stop per task. Applied
 * in order ({@link Cluster.updateInstance}, {@link Cluster.place} with each
 * start's `request`, {@link Cluster.stopTask}) on the cluster as it was
 * planned on, they make exactly these placements.
 *
 * @category Results
 */
export interface ConsolidationPlan {
  /** The steps, instance by instance. */
  readonly steps: readonly MoveStep[];
  /** How many tasks move. */
  readonly moves: number;
  /** The instances emptied, in the order they are. */
  readonly instancesFreed: readonly string[];
  /** How many instances run tasks (tracked or untracked) before and after the steps. */
  readonly instancesWithTasks: {
    /** Before the steps. */
    readonly before: number;
    /** After them. */
    readonly after: number;
  };
  /** Every instance that runs tasks and is not emptied, in the order they were considered, with why. */
  readonly notFreed: readonly InstanceNotFreed[];
}
