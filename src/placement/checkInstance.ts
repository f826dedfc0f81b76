/**
 * The filter phase for one instance: the checks of the placement pipeline,
 * in order, stopping at the first that fails.
 *
 * @module
 */
import type { Constraint, DomainCensus } from '../constraints/Constraint';
import type { InstanceState } from '../model/InstanceState';
import type { TaskRequirements } from '../model/TaskRequirements';
import type { Rejection } from '../model/Rejection';
import type { RequiredAttribute } from '../model/RequiredAttribute';
import { RESERVED_PORT_LIMIT } from '../model/reservedPortLimit';

/** What the checks need to know about the request. */
export interface CheckPlan {
  readonly group: string;
  readonly task: TaskRequirements;
  /** The task's resources in check order: cpu, memory, gpu, then the others by name. */
  readonly resources: readonly string[];
  readonly constraints: readonly Constraint[];
  /** The census of each domain constraint for the task under way; see `withCensus`. */
  readonly census?: ReadonlyMap<Constraint, DomainCensus>;
  /** The outcome of an instance that passes every check, made once per plan since it is the common answer. */
  readonly accepted: CheckOutcome;
}

/** How far an instance got: the first failed check, and how many checks it passed before it. */
export interface CheckOutcome {
  /** Why it cannot take the task; `undefined` when it can. */
  readonly rejection: Rejection | undefined;
  /** Checks passed in pipeline order; the closest matching instance is the one with most. */
  readonly passed: number;
}

const PROTOCOLS = ['tcp', 'udp'] as const;

/**
 * Runs the pipeline's checks on one instance: (1) ACTIVE and agent connected,
 * (2) required attributes (and their values, when required), (3) resources,
 * ports and the limit of 100 reserved host ports, (4) constraints.
 *
 * @param instance - the instance
 * @param plan - the request's checks
 * @returns the first rejection and the number of checks passed before it
 */
export function checkInstance(instance: InstanceState, plan: CheckPlan): CheckOutcome {
  let passed = 0;
  if (instance.status !== 'ACTIVE') return { rejection: { code: 'not_active', status: instance.status }, passed };
  passed += 1;
  if (!instance.agentConnected) return { rejection: { code: 'agent_disconnected' }, passed };
  passed += 1;
  for (const required of plan.task.requiresAttributes) {
    if (!hasAttribute(instance, required)) return { rejection: missingAttribute(required), passed };
    passed += 1;
  }
  for (const resource of plan.resources) {
    const requested = plan.task.resources[resource] ?? 0;
    const remaining = instance.remainingResources[resource] ?? 0;
    if (requested > remaining) return { rejection: { code: 'insufficient_resource', resource, requested, remaining }, passed };
    passed += 1;
  }
  for (const protocol of PROTOCOLS) {
    for (const port of plan.task.ports[protocol]) {
      const reserved = instance.reservedPorts[protocol].has(port);
      if (reserved || instance.portsInUse[protocol].has(port)) return { rejection: { code: 'port_in_use', protocol, port, reserved }, passed };
      passed += 1;
    }
  }
  const requested = plan.task.ports.tcp.length + plan.task.ports.udp.length;
  if (requested > 0) {
    // Only a task with static ports can take an instance past the limit: dynamic ports do not count.
    const reserved = instance.reservedPorts.tcp.size + instance.reservedPorts.udp.size;
    const bound = instance.portsInUse.tcp.size + instance.portsInUse.udp.size;
    if (reserved + bound + requested > RESERVED_PORT_LIMIT) return { rejection: { code: 'too_many_ports', requested, reserved, bound }, passed };
    passed += 1;
  }
  for (const constraint of plan.constraints) {
    const rejection = constraint.check(instance, plan);
    if (rejection !== undefined) return { rejection, passed };
    passed += 1;
  }
  return plan.accepted;
}

/**
 * Whether an instance has a required attribute: present, with the value
 * required when there is one (an attribute without a value has none).
 *
 * @param instance - the instance
 * @param required - the requirement
 */
export function hasAttribute(instance: InstanceState, required: RequiredAttribute): boolean {
  return required.value === undefined ? instance.attributes.has(required.name) : instance.attributes.get(required.name) === required.value;
}

function missingAttribute({ name, value }: RequiredAttribute): Rejection {
  return value === undefined ? { code: 'missing_attribute', attribute: name } : { code: 'missing_attribute', attribute: name, value };
}
