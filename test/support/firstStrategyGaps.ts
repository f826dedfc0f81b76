import type { Cluster } from '../../src/cluster/Cluster';
import type { PlacementRequest } from '../../src/model/PlacementRequest';
import { strategyName } from '../../src/arbitraries/model/modelRequest';
import { replayPlacements } from '../../src/arbitraries/model/replayPlacements';

/**
 * Places the request on the cluster, replays the result and lists every
 * step where the chosen instance's key under the request's first strategy
 * (a binpack or a spread) was not the lowest among the instances that could
 * take the task.
 */
export function firstStrategyGaps(cluster: Cluster, request: PlacementRequest): string[] {
  const gaps: string[] = [];
  const before = cluster.snapshot();
  replayPlacements(before, request, cluster.place(request).placements, ({ step, model, request: resolved, candidates, chosen, instanceId }) => {
    const first = resolved.strategies[0];
    if (first === undefined || (first.kind !== 'binpack' && first.kind !== 'spread')) throw new Error('the request must start with binpack or spread');
    if (chosen === undefined) {
      gaps.push(`task ${step} went to ${instanceId}, which is not registered`);
      return;
    }
    const keys = candidates.map((candidate) => `${candidate.id}=${model.key(first, candidate, resolved.group)}`);
    const best = Math.min(...candidates.map((candidate) => model.key(first, candidate, resolved.group)));
    const key = model.key(first, chosen, resolved.group);
    if (key !== best) gaps.push(`task ${step} went to ${chosen.id} with ${strategyName(first)} key ${key}, but the best was ${best} (${keys.join(', ')})`);
  });
  return gaps;
}
