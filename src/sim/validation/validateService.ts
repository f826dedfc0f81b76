/**
 * One service of a scenario.
 *
 * @module
 */
import { optionalField, readObject, requireField } from '../../model/validation/fields';
import { keyPath } from '../../model/validation/paths';
import { validateCount } from '../../model/validation/validateCount';
import { validateName } from '../../model/validation/validateName';
import { validatePlacementRequest } from '../../model/validation/validatePlacementRequest';
import type { PackStrategy } from '../../model/PackStrategy';
import type { PreferStrategy } from '../../model/PreferStrategy';
import type { PlacementConstraint, PlacementStrategy } from '../../model/PlacementRequest';
import type { TaskSpec } from '../../model/TaskSpec';
import type { ServiceScenario } from '../Scenario';

const KEYS = ['name', 'desiredCount', 'task', 'placementStrategy', 'placementConstraints'] as const;

/**
 * Validates one service of a scenario.
 *
 * @remarks
 * The task, strategies and constraints are checked by validating the very
 * request the simulation will place (`{ task, count, service,
 * placementStrategy, placementConstraints }`) as `Cluster.place`
 * would, so a scenario follows the same rules as the library; the name and
 * desired count are checked first so that their faults carry the scenario's
 * own field names.
 *
 * @param value - the untrusted service
 * @param path - where it is, such as `scenario.services[2]`
 * @returns the service
 * @throws `PlacementInputError` with its path: `invalid_name` for a
 *   name that breaks ECS's rule, `invalid_count` for a desired count that is
 *   not a whole number from 1 to 10,000,000, and any fault of the task,
 *   strategies or constraints (`scenario.services[2].task.resources.memory`)
 */
export function validateService(value: unknown, path: string): ServiceScenario {
  const fields = readObject(value, path, KEYS);
  const name = validateName(requireField(fields, 'name', path), keyPath(path, 'name'), 'service');
  const desiredCount = validateCount(requireField(fields, 'desiredCount', path), keyPath(path, 'desiredCount'));
  const task = requireField(fields, 'task', path);
  const placementStrategy = optionalField(fields, 'placementStrategy', path, (given) => given);
  const placementConstraints = optionalField(fields, 'placementConstraints', path, (given) => given);
  const service = {
    name,
    desiredCount,
    task: task as TaskSpec,
    ...(placementStrategy === undefined ? {} : { placementStrategy: placementStrategy as readonly (PlacementStrategy | PackStrategy | PreferStrategy)[] }),
    ...(placementConstraints === undefined ? {} : { placementConstraints: placementConstraints as readonly PlacementConstraint[] }),
  };
  validatePlacementRequest(serviceRequest(service), path);
  return service;
}

/**
 * The placement request that places a service's tasks.
 *
 * @param service - the service
 * @param count - how many tasks to place
 * @returns `{ task, count, service: name, placementStrategy?, placementConstraints? }`
 */
export function serviceRequest(service: ServiceScenario, count = service.desiredCount): {
  task: TaskSpec; count: number; service: string; placementStrategy?: readonly (PlacementStrategy | PackStrategy | PreferStrategy)[]; placementConstraints?: readonly PlacementConstraint[];
} {
  return {
    task: service.task,
    count,
    service: service.name,
    ...(service.placementStrategy === undefined ? {} : { placementStrategy: service.placementStrategy }),
    ...(service.placementConstraints === undefined ? {} : { placementConstraints: service.placementConstraints }),
  };
}
