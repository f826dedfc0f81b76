/**
 * The filter phase for one instance: the checks of the placement pipeline,
 * in order, stopping at the first that fails.
 *
 * @module
 */
import type { Constraint } from '../constraints/Constraint';
import type { InstanceState } from '../model/InstanceState';
import type { TaskRequirements } from '../model/TaskRequirements';
import type { Rejection } from '../model/Rejection';

/** What the checks need to know about the request. */
export interface CheckPlan {
  readonly group: string;
  readonly task: TaskRequirements;
  /** The task's resources in check order: cpu, memory, gpu, then the others by name. */
  readonly resources: readonly string[];
  readonly constraints: readonly Constraint[];
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
 * (2) required attributes, (3) resources and ports, (4) constraints.
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
  for (const attribute of plan.task.requiresAttributes) {
    if (!instance.attributes.has(attribute)) return { rejection: { code: 'missing_attribute', attribute }, passed };
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
  for (const constraint of plan.constraints) {
    const rejection = constraint.check(instance, plan);
    if (rejection !== undefined) return { rejection, passed };
    passed += 1;
  }
  return plan.accepted;
}
