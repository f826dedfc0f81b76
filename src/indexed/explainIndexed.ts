/**
 * Explanations from the indexed engine's own index: its choice, its keys
 * and its bucket counts, so that comparing them with the reference engine's
 * explanation compares two ways of finding them.
 *
 * @module
 */
import type { InstanceState } from '../model/InstanceState';
import { tasksCounted } from '../model/TaskSelector';
import { assembleExplanation } from '../placement/assembleExplanation';
import { checkInstance } from '../placement/checkInstance';
import type { Explanation } from '../placement/Explanation';
import type { PlacementFailure, PlacementResult } from '../placement/PlacementResult';
import type { PlacementPlan } from '../placement/planPlacement';
import { withCensus } from '../placement/withCensus';
import { explainReference } from '../reference/explainReference';
import { bucketOf } from '../strategies/spread';
import type { ClusterState } from '../state/ClusterState';
import { InstanceRecord } from '../state/InstanceRecord';
import type { GroupTasks } from './GroupTasks';
import type { IndexedRequest } from './IndexedChooser';

/** What the engine lends an explanation. */
export interface IndexedExplainer {
  readonly request: IndexedRequest;
  readonly groups: GroupTasks;
  /** The slot of an instance. */
  slotOf(instance: InstanceRecord): number;
  /** Places the whole request (inside a dry run). */
  place(): PlacementResult;
  /** Chooses for the next task (inside a dry run). */
  next(): InstanceRecord | PlacementFailure;
}

/**
 * Explains a request. The checks of every instance are the pipeline's; the
 * choice, the keys each strategy gives and what the request would place
 * come from the index. A request the engine does not index is explained by
 * the reference engine.
 *
 * @param state - the cluster
 * @param plan - the request
 * @param indexed - the engine's index for it, or undefined
 */
export function explainIndexed(state: ClusterState, plan: PlacementPlan, indexed: IndexedExplainer | undefined): Explanation {
  if (indexed === undefined) return explainReference(state, plan);
  const instances = state.instances();
  const checks = withCensus(plan, instances);
  const outcomes = instances.map((instance) => checkInstance(instance, checks));
  const first = state.tentatively(() => indexed.next(), () => false);
  // A view whose key function threw or gave a non-number (on an instance the checks turn down, perhaps) has no keys to
  // give: placing, the engine hands such a request to the reference code, and so does explaining.
  const view = indexed.request.view;
  if (view !== undefined && (view.failure !== undefined || view.badKeys.size > 0)) return explainReference(state, plan);
  const chosen = first instanceof InstanceRecord ? first : undefined;
  const candidates = instances.filter((_, index) => outcomes[index]?.rejection === undefined);
  const keys = chosen === undefined ? new Map<InstanceState, number[]>() : keysOf(indexed, candidates, chosen);
  const result = state.tentatively(() => indexed.place(), () => false);
  return assembleExplanation(plan, { instances, outcomes, keys, chosen, result });
}

/**
 * The keys each strategy gives the candidates it ranks, read from the index,
 * narrowing the candidates level by level as the chain does.
 */
function keysOf(indexed: IndexedExplainer, candidates: readonly InstanceRecord[], chosen: InstanceRecord): Map<InstanceState, number[]> {
  const { request, groups } = indexed;
  const keys = new Map<InstanceState, number[]>();
  const record = (instance: InstanceState, index: number, key: number): void => {
    const list = keys.get(instance) ?? [];
    list[index] = key;
    keys.set(instance, list);
  };
  let survivors = candidates;
  request.plan.strategies.forEach((strategy, index) => {
    if (survivors.length === 0) return;
    if (strategy.dependsOn === 'draw') {
      if (survivors.length > 1) for (const instance of survivors) record(instance, index, instance === chosen ? 0 : 1);
      survivors = [];
      return;
    }
    if (survivors.length === 1) return;
    const level = request.levels[index];
    const keyOf = (instance: InstanceRecord): number => {
      const slot = indexed.slotOf(instance);
      if (level?.kind === 'bucket') return groups.get(level.key)?.bucketCount(level.attribute, bucketOf(instance, level.attribute)) ?? 0;
      if (level?.kind === 'group') return tasksCounted(instance, request.groupKey);
      return request.view === undefined || level === undefined ? Number.NaN : request.view.keyOf(slot, level.index);
    };
    let best = 0;
    let kept: InstanceRecord[] = [];
    for (const instance of survivors) {
      const key = keyOf(instance);
      record(instance, index, key);
      if (kept.length === 0 || key < best) {
        best = key;
        kept = [instance];
      } else if (key === best) {
        kept.push(instance);
      }
    }
    survivors = kept;
  });
  return keys;
}
