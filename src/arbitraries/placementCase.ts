/**
 * A fleet and a request for it, drawn together, so that whether the request
 * can be placed is chosen rather than left to chance.
 *
 * @module
 */
import * as fc from 'fast-check';
import type { InstanceSpec } from '../model/InstanceSpec';
import { fleetDraws, resolveFleet, type FleetConstraints, type NumberedDraw } from './fleet';
import { instanceSpecOf } from './instance';
import type { ResolvedInstance } from './InstanceConstraints';
import { breakRequest, ecsWordsOf } from './internal/breakRequest';
import { fitRequest } from './internal/fitRequest';
import { fleetVocabulary } from './internal/fleetVocabulary';
import { printRequest, printScenario, withPrinter } from './internal/printers';
import { choiceItem, fail, inside, rate, readFields, show, where, type Fields, type Where } from './internal/readConstraints';
import { CROSS_SHRINK } from './internal/sometimes';
import type { ClusterScenario } from './ClusterScenario';
import type { InfeasibleReason } from './InfeasibleReason';
import { placementRequestFrom, type GeneratedPlacementRequest, type PlacementRequestConstraints } from './placementRequest';

/**
 * A fleet and a request drawn together, with what the generator built the
 * request to do there. It is a {@link ClusterScenario} without history:
 * `buildCluster(placementCase)` builds the fleet, and `request` is then
 * placed on it.
 */
export interface PlacementCase extends ClusterScenario {
  /** The request to place on the fleet. */
  readonly request: GeneratedPlacementRequest;
  /**
   * What the case was built to be: `feasible` (every task places),
   * `infeasible` (none does, each failing with `reason`), or `unknown` (the
   * request was drawn as it came, and may place all, some or none).
   */
  readonly feasibility: 'feasible' | 'infeasible' | 'unknown';
  /** For an infeasible case, the `reason` every failure gives, as ECS writes it: `RESOURCE:MEMORY`, `MemberOf placement constraint unsatisfied.` */
  readonly reason?: string;
}

/** What {@link placementCase} may generate. */
export interface PlacementCaseConstraints {
  /**
   * The fleet.
   * @defaultValue the defaults of {@link fleet}
   */
  readonly fleet?: FleetConstraints;
  /**
   * The request, drawn for the fleet (its memberOf expressions use the
   * fleet's words); it takes no `fleet` of its own.
   * @defaultValue the defaults of {@link placementRequest}
   */
  readonly request?: Omit<PlacementRequestConstraints, 'fleet'>;
  /**
   * What the request is built to do on the fleet:
   * - `'any'`: nothing is arranged; the request may place all, some or none of its tasks;
   * - `'feasible'`: every task places, whatever the strategy chain;
   * - `{ infeasible: reason }` (or a list of reasons, one drawn per case):
   *   no task places, and each failure gives that reason;
   * - `'mixed'`: infeasible with chance `infeasibleRate` (for any reason), else feasible.
   * @defaultValue `'any'`
   */
  readonly feasibility?: 'any' | 'feasible' | 'mixed' | {
    /** The reason every failure gives, or reasons to draw one from per case. */
    readonly infeasible: InfeasibleReason | readonly InfeasibleReason[];
  };
  /**
   * With `'mixed'`, the chance that a case is infeasible.
   * @defaultValue `0.5`
   */
  readonly infeasibleRate?: number;
  /**
   * How many instances can each take one task of the request, at least, as
   * the fleet is registered: a number (every instance of a smaller fleet),
   * or `'all'`. Those instances are ACTIVE with a connected agent, and the
   * task is cut down to what they all have. A feasible case has room on as
   * many instances as it has tasks, or more when this asks for more. Only
   * with `'any'` or `'feasible'`.
   * @defaultValue none arranged (`'feasible'`: as many as the request has tasks)
   */
  readonly withRoom?: number | 'all';
}

const KEYS = ['fleet', 'request', 'feasibility', 'infeasibleRate', 'withRoom'];
const REASONS: readonly InfeasibleReason[] = ['AGENT', 'ATTRIBUTE', 'RESOURCE:CPU', 'RESOURCE:MEMORY', 'RESOURCE:PORTS', 'MEMBER_OF'];
const MAX_ROOM = 10_000;
/** The port every instance reserves for a ports-infeasible case when the fleet's constraints reserve none: the agent's introspection port. */
const AGENT_PORT = 51678;

/** What one case is built to be. */
type Plan = { readonly kind: 'any' | 'feasible' } | { readonly kind: 'infeasible'; readonly reason: InfeasibleReason };

interface Resolved {
  readonly plans: fc.Arbitrary<Plan>;
  readonly withRoom: number | 'all' | undefined;
}

function readFeasibility(at: Where, fields: Fields): Resolved {
  const value = fields.get('feasibility') ?? 'any';
  const given = fields.get('withRoom');
  if (given !== undefined && given !== 'all' && !(Number.isInteger(given) && (given as number) >= 1 && (given as number) <= MAX_ROOM)) {
    fail(at, 'withRoom', `must be a whole number of instances from 1 to ${MAX_ROOM}, or 'all', got ${show(given)}`);
  }
  const withRoom = given as number | 'all' | undefined;
  if (fields.has('infeasibleRate') && value !== 'mixed') fail(at, 'infeasibleRate', `is given, but feasibility is ${show(value)}, not 'mixed'`);
  if (typeof value === 'string') {
    const kind = choiceItem(at, ['any', 'feasible', 'mixed'] as const)(value, 'feasibility');
    if (kind !== 'mixed') return { plans: fc.constant({ kind }), withRoom };
    if (withRoom !== undefined) fail(at, 'withRoom', "is given, but feasibility is 'mixed': an infeasible case has room on no instance; give it with 'feasible' or 'any'");
    const weight = Math.round(rate(at, fields, 'infeasibleRate', 0.5) * 1000);
    const feasible = fc.constant<Plan>({ kind: 'feasible' });
    const infeasible = fc.constantFrom(...REASONS).map((reason): Plan => ({ kind: 'infeasible', reason }));
    if (weight === 0) return { plans: feasible, withRoom };
    if (weight === 1000) return { plans: infeasible, withRoom };
    // Feasible first: the case that places everything is the simpler counter-example.
    return { plans: fc.oneof(CROSS_SHRINK, { weight: 1000 - weight, arbitrary: feasible }, { weight, arbitrary: infeasible }), withRoom };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !('infeasible' in value) || Object.keys(value).length !== 1) {
    return fail(at, 'feasibility', `must be 'any', 'feasible', 'mixed' or { infeasible: reason }, got ${show(value)}`);
  }
  if (withRoom !== undefined) fail(at, 'withRoom', 'is given, but feasibility is infeasible: no instance has room for such a task');
  const reasons = (value as { infeasible: unknown }).infeasible;
  const reason = choiceItem(at, REASONS);
  const list = Array.isArray(reasons) ? reasons.map((item, index) => reason(item, `feasibility.infeasible[${index}]`)) : [reason(reasons, 'feasibility.infeasible')];
  if (list.length === 0) fail(at, 'feasibility.infeasible', `must hold at least 1 reason, got 0 (reasons: ${REASONS.join(', ')})`);
  return { plans: fc.constantFrom(...list).map((chosen): Plan => ({ kind: 'infeasible', reason: chosen })), withRoom };
}

/** The first `count` instances from `offset` on, in registration order, round the fleet. */
function picked(length: number, offset: number, count: number): Set<number> {
  return new Set(Array.from({ length: Math.min(count, length) }, (_, index) => (offset + index) % length));
}

/**
 * Generates a fleet and a request for it together, built to place every
 * task, none (for a chosen reason), either at a stated rate, or as drawn.
 * Each is made so by construction, not by filtering, so no run is thrown
 * away:
 * - feasible: as many instances as the request has tasks (its count cut to
 *   the fleet's size) are made ACTIVE with a connected agent, and the task
 *   is cut down to what they all have: resources, free ports, required
 *   attributes, memberOf expressions that hold on them (the request keeps
 *   those too, distinctInstance, and spreadLimit and atMost over instances,
 *   but not over an attribute). Each can take one task, and a task placed
 *   on one takes no room from another, so every task places;
 * - infeasible for `RESOURCE:CPU` or `RESOURCE:MEMORY`: the task wants more
 *   than any instance registered; `ATTRIBUTE`: it requires a capability no
 *   instance has; `RESOURCE:PORTS`: it binds a port every instance
 *   reserves; `MEMBER_OF`: its task definition has a memberOf expression no
 *   instance satisfies; `AGENT`: every ACTIVE instance has lost its agent.
 *   One instance is fitted as for a feasible case, so that the closest
 *   matching instance fails at that check, and each failure gives its reason.
 *
 * Shrinks towards a smaller fleet, a simpler request and, with `'mixed'`,
 * a feasible case.
 *
 * @param constraints - the fleet, the request, and what the request is built to do
 * @returns an arbitrary of {@link PlacementCase}s; `buildCluster(case)` builds the fleet
 * @throws {@link ConstraintsError} naming `placementCase` when a constraint is unknown, out of range,
 *   or contradicts another, such as `withRoom` with an infeasible case, or a fleet that may be empty for a case that needs instances
 *
 * @example
 * ```ts
 * fc.assert(fc.property(placementCase({ feasibility: { infeasible: 'RESOURCE:MEMORY' } }), (drawn) => {
 *   const result = buildCluster(drawn).place(drawn.request);
 *   return result.placements.length === 0 && result.failures.every((failure) => failure.reason === drawn.reason);
 * }));
 * ```
 */
export function placementCase(constraints: PlacementCaseConstraints = {}): fc.Arbitrary<PlacementCase> {
  const at = where('placementCase');
  const fields = readFields(at, constraints, KEYS);
  const fleet = resolveFleet(fields.get('fleet'), inside(at, 'fleet'));
  const { plans, withRoom } = readFeasibility(at, fields);
  const arranged = withRoom !== undefined || (fields.get('feasibility') ?? 'any') !== 'any';
  if (arranged && fleet.minInstances === 0) fail(at, 'fleet.minInstances', 'must be at least 1: an empty fleet has no instance to arrange the case on');
  const requests = placementRequestFrom(fields.get('request'), inside(at, 'request'), fleetVocabulary(fleet.instance));
  return fc
    .record({ draws: fleetDraws(fleet), request: requests, plan: plans, offset: fc.nat(), seed: fc.nat() })
    .map(({ draws, request, plan, offset, seed }) => {
      const built = buildCase(fleet.instance, draws, request, plan, offset, withRoom);
      return withPrinter<PlacementCase>({ instances: built.instances, seed, history: [], ...built.rest }, printCase);
    });
}

/** A case but for its seed and history. */
interface Built {
  readonly instances: InstanceSpec[];
  readonly rest: Pick<PlacementCase, 'request' | 'feasibility' | 'reason'>;
}

function buildCase(
  instance: ResolvedInstance, draws: readonly NumberedDraw[], request: GeneratedPlacementRequest, plan: Plan, offset: number, withRoom: number | 'all' | undefined,
): Built {
  const count = request.count ?? 1;
  const room = withRoom === 'all' ? draws.length : withRoom ?? 0;
  const reason = plan.kind === 'infeasible' ? plan.reason : undefined;
  // An infeasible case is fitted to one witness, which fails at its reason's check alone; AGENT needs none.
  const hostCount = plan.kind === 'feasible' ? Math.max(count, room) : reason === undefined ? room : reason === 'AGENT' ? 0 : 1;
  const hosts = picked(draws.length, offset, hostCount);
  const port = instance.reservedTcpPorts[0] ?? AGENT_PORT;
  const specs = draws.map(({ n, draw }, index) => {
    let arranged = hosts.has(index) ? { ...draw, status: 'ACTIVE' as const, agentConnected: true } : draw;
    if (reason === 'AGENT' && arranged.status === 'ACTIVE') arranged = { ...arranged, agentConnected: false };
    // The fleet's constraints reserve no port on every instance: reserving one on each keeps the reason by construction.
    if (reason === 'RESOURCE:PORTS' && instance.reservedTcpPorts.length === 0) arranged = { ...arranged, extraTcp: [...arranged.extraTcp, port] };
    return instanceSpecOf(instance, n, arranged);
  });
  const chosen = specs.filter((_, index) => hosts.has(index));
  const fitted = chosen.length === 0 ? request : fitRequest(request, chosen, plan.kind === 'feasible' ? chosen.length : Number.MAX_SAFE_INTEGER);
  const final = reason === undefined ? fitted : breakRequest(fitted, reason, specs, port);
  const shown = final === request ? request : withPrinter<GeneratedPlacementRequest>(final, printRequest);
  if (reason !== undefined) return { instances: specs, rest: { request: shown, feasibility: 'infeasible', reason: ecsWordsOf(reason) } };
  return { instances: specs, rest: { request: shown, feasibility: plan.kind === 'feasible' ? 'feasible' : 'unknown' } };
}

function printCase(drawn: PlacementCase): string {
  const built = drawn.feasibility === 'infeasible' ? `infeasible (${drawn.reason ?? '?'})` : drawn.feasibility;
  return `${printScenario(drawn)}\n  then ${printRequest(drawn.request)}, built ${built}`;
}
