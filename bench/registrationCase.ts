/**
 * Registering and deregistering instances on a fleet that the engine has
 * already indexed for placement, and restoring a cluster from a snapshot.
 */
import { Cluster } from '../src/cluster/Cluster';
import type { InstanceSpec } from '../src/model/InstanceSpec';
import type { TaskInfo } from '../src/model/TaskInfo';
import { streamFleet } from '../src/sim/streamFleet';
import { collectAndSettle } from './heapMiB';

/** Time per registration and per deregistration on a fleet of `size`. */
export interface RegistrationRow {
  readonly size: number;
  readonly instances: number;
  readonly registerMicroseconds: number;
  readonly deregisterMicroseconds: number;
}

/**
 * Registers `count` more instances one by one into `cluster`, each followed
 * by nothing, then deregisters them one by one; the engine's views stay
 * current through both (the next placement finds them fresh).
 *
 * @param cluster - an indexed fleet of `size` instances
 * @param size - its instances, for the row
 * @param count - instances to add and remove
 */
export function runRegistrationCase(cluster: Cluster, size: number, count: number): RegistrationRow {
  const specs: InstanceSpec[] = [];
  for (const spec of streamFleet({ size: count, seed: 99, zones: 3 })) specs.push({ ...spec, id: `${spec.id}-extra` });
  const task = Object.freeze({ family: 'probe', resources: Object.freeze({ memory: 64 }) });
  const chain = Object.freeze([Object.freeze({ type: 'binpack', field: 'memory' } as const)]);
  const probe = (): void => {
    const { placements } = cluster.place({ task, placementStrategy: chain });
    for (const { taskId } of placements) cluster.stopTask(taskId);
  };
  probe();
  // What earlier cases left for the collector, and its threads sweeping it, are not the registrations' cost (npm run bench exposes gc).
  collectAndSettle();
  let started = performance.now();
  for (const spec of specs) cluster.registerInstance(spec);
  const registerMicroseconds = ((performance.now() - started) * 1000) / count;
  probe();
  collectAndSettle();
  started = performance.now();
  for (const spec of specs) cluster.deregisterInstance(spec.id);
  const deregisterMicroseconds = ((performance.now() - started) * 1000) / count;
  probe();
  return { size, instances: count, registerMicroseconds, deregisterMicroseconds };
}

/** The fastest of several rounds of registering and deregistering, with the first round's figures beside. */
export interface RegistrationRounds extends RegistrationRow {
  readonly rounds: number;
  readonly firstRegisterMicroseconds: number;
  readonly firstDeregisterMicroseconds: number;
}

/**
 * Runs {@link runRegistrationCase} `rounds` times and keeps the fastest
 * registering and the fastest deregistering, as the placement cases keep
 * their fastest run: the first round after earlier cases also pays for
 * what they left (pages of a collected heap handed back to the system,
 * caches and code cold), and it is reported beside.
 *
 * @param cluster - an indexed fleet of `size` instances
 * @param size - its instances, for the row
 * @param count - instances to add and remove per round
 * @param rounds - how many rounds
 */
export function runRegistrationRounds(cluster: Cluster, size: number, count: number, rounds: number): RegistrationRounds {
  const rows = Array.from({ length: rounds }, () => runRegistrationCase(cluster, size, count));
  const first = rows[0] as RegistrationRow;
  return {
    size,
    instances: count,
    rounds,
    registerMicroseconds: Math.min(...rows.map((row) => row.registerMicroseconds)),
    deregisterMicroseconds: Math.min(...rows.map((row) => row.deregisterMicroseconds)),
    firstRegisterMicroseconds: first.registerMicroseconds,
    firstDeregisterMicroseconds: first.deregisterMicroseconds,
  };
}

/** Time to restore a cluster with its tasks. */
export interface RestoreRow {
  readonly instances: number;
  readonly tasks: number;
  /** From instance specs and tasks. */
  readonly seconds: number;
  /** From the cluster's own snapshot, which also says what each instance's tasks use. */
  readonly snapshotSeconds: number;
}

/**
 * Restores `size` instances holding `tasksPerInstance` tasks each through
 * `new Cluster({ instances, tasks })`, checks and all.
 *
 * @param size - instances
 * @param tasksPerInstance - tasks on each
 */
export function runRestoreCase(size: number, tasksPerInstance: number): RestoreRow {
  const instances: InstanceSpec[] = [];
  const tasks: TaskInfo[] = [];
  const resources = Object.freeze({ cpu: 128, memory: 256 });
  const ports = Object.freeze({ tcp: Object.freeze([]), udp: Object.freeze([]) });
  for (const spec of streamFleet({ size, seed: 5, zones: 3 })) {
    instances.push(spec);
    for (let index = 0; index < tasksPerInstance; index += 1) {
      tasks.push({ taskId: `task-${tasks.length + 1}`, instanceId: spec.id, group: `service:svc-${tasks.length % 500}`, resources, ports });
    }
  }
  collectAndSettle();
  const started = performance.now();
  const cluster = new Cluster({ instances, tasks });
  const seconds = (performance.now() - started) / 1000;
  // A snapshot carries more to check: each instance's remaining resources, ports in use, task count and groups.
  const snapshot = cluster.snapshot();
  collectAndSettle();
  const fromSnapshot = performance.now();
  new Cluster(snapshot);
  const snapshotSeconds = (performance.now() - fromSnapshot) / 1000;
  const next = cluster.place({ task: { resources: {} } }).placements[0]?.taskId;
  if (next !== `task-${tasks.length + 1}`) throw new Error(`the restore case numbered the next task ${String(next)}`);
  return { instances: size, tasks: tasks.length, seconds, snapshotSeconds };
}
