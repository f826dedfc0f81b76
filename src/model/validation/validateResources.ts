/**
 * Resource amounts by name, for instances (what they register) and tasks
 * (what they reserve).
 *
 * @module
 */
import { PlacementInputError } from '../PlacementInputError';
import { describeValue, quote } from './describeValue';
import { readEntries } from './fields';
import { interned } from './interned';
import { keyPath } from './paths';
import { resourceRecord } from '../resourceRecord';

/** Validated records by content: instances of a type, and tasks of a size, share one. */
const sharedRecords = new Map<string, Readonly<Record<string, number>>>();
const RESOURCE_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
const BUILT_IN_ANY_CASE = /^(?:cpu|memory|gpu)$/i;

/** How {@link validateResources} treats one kind of resource list. */
export interface ResourceRules {
  /** Names that must be present. */
  readonly required: readonly string[];
  /** Whether entries of 0 are dropped (a task's zero demand needs no check). */
  readonly dropZero: boolean;
  /** Whether equal records are shared: true for what instances register and tasks reserve, which repeat; false for amounts that differ from instance to instance. */
  readonly share: boolean;
}

/**
 * Checks a resource name: `cpu`, `memory`, `gpu` or a custom name of up to
 * 64 letters, digits, `_`, `.` or `-`, starting with a letter.
 *
 * @param name - the name
 * @returns a sentence that says what is wrong, or `undefined` when the name is valid
 */
export function resourceNameProblem(name: string): string | undefined {
  // ECS's API spells the built-ins CPU, MEMORY and GPU; accepting those here
  // would make `CPU` a second, custom resource that no task ever consumes.
  if (BUILT_IN_ANY_CASE.test(name) && name !== name.toLowerCase()) {
    return `Write the resource ${quote(name)} in lower case, as '${name.toLowerCase()}'; ECS's API spells it ${name.toUpperCase()}, this library spells it '${name.toLowerCase()}'.`;
  }
  if (!RESOURCE_NAME.test(name)) {
    return `Rename the resource ${quote(name)}: a resource name starts with a letter and has at most 64 letters, digits, '_', '.' or '-'.`;
  }
  return undefined;
}

/**
 * Validates resource amounts by name.
 *
 * @param value - the untrusted resources object
 * @param path - where it is, such as `instances[0].resources`
 * @param rules - the names required and whether zeros are kept
 * @returns the amounts in a frozen {@link resourceRecord}, so that a
 *   resource named like an `Object.prototype` member (`constructor`) reads
 *   as itself; frozen because instances and tasks share it, and with
 *   `rules.share`, equal amounts come back as the same record
 * @throws {@link PlacementInputError} `invalid_type` when the value is not an
 *   object, `invalid_resource_name`, `invalid_resource` for an amount that is
 *   not a whole number of at least 0, `missing_field` for a required name
 */
export function validateResources(value: unknown, path: string, rules: ResourceRules): Readonly<Record<string, number>> {
  const resources = resourceRecord();
  const given = new Set<string>();
  // Resource names hold no spaces or control characters (checked), so this content cannot be forged.
  let content = '';
  for (const [name, amount] of readEntries(value, path)) {
    const namePath = keyPath(path, name);
    const problem = resourceNameProblem(name);
    if (problem !== undefined) throw new PlacementInputError('invalid_resource_name', namePath, problem);
    const checked = validateAmount(amount, namePath);
    given.add(name);
    if (!(rules.dropZero && checked === 0)) {
      resources[name] = checked;
      content += `${name} ${checked} `;
    }
  }
  for (const name of rules.required) {
    if (!given.has(name)) throw new PlacementInputError('missing_field', keyPath(path, name), `Add the required resource ${name}.`);
  }
  Object.freeze(resources);
  return rules.share ? interned(sharedRecords, content, resources) : resources;
}

/**
 * Amounts are whole numbers: placement adds and subtracts them for every task
 * started and stopped, and fractions would drift until an exact fit no longer
 * fits. A fractional resource is counted in a smaller unit (milli-GPUs).
 */
function validateAmount(amount: unknown, path: string): number {
  const fix = 'give a whole number of at least 0';
  if (typeof amount !== 'number') throw new PlacementInputError('invalid_resource', path, `This amount is ${describeValue(amount)}, not a number; ${fix}.`);
  if (Number.isNaN(amount)) throw new PlacementInputError('invalid_resource', path, `This amount is NaN, not a number; ${fix}.`);
  if (!Number.isFinite(amount)) throw new PlacementInputError('invalid_resource', path, `This amount is not finite; ${fix}.`);
  if (amount < 0) throw new PlacementInputError('invalid_resource', path, `This amount is negative; ${fix}.`);
  if (!Number.isSafeInteger(amount)) {
    throw new PlacementInputError('invalid_resource', path, `This amount is ${amount}; ${fix} (count a fractional resource in a smaller unit) no larger than ${Number.MAX_SAFE_INTEGER}.`);
  }
  // -0 would otherwise print as 0 yet compare as -0 with Object.is.
  return amount === 0 ? 0 : amount;
}
