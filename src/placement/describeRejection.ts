/**
 * Rejections in words: the phrases of the diagnosis one-liner and the
 * sentences of failure details, in ECS's vocabulary.
 *
 * @module
 */
import { ecsReason, isResolvable, type Rejection } from '../model/Rejection';
import { RESERVED_PORT_LIMIT } from '../model/reservedPortLimit';
import { resourceUnit } from '../model/resourceUnit';

const RESOURCE_WORDS: Readonly<Record<string, string>> = { cpu: 'CPU', memory: 'memory', gpu: 'GPUs' };

/**
 * The phrase that follows a count in a diagnosis, such as `have insufficient
 * memory` or `are DRAINING`. Rejections with the same phrase are counted
 * together.
 *
 * @param rejection - the rejection
 * @param plural - whether the count is not 1
 */
export function describeRejection(rejection: Rejection, plural: boolean): string {
  const verb = (one: string, many: string): string => (plural ? many : one);
  switch (rejection.code) {
    case 'not_active':
      return `${verb('is', 'are')} ${rejection.status}`;
    case 'agent_disconnected':
      return `${verb('has', 'have')} a disconnected agent`;
    case 'missing_attribute':
      return rejection.value === undefined
        ? `${verb('lacks', 'lack')} the attribute ${rejection.attribute}`
        : `${verb('lacks', 'lack')} the attribute ${rejection.attribute} with value ${rejection.value}`;
    case 'insufficient_resource':
      return `${verb('has', 'have')} insufficient ${RESOURCE_WORDS[rejection.resource] ?? rejection.resource}`;
    case 'port_in_use':
      return rejection.reserved
        ? `${verb('reserves', 'reserve')} ${rejection.protocol.toUpperCase()} port ${rejection.port} for the agent`
        : `${verb('has', 'have')} ${rejection.protocol.toUpperCase()} port ${rejection.port} in use`;
    case 'too_many_ports':
      // Two phrases, since the diagnosis groups by phrase and only the first can be helped by stopping tasks.
      return isResolvable(rejection)
        ? `would pass the limit of ${RESERVED_PORT_LIMIT} reserved host ports`
        : `${verb('reserves', 'reserve')} too many ports for the agent to take the task's within the limit of ${RESERVED_PORT_LIMIT}`;
    case 'member_of':
      return `did not match memberOf(${rejection.expression})`;
    case 'distinct_instance':
      return `already ${verb('runs', 'run')} a task of group ${rejection.group}`;
    case 'spread_limit':
      return rejection.field === 'instanceId'
        ? `${verb('runs', 'run')} more tasks than spreadLimit(instanceId, maxSkew ${rejection.maxSkew}) allows above ${short(rejection)}`
        : `${verb('is', 'are')} in ${rejection.domain} (${rejection.tasks} ${tasks(rejection.tasks)}), where spreadLimit(${rejection.field}, maxSkew ${rejection.maxSkew}) allows no more above ${short(rejection)}`;
    case 'at_most':
      return rejection.field === 'instanceId'
        ? `already ${verb('runs', 'run')} as many tasks as atMost(${rejection.count}, instanceId) allows`
        : `${verb('is', 'are')} in ${rejection.domain} (${rejection.tasks} ${tasks(rejection.tasks)}), where atMost(${rejection.count}, ${rejection.field}) allows no more`;
    case 'outside_domains':
      return `${verb('is', 'are')} in no domain of ${rejection.constraint}(${rejection.field})`;
  }
}

/** The emptiest domain a spread limit measures against, in words. */
function short(rejection: { readonly minimum: number; readonly emptiest?: string; readonly field: string }): string {
  if (rejection.emptiest === undefined) return `${rejection.minimum} (fewer domains than minDomains)`;
  return rejection.field === 'instanceId'
    ? `${rejection.minimum} on ${rejection.emptiest}`
    : `${rejection.minimum} in ${rejection.emptiest}`;
}

function tasks(count: number): string {
  return count === 1 ? 'task' : 'tasks';
}

/**
 * The detail of a failure, worded like the closing sentence of ECS's service
 * event, with the numbers ECS leaves out.
 *
 * @param rejection - the closest matching instance's rejection
 * @param instanceId - that instance
 */
export function failureDetail(rejection: Rejection, instanceId: string): string {
  const closest = `The closest matching container-instance ${instanceId}`;
  switch (rejection.code) {
    case 'not_active':
      return `${closest} encountered error "AGENT": it is ${rejection.status}, and only ACTIVE instances take tasks.`;
    case 'agent_disconnected':
      return `${closest} encountered error "AGENT": its container agent is disconnected.`;
    case 'missing_attribute':
      return rejection.value === undefined
        ? `${closest} is missing an attribute required by your task: ${rejection.attribute}.`
        : `${closest} is missing an attribute required by your task: ${rejection.attribute} with value ${rejection.value}.`;
    case 'insufficient_resource': {
      const unit = resourceUnit(rejection.resource);
      const word = rejection.resource === 'cpu' ? 'CPU units' : (RESOURCE_WORDS[rejection.resource] ?? rejection.resource);
      return `${closest} has insufficient ${word} available: the task needs ${rejection.requested} ${unit}, ${rejection.remaining} remain.`;
    }
    case 'port_in_use':
      return `${closest} is already using a port required by your task: ${rejection.protocol.toUpperCase()} ${rejection.port}${rejection.reserved ? ', reserved by the agent' : ''}.`;
    case 'too_many_ports':
      // ECS's words for this cause ("Too many ports registered"), with the count it leaves out.
      return `${closest} has too many ports registered: ${rejection.reserved + rejection.bound} host ports are reserved (${rejection.reserved} by the agent, `
        + `${rejection.bound} by tasks), and the task's ${rejection.requested} static ${rejection.requested === 1 ? 'port' : 'ports'} would take it past ${RESERVED_PORT_LIMIT}.`;
    case 'member_of':
      return `${closest} encountered error "MemberOf placement constraint unsatisfied.": ${rejection.expression}.`;
    case 'distinct_instance':
      return `${closest} encountered error "DistinctInstance placement constraint unsatisfied.": it already runs a task of group ${rejection.group}.`;
    case 'spread_limit':
      return `${closest} encountered error "${ecsReason(rejection)}": its domain ${rejection.domain} holds ${rejection.tasks} ${tasks(rejection.tasks)}, `
        + `and one more would be more than ${rejection.maxSkew} above the emptiest domain's ${short(rejection)}.`;
    case 'at_most':
      return `${closest} encountered error "${ecsReason(rejection)}": its domain ${rejection.domain} holds ${rejection.tasks} ${tasks(rejection.tasks)}, and at most ${rejection.count} are allowed.`;
    case 'outside_domains':
      return `${closest} encountered error "${ecsReason(rejection)}": it is in no domain of ${rejection.field}.`;
  }
}
