/**
 * Ready commands for model-based tests of a cluster, or of a wrapper or
 * scheduler that drives one, with `fc.modelRun`.
 *
 * @module
 */
import * as fc from 'fast-check';
import type { InstancePatch } from '../../model/InstanceSpec';
import { acceptPatch } from '../internal/accepted';
import { choiceItem, fail, inside, integer, list, readFields, where, type Where } from '../internal/readConstraints';
import { instanceDraw, instanceSpecOf } from '../instance';
import { resolveInstance, type InstanceConstraints } from '../InstanceConstraints';
import { placementRequestFrom, type PlacementRequestConstraints } from '../placementRequest';
import type { ClusterCommand } from './ClusterCommand';
import type { ClusterModel, ClusterReal } from './ClusterModel';
import { CLUSTER_COMMAND_KINDS, commandsOfKind, type ClusterCommandKind, type CommandSources } from './commandKinds';

/** What {@link clusterCommands} may generate. */
export interface ClusterCommandsConstraints {
  /**
   * The kinds of command to draw.
   * @defaultValue every kind: `['place', 'register', 'stop', 'drain', 'undrain', 'update', 'deregister']`
   */
  readonly commands?: readonly ClusterCommandKind[];
  /**
   * The instances `register` adds; each gets the run's next id, `ci-1`, `ci-2`, and so on.
   * @defaultValue the defaults of {@link instance}
   */
  readonly instance?: InstanceConstraints;
  /**
   * The requests `place` places.
   * @defaultValue the defaults of {@link placementRequest}
   */
  readonly request?: PlacementRequestConstraints;
  /**
   * The patches `update` applies to an instance.
   * @defaultValue `[{ attributes: { stack: 'dev' } }, { attributes: { stack: 'prod' } }, { removeAttributes: ['stack'] }, { attributes: { 'ecs.availability-zone': 'us-east-1b' } }]`
   */
  readonly patches?: readonly InstancePatch[];
  /**
   * The most commands in a run.
   * @defaultValue fast-check's default for `fc.commands`, which grows with its `size`
   */
  readonly maxCommands?: number;
}

const KEYS = ['commands', 'instance', 'request', 'patches', 'maxCommands'];

const ATTRIBUTE_PATCHES: readonly InstancePatch[] = [
  { attributes: { stack: 'dev' } },
  { attributes: { stack: 'prod' } },
  { removeAttributes: ['stack'] },
  { attributes: { 'ecs.availability-zone': 'us-east-1b' } },
];

/** How often a kind is drawn against the others: placing and registering most, so runs have a fleet and tasks to act on. */
const WEIGHTS: Readonly<Record<ClusterCommandKind, number>> = { place: 4, register: 3, stop: 2, drain: 1, undrain: 1, update: 1, deregister: 1 };

function patchItem(at: Where): (item: unknown, label: string) => InstancePatch {
  return (item, label) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return fail(at, label, `must be an instance patch object, got ${JSON.stringify(item)}`);
    acceptPatch(at, label, item as InstancePatch);
    return item as InstancePatch;
  };
}

/**
 * Generates runs of commands for `fc.modelRun` over a cluster: register an
 * instance, deregister one (with and without force), drain and undrain
 * one, place a request, stop a task, update an instance's attributes.
 *
 * @remarks
 * Each command runs only when the model has what it needs (an ACTIVE
 * instance to drain, a task to stop, an instance without tasks to
 * deregister without force), and checks after it runs: a placement against
 * the snapshot taken just before it ({@link assertPlacement}), the
 * cluster's bookkeeping ({@link checkSnapshot}), and that the cluster has
 * the instances, statuses and tasks the model has. Registered instances are
 * numbered by the model, so no id is given twice in a run. Run them with
 * {@link clusterModelRun}. Shrinks towards fewer commands, and each
 * command as its arbitrary shrinks.
 *
 * @param constraints - the kinds of command, what they register, place and patch, and how many
 * @returns an arbitrary of command runs, for `fc.modelRun`
 * @throws {@link ConstraintsError} naming `clusterCommands` when a constraint is unknown, out of range, or refused by the library
 *
 * @example
 * ```ts
 * fc.assert(fc.property(clusterCommands(), (commands) => clusterModelRun(commands)));
 * ```
 */
export function clusterCommands(constraints: ClusterCommandsConstraints = {}): fc.Arbitrary<Iterable<fc.Command<ClusterModel, ClusterReal>>> {
  const at = where('clusterCommands');
  const fields = readFields(at, constraints, KEYS);
  const kinds = list(at, fields, 'commands', CLUSTER_COMMAND_KINDS, choiceItem(at, CLUSTER_COMMAND_KINDS));
  const patches = list(at, fields, 'patches', ATTRIBUTE_PATCHES, patchItem(at), kinds.includes('update') ? 1 : 0);
  const maxCommands = fields.has('maxCommands') ? integer(at, fields, 'maxCommands', 0, 1, 10_000) : undefined;
  const resolved = resolveInstance(fields.get('instance'), inside(at, 'instance'));
  const sources: CommandSources = {
    // The number is a placeholder: register gives each instance the run's next id.
    instances: instanceDraw(resolved).map((draw) => instanceSpecOf(resolved, 1, draw)),
    requests: placementRequestFrom(fields.get('request'), inside(at, 'request')),
    patches,
  };
  const arbitraries: fc.Arbitrary<ClusterCommand>[] = kinds.flatMap((kind) => {
    const commands = commandsOfKind(kind, sources);
    return Array.from({ length: WEIGHTS[kind] }, () => commands);
  });
  return fc.commands(arbitraries, maxCommands === undefined ? {} : { maxCommands });
}
