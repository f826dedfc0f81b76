/**
 * What the cluster's records alone cost: starting and stopping tasks on the
 * state every engine places on, with no engine listening (no view to keep,
 * no search, no validation, no result objects). No placement costs less
 * than its start does here, nor a stop less than its stop: the floor under
 * the scheduler workload.
 */
import type { TaskRequirements } from '../src/model/TaskRequirements';
import { validateInstanceSpec } from '../src/model/validation/validateInstanceSpec';
import { streamFleet } from '../src/sim/streamFleet';
import { ClusterState } from '../src/state/ClusterState';
import type { InstanceRecord } from '../src/state/InstanceRecord';
import type { TaskRecord } from '../src/state/TaskRecord';
import { collectAndSettle } from './heapMiB';
import { seededRandom } from './queryFleet';

const TASKS_PER_INSTANCE = 3;
const SERVICES = 500;
const ROUNDS = 3;
const TASK: TaskRequirements = Object.freeze({
  family: 'floor',
  resources: Object.freeze({ cpu: 128, memory: 256 }),
  ports: Object.freeze({ tcp: Object.freeze([]), udp: Object.freeze([]) }),
  requiresAttributes: Object.freeze([]),
});

/** A start and a stop on the records of one fleet: the fastest round's. */
export interface StateFloorRow {
  readonly size: number;
  readonly startMicroseconds: number;
  readonly stopMicroseconds: number;
}

/**
 * Fills `size` instances with three tasks each, then, three rounds over,
 * stops `changes` tasks in random order and starts as many on random
 * instances, as a scheduler's stops and its many services' placements land
 * (a fleet holding fewer tasks stops and starts its tasks several times
 * over). The fastest round is kept.
 *
 * @param size - instances
 * @param changes - stops, and starts, timed a round
 */
export function runStateFloor(size: number, changes: number): StateFloorRow {
  const state = new ClusterState(1);
  for (const spec of streamFleet({ size, seed: 5, zones: 3 })) state.register(validateInstanceSpec(spec, 'instance'));
  const records = state.instances();
  const running: TaskRecord[] = [];
  const group = (index: number): string => `service:svc-${index % SERVICES}`;
  for (const record of records) for (let index = 0; index < TASKS_PER_INSTANCE; index += 1) running.push(state.startTask(record, TASK, group(running.length)));
  const next = seededRandom(size);
  const batch = Math.min(changes, running.length);
  const timedChanges = Math.ceil(changes / batch) * batch;
  let fastestStart = Infinity;
  let fastestStop = Infinity;
  for (let round = 0; round < ROUNDS; round += 1) {
    let startMilliseconds = 0;
    let stopMilliseconds = 0;
    for (let timed = 0; timed < timedChanges; timed += batch) {
      // Both drawn before timing: stops uniformly among running tasks, starts uniformly among instances.
      for (let index = running.length - 1; index > 0; index -= 1) {
        const other = Math.floor(next() * (index + 1));
        [running[index], running[other]] = [running[other] as TaskRecord, running[index] as TaskRecord];
      }
      const stopped = running.splice(running.length - batch, batch);
      const targets = Array.from({ length: batch }, () => records[Math.floor(next() * records.length)] as InstanceRecord);
      if (timed === 0) collectAndSettle();
      const stopFrom = performance.now();
      for (const task of stopped) state.stopTask(task);
      const startFrom = performance.now();
      for (let index = 0; index < batch; index += 1) running.push(state.startTask(targets[index] as InstanceRecord, TASK, group(index)));
      startMilliseconds += performance.now() - startFrom;
      stopMilliseconds += startFrom - stopFrom;
    }
    fastestStart = Math.min(fastestStart, (startMilliseconds * 1000) / timedChanges);
    fastestStop = Math.min(fastestStop, (stopMilliseconds * 1000) / timedChanges);
  }
  return { size, startMicroseconds: fastestStart, stopMicroseconds: fastestStop };
}
