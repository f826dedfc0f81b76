/**
 * A simulation scenario: a fleet, the services to place on it, and churn.
 * JSON-friendly, so scenarios can live in files.
 *
 * @module
 */
import type { PackStrategy } from '../model/PackStrategy';
import type { PreferStrategy } from '../model/PreferStrategy';
import type { PlacementConstraint, PlacementStrategy } from '../model/PlacementRequest';
import type { TaskSpec } from '../model/TaskSpec';

/** The instance families of the catalog. */
export type InstanceFamily = 'general' | 'compute' | 'memory' | 'gpu' | 'arm';

/** How to generate a fleet. */
export interface FleetOptions {
  /** Number of instances. */
  readonly size: number;
  /**
   * Seed of the fleet; the same seed gives the same fleet on every machine.
   * @defaultValue 1
   */
  readonly seed?: number;
  /**
   * Number of availability zones (3 to 6), or their names.
   * @defaultValue 3
   */
  readonly zones?: number | readonly string[];
  /**
   * Region the zone names are derived from.
   * @defaultValue `'us-east-1'`
   */
  readonly region?: string;
  /**
   * Relative weight of each instance family; families left out get none.
   * @defaultValue `{ general: 5, compute: 2, memory: 2, gpu: 0.5, arm: 1 }`
   */
  readonly families?: Readonly<Partial<Record<InstanceFamily, number>>>;
  /**
   * Fraction of instances registered DRAINING.
   * @defaultValue 0.02
   */
  readonly drainingFraction?: number;
  /**
   * Fraction of instances whose agent is disconnected.
   * @defaultValue 0.01
   */
  readonly disconnectedFraction?: number;
}

/** One service of a scenario: what ECS's CreateService would be given. */
export interface ServiceScenario {
  /** Service name; its tasks are in group `service:<name>`. */
  readonly name: string;
  /** Number of tasks to place. */
  readonly desiredCount: number;
  /** The task definition. */
  readonly task: TaskSpec;
  /** ECS strategies, and the library's pack and prefer; without any, ECS's service default applies. */
  readonly placementStrategy?: readonly (PlacementStrategy | PackStrategy | PreferStrategy)[];
  /** ECS constraints. */
  readonly placementConstraints?: readonly PlacementConstraint[];
}

/** A stream of task starts and stops after the services are placed, so fragmentation shows. */
export interface ChurnOptions {
  /** Number of rounds. */
  readonly rounds: number;
  /**
   * Fraction of each service's running tasks stopped in a round, then started again.
   * @defaultValue 0.1
   */
  readonly stopFraction?: number;
}

/** Everything a simulation runs. */
export interface Scenario {
  /** A name for reports. */
  readonly name?: string;
  /**
   * Seed of the cluster's generator (random placement, churn choices).
   * @defaultValue 1
   */
  readonly seed?: number;
  /** The fleet. */
  readonly fleet: FleetOptions;
  /** The services, placed in order. */
  readonly services: readonly ServiceScenario[];
  /** Churn after the services are placed. */
  readonly churn?: ChurnOptions;
}
