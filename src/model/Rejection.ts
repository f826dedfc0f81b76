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
      /** The instance already runs a task of the group, or of a group counted with it (distinctInstance). */
      readonly code: 'distinct_instance';
      /** The group of the task it runs. */
      readonly group: string;
    }
  | {
      /** A task here would leave its domain more than `maxSkew` tasks above the emptiest eligible one (spreadLimit). */
      readonly code: 'spread_limit';
      /** The constraint's field, such as `attribute:ecs.availability-zone`. */
      readonly field: string;
      /** The instance's domain: its value of the attribute, or its id. */
      readonly domain: string;
      /** The tasks counted in that domain now. */
      readonly tasks: number;
      /** The tasks in the emptiest eligible domain (0 while there are fewer domains than `minDomains`). */
      readonly minimum: number;
      /** The skew allowed. */
      readonly maxSkew: number;
      /** An eligible domain that holds the minimum, the one short of tasks; absent when the minimum is 0 for want of domains. */
      readonly emptiest?: string;
    }
  | {
      /** The instance's domain already holds the most tasks allowed (atMost). */
      readonly code: 'at_most';
      /** The constraint's field. */
      readonly field: string;
      /** The instance's domain: its value of the attribute, or its id. */
      readonly domain: string;
      /** The tasks counted in that domain now. */
      readonly tasks: number;
      /** The most allowed. */
      readonly count: number;
    }
  | {
      /** The instance is in no domain of a spreadLimit or atMost: it lacks the attribute, or its value is not one listed. */
      readonly code: 'outside_domains';
      /** Which constraint. */
      readonly constraint: 'spreadLimit' | 'atMost';
      /** The constraint's field. */
      readonly field: string;
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
    // The extensions' reasons, in the form of ECS's own.
    case 'spread_limit':
      return 'SpreadLimit placement constraint unsatisfied.';
    case 'at_most':
      return 'AtMost placement constraint unsatisfied.';
    case 'outside_domains':
      return rejection.constraint === 'spreadLimit' ? 'SpreadLimit placement constraint unsatisfied.' : 'AtMost placement constraint unsatisfied.';
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
