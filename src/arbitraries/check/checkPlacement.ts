/**
 * The placement checker: replays a result on an independent model of ECS
 * placement and lists every law it breaks.
 *
 * @module
 */
import type { ClusterSnapshot } from '../../cluster/Cluster';
import { PlacementInputError } from '../../model/PlacementInputError';
import type { PlacementRequest } from '../../model/PlacementRequest';
import { isRecord } from '../../model/validation/fields';
import { validatePlacementRequest } from '../../model/validation/validatePlacementRequest';
import type { PlacementResult } from '../../placement/PlacementResult';
import { CAPACITY_PROVIDER_ATTRIBUTE } from '../../model/capacityProviderAttribute';
import { ModelCluster, preferredWeight } from '../model/ModelCluster';
import { tasksByInstance } from '../model/tasksByInstance';
import type { TaskInfo } from '../../model/TaskInfo';
import { memberOfConstraint, modelRequest, strategyName, type ModelRequest } from '../model/modelRequest';
import { modelSplit } from '../model/modelSplit';
import { replayPlacements, type ReplayStep } from '../model/replayPlacements';
import { checkDiagnosis, checkFailure, checkReason, ids } from './checkFailures';
import { CheckInputError } from './CheckInputError';
import { checkSnapshotOf } from './checkSnapshot';
import { readCheckOptions, type CheckPlacementOptions } from './CheckPlacementOptions';
import { asConsequence, otherViolation, type PlacementViolation } from './PlacementViolation';
import { explainRejection, lawOf } from './rejectionWords';

/**
 * Checks that `result` is what placing `request` on the cluster `before`
 * must give, and lists every law it breaks; an empty list means the result
 * is right.
 *
 * @remarks
 * `before` is `cluster.snapshot()` taken just before `cluster.place(request)`:
 * plain data that the placement does not change. Passing the cluster itself
 * throws, since by then it already holds the tasks placed.
 *
 * For each placement, in order: the instance is registered and could take
 * the task (status and agent, required attributes, resources, ports,
 * constraints, the library's spreadLimit, atMost and distinctInstance over
 * groups among them, each counting the tasks placed earlier in the
 * request); it is among the best candidates of each binpack and spread
 * of the chain (a spread, spreadLimit or atMost with a task selector counts
 * only the tasks it selects), and of its preferences (every `prefer` of the chain
 * together, where the first stands: the highest summed weight); and, with
 * no random or custom strategy, it is the earliest registered of those
 * left. A random choice may be any candidate left when
 * it is reached, and a custom strategy is opaque, so neither they nor what
 * follows them is checked. Then for the failures: no instance could take the
 * task, the reason and rejection are the closest matching instance's, and
 * the diagnosis counts every instance by its first failed check; placements
 * and failures add up to the request's count, and task ids are new. The
 * state `before` is checked too (see {@link checkSnapshot}).
 *
 * A request with a `capacityProviderStrategy` is replayed task by task: the
 * model shares the tasks among the providers by the documented rule (the
 * base first, then the quota method, counting a service's running tasks),
 * and each task must be placed on an instance of its provider by the laws
 * above, among that provider's instances, or fail when none of them can
 * take it, with `EMPTY CAPACITY PROVIDER`, `NO ACTIVE INSTANCES` or the
 * reason of the closest matching instance among the provider's.
 *
 * One bug, one cause: once a placement diverges from the model (it breaks a
 * law), the model goes on from where the task really went, so every later
 * task and failure is judged on a state the engine did not decide on. What
 * is found there is marked `consequence: true` and listed after the causes;
 * with `{ stopAtFirst: true }` it is not checked at all.
 *
 * Cost: linear in the fleet per request plus, per task, linear in the
 * instances that can take it (a spread's buckets are counted once and kept
 * as tasks start). On 10,000 instances a 20-task request checks in 3 to
 * 35 ms: 3 to 8 times `place` for binpack and spread chains, about 7 times
 * for a random one (`npm run bench` measures it; docs/testing.md has the
 * figures).
 *
 * @param before - `cluster.snapshot()`, taken just before `place`
 * @param request - the request placed
 * @param result - what `place` returned
 * @param options - {@link CheckPlacementOptions}; none checks every law
 * @returns the broken laws, causes first, empty when the result is right
 * @throws {@link CheckInputError} when `before` is not a snapshot (the
 *   cluster itself, say), `request` is one `place` refuses (the library's
 *   error is its `cause`) or `result` is not what `place` returns
 * @throws {@link CheckOptionsError} when `options` is not an object, has an unknown key or a value of the wrong kind
 *
 * @example
 * ```ts
 * fc.assert(fc.property(cluster(), placementRequest(), (scenario, request) => {
 *   const built = buildCluster(scenario);
 *   const before = built.snapshot();
 *   const violations = checkPlacement(before, request, built.place(request));
 *   return violations.length === 0;
 * }));
 * ```
 */
export function checkPlacement(before: ClusterSnapshot, request: PlacementRequest, result: PlacementResult, options?: CheckPlacementOptions): PlacementViolation[] {
  const { stopAtFirst } = readCheckOptions('checkPlacement', options);
  requireSnapshot(before);
  requireValidRequest(request);
  requireResult(result);
  const tasksOf = tasksByInstance(before.tasks);
  const violations: PlacementViolation[] = [...checkSnapshotOf(before, tasksOf)];
  const replay = new Divergence(stopAtFirst);
  if (request.capacityProviderStrategy !== undefined) {
    violations.push(...checkByProvider(before, request, result, replay, tasksOf), ...checkTaskIds(before, result));
    return causesFirst(violations);
  }
  const model = replayPlacements(before, request, result.placements, (step) => violations.push(...replay.judge(() => checkStep(step))), tasksOf);
  violations.push(...checkTaskIds(before, result));
  const resolved = modelRequest(request);
  const placed = result.placements.length;
  if (placed + result.failures.length !== resolved.count) {
    violations.push(otherViolation('count', placed, `${placed} placements and ${result.failures.length} failures for a request of ${resolved.count} tasks`));
  }
  if (replay.stopped) return causesFirst(violations);
  // Nothing changes once a task fails, so every failure is decided on the state after the placements.
  const outcomes = result.failures.length === 0 ? [] : model.outcomes(resolved);
  result.failures.forEach((failure, index) => violations.push(...replay.after(checkFailure(outcomes, failure, placed + index))));
  return causesFirst(violations);
}

/**
 * Where a replay first diverged from the model. Everything judged on the
 * state after that is a consequence: the engine decided it on the state it
 * had, which the diverging placement (applied to the model as it was made)
 * no longer matches.
 */
class Divergence {
  private diverged = false;

  constructor(private readonly stopAtFirst: boolean) {}

  /** Whether judging has stopped at the first divergence. */
  get stopped(): boolean {
    return this.diverged && this.stopAtFirst;
  }

  /** Judges one placement on the replayed state: any violation there is a divergence. */
  judge(check: () => PlacementViolation[]): PlacementViolation[] {
    if (this.stopped) return [];
    const found = this.after(check());
    if (found.length > 0) this.diverged = true;
    return found;
  }

  /** Marks what was judged on the replayed state as consequences once it has diverged. */
  after(found: PlacementViolation[]): PlacementViolation[] {
    return this.diverged ? found.map(asConsequence) : found;
  }
}

/** The causes in the order found, then their consequences. */
function causesFirst(violations: readonly PlacementViolation[]): PlacementViolation[] {
  return [...violations.filter((violation) => violation.consequence !== true), ...violations.filter((violation) => violation.consequence === true)];
}

/** Refuses a cluster where its snapshot belongs: the cluster has changed by the time it is checked. */
function requireSnapshot(before: unknown): void {
  const snapshot = before as Partial<ClusterSnapshot> | null;
  if (snapshot === null || typeof snapshot !== 'object' || !Array.isArray(snapshot.instances) || !Array.isArray(snapshot.tasks)) {
    const hint = typeof (snapshot as { snapshot?: unknown } | null)?.snapshot === 'function' ? ', not the cluster itself, which place() has already changed' : '';
    throw new CheckInputError('not_a_snapshot', 'before', `checkPlacement: before must be cluster.snapshot() taken before place()${hint}`);
  }
}

/** Refuses a request place() refuses: there is no placement of it to judge. */
function requireValidRequest(request: unknown): void {
  try {
    validatePlacementRequest(request);
  } catch (error) {
    if (!(error instanceof PlacementInputError)) throw error;
    throw new CheckInputError('invalid_request', 'request', `checkPlacement: place() refuses this request (${error.code} at ${error.path}): ${error.message}`, error);
  }
}

/** Refuses what is not place()'s result: placements with a task and an instance id each, and failures with a reason. */
function requireResult(result: unknown): void {
  const placementsRead = isRecord(result) && Array.isArray(result['placements'])
    && result['placements'].every((placement: unknown) => isRecord(placement) && typeof placement['taskId'] === 'string' && typeof placement['instanceId'] === 'string');
  const failuresRead = isRecord(result) && Array.isArray(result['failures']) && result['failures'].every((failure: unknown) => isRecord(failure) && typeof failure['reason'] === 'string');
  if (!placementsRead || !failuresRead) {
    throw new CheckInputError('not_a_result', 'result', "checkPlacement: result must be what place() returned: { placements: [{ taskId, instanceId }, ...], failures: [{ reason, ... }, ...] }");
  }
}

function checkTaskIds(before: ClusterSnapshot, result: PlacementResult): PlacementViolation[] {
  const used = new Set(before.tasks.map((task) => task.taskId));
  const violations: PlacementViolation[] = [];
  result.placements.forEach(({ taskId, instanceId }, step) => {
    if (used.has(taskId)) violations.push(otherViolation('duplicateTaskId', step, `task id ${taskId} is already taken`, [instanceId], [taskId]));
    used.add(taskId);
  });
  return violations;
}

function checkStep(at: ReplayStep): PlacementViolation[] {
  const { step, model, request, instanceId, chosen } = at;
  if (chosen === undefined) return [otherViolation('unknownInstance', step, `placed on ${instanceId}, which is not registered`, [instanceId])];
  const { rejection } = model.check(chosen, request);
  if (rejection !== undefined) {
    return [{ law: lawOf(rejection), step, rejection, instanceIds: [chosen.id], taskIds: [], message: `placed on ${chosen.id}, which ${explainRejection(rejection)}` }];
  }
  // A chain that starts with random or custom may pick any instance that can take the task, so the others need not be found.
  const first = request.strategies[0]?.kind;
  if (first === 'random' || first === 'custom') return [];
  const { candidates } = at;
  const narrowing = model.narrow(candidates, request.strategies, request.group);
  for (const [position, { strategy, best, kept }] of narrowing.stages.entries()) {
    if (kept.includes(chosen)) continue;
    if (strategy.kind === 'prefer') {
      const weight = preferredWeight(strategy.preferences, chosen);
      // The key is minus the weight; 0 - key keeps a weight of 0 from reading -0.
      const bestWeight = 0 - best;
      return [{
        law: 'prefer', step, position, chosenWeight: weight, bestWeight,
        instanceIds: [chosen.id, ...kept.map((instance) => instance.id)], taskIds: [],
        message: `placed on ${chosen.id}, which meets preferences weighing ${weight} in ${strategyName(strategy)}, but ${ids(kept)} met ${bestWeight} (candidates ${ids(candidates)})`,
      }];
    }
    if (strategy.kind !== 'binpack' && strategy.kind !== 'spread') continue;
    const key = model.key(strategy, chosen, request.group);
    return [{
      law: strategy.kind, step, field: strategy.field, position, chosenKey: key, bestKey: best,
      instanceIds: [chosen.id, ...kept.map((instance) => instance.id)], taskIds: [],
      message: `placed on ${chosen.id} with ${strategyName(strategy)} key ${key}, but ${ids(kept)} had key ${best} (group ${request.group}; candidates ${ids(candidates)})`,
    }];
  }
  const earliest = narrowing.survivors[0];
  if (narrowing.stoppedAt === undefined && earliest !== undefined && earliest !== chosen) {
    const message = `placed on ${chosen.id}, but ${earliest.id} tied with it and registered earlier (tied: ${ids(narrowing.survivors)})`;
    return [otherViolation('finalTie', step, message, [chosen.id, earliest.id])];
  }
  return [];
}

/**
 * Replays a request whose tasks a capacity provider strategy shares: each
 * task, in the split's order, is either the next placement (on an instance
 * of its provider, by the laws of one placement among that provider's
 * instances) or the next failure (when none of them can take it).
 */
function checkByProvider(
  before: ClusterSnapshot, request: PlacementRequest, result: PlacementResult, replay: Divergence, tasksOf: ReadonlyMap<string, readonly TaskInfo[]>,
): PlacementViolation[] {
  const violations: PlacementViolation[] = [];
  const model = new ModelCluster(before, tasksOf, result.placements.map(({ instanceId }) => instanceId));
  const resolved = modelRequest(request);
  const split = modelSplit(before, request);
  let placed = 0;
  let failed = 0;
  split.forEach((provider, step) => {
    if (replay.stopped) return;
    const onProvider: ModelRequest = { ...resolved, constraints: [...resolved.constraints, providerConstraint(provider)] };
    const candidates = model.candidates(onProvider);
    if (candidates.length > 0) {
      const placement = result.placements[placed];
      placed += 1;
      if (placement === undefined) {
        const message = `task ${step + 1} of the request goes to capacity provider ${provider}, and ${ids(candidates)} could take it, but it was not placed`;
        violations.push(...replay.judge(() => [otherViolation('avoidableFailure', step, message, candidates.map((instance) => instance.id))]));
        return;
      }
      const chosen = model.instance(placement.instanceId);
      violations.push(...replay.judge(() => checkStep({ step, model, request: onProvider, candidates, instanceId: placement.instanceId, chosen })));
      if (chosen !== undefined) model.place(chosen, onProvider);
      return;
    }
    const failure = result.failures[failed];
    failed += 1;
    if (failure === undefined) return;
    const outcomes = model.outcomes(onProvider);
    const judged: PlacementViolation[] = [];
    const theirs = outcomes.filter((outcome) => outcome.instance.attribute(CAPACITY_PROVIDER_ATTRIBUTE) === provider);
    const expected = theirs.length === 0 ? 'EMPTY CAPACITY PROVIDER' : theirs.every((outcome) => outcome.instance.info.status !== 'ACTIVE') ? 'NO ACTIVE INSTANCES' : undefined;
    if (expected === undefined) judged.push(...checkReason(theirs, failure, step));
    else if (failure.reason !== expected || failure.instanceId !== undefined) {
      const named = failure.instanceId === undefined ? [] : [failure.instanceId];
      judged.push(otherViolation('failureReason', step, `gives ${failure.reason}, but capacity provider ${provider} has ${theirs.length === 0 ? 'no instance' : 'no ACTIVE instance'}: ${expected}, naming no instance`, named));
    }
    judged.push(...checkDiagnosis(outcomes, failure, step));
    // A failure changes no state, so a wrong reason or diagnosis leads to nothing after it.
    violations.push(...replay.after(judged));
  });
  // Once judging stops, the split's tasks are no longer counted.
  if (!replay.stopped && (placed !== result.placements.length || failed !== result.failures.length)) {
    const message = `${result.placements.length} placements and ${result.failures.length} failures, but the split of ${split.length} tasks among the capacity providers leaves ${placed} to place and ${failed} that no instance of their provider can take`;
    // Which tasks the provider's instances can take depends on the replayed state, so after a divergence a miscount may be only its consequence.
    violations.push(...replay.after([otherViolation('count', Math.min(placed, result.placements.length), message)]));
  }
  return violations;
}

/** The condition that keeps a task on its provider's instances, as the model reads it. */
function providerConstraint(provider: string): ModelRequest['constraints'][number] {
  return memberOfConstraint(`attribute:${CAPACITY_PROVIDER_ATTRIBUTE} == ${provider}`);
}
