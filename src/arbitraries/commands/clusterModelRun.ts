/**
 * A model-based run of {@link clusterCommands} on a fresh cluster, or on
 * the tester's wrapper around one.
 *
 * @module
 */
import * as fc from 'fast-check';
import { Cluster } from '../../cluster/Cluster';
import type { EngineName } from '../../model/EngineName';
import type { InstanceSpec } from '../../model/InstanceSpec';
import { choiceItem, fail, readFields, show, where } from '../internal/readConstraints';
import type { ClusterDriver, ClusterModel, ClusterReal } from './ClusterModel';

/** Options of {@link clusterModelRun}. */
export interface ClusterModelRunOptions {
  /**
   * The instances the cluster starts with; the commands register more.
   * @defaultValue none
   */
  readonly instances?: readonly InstanceSpec[];
  /**
   * The cluster's generator seed.
   * @defaultValue `1`
   */
  readonly seed?: number;
  /**
   * The engine the cluster runs.
   * @defaultValue `'indexed'`
   */
  readonly engine?: EngineName;
  /**
   * Builds what the commands drive around the run's new cluster: the
   * tester's wrapper or scheduler. The commands then act through it and
   * check the cluster it was given.
   * @defaultValue the cluster itself
   */
  readonly wrap?: (cluster: Cluster) => ClusterDriver;
}

const KEYS = ['instances', 'seed', 'engine', 'wrap'];
const ENGINES: readonly EngineName[] = ['indexed', 'reference'];

/** The first `ci-<n>` after every such id the cluster starts with, so the commands' ids never collide with them. */
function firstFreeNumber(instances: readonly { readonly id: string }[]): number {
  let highest = 0;
  for (const { id } of instances) {
    const match = /^ci-(\d+)$/.exec(id);
    if (match?.[1] !== undefined) highest = Math.max(highest, Number(match[1]));
  }
  return highest + 1;
}

/**
 * Runs commands from {@link clusterCommands} with `fc.modelRun` on a new
 * {@link Cluster}, driven directly or through `wrap`; throws at the first
 * command whose checks fail, which makes the property fail.
 *
 * @param commands - from {@link clusterCommands}
 * @param options - the starting instances, seed and engine, and the wrapper under test
 * @throws {@link ConstraintsError} naming `clusterModelRun` when an option is unknown or of the wrong type
 *
 * @example
 * ```ts
 * fc.assert(fc.property(clusterCommands(), (commands) =>
 *   clusterModelRun(commands, { wrap: (cluster) => new MyScheduler(cluster) })));
 * ```
 */
export function clusterModelRun(commands: Iterable<fc.Command<ClusterModel, ClusterReal>>, options: ClusterModelRunOptions = {}): void {
  const at = where('clusterModelRun');
  const fields = readFields(at, options, KEYS);
  const engine = choiceItem(at, ENGINES)(fields.get('engine') ?? 'indexed', 'engine');
  const wrap = fields.get('wrap');
  if (wrap !== undefined && typeof wrap !== 'function') fail(at, 'wrap', `must be a function, got ${show(wrap)}`);
  const instances = options.instances ?? [];
  const setup = (): { model: ClusterModel; real: ClusterReal } => {
    const cluster = new Cluster({ instances, engine, ...(options.seed === undefined ? {} : { seed: options.seed }) });
    const model: ClusterModel = {
      instances: new Map(cluster.instances().map((info) => [info.id, { status: info.status, untrackedTasks: info.untrackedTasks ?? 0 }])),
      tasks: new Map(),
      nextInstanceNumber: firstFreeNumber(cluster.instances()),
    };
    const driver = options.wrap === undefined ? cluster : options.wrap(cluster);
    return { model, real: { driver, cluster } };
  };
  fc.modelRun(setup, commands);
}
