/**
 * What a scale-in would stop, and why: reasons as data, words from
 * {@link describeScaleInReason}.
 *
 * @module
 */

/**
 * Why one level of the chain kept a task among those to stop, or how the last
 * tie was settled. The `code` says which; the other fields are its numbers.
 *
 * @category Results
 */
export type ScaleInReason =
  | {
      /** A `spread` over an attribute kept the tasks in the bucket holding the most of the group's tasks. */
      readonly code: 'most_in_bucket';
      /** The strategy, such as `spread(attribute:ecs.availability-zone)`. */
      readonly strategy: string;
      /** The attribute that buckets instances. */
      readonly attribute: string;
      /** The bucket: the attribute's value, `null` for the instances without one. */
      readonly bucket: string | null;
      /** The group's tasks in the bucket. */
      readonly tasks: number;
      /** The group's tasks in all, protected ones included. */
      readonly groupTasks: number;
    }
  | {
      /** A `spread` over instances kept the tasks on the instance holding the most of the group's tasks. */
      readonly code: 'most_on_instance';
      /** The strategy, such as `spread(instanceId)`. */
      readonly strategy: string;
      /** The instance. */
      readonly instanceId: string;
      /** The group's tasks on it. */
      readonly tasks: number;
      /** The group's tasks in all, protected ones included. */
      readonly groupTasks: number;
    }
  | {
      /** A `binpack` kept the tasks whose instance would have the most of its field left once the task stops. */
      readonly code: 'most_remaining';
      /** The strategy, such as `binpack(memory)`. */
      readonly strategy: string;
      /** The resource packed. */
      readonly field: string;
      /** What would remain of it. */
      readonly remaining: number;
    }
  | {
      /** The chain's preferences (`prefer`) kept the tasks whose instance meets the lowest summed weight once the task stops: the least preferred. */
      readonly code: 'least_preferred';
      /** The strategy, such as `prefer(attribute:lifecycle == spot weight 50)`. */
      readonly strategy: string;
      /** The summed weight of the preferences the instance meets. */
      readonly weight: number;
    }
  | {
      /** A caller's instance strategy kept the tasks whose instance gives the highest key once the task stops. */
      readonly code: 'highest_key';
      /** The strategy's name. */
      readonly strategy: string;
      /** The key. */
      readonly key: number;
    }
  | {
      /** `random` drew the task, from the cluster's generator. */
      readonly code: 'drawn';
      /** The strategy, `random`. */
      readonly strategy: string;
      /** The tasks it drew from. */
      readonly candidates: number;
    }
  | {
      /** The chain left several tasks tied; the newest of them (the last placed) is stopped. */
      readonly code: 'newest';
      /** The tasks tied. */
      readonly candidates: number;
    }
  | {
      /** Only one task of the group could be stopped. */
      readonly code: 'last_candidate';
    };

/**
 * One task a scale-in stops.
 *
 * @category Results
 */
export interface TaskToStop {
  /** The task. */
  readonly taskId: string;
  /** The instance it runs on. */
  readonly instanceId: string;
  /**
   * Why it was chosen: each level of the chain that narrowed the tasks left
   * to choose from, in chain order; the last reason is the one that picked it.
   */
  readonly reasons: readonly ScaleInReason[];
}

/**
 * What {@link Cluster.chooseTasksToStop} chose; {@link Cluster.stopTasks} applies it. Frozen.
 *
 * @category Results
 */
export interface ScaleInChoice {
  /** The group scaled in, such as `service:web`. */
  readonly group: string;
  /** The count asked for. */
  readonly requested: number;
  /** The tasks to stop, in the order ECS would stop them. */
  readonly tasks: readonly TaskToStop[];
  /**
   * True when `requested` tasks were chosen; false when the group had fewer
   * that could be stopped, and then every one of them is chosen.
   */
  readonly complete: boolean;
  /** The group's running tasks left out because they are protected. */
  readonly protectedTasks: number;
  /** The chain followed, by name (ECS's default filled in). */
  readonly strategies: readonly string[];
}
