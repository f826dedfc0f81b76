/**
 * A container instance's `registeredResources` or `remainingResources`: a
 * list of ECS `Resource` objects, read into amounts by name and port lists.
 *
 * @module
 */
import { resourceNameProblem } from '../model/validation/validateResources';
import { indexPath, keyPath } from '../model/validation/paths';
import { ecsError, expected, readArray, readRecord, readString, readWholeNumber, required, type JsonRecord } from './json';

/** One resource list, read. */
export interface ResourceList {
  /** Amounts by the library's name (`cpu`, `memory`, `gpu`, custom names in lower case). */
  readonly amounts: Readonly<Record<string, number>>;
  /** Where each amount was read, for messages about it. */
  readonly amountPaths: Readonly<Record<string, string>>;
  /** TCP ports of the `PORTS` resource. */
  readonly tcp: readonly number[];
  /** UDP ports of the `PORTS_UDP` resource. */
  readonly udp: readonly number[];
  /** Where the port lists were read (for messages about them). */
  readonly portsPath: string;
}

const TYPES = ['INTEGER', 'LONG', 'DOUBLE', 'STRINGSET'] as const;
type ResourceType = (typeof TYPES)[number];
const VALUE_FIELD: Readonly<Record<ResourceType, string>> = {
  INTEGER: 'integerValue', LONG: 'longValue', DOUBLE: 'doubleValue', STRINGSET: 'stringSetValue',
};
const PORT = /^\d{1,5}$/;

/**
 * Reads a list of ECS resources.
 *
 * @remarks
 * `CPU`, `MEMORY` and `GPU` become `cpu`, `memory` and `gpu`; other numeric
 * resources keep their name in lower case. `INTEGER`, `LONG` and `DOUBLE`
 * amounts must be whole numbers, as placement counts in whole units.
 * `PORTS` and `PORTS_UDP` are `STRINGSET`s of port numbers. A `GPU` resource
 * given as a `STRINGSET` of GPU ids counts its ids. Any other `STRINGSET`
 * names no amount and is skipped.
 *
 * @param value - the untrusted array
 * @param path - where it is, such as `containerInstances[0].registeredResources`
 * @throws {@link task-placement!PlacementInputError} `invalid_ecs_json` for a malformed
 *   entry, `invalid_resource` for a fractional amount,
 *   `invalid_resource_name`, `invalid_port`, `duplicate_port`
 */
export function readResourceList(value: unknown, path: string): ResourceList {
  const amounts: Record<string, number> = Object.create(null) as Record<string, number>;
  const amountPaths: Record<string, string> = Object.create(null) as Record<string, string>;
  const ports: { tcp: number[]; udp: number[] } = { tcp: [], udp: [] };
  const seen = new Set<string>();
  readArray(value, path).forEach((item, index) => {
    const itemPath = indexPath(path, index);
    const resource = readRecord(item, itemPath);
    const name = required(resource, 'name', itemPath, readString);
    const type = required(resource, 'type', itemPath, readType);
    if (seen.has(name)) throw ecsError(keyPath(itemPath, 'name'), `expected each resource once, but ${name} is listed again`);
    seen.add(name);
    const valuePath = keyPath(itemPath, VALUE_FIELD[type]);
    if (name === 'PORTS' || name === 'PORTS_UDP') {
      if (type !== 'STRINGSET') throw ecsError(keyPath(itemPath, 'type'), `expected STRINGSET for ${name}, got ${type}`);
      ports[name === 'PORTS' ? 'tcp' : 'udp'] = readPorts(resource, valuePath);
      return;
    }
    if ((name === 'CPU' || name === 'MEMORY') && type === 'STRINGSET') {
      throw ecsError(keyPath(itemPath, 'type'), `expected INTEGER for ${name}, as the ECS agent registers it, got STRINGSET`);
    }
    const amount = readAmount(resource, type, valuePath, name);
    if (amount === undefined) return;
    const key = libraryName(name, keyPath(itemPath, 'name'));
    amounts[key] = amount;
    amountPaths[key] = valuePath;
  });
  return { amounts, amountPaths, tcp: ports.tcp, udp: ports.udp, portsPath: path };
}

function readType(value: unknown, path: string): ResourceType {
  const type = TYPES.find((known) => known === value);
  if (type === undefined) throw expected(`one of ${TYPES.join(', ')}`, value, path);
  return type;
}

function readAmount(resource: JsonRecord, type: ResourceType, path: string, name: string): number | undefined {
  if (type === 'STRINGSET') {
    // A GPU resource may list GPU ids; other string sets carry no amount.
    if (name !== 'GPU') return undefined;
    const ids = readArray(resource.stringSetValue ?? [], path);
    ids.forEach((id, index) => readString(id, indexPath(path, index)));
    return ids.length;
  }
  const value = resource[VALUE_FIELD[type]];
  if (value === undefined || value === null) throw ecsError(path, `expected the amount of ${name}, as ECS gives it for a ${type} resource`);
  if (typeof value === 'number' && Number.isFinite(value) && !Number.isInteger(value)) {
    throw ecsError(path, `expected a whole amount of ${name}, got ${value}: placement counts resources in whole units`, 'invalid_resource');
  }
  return readWholeNumber(value, path);
}

/** ECS spells resources in upper case; the library in lower case. */
function libraryName(name: string, path: string): string {
  const lower = name.toLowerCase();
  const problem = resourceNameProblem(lower);
  if (problem !== undefined) throw ecsError(path, problem, 'invalid_resource_name');
  return lower;
}

function readPorts(resource: JsonRecord, path: string): number[] {
  const list = readArray(resource.stringSetValue ?? [], path);
  const seen = new Set<number>();
  return list.map((item, index) => {
    const itemPath = indexPath(path, index);
    const text = readString(item, itemPath);
    const port = Number(text);
    if (!PORT.test(text) || port < 1 || port > 65535) throw ecsError(itemPath, `expected a port number from 1 to 65535, got ${JSON.stringify(text)}`, 'invalid_port');
    if (seen.has(port)) throw ecsError(itemPath, `expected each port once, but ${port} is listed again`, 'duplicate_port');
    seen.add(port);
    return port;
  });
}
