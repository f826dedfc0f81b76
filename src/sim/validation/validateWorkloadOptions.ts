/**
 * Workload options, checked.
 *
 * @module
 */
import { quote } from '../../model/validation/describeValue';
import { expectString, optionalField, readObject, type Fields } from '../../model/validation/fields';
import { MAX_COUNT } from '../../model/validation/validateCount';
import { PlacementInputError } from '../../model/PlacementInputError';
import type { TaskSizeDistribution } from '../workload/WorkloadOptions';
import { validateSeed } from '../../model/validation/validateSeed';
import { expectInteger } from './numbers';

/** Workload options with every default filled in. */
export interface WorkloadPlan {
  /** Seed of the workload's generator. */
  readonly seed: number;
  /** Number of services. */
  readonly services: number;
  /** Total desired count. */
  readonly tasks: number;
  /** Task size distribution. */
  readonly distribution: TaskSizeDistribution;
}

/** The most services a generated workload may have. */
const MAX_SERVICES = 1000;

const KEYS = ['seed', 'services', 'tasks', 'distribution'] as const;
const DISTRIBUTIONS: readonly TaskSizeDistribution[] = ['uniform', 'heavy-tailed', 'mixed'];

/**
 * Validates workload options and fills in the defaults (seed 1, 8 services,
 * 1000 tasks, `mixed`).
 *
 * @param value - the untrusted options
 * @param path - how the caller names them
 * @returns the plan
 * @throws `PlacementInputError` `invalid_type`, `unknown_field`,
 *   `invalid_count` for services outside 1 to 1,000 or tasks outside the
 *   number of services to 10,000,000, `invalid_option` for a bad seed or an
 *   unknown distribution
 */
export function validateWorkloadOptions(value: unknown, path: string): WorkloadPlan {
  const fields: Fields<(typeof KEYS)[number]> = value === undefined ? {} : readObject(value, path, KEYS);
  const services = optionalField(fields, 'services', path, (given, at) => expectInteger(given, at, { min: 1, max: MAX_SERVICES, code: 'invalid_count' })) ?? 8;
  const tasks = optionalField(fields, 'tasks', path, (given, at) => expectInteger(given, at, { min: services, max: MAX_COUNT, code: 'invalid_count' }))
    ?? Math.max(1000, services);
  return {
    seed: optionalField(fields, 'seed', path, validateSeed) ?? 1,
    services,
    tasks,
    distribution: optionalField(fields, 'distribution', path, validateDistribution) ?? 'mixed',
  };
}

function validateDistribution(value: unknown, path: string): TaskSizeDistribution {
  const text = expectString(value, path);
  const distribution = DISTRIBUTIONS.find((known) => known === text);
  if (distribution === undefined) {
    throw new PlacementInputError('invalid_option', path, `Use the distribution 'uniform', 'heavy-tailed' or 'mixed' instead of ${quote(text)}.`);
  }
  return distribution;
}
