/**
 * The unit each resource is counted in, for the words of messages and reports.
 *
 * @module
 */

const UNITS: Readonly<Record<string, string>> = { cpu: 'CPU units', memory: 'MiB', gpu: 'GPUs' };

/**
 * The unit an amount of a resource is counted in: `CPU units`, `MiB`,
 * `GPUs`, or, for a custom resource, its own name (`4 eni`).
 *
 * @param resource - the resource's name, as a task or instance gives it
 * @returns the unit, to follow a number
 */
export function resourceUnit(resource: string): string {
  return Object.hasOwn(UNITS, resource) ? (UNITS[resource] as string) : resource;
}
