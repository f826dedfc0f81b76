/**
 * The laws a placement keeps, and how a broken one is reported: data first,
 * a sentence for people beside it.
 *
 * @module
 */
import type { Rejection } from '../../model/Rejection';

/** What every violation says, whatever the law. */
export interface ViolationFacts {
  /**
   * The index of the request's task it concerns, from 0 in placement order
   * (failures follow the placements), or -1 for the cluster's state itself.
   */
  readonly step: number;
  /** What went wrong, with the numbers and ids to debug it. */
  readonly message: string;
  /** The instances involved, the one the task went to first. */
  readonly instanceIds: readonly string[];
  /** The tasks involved, when tasks are. */
  readonly taskIds: readonly string[];
  /**
   * Set when the violation follows from an earlier one of the same check: a
   * placement that diverged from the model changed the state every later
   * task and failure is judged on, so what is wrong there may be only that.
   * Absent on a cause.
   */
  readonly consequence?: true;
}

/** A task went to an instance that could not take it; `rejection` is the first check the instance fails. */
export interface RejectedPlacement extends ViolationFacts {
  /**
   * `eligibility` (not ACTIVE or agent disconnected), `requiredAttributes`,
   * `resources` (it over-commits a resource), `ports` (a port is taken, or
   * the task's static ports take the instance past 100 reserved host ports),
   * `memberOf`, `distinctInstance` (a task of the group, or of a group it
   * lists, runs there already), `spreadLimit` (the task would leave its
   * domain more than `maxSkew` above the emptiest eligible domain, or the
   * instance is in no domain) or `atMost` (its domain holds `count` tasks
   * counted already, or the instance is in no domain).
   */
  readonly law: 'eligibility' | 'requiredAttributes' | 'resources' | 'ports' | 'memberOf' | 'distinctInstance' | 'spreadLimit' | 'atMost';
  /** Why the instance could not take the task. */
  readonly rejection: Rejection;
}

/** A binpack or spread did not keep the chosen instance among its best candidates. */
export interface StrategyNotBest extends ViolationFacts {
  /** The strategy. */
  readonly law: 'binpack' | 'spread';
  /** Its field, such as `memory` or `attribute:ecs.availability-zone`. */
  readonly field: string;
  /** Its position in the chain, from 0. */
  readonly position: number;
  /** The chosen instance's key (remaining amount for binpack, tasks of the group in its bucket for spread). */
  readonly chosenKey: number;
  /** The lowest key among the candidates left at that point. */
  readonly bestKey: number;
}

/**
 * The chain's preferences (`prefer`) did not keep the chosen instance among
 * the candidates that meet the highest summed weight.
 */
export interface PreferenceNotBest extends ViolationFacts {
  /** Always `prefer`. */
  readonly law: 'prefer';
  /** The position in the chain of the preferences' one strategy (that of the first `prefer`), from 0. */
  readonly position: number;
  /** The summed weight of the preferences the chosen instance meets. */
  readonly chosenWeight: number;
  /** The highest summed weight among the candidates left at that point. */
  readonly bestWeight: number;
}

/** An instance's tasks hold more of a resource than it registered. */
export interface Overcommitted extends ViolationFacts {
  /** Always `overcommitted`. */
  readonly law: 'overcommitted';
  /** The resource. */
  readonly resource: string;
  /** What the instance registered. */
  readonly registered: number;
  /** What its tasks hold together. */
  readonly held: number;
}

/** Two tasks bind one static port on an instance, or a task binds a port the agent reserves. */
export interface PortConflict extends ViolationFacts {
  /** Always `portConflict`. */
  readonly law: 'portConflict';
  /** The protocol. */
  readonly protocol: 'tcp' | 'udp';
  /** The port. */
  readonly port: number;
}

/** The other laws, whose facts are the ids and the message. */
export interface OtherViolation extends ViolationFacts {
  /**
   * - `unknownInstance`: a task went to an instance that is not registered;
   * - `finalTie`: with no random or custom strategy, the chosen instance was not the earliest registered of those tied;
   * - `duplicateTaskId`: a task id is used twice;
   * - `orphanTask`: a task runs on an instance that is not registered;
   * - `bookkeeping`: what an instance reports (remaining resources, ports in use, task counts) disagrees with its tasks;
   * - `count`: placements and failures do not add up to the request's count;
   * - `avoidableFailure`: a task failed although some instance could have taken it;
   * - `closestInstance`: a failure names another instance than the closest matching one;
   * - `failureReason`: a failure's reason or rejection is not that of the closest matching instance;
   * - `diagnosis`: a failure's diagnosis does not count every instance once, by its first failed check.
   */
  readonly law: 'unknownInstance' | 'finalTie' | 'duplicateTaskId' | 'orphanTask' | 'bookkeeping' | 'count' | 'avoidableFailure' | 'closestInstance' | 'failureReason' | 'diagnosis';
}

/**
 * One broken law of placement, as {@link checkPlacement} reports it: a
 * stable `law` to filter on, the ids involved, and a message to read.
 *
 * @example
 * ```ts
 * const broken = checkPlacement(before, request, result).filter((violation) => violation.law === 'spread');
 * ```
 */
export type PlacementViolation = RejectedPlacement | StrategyNotBest | PreferenceNotBest | Overcommitted | PortConflict | OtherViolation;

/** The name of a law, such as `resources` or `binpack`. */
export type PlacementLaw = PlacementViolation['law'];

/**
 * Writes violations one per line, `[law] task N: message` (or `state:` for
 * the cluster's own state), for an assertion message; a consequence of an
 * earlier violation reads `[law, consequence]`.
 *
 * @param violations - from {@link checkPlacement}
 * @returns the lines, joined; empty when there are none
 */
export function formatViolations(violations: readonly PlacementViolation[]): string {
  return violations
    .map(({ law, step, message, consequence }) => `[${law}${consequence === true ? ', consequence' : ''}] ${step < 0 ? 'state' : `task ${step}`}: ${message}`)
    .join('\n');
}

/** Marks a violation as following from an earlier one. */
export function asConsequence(violation: PlacementViolation): PlacementViolation {
  return { ...violation, consequence: true };
}

/** A violation of one of the {@link OtherViolation} laws. */
export function otherViolation(law: OtherViolation['law'], step: number, message: string, instanceIds: readonly string[] = [], taskIds: readonly string[] = []): OtherViolation {
  return { law, step, message, instanceIds, taskIds };
}
