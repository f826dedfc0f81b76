/**
 * A container's `portMappings`, read into the static host ports the task
 * binds on its instance, by network mode.
 *
 * @module
 */
import { indexPath, keyPath } from '../model/validation/paths';
import type { EcsNetworkBinding } from './EcsNetworkBinding';
import { ecsError, expected, optional, readArray, readRecord, readWholeNumber, type JsonRecord } from './json';

/** The network modes of a task definition. */
export type NetworkMode = 'bridge' | 'host' | 'awsvpc' | 'none';

/** The network modes ECS has. */
export const NETWORK_MODES: readonly NetworkMode[] = ['bridge', 'host', 'awsvpc', 'none'];

/** Host ports by protocol, with the path each was read at. */
export interface HostPorts {
  /** TCP ports and where each was read. */
  readonly tcp: Map<number, string>;
  /** UDP ports and where each was read. */
  readonly udp: Map<number, string>;
}

const MAX_PORT = 65535;

/**
 * Adds the host ports of one container's port mappings to `ports`, and
 * returns them as the container's network bindings.
 *
 * @remarks
 * - `bridge` (the default; Windows' `default` behaves the same): a
 *   `hostPort` above 0 is static; 0 or none is a dynamic port, which takes
 *   no fixed port.
 * - `host`: the container binds the instance's own port, `containerPort`;
 *   a `hostPort`, if given, must equal it.
 * - `awsvpc`: a `hostPort`, if given, must equal `containerPort`, but the
 *   port is bound on the task's own network interface, not the instance's,
 *   so it takes none of the instance's ports.
 * - `none`: a task without networking has no port mappings.
 *
 * A mapping with a `containerPortRange` gets its host ports from the
 * dynamic range and takes no fixed port.
 *
 * @param value - the untrusted `portMappings` array
 * @param path - where it is
 * @param mode - the task definition's network mode
 * @param ports - the task's ports so far, extended in place
 * @returns the static host ports this container binds, in the order mapped
 * @throws {@link task-placement!PlacementInputError} `invalid_ecs_json`, `invalid_port`, or
 *   `duplicate_port` when two mappings of the task bind the same host port
 */
export function readPortMappings(value: unknown, path: string, mode: NetworkMode, ports: HostPorts): EcsNetworkBinding[] {
  const list = readArray(value, path);
  if (mode === 'none' && list.length > 0) throw ecsError(path, 'expected no port mappings: a task in network mode none has no networking');
  const bindings: EcsNetworkBinding[] = [];
  list.forEach((item, index) => {
    const itemPath = indexPath(path, index);
    const mapping = readRecord(item, itemPath);
    const protocol = optional(mapping, 'protocol', itemPath, readProtocol) ?? 'tcp';
    const bound = hostPort(mapping, itemPath, mode);
    if (bound === undefined) return;
    const { containerPort, hostPort: port, at } = bound;
    const earlier = ports[protocol].get(port);
    if (earlier !== undefined) throw ecsError(at, `expected each host port once per task, but ${protocol.toUpperCase()} ${port} is also bound at ${earlier}`, 'duplicate_port');
    ports[protocol].set(port, at);
    bindings.push({ containerPort, hostPort: port, protocol });
  });
  return bindings;
}

/** The static host port a mapping binds on the instance, with its container port and the path it was read at, if any. */
function hostPort(mapping: JsonRecord, path: string, mode: NetworkMode): { containerPort: number; hostPort: number; at: string } | undefined {
  const containerPort = optional(mapping, 'containerPort', path, readPort);
  const host = optional(mapping, 'hostPort', path, readPort);
  const hostPath = keyPath(path, 'hostPort');
  if (containerPort === undefined) {
    if (mapping.containerPortRange === undefined) throw ecsError(keyPath(path, 'containerPort'), 'expected this field, or a containerPortRange');
    return undefined;
  }
  if (mode === 'bridge') return host === undefined || host === 0 ? undefined : { containerPort, hostPort: host, at: hostPath };
  if (host !== undefined && host !== 0 && host !== containerPort) {
    throw ecsError(hostPath, `expected ${containerPort}, the containerPort, or no hostPort: in network mode ${mode} the host port is the container port`);
  }
  return mode === 'host' ? { containerPort, hostPort: containerPort, at: keyPath(path, 'containerPort') } : undefined;
}

function readPort(value: unknown, path: string): number {
  const port = readWholeNumber(value, path);
  if (port > MAX_PORT) throw ecsError(path, `expected a port from 0 to ${MAX_PORT}, got ${port}`, 'invalid_port');
  return port;
}

/**
 * Reads a port's `protocol`.
 *
 * @param value - the untrusted protocol
 * @param path - where it is
 * @returns `tcp` or `udp`
 * @throws {@link task-placement!PlacementInputError} `invalid_ecs_json` for anything else
 */
export function readProtocol(value: unknown, path: string): 'tcp' | 'udp' {
  if (value === 'tcp' || value === 'udp') return value;
  throw expected('"tcp" or "udp"', value, path);
}
