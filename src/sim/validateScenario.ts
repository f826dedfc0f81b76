/**
 * Scenarios, as a file or a caller gives them.
 *
 * @module
 */
import { quote } from '../model/validation/describeValue';
import { expectArray, expectString, optionalField, readObject, requireField } from '../model/validation/fields';
import { indexPath, keyPath } from '../model/validation/paths';
import { PlacementInputError } from '../model/PlacementInputError';
import type { ChurnOptions, Scenario, ServiceScenario } from './Scenario';
import { validateSeed } from '../model/validation/validateSeed';
import { expectFraction, expectInteger } from './validation/numbers';
import { validateFleetOptions } from './validation/validateFleetOptions';
import { validateService } from './validation/validateService';

/** The most churn rounds a scenario may ask for. */
const MAX_CHURN_ROUNDS = 1000;

const MAX_NAME_LENGTH = 255;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const KEYS = ['name', 'seed', 'fleet', 'services', 'churn'] as const;
const CHURN_KEYS = ['rounds', 'stopFraction'] as const;

/**
 * Validates a scenario, such as one read from a JSON file, strictly: unknown
 * fields are refused, so a misspelt option is an error rather than a
 * default silently used.
 *
 * @remarks
 * Paths start at `scenario`: `scenario.fleet.size`,
 * `scenario.services[1].task.resources.memory`,
 * `scenario.services[0].placementStrategy[1].field`. Tasks, strategies and
 * constraints follow exactly the rules of `Cluster.place`.
 *
 * @param value - the untrusted scenario
 * @param path - how to name it in errors
 * @returns the scenario, with the fields given (defaults are not filled in)
 * @throws `PlacementInputError`: `invalid_type`, `unknown_field`,
 *   `missing_field` (`fleet`, `services`, a service's `name`,
 *   `desiredCount` or `task`, churn's `rounds`); `invalid_count` for a fleet
 *   size outside 0 to 2,000,000, a desired count outside 1 to 10,000,000 or
 *   churn rounds outside 0 to 1,000; `invalid_option` for a seed that is not
 *   a safe integer, zones outside 3 to 6, a fraction outside [0, 1]; and
 *   `invalid_name` for an empty scenario name, a service name that breaks ECS's rule, or a service name
 *   used twice (at the later one)
 * @example
 * ```ts
 * const scenario = validateScenario(JSON.parse(text));
 * const report = runSimulation(scenario);
 * ```
 */
export function validateScenario(value: unknown, path = 'scenario'): Scenario {
  const fields = readObject(value, path, KEYS);
  const name = optionalField(fields, 'name', path, validateScenarioName);
  const seed = optionalField(fields, 'seed', path, validateSeed);
  const fleet = validateFleetOptions(requireField(fields, 'fleet', path), keyPath(path, 'fleet'));
  const services = validateServices(requireField(fields, 'services', path), keyPath(path, 'services'));
  const churn = optionalField(fields, 'churn', path, validateChurn);
  return {
    ...(name === undefined ? {} : { name }),
    ...(seed === undefined ? {} : { seed }),
    fleet,
    services,
    ...(churn === undefined ? {} : { churn }),
  };
}

function validateServices(value: unknown, path: string): ServiceScenario[] {
  const list = expectArray(value, path);
  const services: ServiceScenario[] = [];
  const names = new Set<string>();
  list.forEach((item, index) => {
    const at = indexPath(path, index);
    const service = validateService(item, at);
    if (names.has(service.name)) {
      throw new PlacementInputError('invalid_name', keyPath(at, 'name'), `Rename this service: ${quote(service.name)} is already the name of an earlier one, and each service is its own task group.`);
    }
    names.add(service.name);
    services.push(service);
  });
  return services;
}

function validateScenarioName(value: unknown, path: string): string {
  const name = expectString(value, path);
  if (name.length === 0 || name.length > MAX_NAME_LENGTH || CONTROL.test(name)) {
    throw new PlacementInputError('invalid_name', path, `Give the scenario a name of 1 to ${MAX_NAME_LENGTH} characters without control characters.`);
  }
  return name;
}

function validateChurn(value: unknown, path: string): ChurnOptions {
  const fields = readObject(value, path, CHURN_KEYS);
  const rounds = expectInteger(requireField(fields, 'rounds', path), keyPath(path, 'rounds'), { min: 0, max: MAX_CHURN_ROUNDS, code: 'invalid_count' });
  const stopFraction = optionalField(fields, 'stopFraction', path, expectFraction);
  return stopFraction === undefined ? { rounds } : { rounds, stopFraction };
}
