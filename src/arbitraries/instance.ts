/**
 * One container instance as a user registers it.
 *
 * @module
 */
import * as fc from 'fast-check';
import type { InstanceSpec, InstanceStatus } from '../model/InstanceSpec';
import { REGISTERED_FROM, REGISTERED_UNTIL } from './defaults';
import { resolveInstance, type InstanceConstraints, type ResolvedInstance } from './InstanceConstraints';
import { where } from './internal/readConstraints';
import { printInstance, withPrinter } from './internal/printers';
import { mostly, someOf, sometimes } from './internal/sometimes';

const OTHER_STATUSES: readonly InstanceStatus[] = ['REGISTERING', 'DEREGISTERING', 'REGISTRATION_FAILED', 'INACTIVE'];
/** Standalone instances are numbered up to this; a fleet widens the range to keep its ids unique. */
const MAX_NUMBER = 999;

/** How an instance was drawn, before it is written as a spec. */
export interface InstanceDraw {
  readonly typeIndex: number;
  readonly zone: string;
  readonly custom: Readonly<Record<string, number | undefined>>;
  readonly capabilities: readonly string[];
  readonly attributes: Readonly<Record<string, string | null | undefined>>;
  readonly agentVersion: string;
  readonly registeredSecond: number;
  readonly extraTcp: readonly number[];
  readonly extraUdp: readonly number[];
  readonly status: InstanceStatus;
  readonly agentConnected: boolean;
  readonly untrackedTasks: number;
}

/** Draws everything about an instance but its number, which {@link fleet} draws apart to keep ids unique. */
export function instanceDraw(resolved: ResolvedInstance): fc.Arbitrary<InstanceDraw> {
  const { customResources, customResourceRate, customAttributes, extraReservedPortRate: portRate } = resolved;
  return fc.record({
    typeIndex: fc.nat(resolved.instanceTypes.length - 1),
    zone: fc.constantFrom(...resolved.zones),
    custom: fc.record(Object.fromEntries(Object.entries(customResources).map(([name, amounts]) =>
      [name, sometimes(fc.constantFrom(...amounts), customResourceRate, undefined)]))),
    capabilities: fc.subarray([...resolved.capabilities]),
    // Absent first: an instance without the attribute is the simpler counter-example.
    attributes: fc.record(Object.fromEntries(Object.entries(customAttributes).map(([name, values]) => [name, fc.constantFrom(undefined, ...values)]))),
    agentVersion: fc.constantFrom(...resolved.agentVersions),
    registeredSecond: fc.integer({ min: 0, max: (REGISTERED_UNTIL - REGISTERED_FROM) / 1000 - 1 }),
    extraTcp: someOf(resolved.extraReservedTcpPorts, portRate),
    extraUdp: someOf(resolved.extraReservedUdpPorts, portRate),
    status: mostly<InstanceStatus>('ACTIVE', [
      [fc.constant('DRAINING'), resolved.drainingRate],
      [fc.constantFrom(...OTHER_STATUSES), resolved.otherStatusRate],
    ]),
    agentConnected: sometimes(fc.constant(false), resolved.disconnectedRate, true),
    // At the default rate of 0 a constant, which draws nothing: seeds of earlier failures still give the same fleets.
    untrackedTasks: sometimes(fc.integer({ min: 1, max: 3 }), resolved.untrackedTaskRate, 0),
  });
}

/** The EC2 instance id of instance number `n`: `i-` and 17 hexadecimal digits, as EC2 writes them. */
function ec2InstanceIdOf(n: number): string {
  return `i-${n.toString(16).padStart(17, '0')}`;
}

/** Writes a drawn instance as the spec with id `ci-<n>`. */
export function instanceSpecOf(resolved: ResolvedInstance, n: number, draw: InstanceDraw): InstanceSpec {
  const type = resolved.instanceTypes[draw.typeIndex] ?? resolved.instanceTypes[0];
  if (type === undefined) throw new Error('instance: no instance type');
  const attributes: Record<string, string | null> = {
    'ecs.availability-zone': draw.zone,
    'ecs.instance-type': type.name,
    'ecs.os-type': 'linux',
    'ecs.cpu-architecture': type.architecture ?? 'x86_64',
  };
  for (const capability of draw.capabilities) attributes[capability] = null;
  for (const [name, value] of Object.entries(draw.attributes)) if (value !== undefined) attributes[name] = value;
  const resources: Record<string, number> = { cpu: type.cpu, memory: type.memory };
  if (type.gpu !== undefined) resources['gpu'] = type.gpu;
  for (const [name, amount] of Object.entries(draw.custom)) if (amount !== undefined) resources[name] = amount;
  return withPrinter<InstanceSpec>({
    id: `ci-${n}`,
    ec2InstanceId: ec2InstanceIdOf(n),
    resources: resources as InstanceSpec['resources'],
    reservedPorts: { tcp: [...new Set([...resolved.reservedTcpPorts, ...draw.extraTcp])], udp: [...draw.extraUdp] },
    attributes,
    ...(draw.status === 'ACTIVE' ? {} : { status: draw.status }),
    ...(draw.agentConnected ? {} : { agentConnected: false }),
    agentVersion: draw.agentVersion,
    registeredAt: new Date(REGISTERED_FROM + draw.registeredSecond * 1000).toISOString().replace('.000Z', 'Z'),
    ...(draw.untrackedTasks === 0 ? {} : { untrackedTasks: draw.untrackedTasks }),
  }, (spec) => printInstance(spec, resolved.reservedTcpPorts));
}

/**
 * Generates a container instance as a user registers it: an id `ci-<n>`
 * (short, so counter-examples stay readable) with its EC2 instance id, an
 * instance type's resources, custom resources, the agent's reserved ports,
 * the attributes ECS sets (`ecs.availability-zone`, `ecs.instance-type`,
 * `ecs.os-type`, `ecs.cpu-architecture`), capabilities and custom
 * attributes, an agent version, a registration time in 2024, and now and
 * then a status other than `ACTIVE`, a disconnected agent or (when
 * `untrackedTaskRate` asks for them) untracked tasks. Shrinks towards the
 * first zone and type, no optional part, `ACTIVE` and connected.
 *
 * @param constraints - what to draw from; every field has a realistic default
 * @returns an arbitrary of {@link InstanceSpec}s that `new Cluster` accepts
 * @throws {@link ConstraintsError} naming `instance` when a constraint is unknown, out of range, or refused by the library
 *
 * @example
 * ```ts
 * fc.assert(fc.property(instance({ drainingRate: 1 }), (spec) => spec.status === 'DRAINING'));
 * ```
 */
export function instance(constraints: InstanceConstraints = {}): fc.Arbitrary<InstanceSpec> {
  const resolved = resolveInstance(constraints, where('instance'));
  return fc.tuple(fc.integer({ min: 1, max: MAX_NUMBER }), instanceDraw(resolved)).map(([n, draw]) => instanceSpecOf(resolved, n, draw));
}
