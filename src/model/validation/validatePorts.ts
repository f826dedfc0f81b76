/**
 * Host ports: those the agent reserves on an instance and the static ports a
 * task binds.
 *
 * @module
 */
import { PlacementInputError } from '../PlacementInputError';
import { RESERVED_PORT_LIMIT } from '../reservedPortLimit';
import type { PortLists } from '../TaskRequirements';
import { describeValue } from './describeValue';
import { expectArray, readObject } from './fields';
import { indexPath, keyPath } from './paths';

const MAX_PORT = 65535;
const PROTOCOLS = ['tcp', 'udp'] as const;

/** No ports, shared by every instance and task that lists none, or whose lists are empty. */
export const EMPTY_PORTS: PortLists = Object.freeze({ tcp: Object.freeze([]), udp: Object.freeze([]) });

/**
 * Validates an instance's reserved ports.
 *
 * @param value - the untrusted `{ tcp?, udp? }` object
 * @param path - where it is, such as `instance.reservedPorts`
 * @returns the ports of each protocol, sorted, frozen
 * @throws {@link PlacementInputError} `invalid_type`, `unknown_field`,
 *   `too_many_reserved_ports` for more than 100 in all, `invalid_port` for
 *   anything but an integer from 1 to 65535, `duplicate_port`
 */
export function validateReservedPorts(value: unknown, path: string): PortLists {
  const [tcp, udp] = readLists(value, path);
  // Counted before the elements are read, so that a huge array costs nothing.
  if (tcp.length + udp.length > RESERVED_PORT_LIMIT) {
    throw new PlacementInputError('too_many_reserved_ports', path, `Reserve at most ${RESERVED_PORT_LIMIT} ports, TCP and UDP together, as ECS allows; this lists ${tcp.length + udp.length}.`);
  }
  const ascending = (a: number, b: number): number => a - b;
  return frozenPorts(checkPorts(tcp, keyPath(path, 'tcp'), 1).sort(ascending), checkPorts(udp, keyPath(path, 'udp'), 1).sort(ascending));
}

/**
 * Validates a task's host ports. Port 0 asks for a dynamic port, which takes
 * no fixed port, so it is dropped.
 *
 * @param value - the untrusted `{ tcp?, udp? }` object
 * @param path - where it is, such as `request.task.ports`
 * @returns the static ports of each protocol, in the given order, frozen
 * @throws {@link PlacementInputError} `invalid_type`, `unknown_field`,
 *   `invalid_port` for anything but an integer from 0 to 65535,
 *   `duplicate_port` for a static port listed twice
 */
export function validateTaskPorts(value: unknown, path: string): PortLists {
  const [tcp, udp] = readLists(value, path);
  return frozenPorts(checkPorts(tcp, keyPath(path, 'tcp'), 0), checkPorts(udp, keyPath(path, 'udp'), 0));
}

/** Frozen, because instances registered from one spec and the tasks of one request share their lists. */
function frozenPorts(tcp: number[], udp: number[]): PortLists {
  if (tcp.length === 0 && udp.length === 0) return EMPTY_PORTS;
  return Object.freeze({ tcp: Object.freeze(tcp), udp: Object.freeze(udp) });
}

function readLists(value: unknown, path: string): [readonly unknown[], readonly unknown[]] {
  const fields = readObject(value, path, PROTOCOLS);
  return [readList(fields.tcp, path, 'tcp'), readList(fields.udp, path, 'udp')];
}

function readList(given: unknown, path: string, protocol: 'tcp' | 'udp'): readonly unknown[] {
  return given === undefined ? EMPTY_PORTS[protocol] : expectArray(given, keyPath(path, protocol));
}

function checkPorts(list: readonly unknown[], path: string, lowest: number): number[] {
  if (list.length === 0) return [];
  const ports: number[] = [];
  const seen = new Set<number>();
  for (let index = 0; index < list.length; index += 1) {
    const port = list[index];
    const portPath = indexPath(path, index);
    if (typeof port !== 'number' || !Number.isInteger(port) || port < lowest || port > MAX_PORT) {
      throw new PlacementInputError('invalid_port', portPath, `Give a port as an integer from ${lowest} to ${MAX_PORT}; this is ${describePort(port)}.`);
    }
    if (port === 0) continue;
    if (seen.has(port)) throw new PlacementInputError('duplicate_port', portPath, `Remove this port: ${port} is already listed for this protocol.`);
    seen.add(port);
    ports.push(port);
  }
  return ports;
}

function describePort(port: unknown): string {
  return typeof port === 'number' && Number.isFinite(port) ? String(port) : describeValue(port);
}
