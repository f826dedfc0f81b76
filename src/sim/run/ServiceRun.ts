/**
 * One service during a run: its request and everything placing it returned.
 *
 * @module
 */
import { validatePlacementRequest } from '../../model/validation/validatePlacementRequest';
import { planPlacement } from '../../placement/planPlacement';
import type { PlacementResult } from '../../placement/PlacementResult';
import type { ServiceScenario } from '../Scenario';
import { serviceRequest } from '../validation/validateService';

/** A service, its task group, its rules as applied, and its placement results so far. */
export interface ServiceRun {
  /** The service. */
  readonly service: ServiceScenario;
  /** Its task group, `service:<name>`. */
  readonly group: string;
  /** The strategy chain as placement applies it (ECS's default when the service gives none). */
  readonly strategies: readonly string[];
  /** The constraints as placement applies them, the task definition's first. */
  readonly constraints: readonly string[];
  /** Results of its first placement and of every churn round. */
  readonly results: PlacementResult[];
}

/**
 * Prepares a service for a run.
 *
 * @remarks
 * The names of the strategies and constraints come from the same
 * validation and pipeline `Cluster.place` and `Cluster.explain` run, so they
 * read exactly as an explanation prints them, without the cost of a dry run.
 *
 * @param service - a validated service
 * @returns the run record, with no results yet
 */
export function startServiceRun(service: ServiceScenario): ServiceRun {
  const request = planPlacement(validatePlacementRequest(serviceRequest(service)));
  return {
    service,
    group: request.group,
    strategies: request.strategies.map((strategy) => strategy.name),
    constraints: request.constraints.map((constraint) => constraint.name),
    results: [],
  };
}
