/**
 * Task sizes as ECS writes them: `cpu` in CPU units or vCPUs, `memory` in
 * MiB or GB.
 *
 * @module
 */
import { ecsError, expected } from './json';

const CPU_UNITS_PER_VCPU = 1024;
const MIB_PER_GB = 1024;
// ECS writes `.25 vCPU` as well as `0.25 vCPU`.
const SIZE = /^\s*(\d{0,9})(?:\.(\d{1,6}))?\s*([A-Za-z]*)\s*$/;

/**
 * Reads a task-level `cpu`: CPU units as a number or a string (`1024`,
 * `"1024"`), or vCPUs (`"1 vCPU"`, `"1 vcpu"`, `"0.5 vCPU"`), converted as
 * ECS does at registration: 1 vCPU is 1024 units. No other unit is read:
 * ECS documents none.
 *
 * @param value - the untrusted size
 * @param path - where it is, such as `taskDefinition.cpu`
 * @returns CPU units
 * @throws {@link task-placement!PlacementInputError} `invalid_ecs_json` for any other text,
 *   `invalid_resource` when the size is not a whole number of units
 */
export function readCpu(value: unknown, path: string): number {
  return readSize(value, path, {
    units: { '': 1, vcpu: CPU_UNITS_PER_VCPU },
    unit: 'CPU units',
    examples: '1024, "1024", "1 vCPU" or "0.5 vcpu"',
  });
}

/**
 * Reads a task-level `memory`: MiB as a number or a string (`512`, `"512"`),
 * or GB (`"2 GB"`, `"2GB"`, `"0.5 GB"`), converted as ECS does at
 * registration: 1 GB is 1024 MiB. No other unit is read: ECS documents
 * none.
 *
 * @param value - the untrusted size
 * @param path - where it is, such as `taskDefinition.memory`
 * @returns MiB
 * @throws {@link task-placement!PlacementInputError} `invalid_ecs_json` for any other text,
 *   `invalid_resource` when the size is not a whole number of MiB
 */
export function readMemory(value: unknown, path: string): number {
  return readSize(value, path, {
    units: { '': 1, gb: MIB_PER_GB },
    unit: 'MiB',
    examples: '512, "512" or "2 GB"',
  });
}

interface SizeRules {
  /** Multiplier by unit, in lower case; `''` for a bare number. */
  readonly units: Readonly<Record<string, number>>;
  readonly unit: string;
  readonly examples: string;
}

function readSize(value: unknown, path: string, rules: SizeRules): number {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value >= 0) return value;
    throw expected(`a whole number of ${rules.unit}`, value, path);
  }
  if (typeof value !== 'string') throw expected(`a number or a string such as ${rules.examples}`, value, path);
  const match = SIZE.exec(value);
  const multiplier = match === null ? undefined : rules.units[(match[3] ?? '').toLowerCase()];
  if (match === null || multiplier === undefined || (match[1] === '' && match[2] === undefined)) throw expected(`a size such as ${rules.examples}`, value, path);
  const whole = Number(match[1]);
  const fraction = match[2] ?? '';
  // Whole digits and fraction digits apart, so that "0.1 vCPU" is found to be
  // 102.4 units exactly instead of through binary rounding.
  const scale = 10 ** fraction.length;
  const fractionUnits = Number(fraction === '' ? 0 : fraction) * multiplier;
  if (fractionUnits % scale !== 0) {
    throw ecsError(path, `expected a whole number of ${rules.unit}, but ${JSON.stringify(value)} is ${(whole * multiplier + fractionUnits / scale).toString()} ${rules.unit}`, 'invalid_resource');
  }
  const amount = whole * multiplier + fractionUnits / scale;
  if (!Number.isSafeInteger(amount)) throw expected(`a size of at most ${Number.MAX_SAFE_INTEGER} ${rules.unit}`, value, path);
  return amount;
}
