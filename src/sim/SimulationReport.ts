/**
 * What a simulation reports: per service, per instance and for the fleet.
 *
 * @module
 */

/** The lower bound on instances the tasks need, and how it was found. */
export interface LowerBound {
  /** At least this many instances are needed (the maximum over resources). */
  readonly instances: number;
  /** The bound each resource gives on its own. */
  readonly byResource: Readonly<Record<string, number>>;
  /**
   * `homogeneous`: every instance has the same capacity, so the bound is
   * ceil(total demand / capacity) per resource. `fractional`: a mixed fleet;
   * per resource, the fewest instances whose capacities, largest first, add
   * up to the demand.
   */
  readonly method: 'homogeneous' | 'fractional';
}

/** How one service fared. */
export interface ServiceReport {
  /** Service name. */
  readonly name: string;
  /** Its task group, `service:<name>`. */
  readonly group: string;
  /** Tasks asked for. */
  readonly desiredCount: number;
  /** Tasks running at the end. */
  readonly running: number;
  /** The strategy chain applied. */
  readonly strategies: readonly string[];
  /** The constraints applied. */
  readonly constraints: readonly string[];
  /** Failed placements by ECS reason. */
  readonly failures: Readonly<Record<string, number>>;
  /** The diagnosis summary of the first failure, when there was one. */
  readonly firstFailure?: string;
  /** Running tasks per availability zone (zones with none included). */
  readonly byZone: Readonly<Record<string, number>>;
  /** Running tasks per instance type; types running none are left out. */
  readonly byInstanceType: Readonly<Record<string, number>>;
  /** Max minus min of `byZone`. */
  readonly zoneSkew: number;
}

/** One instance at the end of the run, for charts. */
export interface InstanceUsage {
  /** Instance id. */
  readonly id: string;
  /** Availability zone. */
  readonly zone: string;
  /** Instance type. */
  readonly type: string;
  /** Status at the end. */
  readonly status: string;
  /** Tasks on it. */
  readonly tasks: number;
  /** Fraction of registered cpu in use, 0 to 1. */
  readonly cpu: number;
  /** Fraction of registered memory in use, 0 to 1. */
  readonly memory: number;
  /** Memory left, in MiB. */
  readonly freeMemory: number;
  /** CPU units left. */
  readonly freeCpu: number;
}

/** Fleet-wide measures. */
export interface FleetMetrics {
  /** The lower bound on instances for the tasks running. */
  readonly lowerBound: LowerBound;
  /** Instances running at least one task. */
  readonly instancesUsed: number;
  /** instancesUsed / lowerBound.instances (1 is perfect); `null` when the bound is 0. */
  readonly packingRatio: number | null;
  /** Per resource, used / registered over the instances in use. */
  readonly utilization: Readonly<Record<string, number>>;
  /**
   * Per resource, the amount left free on instances where cpu or memory is
   * exhausted: below what the smallest running task needs (see `strandedCapacity`).
   */
  readonly stranded: Readonly<Record<string, number>>;
  /** Failed placements by ECS reason, over all services and churn. */
  readonly failuresByReason: Readonly<Record<string, number>>;
}

/** How long placement took. */
export interface Timing {
  /** Tasks placed (including churn). */
  readonly placements: number;
  /** Wall time spent in placement calls, in milliseconds. */
  readonly elapsedMs: number;
  /** placements / elapsed seconds. */
  readonly placementsPerSecond: number;
  /** The highest heap use seen, in bytes, when the caller can measure it. */
  readonly peakHeapBytes?: number;
}

/** The full result of a simulation run. */
export interface SimulationReport {
  /** What ran. */
  readonly scenario: {
    /** The scenario's name (`unnamed` when it has none). */
    readonly name: string;
    /** The seed of the cluster's generator. */
    readonly seed: number;
    /** Instances registered. */
    readonly instances: number;
    /** The fleet's availability zones, in order. */
    readonly zones: readonly string[];
  };
  /** Per service, in scenario order. */
  readonly services: readonly ServiceReport[];
  /** Fleet-wide measures. */
  readonly metrics: FleetMetrics;
  /** Per instance, in registration order. */
  readonly instances: readonly InstanceUsage[];
  /** Placement speed. */
  readonly timing: Timing;
}
