/**
 * Churn: tasks stopped and started again after the services are placed, so
 * that fragmentation shows.
 *
 * @module
 */
import type { Cluster } from '../../cluster/Cluster';
import { SeededRandom } from '../../random/SeededRandom';
import type { ChurnOptions } from '../Scenario';
import { serviceRequest } from '../validation/validateService';
import type { Meter } from './Meter';
import type { ServiceRun } from './ServiceRun';

/** Mixed into the scenario's seed so churn's choices do not mirror the cluster's own draws. */
const CHURN_SALT = 0x632be5ab;

/**
 * Runs the churn rounds of a scenario.
 *
 * @remarks
 * Each round first stops, for every service, `stopFraction` of its running
 * tasks (rounded to the nearest whole number), chosen uniformly by a
 * generator of churn's own seeded from the scenario's seed; then places
 * that many tasks of each service again, in scenario order. Stopping
 * everything before placing anything lets every service compete for the
 * freed capacity, as in a busy cluster.
 *
 * @param cluster - the simulated cluster
 * @param runs - the services, in scenario order; the new results are added to each
 * @param churn - rounds and stop fraction (default 0.1)
 * @param seed - the scenario's seed
 * @param meter - times the placement calls
 * @param afterRound - called with the number of rounds done
 */
export function runChurn(
  cluster: Cluster, runs: readonly ServiceRun[], churn: ChurnOptions, seed: number, meter: Meter, afterRound: (done: number) => void,
): void {
  const random = new SeededRandom((seed % 0x1_0000_0000) ^ CHURN_SALT);
  const fraction = churn.stopFraction ?? 0.1;
  for (let round = 0; round < churn.rounds; round += 1) {
    const running = runningByGroup(cluster);
    const stopped = runs.map((run) => stopSome(cluster, running.get(run.group) ?? [], fraction, random));
    runs.forEach((run, index) => {
      const count = stopped[index] as number;
      if (count > 0) run.results.push(meter.place(() => cluster.place(serviceRequest(run.service, count))));
    });
    afterRound(round + 1);
  }
}

function runningByGroup(cluster: Cluster): Map<string, string[]> {
  const byGroup = new Map<string, string[]>();
  for (const task of cluster.tasks()) {
    const ids = byGroup.get(task.group);
    if (ids === undefined) byGroup.set(task.group, [task.taskId]);
    else ids.push(task.taskId);
  }
  return byGroup;
}

/** Stops a uniform choice of `fraction` of the tasks (a partial Fisher-Yates shuffle); returns how many. */
function stopSome(cluster: Cluster, taskIds: string[], fraction: number, random: SeededRandom): number {
  const count = Math.round(taskIds.length * fraction);
  for (let index = 0; index < count; index += 1) {
    const other = index + Math.floor(random.next() * (taskIds.length - index));
    const chosen = taskIds[other] as string;
    taskIds[other] = taskIds[index] as string;
    taskIds[index] = chosen;
    cluster.stopTask(chosen);
  }
  return count;
}
