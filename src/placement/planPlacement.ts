/**
 * The pipeline of one request: its strategies and constraints built as
 * values from what the caller wrote, ECS's default chain filled in, and the
 * checks planned.
 *
 * @module
 */
import type { Constraint } from '../constraints/Constraint';
import { atMost } from '../constraints/atMost';
import { distinctInstance } from '../constraints/distinctInstance';
import { memberOf } from '../constraints/memberOf';
import { spreadLimit } from '../constraints/spreadLimit';
import type { Strategy } from '../model/Strategy';
import type { TaskRequirements } from '../model/TaskRequirements';
import type { ValidConstraint, ValidRequest, ValidStrategy } from '../model/ValidRequest';
import { binpack } from '../strategies/binpack';
import { pack } from '../strategies/pack';
import { prefer } from '../strategies/prefer';
import { random } from '../strategies/random';
import { spread } from '../strategies/spread';
import type { CheckOutcome, CheckPlan } from './checkInstance';

/** A request ready to place: what each engine receives. */
export interface PlacementPlan extends CheckPlan {
  readonly count: number;
  readonly service?: string;
  /** The chain; never empty, since ECS's defaults stand in when the request gives none. */
  readonly strategies: readonly Strategy[];
  /**
   * What the plan shares with every plan of the same task, strategies and
   * constraints made from frozen inputs: the same object, so that an engine
   * may keep what it derives from it.
   */
  readonly pipeline: Pipeline;
}

/** The part of a plan that does not depend on the count or the group. */
export interface Pipeline {
  /** Whether it is kept for the requests alike that follow (it came from frozen inputs). */
  readonly kept: boolean;
  readonly strategies: readonly Strategy[];
  readonly constraints: readonly Constraint[];
  readonly resources: readonly string[];
  readonly accepted: CheckOutcome;
}

/** ECS's chain for a service that names none: spread over zones, then over instances. */
const SERVICE_DEFAULT: readonly Strategy[] = Object.freeze([spread('attribute:ecs.availability-zone'), spread('instanceId')]);
/** ECS's chain for a standalone task that names none. */
const STANDALONE_DEFAULT: readonly Strategy[] = Object.freeze([random()]);
const BUILT_IN_ORDER = ['cpu', 'memory', 'gpu'];

/**
 * Builds the pipeline of a valid request.
 *
 * @remarks
 * `binpack`, `spread` and `random` specs become the built-in strategy values
 * (one frozen value per field, shared by every request); a caller's own
 * strategy object is used as it is. memberOf constraints are built once per
 * parsed expression, so what they learn about instances outlives the request.
 *
 * @param request - a validated request
 * @returns the plan both engines place from
 */
export function planPlacement(request: ValidRequest): PlacementPlan {
  const pipeline = request.stable ? keptPipeline(request) : buildPipeline(request, false);
  const { group, task, count, service } = request;
  const { strategies, constraints, resources, accepted } = pipeline;
  // Literals rather than spreads, which are slow on this path that every request takes.
  return service === undefined
    ? { group, task, resources, constraints, accepted, count, strategies, pipeline }
    : { group, task, resources, constraints, accepted, count, service, strategies, pipeline };
}

/** Pipelines of stable requests, by task, then strategies, then constraints, then whether a service places them. */
const pipelines = new WeakMap<object, WeakMap<object, WeakMap<object, { standalone?: Pipeline; service?: Pipeline }>>>();

function keptPipeline(request: ValidRequest): Pipeline {
  let byStrategies = pipelines.get(request.task);
  if (byStrategies === undefined) pipelines.set(request.task, (byStrategies = new WeakMap()));
  let byConstraints = byStrategies.get(request.strategies);
  if (byConstraints === undefined) byStrategies.set(request.strategies, (byConstraints = new WeakMap()));
  let kept = byConstraints.get(request.constraints);
  if (kept === undefined) byConstraints.set(request.constraints, (kept = {}));
  if (request.service === undefined) return (kept.standalone ??= buildPipeline(request, true));
  return (kept.service ??= buildPipeline(request, true));
}

/**
 * Builds a request's strategies and constraints, and plans its checks: the
 * resources in check order (cpu, memory, gpu, then the others by name) and
 * the outcome of an instance that passes them all.
 */
function buildPipeline(request: ValidRequest, kept: boolean): Pipeline {
  const strategies = planStrategies(request.strategies, request.service !== undefined, request.task);
  const constraints = Object.freeze(request.constraints.map(buildConstraint));
  const { task } = request;
  const names = Object.keys(task.resources);
  const builtIn = BUILT_IN_ORDER.filter((name) => names.includes(name));
  const custom = names.filter((name) => !BUILT_IN_ORDER.includes(name)).sort();
  const resources = Object.freeze([...builtIn, ...custom]);
  const ports = task.ports.tcp.length + task.ports.udp.length;
  // A task with static ports has one more check: the limit of reserved host ports.
  const checks = 2 + task.requiresAttributes.length + resources.length + ports + (ports > 0 ? 1 : 0) + constraints.length;
  return Object.freeze({ kept, strategies, constraints, resources, accepted: Object.freeze({ rejection: undefined, passed: checks }) });
}

/**
 * A request's chain as strategy values: ECS's specs become the built-in
 * values, a caller's own strategies stay as they are, and ECS's default
 * chain stands in for an empty one. Placement and scale-in both read a chain
 * through here, so they agree on what it means.
 *
 * @remarks
 * The `prefer` specs of a chain make one strategy, at the position of the
 * first of them, whose key sums their weights (see {@link prefer}); the
 * others keep their order around it. A chain of preferences alone is
 * followed by ECS's default chain, so that a preference of weight 0 places
 * exactly as no preference.
 *
 * @param specs - the validated chain, as the caller wrote it
 * @param service - whether a service's tasks are concerned (its default chain differs)
 * @param task - the task to place; without one (choosing tasks to stop), `pack` is a rank, which a task to place needs
 * @returns the chain; never empty
 */
export function planStrategies(specs: readonly ValidStrategy[], service: boolean, task?: TaskRequirements): readonly Strategy[] {
  const defaults = service ? SERVICE_DEFAULT : STANDALONE_DEFAULT;
  if (specs.length === 0) return defaults;
  const preferences = specs.filter(isPreferSpec);
  const chain: Strategy[] = [];
  let combined = false;
  for (const spec of specs) {
    if (!isPreferSpec(spec)) {
      chain.push(buildStrategy(spec, task));
    } else if (!combined) {
      chain.push(prefer(preferences));
      combined = true;
    }
  }
  // Preferences alone: ECS's default chain breaks their ties, as it would order the instances without them.
  return Object.freeze(combined && chain.length === 1 ? [...chain, ...defaults] : chain);
}

/** A prefer spec, checked. */
type PreferSpec = Extract<ValidStrategy, { readonly type: 'prefer' }>;

function isPreferSpec(spec: ValidStrategy): spec is PreferSpec {
  return !('name' in spec) && spec.type === 'prefer';
}

function buildStrategy(spec: Exclude<ValidStrategy, PreferSpec>, task: TaskRequirements | undefined): Strategy {
  // Specs carry a `type`; anything with a name is a caller's own strategy.
  if ('name' in spec) return spec;
  switch (spec.type) {
    case 'pack':
      return pack(spec, task);
    case 'binpack':
      return binpack(spec.field);
    case 'spread':
      return spread(spec.field, spec.taskSelector);
    case 'random':
      return random();
  }
}

function buildConstraint(spec: ValidConstraint): Constraint {
  switch (spec.type) {
    case 'memberOf':
      return memberOf(spec.expression, spec.query);
    case 'distinctInstance':
      return distinctInstance(spec.groups);
    case 'spreadLimit':
      return spreadLimit(spec);
    case 'atMost':
      return atMost(spec);
  }
}
