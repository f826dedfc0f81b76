/**
 * Why an instance cannot take a task: data first, text at the edges.
 *
 * @module
 */
import type { InstanceStatus } from '../model/InstanceSpec';
import { RESERVED_PORT_LIMIT } from './reservedPortLimit';

/**
 * The first placement check an instance failed, with what the check saw.
 *
 * @remarks
 * The checks run in this order: status, agent, required attributes, then
 * resources (cpu, memory, gpu, other resources by name), TCP then UDP ports,
 * the limit of 100 reserved host ports (for a task with static ports), then
 * the constraints (the task definition's memberOf first, then the
 * request's, in order).
 *
 * @category Results
 */
export type Rejection =
  | {
      /** The instance is not ACTIVE (DRAINING ones get no new tasks). */
      readonly code: 'not_active';
      /** Its status. */
      readonly status: InstanceStatus;
    }
  | {
      /** The container agent is disconnected. */
      readonly code: 'agent_disconnected';
    }
  | {
      /** The instance lacks an attribute the task requires, or has it with another value than the one required. */
      readonly code: 'missing_attribute';
      /** The attribute. */
      readonly attribute: string;
      /** The value the task requires it to have; absent when any value (or none) would do. */
      readonly value?: string;
    }
  | {
      /** Not enough of a resource remains. */
      readonly code: 'insufficient_resource';
      /** The resource, such as `memory`. */
      readonly resource: string;
      /** What the task reserves. */
      readonly requested: number;
      /** What the instance has left. */
      readonly remaining: number;
    }
  | {
      /** A static host port the task needs is taken. */
      readonly code: 'port_in_use';
      /** Its protocol. */
      readonly protocol: 'tcp' | 'udp';
      /** The port. */
      readonly port: number;
      /** True when the agent reserves it (no stopped task can free it). */
      readonly reserved: boolean;
    }
  | {
      /**
       * The task's static host ports would take the instance past the 100
       * host ports ECS lets one instance reserve, TCP and UDP together.
       */
      readonly code: 'too_many_ports';
      /** The static host ports the task binds. */
      readonly requested: number;
      /** The ports the agent reserves on the instance. */
      readonly reserved: number;
      /** The static host ports its running tasks bind. */
      readonly bound: number;
    }
  | {
      /** A memberOf expression does not hold for the instance. */
      readonly code: 'member_of';
      /** The expression as written. */
      readonly expression: string;
    }
  | {
      /** The instance already runs a task of the group (distinctInstance). */
      readonly code: 'distinct_instance';
      /** The group. */
      readonly group: string;
    };

/**
 * The kinds of {@link Rejection}.
 *
 * @category Results
 */
export type RejectionCode = Rejection['code'];

/**
 * The failure reason ECS reports for a rejection: `AGENT`, `ATTRIBUTE`,
 * `RESOURCE:MEMORY` (and the other resources in upper case),
 * `RESOURCE:PORTS`, `RESOURCE:PORTS_UDP`, or the constraint messages.
 *
 * @param rejection - the rejection
 * @returns the ECS reason string
 *
 * @category Results
 */
export function ecsReason(rejection: Rejection): string {
  switch (rejection.code) {
    case 'not_active':
    case 'agent_disconnected':
      return 'AGENT';
    case 'missing_attribute':
      return 'ATTRIBUTE';
    case 'insufficient_resource':
      return `RESOURCE:${rejection.resource.toUpperCase()}`;
    case 'port_in_use':
      return rejection.protocol === 'tcp' ? 'RESOURCE:PORTS' : 'RESOURCE:PORTS_UDP';
    case 'too_many_ports':
      // ECS documents no reason for the limit; its ports are PORTS, and the two protocols share it.
      return 'RESOURCE:PORTS';
    case 'member_of':
      return 'MemberOf placement constraint unsatisfied.';
    case 'distinct_instance':
      return 'DistinctInstance placement constraint unsatisfied.';
  }
}

/**
 * Whether freeing capacity on the instance could let the task in: true for
 * an exhausted resource, for a port held by a task, and for the port limit
 * when the agent's ports and the task's fit under it; false when a rule
 * (status, agent, attribute, constraint, agent-reserved port) says no.
 *
 * @param rejection - the rejection
 * @returns true when stopping tasks could help
 *
 * @category Results
 */
export function isResolvable(rejection: Rejection): boolean {
  switch (rejection.code) {
    case 'insufficient_resource':
      return true;
    case 'port_in_use':
      return !rejection.reserved;
    case 'too_many_ports':
      return rejection.reserved + rejection.requested <= RESERVED_PORT_LIMIT;
    default:
      return false;
  }
}
