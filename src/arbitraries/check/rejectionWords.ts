/**
 * What the checker expects of a rejection, written apart from the engine's
 * own tables so that a wrong word in the engine is caught, not copied.
 *
 * @module
 */
import type { Rejection } from '../../model/Rejection';
import type { RejectedPlacement } from './PlacementViolation';

/** The failure reason ECS gives for a rejection. */
export function expectedReason(rejection: Rejection): string {
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
      return 'RESOURCE:PORTS';
    case 'member_of':
      return 'MemberOf placement constraint unsatisfied.';
    case 'distinct_instance':
      return 'DistinctInstance placement constraint unsatisfied.';
    case 'spread_limit':
      return 'SpreadLimit placement constraint unsatisfied.';
    case 'at_most':
      return 'AtMost placement constraint unsatisfied.';
    case 'outside_domains':
      return `${rejection.constraint === 'spreadLimit' ? 'SpreadLimit' : 'AtMost'} placement constraint unsatisfied.`;
  }
}

/** Stopping tasks could help only an exhausted resource, a port a task holds, or a port limit the agent's ports and the task's fit under. */
export function expectedResolvable(rejection: Rejection): boolean {
  return rejection.code === 'insufficient_resource' || (rejection.code === 'port_in_use' && !rejection.reserved)
    || (rejection.code === 'too_many_ports' && rejection.reserved + rejection.requested <= 100);
}

/** The law a placement on an instance with this rejection breaks. */
export function lawOf(rejection: Rejection): RejectedPlacement['law'] {
  switch (rejection.code) {
    case 'not_active':
    case 'agent_disconnected':
      return 'eligibility';
    case 'missing_attribute':
      return 'requiredAttributes';
    case 'insufficient_resource':
      return 'resources';
    case 'port_in_use':
    case 'too_many_ports':
      return 'ports';
    case 'member_of':
      return 'memberOf';
    case 'distinct_instance':
      return 'distinctInstance';
    case 'spread_limit':
      return 'spreadLimit';
    case 'at_most':
      return 'atMost';
    case 'outside_domains':
      return rejection.constraint;
  }
}

/** The rejection as the end of a sentence about an instance: `has 100 memory left, but the task needs 512`. */
export function explainRejection(rejection: Rejection): string {
  switch (rejection.code) {
    case 'not_active':
      return `is ${rejection.status}`;
    case 'agent_disconnected':
      return 'has a disconnected agent';
    case 'missing_attribute':
      return rejection.value === undefined ? `lacks the attribute ${rejection.attribute}` : `lacks the attribute ${rejection.attribute} = ${rejection.value}`;
    case 'insufficient_resource':
      return `has ${rejection.remaining} ${rejection.resource} left, but the task needs ${rejection.requested}`;
    case 'port_in_use':
      return `has ${rejection.protocol} port ${rejection.port} ${rejection.reserved ? 'reserved by the agent' : 'bound by a task'}`;
    case 'too_many_ports':
      return `reserves ${rejection.reserved} ports for the agent and its tasks bind ${rejection.bound}, so the task's ${rejection.requested} would pass 100`;
    case 'member_of':
      return `does not satisfy memberOf(${rejection.expression})`;
    case 'distinct_instance':
      return `already runs a task of ${rejection.group}`;
    case 'spread_limit':
      return `is in ${rejection.domain}, which holds ${rejection.tasks} tasks: one more would be ${rejection.tasks + 1 - rejection.minimum} above the ${rejection.minimum} of ${
        rejection.emptiest === undefined ? 'an empty domain (fewer eligible domains than minDomains)' : `the emptiest domain ${rejection.emptiest}`
      }, more than maxSkew ${rejection.maxSkew}`;
    case 'at_most':
      return `is in ${rejection.domain}, which holds ${rejection.tasks} tasks counted, and atMost allows ${rejection.count}`;
    case 'outside_domains':
      return `is in no domain of ${rejection.constraint}(${rejection.field}): it lacks the attribute or has it without a value${rejection.constraint === 'spreadLimit' ? ', or a value not listed' : ''}`;
  }
}

/** JSON with sorted keys, so that equal values print equal whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field !== null && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => (a < b ? -1 : 1)))
      : field) ?? 'none';
}
