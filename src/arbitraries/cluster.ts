/**
 * A cluster as the data that builds it: a fleet, a generator seed, and what
 * happened to it before the property looks at it.
 *
 * @module
 */
import * as fc from 'fast-check';
import type { InstancePatch } from '../model/InstanceSpec';
import { INSTANCE_PATCHES } from './defaults';
import { resolveFleet, fleetFrom, type FleetConstraints } from './fleet';
import { acceptPatch } from './internal/accepted';
import { fleetVocabulary } from './internal/fleetVocabulary';
import { printScenario, withPrinter } from './internal/printers';
import { readSize, sizedArray } from './internal/size';
import { fail, inside, integer, list, rate, readFields, where, type Where } from './internal/readConstraints';
import { CROSS_SHRINK } from './internal/sometimes';
import type { ClusterScenario, HistoryStep } from './ClusterScenario';
import type { QueryVocabulary } from './QueryConstraints';
import { placementRequestFrom, type PlacementRequestConstraints } from './placementRequest';

export type { ClusterScenario, HistoryStep } from './ClusterScenario';

/** What {@link cluster} may generate. */
export interface ClusterConstraints {
  /**
   * The fleet registered first.
   * @defaultValue the defaults of {@link fleet}
   */
  readonly fleet?: FleetConstraints;
  /**
   * The most steps of history: placements, stopped tasks and instance updates.
   * @defaultValue as many as `size` allows: 10 at fast-check's default size, `small`
   */
  readonly maxHistory?: number;
  /**
   * How long histories grow when `maxHistory` is not given, and how large
   * the fleet grows when its own `size` and `maxInstances` are not given,
   * by fast-check's size conventions. Short histories and small fleets are
   * drawn more often than long and large ones.
   * @defaultValue the `baseSize` of `fc.configureGlobal`, `small` unless set; `max` for a `maxHistory` given, so that it is reached
   */
  readonly size?: fc.SizeForArbitrary;
  /**
   * The requests the history places.
   * @defaultValue the defaults of {@link placementRequest}
   */
  readonly request?: PlacementRequestConstraints;
  /**
   * The chance that a step of history stops a running task.
   * @defaultValue `0.3`
   */
  readonly stopRate?: number;
  /**
   * The chance that a step of history updates an instance with one of `patches`.
   * @defaultValue `0.15`, or what `stopRate` leaves when that is less
   */
  readonly updateRate?: number;
  /**
   * The updates history applies: drain, reactivate, lose or regain the agent, change an attribute.
   * @defaultValue `[{ status: 'DRAINING' }, { status: 'ACTIVE' }, { agentConnected: false }, { agentConnected: true }, { attributes: { stack: 'dev' } }, { removeAttributes: ['stack'] }]`
   */
  readonly patches?: readonly InstancePatch[];
}

const KEYS = ['fleet', 'maxHistory', 'request', 'stopRate', 'updateRate', 'patches', 'size'];
/** The most steps of history. */
const MAX_HISTORY = 1000;

function patchItem(at: Where): (item: unknown, label: string) => InstancePatch {
  return (item, label) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return fail(at, label, `must be an instance patch object, got ${JSON.stringify(item)}`);
    acceptPatch(at, label, item as InstancePatch);
    return item as InstancePatch;
  };
}

/** The arbitrary of one step of history for constraints read at `at`. */
function historyStepFrom(at: Where, fields: ReadonlyMap<string, unknown>, vocabulary: QueryVocabulary): fc.Arbitrary<HistoryStep> {
  const stopRate = rate(at, fields, 'stopRate', 0.3);
  const updateRate = rate(at, fields, 'updateRate', Math.min(0.15, 1 - stopRate));
  if (stopRate + updateRate > 1) fail(at, 'stopRate', `plus updateRate must be at most 1, got ${stopRate} + ${updateRate}`);
  const patches = list(at, fields, 'patches', INSTANCE_PATCHES, patchItem(at), 0);
  const place = placementRequestFrom(fields.get('request'), inside(at, 'request'), vocabulary).map((request): HistoryStep => ({ kind: 'place', request }));
  const stop = fc.nat(40).map((pick): HistoryStep => ({ kind: 'stop', pick }));
  const update = patches.length === 0
    ? stop
    : fc.record({ pick: fc.nat(40), patch: fc.constantFrom(...patches) }).map((step): HistoryStep => ({ kind: 'update', ...step }));
  // Placing first: a history of placements is the simpler counter-example.
  const weighted = [
    { weight: Math.round((1 - stopRate - updateRate) * 1000), arbitrary: place },
    { weight: Math.round(stopRate * 1000), arbitrary: stop },
    { weight: patches.length === 0 ? 0 : Math.round(updateRate * 1000), arbitrary: update },
  ].filter(({ weight }) => weight > 0);
  return weighted.length === 0 ? place : fc.oneof(CROSS_SHRINK, ...weighted);
}

/**
 * Generates a cluster as the data that builds it: a {@link fleet}, a seed,
 * and a short history of placements, stopped tasks and instance updates
 * (drained instances, lost agents), so that the cluster already runs tasks
 * of several groups, some on instances that could no longer take them.
 * Build it with {@link buildCluster}. Shrinks towards a smaller fleet and a
 * shorter history.
 *
 * @param constraints - the fleet, the length and mix of the history, and its requests
 * @returns an arbitrary of {@link ClusterScenario}s
 * @throws {@link ConstraintsError} naming `cluster` when a constraint is unknown, out of range, or refused by the library
 *
 * @example
 * ```ts
 * fc.assert(fc.property(cluster(), placementRequest(), (scenario, request) => {
 *   const built = buildCluster(scenario);
 *   const before = built.snapshot();
 *   return checkPlacement(before, request, built.place(request)).length === 0;
 * }));
 * ```
 */
export function cluster(constraints: ClusterConstraints = {}): fc.Arbitrary<ClusterScenario> {
  const at = where('cluster');
  const fields = readFields(at, constraints, KEYS);
  const maxHistory = fields.has('maxHistory') ? integer(at, fields, 'maxHistory', 0, 0, MAX_HISTORY) : undefined;
  const size = readSize(at, fields);
  const given = resolveFleet(fields.get('fleet'), inside(at, 'fleet'));
  const resolved = given.size === undefined && given.maxInstances === undefined ? { ...given, size } : given;
  const history = historyStepFrom(at, fields, fleetVocabulary(resolved.instance));
  return fc
    .record({ instances: fleetFrom(resolved), seed: fc.nat(), history: sizedArray(history, 0, maxHistory, size, MAX_HISTORY) })
    .map((scenario): ClusterScenario => withPrinter<ClusterScenario>(scenario, printScenario));
}
