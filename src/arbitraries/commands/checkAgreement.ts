/**
 * Whether a cluster's state is what the model of a model-based run says it is.
 *
 * @module
 */
import type { ClusterSnapshot } from '../../cluster/Cluster';
import type { ClusterModel } from './ClusterModel';

function listed(ids: Iterable<string>): string {
  const all = [...ids];
  return all.length === 0 ? 'none' : all.join(', ');
}

/**
 * The ways `snapshot` disagrees with `model`: other instances or another
 * registration order, another status or untracked task count, tasks the
 * model does not know of, missing, or on another instance.
 *
 * @returns one line per disagreement, empty when they agree
 */
export function checkAgreement(model: ClusterModel, snapshot: ClusterSnapshot): string[] {
  const problems: string[] = [];
  const ids = snapshot.instances.map((instance) => instance.id);
  const expectedIds = [...model.instances.keys()];
  if (ids.join('\n') !== expectedIds.join('\n')) {
    problems.push(`the cluster has instances ${listed(ids)}, but the model has ${listed(expectedIds)}`);
  }
  for (const instance of snapshot.instances) {
    const expected = model.instances.get(instance.id);
    if (expected === undefined) continue;
    if (instance.status !== expected.status) problems.push(`${instance.id} is ${instance.status}, but the model has it ${expected.status}`);
    const untracked = instance.untrackedTasks ?? 0;
    if (untracked !== expected.untrackedTasks) problems.push(`${instance.id} has ${untracked} untracked tasks, but the model has ${expected.untrackedTasks}`);
  }
  const running = new Map(snapshot.tasks.map((task) => [task.taskId, task.instanceId]));
  const unknown = [...running.keys()].filter((taskId) => !model.tasks.has(taskId));
  const missing = [...model.tasks.keys()].filter((taskId) => !running.has(taskId));
  if (unknown.length > 0) problems.push(`the cluster runs ${listed(unknown)}, which the model does not`);
  if (missing.length > 0) problems.push(`the model runs ${listed(missing)}, which the cluster does not`);
  for (const [taskId, instanceId] of running) {
    const expected = model.tasks.get(taskId);
    if (expected !== undefined && expected !== instanceId) problems.push(`${taskId} runs on ${instanceId}, but the model has it on ${expected}`);
  }
  return problems;
}
