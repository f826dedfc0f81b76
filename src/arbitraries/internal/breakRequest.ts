/**
 * Making a request that no instance of a fleet can take, for one chosen
 * reason, by construction: the construction behind infeasible cases.
 *
 * @module
 */
import type { InstanceSpec } from '../../model/InstanceSpec';
import { expectedReason } from '../check/rejectionWords';
import type { InfeasibleReason } from '../InfeasibleReason';
import type { GeneratedPlacementRequest } from '../placementRequest';
import { taskWith } from './fitRequest';

/** Capabilities ECS registers that the default fleets never have: one of them is required when a task must lack an attribute. */
const ABSENT_CAPABILITIES = ['ecs.capability.fsxWindowsFileServer', 'ecs.capability.efsAuth', 'ecs.capability.gpu-driver-version'];
/** Every generated instance has a zone, so no instance satisfies this. */
const UNSATISFIABLE = 'attribute:ecs.availability-zone !exists';

/** The reason a failure gives for an infeasible reason, in ECS's words: each is its own but MEMBER_OF, whose words are a sentence. */
export function ecsWordsOf(reason: InfeasibleReason): string {
  return reason === 'MEMBER_OF' ? expectedReason({ code: 'member_of', expression: UNSATISFIABLE }) : reason;
}

/** An attribute name no instance of the fleet has. */
function absentAttribute(fleet: readonly InstanceSpec[]): string {
  const has = (name: string) => fleet.some((spec) => Object.hasOwn(spec.attributes ?? {}, name));
  const known = ABSENT_CAPABILITIES.find((name) => !has(name));
  if (known !== undefined) return known;
  let suffix = 1;
  while (has(`ecs.capability.required-by-none-${suffix}`)) suffix += 1;
  return `ecs.capability.required-by-none-${suffix}`;
}

/**
 * The request, already fitted to one witness instance (ACTIVE, connected,
 * able to take the task), changed so that every instance fails at the
 * check `reason` names or before it, and the witness fails exactly there.
 * The closest matching instance is then one that fails there, and so is the
 * reason of every failure. For `AGENT` the fleet itself is changed, not
 * the request; for `RESOURCE:PORTS`, `port` is one every instance reserves.
 */
export function breakRequest(request: GeneratedPlacementRequest, reason: InfeasibleReason, fleet: readonly InstanceSpec[], port: number): GeneratedPlacementRequest {
  const { task } = request;
  const parts = {
    resources: { ...task.resources },
    tcp: task.ports?.tcp ?? [],
    udp: task.ports?.udp ?? [],
    required: task.requiresAttributes ?? [],
    memberOf: task.placementConstraints ?? [],
  };
  const most = (name: string) => Math.max(0, ...fleet.map((spec) => spec.resources[name] ?? 0));
  switch (reason) {
    case 'AGENT':
      return request;
    case 'ATTRIBUTE':
      // First: the checks of required attributes run in order, and this one must be the first to fail.
      parts.required = [absentAttribute(fleet), ...parts.required];
      break;
    case 'RESOURCE:CPU':
      parts.resources.cpu = most('cpu') + 1024;
      break;
    case 'RESOURCE:MEMORY':
      parts.resources.memory = most('memory') + 512;
      break;
    case 'RESOURCE:PORTS':
      parts.tcp = [port, ...parts.tcp.filter((bound) => bound !== port)];
      break;
    case 'MEMBER_OF':
      // The task definition's constraints are checked before the request's: first of them, it fails first.
      parts.memberOf = [{ type: 'memberOf', expression: UNSATISFIABLE }, ...parts.memberOf];
      break;
  }
  return { ...request, task: taskWith(task, parts) };
}
