/**
 * What a rolling deployment would do for a service: the steps, round by
 * round, and where it cannot progress and why.
 *
 * @module
 */
import type { PlacementRequest } from '../model/PlacementRequest';
import type { Rejection } from '../model/Rejection';

/**
 * A step that starts one task of the new revision, placed by the pipeline.
 *
 * @category Results
 */
export interface DeploymentStart {
  /** Always `'start'`. */
  readonly action: 'start';
  /** The round it belongs to, from 1. */
  readonly round: number;
  /** The instance the pipeline chose. */
  readonly instanceId: string;
  /** The id the task gets when the steps are applied in order. */
  readonly taskId: string;
  /**
   * What to pass to {@link Cluster.place} to make this step: the new
   * revision as a request of the service, `count` 1. Every start of a plan
   * shares this one frozen object.
   */
  readonly request: PlacementRequest;
}

/**
 * A step that stops one task of the old deployment.
 *
 * @category Results
 */
export interface DeploymentStop {
  /** Always `'stop'`. */
  readonly action: 'stop';
  /** The round it belongs to, from 1. */
  readonly round: number;
  /** The instance it runs on. */
  readonly instanceId: string;
  /** The task to pass to {@link Cluster.stopTask}. */
  readonly taskId: string;
}

/**
 * One step of a {@link DeploymentPlan}.
 *
 * @category Results
 */
export type DeploymentStep = DeploymentStart | DeploymentStop;

/**
 * One round: starts up to the upper limit, a wait until they run and are
 * healthy, then stops down to the lower limit.
 *
 * @category Results
 */
export interface DeploymentRound {
  /** The round, from 1. */
  readonly round: number;
  /** The tasks it starts. */
  readonly started: number;
  /** The tasks it stops. */
  readonly stopped: number;
  /** The deployment's running and pending tasks after its starts, the most in the round: at most the upper limit, unless there were more before. */
  readonly running: number;
  /** The deployment's healthy tasks after its stops, the fewest since its starts turned healthy: at least the lower limit, unless there were fewer before. */
  readonly healthy: number;
  /** The old deployment's tasks left running at its end. */
  readonly oldTasks: number;
  /** The new revision's tasks running at its end. */
  readonly newTasks: number;
}

/**
 * The new revision's start found no instance with room that its constraints allow.
 *
 * @category Results
 */
export interface DeploymentNoRoom {
  /** Always `'no_room'`. */
  readonly code: 'no_room';
  /** How many new tasks the service still lacks of its desired count. */
  readonly missing: number;
  /** The closest matching instance: the one that passed the most checks (ties: earliest registered); absent when the cluster has no instance. */
  readonly instanceId?: string;
  /** Why that instance refused the task, as data. */
  readonly rejection?: Rejection;
  /** ECS's reason, such as `RESOURCE:MEMORY` or `No Container Instances were found in your cluster.` */
  readonly reason: string;
}

/**
 * The limits allow no step: a start would take the running tasks above the
 * upper limit, and a stop would take the healthy ones below the lower limit
 * (with `minimumHealthyPercent` and `maximumPercent` both 100, for one).
 *
 * @category Results
 */
export interface DeploymentLimited {
  /** Always `'limits'`. */
  readonly code: 'limits';
  /** The deployment's running tasks. */
  readonly running: number;
  /** The upper limit: `maximumPercent` of the desired count, rounded down. */
  readonly upperLimit: number;
  /** The deployment's healthy tasks: here, every running one. */
  readonly healthy: number;
  /** The lower limit: `minimumHealthyPercent` of the desired count, rounded up. */
  readonly lowerLimit: number;
}

/**
 * Old tasks the deployment would stop next have scale-in protection, which deployments respect.
 *
 * @category Results
 */
export interface DeploymentProtected {
  /** Always `'protected_tasks'`. */
  readonly code: 'protected_tasks';
  /** The protected old tasks still running, in placement order. */
  readonly tasks: readonly string[];
}

/**
 * Why a {@link DeploymentPlan} is `blocked`, as data; {@link describeDeploymentBlock} says it in words.
 *
 * @category Results
 */
export type DeploymentBlock = DeploymentNoRoom | DeploymentLimited | DeploymentProtected;

/**
 * Where the plan leaves the service: `complete` (it runs `desiredCount` new
 * tasks and no old one) or `blocked` (see {@link DeploymentPlan.blocked};
 * the steps are the progress that can be made).
 *
 * @category Results
 */
export type DeploymentStatus = 'complete' | 'blocked';

/**
 * What {@link Cluster.planDeployment} returns: frozen, and computed without
 * changing the cluster.
 *
 * @remarks
 * Applied in order with {@link Cluster.place} (each start's `request`) and
 * {@link Cluster.stopTask}, on the cluster as it was planned on, the steps
 * make exactly these placements. No start takes the deployment's running
 * tasks above `upperLimit`, and no stop takes its healthy tasks below
 * `lowerLimit`.
 *
 * @category Results
 */
export interface DeploymentPlan {
  /** The service. */
  readonly service: string;
  /** Where the plan leaves it. */
  readonly status: DeploymentStatus;
  /** The new tasks it runs once deployed. */
  readonly desiredCount: number;
  /** As given, or ECS's default, 100. */
  readonly minimumHealthyPercent: number;
  /** As given, or ECS's default, 200. */
  readonly maximumPercent: number;
  /** `minimumHealthyPercent` of `desiredCount`, rounded up: the fewest healthy tasks a stop may leave. */
  readonly lowerLimit: number;
  /** `maximumPercent` of `desiredCount`, rounded down: the most running tasks a start may make. */
  readonly upperLimit: number;
  /** The old deployment's tasks before the steps. */
  readonly oldTasks: number;
  /** The service's running tasks outside the deployment (not in `from`): not stopped, not counted in the limits. */
  readonly outside: number;
  /** The steps in order, round by round: each round's starts, then its stops. */
  readonly steps: readonly DeploymentStep[];
  /** Each round's counts, in order. */
  readonly rounds: readonly DeploymentRound[];
  /** The old and new tasks once every step is applied. */
  readonly after: {
    /** The old deployment's tasks left running: none when `status` is `complete`. */
    readonly oldTasks: number;
    /** The new revision's tasks running: `desiredCount` when `status` is `complete`. */
    readonly newTasks: number;
  };
  /** Why it cannot go on, when `status` is `blocked`. */
  readonly blocked?: DeploymentBlock;
}
