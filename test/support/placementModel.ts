/**
 * An independent model of ECS task placement, written from the semantics in
 * design §2 and not from the engine: its own state, its own pipeline checks
 * and its own strategy keys. Only the query language is shared with the
 * engine (it is tested on its own), and only the engine's types are used.
 */
import type { ClusterSnapshot } from '../../src/cluster/Cluster';
import type { InstanceInfo } from '../../src/cluster/InstanceInfo';
import type { InstanceView } from '../../src/model/InstanceView';
import type { PlacementRequest } from '../../src/model/PlacementRequest';
import type { Rejection } from '../../src/placement/Rejection';
import type { QueryNode } from '../../src/query/ast';
import { evaluateQuery } from '../../src/query/evaluateQuery';
import { parseQuery } from '../../src/query/parseQuery';

/** A task's needs as the checks read them: zero amounts and dynamic ports gone. */
export interface ModelTask {
  /** Resource to amount above 0, in check order: cpu, memory, gpu, then the others by name. */
  readonly resources: readonly (readonly [string, number])[];
  readonly tcp: readonly number[];
  readonly udp: readonly number[];
  readonly requiresAttributes: readonly string[];
}

/** A binding constraint. */
export type ModelConstraint = { readonly kind: 'memberOf'; readonly expression: string; readonly query: QueryNode } | { readonly kind: 'distinctInstance' };

/** A strategy; `custom` stands for a Strategy object, which the model cannot rank. */
export type ModelStrategy =
  | { readonly kind: 'binpack'; readonly field: string }
  | { readonly kind: 'spread'; readonly field: string }
  | { readonly kind: 'random' }
  | { readonly kind: 'custom'; readonly name: string };

/** A request as the model places it. */
export interface ModelRequest {
  readonly group: string;
  readonly count: number;
  readonly task: ModelTask;
  /** The task definition's memberOf constraints first, then the request's. */
  readonly constraints: readonly ModelConstraint[];
  /** ECS's defaults when the request gives none. */
  readonly strategies: readonly ModelStrategy[];
}

/** How far an instance gets through the checks for one task. */
export interface ModelOutcome {
  readonly instance: ModelInstance;
  /** The first failed check; `undefined` when the instance can take the task. */
  readonly rejection: Rejection | undefined;
  /** Checks passed before it, one per status, agent, attribute, resource, port and constraint. */
  readonly passed: number;
}

const BUILT_IN_RESOURCES = ['cpu', 'memory', 'gpu'];
const queries = new Map<string, QueryNode>();

function parsed(expression: string): QueryNode {
  let query = queries.get(expression);
  if (query === undefined) {
    query = parseQuery(expression);
    queries.set(expression, query);
  }
  return query;
}

/** The group ECS gives the request's tasks. */
export function groupOf(request: PlacementRequest): string {
  if (request.service !== undefined) return `service:${request.service}`;
  if (request.group !== undefined) return request.group;
  return `family:${request.task.family ?? 'default'}`;
}

function modelTask(task: PlacementRequest['task']): ModelTask {
  const amounts = Object.entries(task.resources).filter((entry): entry is [string, number] => entry[1] !== undefined && entry[1] > 0);
  const builtIn = BUILT_IN_RESOURCES.flatMap((name) => amounts.filter(([resource]) => resource === name));
  const custom = amounts.filter(([resource]) => !BUILT_IN_RESOURCES.includes(resource)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    resources: [...builtIn, ...custom],
    tcp: (task.ports?.tcp ?? []).filter((port) => port !== 0),
    udp: (task.ports?.udp ?? []).filter((port) => port !== 0),
    requiresAttributes: [...new Set(task.requiresAttributes ?? [])],
  };
}

function modelStrategies(request: PlacementRequest): ModelStrategy[] {
  const given = request.placementStrategy ?? [];
  if (given.length === 0) {
    return request.service === undefined
      ? [{ kind: 'random' }]
      : [{ kind: 'spread', field: 'attribute:ecs.availability-zone' }, { kind: 'spread', field: 'instanceId' }];
  }
  return given.map((strategy): ModelStrategy => {
    if ('rank' in strategy) return { kind: 'custom', name: strategy.name };
    if (strategy.type === 'random') return { kind: 'random' };
    return { kind: strategy.type, field: strategy.field ?? '' };
  });
}

/** Resolves what the engine resolves: group, count, defaults and constraints. */
export function modelRequest(request: PlacementRequest): ModelRequest {
  const memberOf = (expression: string): ModelConstraint => ({ kind: 'memberOf', expression, query: parsed(expression) });
  return {
    group: groupOf(request),
    count: request.count ?? 1,
    task: modelTask(request.task),
    constraints: [
      ...(request.task.placementConstraints ?? []).map((constraint) => memberOf(constraint.expression)),
      ...(request.placementConstraints ?? []).map((constraint) =>
        constraint.type === 'memberOf' ? memberOf(constraint.expression) : ({ kind: 'distinctInstance' } as const)),
    ],
    strategies: modelStrategies(request),
  };
}

/** How a strategy reads in violation details. */
export function strategyName(strategy: ModelStrategy): string {
  switch (strategy.kind) {
    case 'binpack':
    case 'spread':
      return `${strategy.kind}(${strategy.field})`;
    case 'random':
      return 'random';
    case 'custom':
      return strategy.name;
  }
}

/** One instance of the model: what was registered, and what its tasks hold. */
export class ModelInstance {
  readonly id: string;
  readonly attributes: ReadonlyMap<string, string | null>;
  private readonly remaining: Map<string, number>;
  readonly tcpInUse = new Set<number>();
  readonly udpInUse = new Set<number>();
  readonly groups = new Map<string, number>();
  running = 0;

  /**
   * @param info - the instance as the snapshot reports it; only what was registered is read
   * @param order - position in registration order
   */
  constructor(readonly info: InstanceInfo, readonly order: number) {
    this.id = info.id;
    this.attributes = new Map(Object.entries(info.attributes));
    this.remaining = new Map(Object.entries(info.registeredResources));
  }

  /** What is left of a resource; one the instance does not list is 0. */
  remainingOf(resource: string): number {
    return this.remaining.get(resource) ?? 0;
  }

  /** Every resource the instance lists or a task holds, with what is left of it. */
  remainingResources(): ReadonlyMap<string, number> {
    return this.remaining;
  }

  /** Whether the agent reserves a port. */
  reserves(protocol: 'tcp' | 'udp', port: number): boolean {
    return this.info.reservedPorts[protocol].includes(port);
  }

  /** Takes what a task holds. */
  hold(resources: Iterable<readonly [string, number]>, ports: { readonly tcp: readonly number[]; readonly udp: readonly number[] }, group: string): void {
    for (const [resource, amount] of resources) this.remaining.set(resource, this.remainingOf(resource) - amount);
    for (const port of ports.tcp) this.tcpInUse.add(port);
    for (const port of ports.udp) this.udpInUse.add(port);
    this.groups.set(group, (this.groups.get(group) ?? 0) + 1);
    this.running += 1;
  }

  /** The instance as the query language sees it now. */
  view(): InstanceView {
    return {
      id: this.id,
      ec2InstanceId: this.info.ec2InstanceId,
      attributes: this.attributes,
      agentConnected: this.info.agentConnected,
      agentVersion: this.info.agentVersion,
      registeredAt: this.info.registeredAt === undefined ? undefined : Date.parse(this.info.registeredAt),
      runningTasksCount: this.running,
      taskGroups: this.groups,
    };
  }
}

/** The result of narrowing candidates through a chain. */
export interface Narrowing {
  /** Candidates left when the chain ends or stops. */
  readonly survivors: readonly ModelInstance[];
  /** The random or custom strategy the model stopped at, whose choice any survivor satisfies. */
  readonly stoppedAt?: ModelStrategy;
  /** Each strategy the model applied, with its best key and the candidates it kept. */
  readonly stages: readonly { readonly strategy: ModelStrategy; readonly best: number; readonly kept: readonly ModelInstance[] }[];
}

/**
 * The cluster as the model sees it. Its state comes from what the snapshot
 * registered and the tasks it lists, not from the engine's running totals.
 */
export class ModelCluster {
  readonly instances: readonly ModelInstance[];
  private readonly byId: ReadonlyMap<string, ModelInstance>;

  /** @param snapshot - the cluster's instances, in registration order, and its tasks */
  constructor(snapshot: ClusterSnapshot) {
    this.instances = snapshot.instances.map((info, order) => new ModelInstance(info, order));
    this.byId = new Map(this.instances.map((instance) => [instance.id, instance]));
    for (const task of snapshot.tasks) this.byId.get(task.instanceId)?.hold(Object.entries(task.resources), task.ports, task.group);
  }

  /** The instance with this id, if registered. */
  instance(id: string): ModelInstance | undefined {
    return this.byId.get(id);
  }

  /** The checks of design §2 steps 1-4 for one instance, in order, stopping at the first that fails. */
  check(instance: ModelInstance, request: ModelRequest): ModelOutcome {
    let passed = 0;
    const outcome = (rejection: Rejection | undefined): ModelOutcome => ({ instance, rejection, passed });
    if (instance.info.status !== 'ACTIVE') return outcome({ code: 'not_active', status: instance.info.status });
    passed += 1;
    if (!instance.info.agentConnected) return outcome({ code: 'agent_disconnected' });
    passed += 1;
    for (const attribute of request.task.requiresAttributes) {
      if (!instance.attributes.has(attribute)) return outcome({ code: 'missing_attribute', attribute });
      passed += 1;
    }
    for (const [resource, requested] of request.task.resources) {
      const remaining = instance.remainingOf(resource);
      if (requested > remaining) return outcome({ code: 'insufficient_resource', resource, requested, remaining });
      passed += 1;
    }
    for (const protocol of ['tcp', 'udp'] as const) {
      const inUse = protocol === 'tcp' ? instance.tcpInUse : instance.udpInUse;
      for (const port of request.task[protocol]) {
        const reserved = instance.reserves(protocol, port);
        if (reserved || inUse.has(port)) return outcome({ code: 'port_in_use', protocol, port, reserved });
        passed += 1;
      }
    }
    for (const constraint of request.constraints) {
      const rejection = this.violates(instance, constraint, request.group);
      if (rejection !== undefined) return outcome(rejection);
      passed += 1;
    }
    return outcome(undefined);
  }

  private violates(instance: ModelInstance, constraint: ModelConstraint, group: string): Rejection | undefined {
    if (constraint.kind === 'memberOf') {
      return evaluateQuery(constraint.query, instance.view()) ? undefined : { code: 'member_of', expression: constraint.expression };
    }
    return (instance.groups.get(group) ?? 0) > 0 ? { code: 'distinct_instance', group } : undefined;
  }

  /** Every instance's outcome, in registration order. */
  outcomes(request: ModelRequest): ModelOutcome[] {
    return this.instances.map((instance) => this.check(instance, request));
  }

  /** The instances that can take the next task, in registration order. */
  candidates(request: ModelRequest): ModelInstance[] {
    return this.outcomes(request).filter((outcome) => outcome.rejection === undefined).map((outcome) => outcome.instance);
  }

  /** The key of a binpack or spread strategy for an instance now (lower is better). */
  key(strategy: { readonly kind: 'binpack' | 'spread'; readonly field: string }, instance: ModelInstance, group: string): number {
    if (strategy.kind === 'binpack') return instance.remainingOf(strategy.field);
    const bucket = bucketOf(strategy.field, instance);
    let tasks = 0;
    // Every instance of the bucket counts, whether or not it could take the task.
    for (const other of this.instances) {
      if (bucketOf(strategy.field, other) === bucket) tasks += other.groups.get(group) ?? 0;
    }
    return tasks;
  }

  /**
   * Narrows candidates one strategy at a time to those with the lowest key.
   * It stops at the first random or custom strategy: any survivor is then an
   * acceptable choice, and what follows cannot be predicted.
   */
  narrow(candidates: readonly ModelInstance[], strategies: readonly ModelStrategy[], group: string): Narrowing {
    let survivors = candidates;
    const stages: { strategy: ModelStrategy; best: number; kept: readonly ModelInstance[] }[] = [];
    for (const strategy of strategies) {
      if (survivors.length <= 1) break;
      if (strategy.kind === 'random' || strategy.kind === 'custom') return { survivors, stoppedAt: strategy, stages };
      const keys = survivors.map((instance) => this.key(strategy, instance, group));
      const best = Math.min(...keys);
      survivors = survivors.filter((_, index) => keys[index] === best);
      stages.push({ strategy, best, kept: survivors });
    }
    return { survivors, stages };
  }

  /** Starts the request's next task on an instance. */
  place(instance: ModelInstance, request: ModelRequest): void {
    instance.hold(request.task.resources, request.task, request.group);
  }
}

function bucketOf(field: string, instance: ModelInstance): string | undefined {
  if (field === 'instanceId' || field === 'host') return `instance ${instance.id}`;
  const value = instance.attributes.get(field.slice('attribute:'.length));
  // Absent and valueless share one bucket.
  return value === null || value === undefined ? undefined : `value ${value}`;
}

/** The state just before one task of a request, and where the engine put that task. */
export interface ReplayStep {
  /** The task's index in the request, from 0. */
  readonly step: number;
  readonly model: ModelCluster;
  readonly request: ModelRequest;
  /** Instances that could take the task, in registration order. */
  readonly candidates: readonly ModelInstance[];
  /** The instance id the engine reported. */
  readonly instanceId: string;
  /** That instance, if it is registered. */
  readonly chosen: ModelInstance | undefined;
}

/**
 * Replays a result's placements in order on the model built from `before`,
 * calling `visit` with the state just before each, and returns the model
 * after them all (where every failure of the result was decided).
 */
export function replayPlacements(
  before: ClusterSnapshot,
  request: PlacementRequest,
  placements: readonly { readonly instanceId: string }[],
  visit: (step: ReplayStep) => void,
): ModelCluster {
  const model = new ModelCluster(before);
  const resolved = modelRequest(request);
  placements.forEach(({ instanceId }, step) => {
    const chosen = model.instance(instanceId);
    visit({ step, model, request: resolved, candidates: model.candidates(resolved), instanceId, chosen });
    // The engine's choice is applied even when it was wrong, so later steps see the real state.
    if (chosen !== undefined) model.place(chosen, resolved);
  });
  return model;
}
