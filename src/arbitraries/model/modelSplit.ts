/**
 * The capacity provider of each task of a request, as the model shares
 * them: written from the documented rule, not from the engine's code.
 *
 * @module
 */
import type { ClusterSnapshot } from '../../cluster/Cluster';
import { CAPACITY_PROVIDER_ATTRIBUTE } from '../../model/capacityProviderAttribute';
import type { PlacementRequest } from '../../model/PlacementRequest';
import { CheckInputError } from '../check/CheckInputError';
import { groupOf } from './modelRequest';

/** A provider as the model shares tasks among them. */
interface Share {
  readonly name: string;
  readonly base: number;
  readonly weight: number;
  /** Tasks it holds, its base included. */
  tasks: number;
}

/**
 * The provider of each of the request's tasks, in the order they are
 * started: the base first, then by the Balinski-Young quota method (among
 * the providers whose tasks beyond the base stay within the ceiling of
 * their exact share once they take the task, the one with the highest
 * weight per task beyond the base plus one; ties to the earlier), counting
 * a service's running tasks on each provider's instances.
 *
 * @param before - the cluster before the request
 * @param request - a request with a capacity provider strategy
 * @returns the providers' names, one per task
 */
export function modelSplit(before: ClusterSnapshot, request: PlacementRequest): string[] {
  const items = request.capacityProviderStrategy ?? [];
  const shares: Share[] = items.map(({ capacityProvider, base = 0, weight = 0 }) => ({ name: capacityProvider, base, weight, tasks: 0 }));
  if (request.service !== undefined) {
    const group = groupOf(request);
    const providerOf = new Map(before.instances.map((instance) => [instance.id, instance.attributes[CAPACITY_PROVIDER_ATTRIBUTE]]));
    for (const task of before.tasks) {
      const share = task.group === group ? shares.find((candidate) => candidate.name === providerOf.get(task.instanceId)) : undefined;
      if (share !== undefined) share.tasks += 1;
    }
  }
  const weightOf = (share: Share): number => (shares.every((each) => each.weight === 0) ? 1 : share.weight);
  const total = shares.reduce((sum, share) => sum + weightOf(share), 0);
  const beyond = (share: Share): number => share.tasks - Math.min(share.base, share.tasks);
  const split: string[] = [];
  for (let task = 0; task < (request.count ?? 1); task += 1) {
    let chosen = shares.find((share) => share.base > share.tasks);
    if (chosen === undefined) {
      const house = shares.reduce((sum, share) => sum + beyond(share), 0) + 1;
      for (const share of shares) {
        const upperQuota = Math.ceil((weightOf(share) * house) / total);
        if (weightOf(share) === 0 || beyond(share) + 1 > upperQuota) continue;
        if (chosen === undefined || weightOf(share) / (beyond(share) + 1) > weightOf(chosen) / (beyond(chosen) + 1)) chosen = share;
      }
    }
    if (chosen === undefined) throw new CheckInputError('invalid_request', 'request', 'checkPlacement: no provider of the capacity provider strategy can take a task; is the strategy valid?');
    chosen.tasks += 1;
    split.push(chosen.name);
  }
  return split;
}
