/**
 * A cluster as the data that builds it: a fleet, a generator seed, and what
 * happened to it before the property looks at it.
 *
 * @module
 */
import * as fc from 'fast-check';
import type { InstancePatch, InstanceSpec } from '../model/InstanceSpec';
import type { PlacementRequest } from '../model/PlacementRequest';
import { INSTANCE_PATCHES } from './defaults';
import { resolveFleet, fleetFrom, type FleetConstraints } from './fleet';
import { acceptPatch } from './internal/accepted';
import { fail, inside, integer, list, rate, readFields, where, type Where } from './internal/readConstraints';
import { CROSS_SHRINK } from './internal/sometimes';
import { placementRequestFrom, type PlacementRequestConstraints } from './placementRequest';

/** What {@link cluster} may generate. */
export interface ClusterConstraints {
  /**
   * The fleet registered first.
   * @defaultValue the defaults of {@link fleet}
   */
  readonly fleet?: FleetConstraints;
  /**
   * The most steps of history: placements, stopped tasks and instance updates.
   * @defaultValue `6`
   */
  readonly maxHistory?: number;
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

/**
 * One thing that happened to a cluster before the property; `pick` chooses
 * the task or instance, modulo how many there are at that moment.
 */
export type HistoryStep =
  | {
      /** Placed a request. */
      readonly kind: 'place';
      /** The request. */
      readonly request: PlacementRequest;
    }
  | {
      /** Stopped a running task. */
      readonly kind: 'stop';
      /** Which task, in placement order, modulo the tasks running. */
      readonly pick: number;
    }
  | {
      /** Updated an instance. */
      readonly kind: 'update';
      /** Which instance, in registration order, modulo the instances. */
      readonly pick: number;
      /** The update. */
      readonly patch: InstancePatch;
    };

/**
 * A cluster as plain data: build it with {@link buildCluster}, as many
 * times as a property needs (one per engine, one per twin), each time in
 * the same state.
 */
export interface ClusterScenario {
  /** The instances registered, in order. */
  readonly instances: readonly InstanceSpec[];
  /** The cluster's generator seed. */
  readonly seed: number;
  /** What happened after registration, in order. */
  readonly history: readonly HistoryStep[];
}

const KEYS = ['fleet', 'maxHistory', 'request', 'stopRate', 'updateRate', 'patches'];

function patchItem(at: Where): (item: unknown, label: string) => InstancePatch {
  return (item, label) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return fail(at, label, `must be an instance patch object, got ${JSON.stringify(item)}`);
    acceptPatch(at, label, item as InstancePatch);
    return item as InstancePatch;
  };
}

/** The arbitrary of one step of history for constraints read at `at`. */
function historyStepFrom(at: Where, fields: ReadonlyMap<string, unknown>): fc.Arbitrary<HistoryStep> {
  const stopRate = rate(at, fields, 'stopRate', 0.3);
  const updateRate = rate(at, fields, 'updateRate', Math.min(0.15, 1 - stopRate));
  if (stopRate + updateRate > 1) fail(at, 'stopRate', `plus updateRate must be at most 1, got ${stopRate} + ${updateRate}`);
  const patches = list(at, fields, 'patches', INSTANCE_PATCHES, patchItem(at), 0);
  const place = placementRequestFrom(fields.get('request'), inside(at, 'request')).map((request): HistoryStep => ({ kind: 'place', request }));
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
 * @throws Error naming `cluster` when a constraint is unknown, out of range, or refused by the library
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
  const maxHistory = integer(at, fields, 'maxHistory', 6, 0, 1000);
  const instances = fleetFrom(resolveFleet(fields.get('fleet'), inside(at, 'fleet')));
  return fc.record({ instances, seed: fc.nat(), history: fc.array(historyStepFrom(at, fields), { maxLength: maxHistory }) });
}
