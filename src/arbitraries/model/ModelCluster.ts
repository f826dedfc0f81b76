/**
 * The placement model: an independent account of ECS placement, with its
 * own state, its own pipeline checks and its own strategy keys. Only the
 * query language is shared with the engine (it is tested on its own).
 *
 * @module
 */
import type { ClusterSnapshot } from '../../cluster/Cluster';
import type { InstanceInfo } from '../../model/InstanceInfo';
import type { Rejection } from '../../model/Rejection';
import { evaluateQuery } from '../../query/evaluateQuery';
import { ModelInstance } from './ModelInstance';
import { tasksByInstance } from './tasksByInstance';
import { selects, type ModelConstraint, type ModelPreference, type ModelRequest, type ModelSelector, type ModelStrategy } from './modelRequest';

/** Every instance is checked for every task: one list of protocols rather than a new one per check. */
const PROTOCOLS = ['tcp', 'udp'] as const;
/** The host ports ECS lets one container instance reserve, written here apart from the engine's constant. */
const MAX_RESERVED_PORTS = 100;

/** How far an instance gets through the checks for one task. */
export interface ModelOutcome {
  readonly instance: ModelInstance;
  /** The first failed check; `undefined` when the instance can take the task. */
  readonly rejection: Rejection | undefined;
  /** Checks passed before it, one per status, agent, attribute, resource, port, the port limit (for a task with static ports) and constraint. */
  readonly passed: number;
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
  /** The snapshot's instances, in registration order. */
  private readonly infos: readonly InstanceInfo[];
  /** The model of each, by position, made when first needed: a check that names few instances makes few. */
  private readonly made: (ModelInstance | undefined)[];
  private every: readonly ModelInstance[] | undefined;
  /**
   * The instances looked up by id so far: those that run tasks and those
   * named when the model was built. Every instance of a large fleet by id
   * costs more to build than placing a random chain does, so that map is
   * built only when an id outside these is asked for.
   */
  private readonly known = new Map<string, ModelInstance>();
  private everyId: ReadonlyMap<string, ModelInstance> | undefined;
  /**
   * Tasks per group in each bucket of an attribute spread, by attribute and
   * group: counted once over every instance when a spread first asks, then
   * kept as tasks start, so a spread key costs a lookup rather than a scan
   * of the fleet for every candidate.
   */
  private readonly spreadCounts = new Map<string, Map<string, SpreadTally>>();
  /** Tasks started on the model so far: a census taken at another number is stale. */
  private started = 0;
  /**
   * The last census of each domain constraint, with the request and the
   * number of tasks started it was taken for: every instance is checked for
   * a task on the same census, so it is taken once per task, not per check.
   */
  private readonly censuses = new Map<ModelConstraint, { readonly request: ModelRequest; readonly started: number; readonly census: Census }>();

  /**
   * @param snapshot - the cluster's instances, in registration order, and its tasks
   * @param tasksOf - the snapshot's tasks by instance, when the caller has grouped them already
   * @param wanted - ids that will be looked up, such as those a result placed on
   */
  constructor(snapshot: ClusterSnapshot, tasksOf = tasksByInstance(snapshot.tasks), wanted: Iterable<string> = []) {
    this.infos = snapshot.instances;
    this.made = new Array<ModelInstance | undefined>(this.infos.length);
    const asked = new Set(wanted);
    // Index loops: this runs once per check, too seldom to be optimized, and an unoptimized for...of allocates a result per step.
    for (let index = 0; index < this.infos.length; index += 1) {
      const info = this.infos[index] as InstanceInfo;
      if (!tasksOf.has(info.id) && !asked.has(info.id)) continue;
      const instance = new ModelInstance(info);
      this.made[index] = instance;
      // A repeated id is the later instance's, as a map of every id would have it.
      this.known.set(info.id, instance);
    }
    for (const [id, tasks] of tasksOf) {
      const instance = this.known.get(id);
      if (instance !== undefined) for (const task of tasks) instance.hold(Object.entries(task.resources), task.ports, task.group, task.family, task.revision);
    }
  }

  /**
   * Every instance, in registration order. Made on first need: a model of
   * every instance of a large fleet costs several times what placing a
   * random chain does, and checking one needs only the instances it names.
   */
  get instances(): readonly ModelInstance[] {
    if (this.every === undefined) {
      const made = this.made;
      for (let index = 0; index < made.length; index += 1) made[index] ??= new ModelInstance(this.infos[index] as InstanceInfo);
      this.every = made as readonly ModelInstance[];
    }
    return this.every;
  }

  /** The instance with this id, if registered. */
  instance(id: string): ModelInstance | undefined {
    const found = this.known.get(id);
    if (found !== undefined) return found;
    this.everyId ??= new Map(this.instances.map((instance) => [instance.id, instance]));
    return this.everyId.get(id);
  }

  /** The checks of design §2 steps 1-4 for one instance, in order, stopping at the first that fails. */
  check(instance: ModelInstance, request: ModelRequest): ModelOutcome {
    let passed = 0;
    if (instance.info.status !== 'ACTIVE') return outcome(instance, { code: 'not_active', status: instance.info.status }, passed);
    passed += 1;
    if (!instance.info.agentConnected) return outcome(instance, { code: 'agent_disconnected' }, passed);
    passed += 1;
    for (const { name, value } of request.task.requiresAttributes) {
      // With a value, the instance's attribute must have exactly it; one without a value has none.
      if (value === undefined && instance.attribute(name) === undefined) return outcome(instance, { code: 'missing_attribute', attribute: name }, passed);
      if (value !== undefined && instance.attribute(name) !== value) return outcome(instance, { code: 'missing_attribute', attribute: name, value }, passed);
      passed += 1;
    }
    for (const [resource, requested] of request.task.resources) {
      const remaining = instance.remainingOf(resource);
      if (requested > remaining) return outcome(instance, { code: 'insufficient_resource', resource, requested, remaining }, passed);
      passed += 1;
    }
    for (const protocol of PROTOCOLS) {
      const inUse = protocol === 'tcp' ? instance.tcpInUse : instance.udpInUse;
      for (const port of request.task[protocol]) {
        const reserved = instance.reserves(protocol, port);
        if (reserved || inUse.has(port)) return outcome(instance, { code: 'port_in_use', protocol, port, reserved }, passed);
        passed += 1;
      }
    }
    const requested = request.task.tcp.length + request.task.udp.length;
    if (requested > 0) {
      // ECS lets an instance reserve at most 100 host ports: the agent's and its tasks' static ones, TCP and UDP together.
      const reserved = instance.info.reservedPorts.tcp.length + instance.info.reservedPorts.udp.length;
      const bound = instance.tcpInUse.size + instance.udpInUse.size;
      if (reserved + bound + requested > MAX_RESERVED_PORTS) return outcome(instance, { code: 'too_many_ports', requested, reserved, bound }, passed);
      passed += 1;
    }
    for (const constraint of request.constraints) {
      const rejection = this.violates(instance, constraint, request);
      if (rejection !== undefined) return outcome(instance, rejection, passed);
      passed += 1;
    }
    return outcome(instance, undefined, passed);
  }

  private violates(instance: ModelInstance, constraint: ModelConstraint, request: ModelRequest): Rejection | undefined {
    const { group } = request;
    switch (constraint.kind) {
      case 'memberOf':
        return evaluateQuery(constraint.query, instance.view()) ? undefined : { code: 'member_of', expression: constraint.expression };
      case 'distinctInstance': {
        // The request's own group first, then the others in the order listed: the rejection names the first that runs here.
        for (const counted of [group, ...constraint.groups]) if ((instance.groups.get(counted) ?? 0) > 0) return { code: 'distinct_instance', group: counted };
        return undefined;
      }
      case 'atMost': {
        const { field, count } = constraint;
        if (field === 'instanceId') {
          const tasks = countedOn(instance, group, constraint.groups, constraint.selector);
          return tasks < count ? undefined : { code: 'at_most', field, domain: instance.id, tasks, count };
        }
        const domain = domainOf(field, instance);
        if (domain === undefined) return { code: 'outside_domains', constraint: 'atMost', field };
        const tasks = this.census(constraint, request).counts.get(domain) ?? 0;
        return tasks < count ? undefined : { code: 'at_most', field, domain, tasks, count };
      }
      case 'spreadLimit': {
        const { field, maxSkew, domains } = constraint;
        const domain = domainOf(field, instance);
        if (domain === undefined || (domains !== undefined && !domains.includes(domain))) return { code: 'outside_domains', constraint: 'spreadLimit', field };
        const { counts, minimum, emptiest } = this.census(constraint, request);
        const tasks = counts.get(domain) ?? 0;
        // With the task, the domain would hold tasks + 1, which may be at most maxSkew above the emptiest eligible domain.
        if (tasks + 1 - minimum <= maxSkew) return undefined;
        return emptiest === undefined
          ? { code: 'spread_limit', field, domain, tasks, minimum, maxSkew }
          : { code: 'spread_limit', field, domain, tasks, minimum, maxSkew, emptiest };
      }
    }
  }

  /**
   * The census of a domain constraint for the next task: the tasks it
   * counts in each domain, over every instance whatever its state, and the
   * fewest in an eligible domain with the first domain that holds them.
   */
  private census(constraint: Extract<ModelConstraint, { readonly kind: 'spreadLimit' | 'atMost' }>, request: ModelRequest): Census {
    const kept = this.censuses.get(constraint);
    if (kept !== undefined && kept.request === request && kept.started === this.started) return kept.census;
    const groups = constraint.kind === 'atMost' ? constraint.groups : ALONE;
    const counts = new Map<string, number>();
    for (const instance of this.instances) {
      const domain = domainOf(constraint.field, instance);
      if (domain !== undefined) counts.set(domain, (counts.get(domain) ?? 0) + countedOn(instance, request.group, groups, constraint.selector));
    }
    let census: Census = { counts, minimum: 0, emptiest: undefined };
    if (constraint.kind === 'spreadLimit') {
      const eligible = constraint.domains ?? this.eligibleDomains(constraint.field, request);
      if (eligible.length >= constraint.minDomains) {
        let emptiest: string | undefined;
        let least = Infinity;
        for (const domain of eligible) {
          const tasks = counts.get(domain) ?? 0;
          // A tie goes to the least value of an attribute; instances come in registration order, so the earliest stays.
          const tieWon = tasks === least && constraint.field !== 'instanceId' && emptiest !== undefined && domain < emptiest;
          if (tasks < least || tieWon) {
            emptiest = domain;
            least = tasks;
          }
        }
        if (emptiest !== undefined) census = { counts, minimum: least, emptiest };
      }
    }
    this.censuses.set(constraint, { request, started: this.started, census });
    return census;
  }

  /**
   * The domains of the instances that could take the task if they had room,
   * each once, in registration order: ACTIVE with the agent connected, with
   * the task's required attributes, meeting every memberOf that reads only
   * attributes. Free resources, ports and the other constraints do not matter.
   */
  private eligibleDomains(field: string, request: ModelRequest): string[] {
    const seen = new Set<string>();
    for (const instance of this.instances) {
      const domain = domainOf(field, instance);
      if (domain !== undefined && !seen.has(domain) && this.couldTake(instance, request)) seen.add(domain);
    }
    return [...seen];
  }

  private couldTake(instance: ModelInstance, request: ModelRequest): boolean {
    if (instance.info.status !== 'ACTIVE' || !instance.info.agentConnected) return false;
    for (const { name, value } of request.task.requiresAttributes) {
      if (value === undefined ? instance.attribute(name) === undefined : instance.attribute(name) !== value) return false;
    }
    for (const constraint of request.constraints) {
      if (constraint.kind === 'memberOf' && constraint.attributesOnly && !evaluateQuery(constraint.query, instance.view())) return false;
    }
    return true;
  }

  /** Every instance's outcome, in registration order. */
  outcomes(request: ModelRequest): ModelOutcome[] {
    return this.instances.map((instance) => this.check(instance, request));
  }

  /** The instances that can take the next task, in registration order. */
  candidates(request: ModelRequest): ModelInstance[] {
    return this.instances.filter((instance) => this.check(instance, request).rejection === undefined);
  }

  /** The key of a binpack, spread or prefer strategy for an instance now (lower is better). */
  key(strategy: Exclude<ModelStrategy, { readonly kind: 'random' | 'custom' }>, instance: ModelInstance, group: string): number {
    if (strategy.kind === 'prefer') return -preferredWeight(strategy.preferences, instance);
    if (strategy.kind === 'binpack') return instance.remainingOf(strategy.field);
    // Each instance is its own bucket.
    if (strategy.field === 'instanceId' || strategy.field === 'host') return countedOn(instance, group, ALONE, strategy.selector);
    return this.bucketCounts(strategy.field, group, strategy.selector).get(valueOf(strategy.field, instance)) ?? 0;
  }

  /**
   * Tasks of the group (those the selector selects, with one) in each bucket
   * of an attribute, counted over every instance, whether or not it could
   * take the task.
   */
  private bucketCounts(field: string, group: string, selector: ModelSelector | undefined): Map<string | undefined, number> {
    let byKey = this.spreadCounts.get(field);
    if (byKey === undefined) {
      byKey = new Map();
      this.spreadCounts.set(field, byKey);
    }
    const key = selector === undefined ? group : `${group}\u0000${selector.family ?? ''}\u0000${selector.revision ?? ''}`;
    let tally = byKey.get(key);
    if (tally === undefined) {
      const counts = new Map<string | undefined, number>();
      for (const instance of this.instances) {
        const tasks = countedOn(instance, group, ALONE, selector);
        const bucket = valueOf(field, instance);
        if (tasks > 0) counts.set(bucket, (counts.get(bucket) ?? 0) + tasks);
      }
      tally = { group, selector, counts };
      byKey.set(key, tally);
    }
    return tally.counts;
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
      // Plain loops: every task of a ranked chain runs this over every candidate, and in code that runs a few times a
      // property, closures and iterators are allocations the collector then spends as long on as the ranking.
      const keys = new Float64Array(survivors.length);
      let best = Infinity;
      for (let index = 0; index < survivors.length; index += 1) {
        const key = this.key(strategy, survivors[index] as ModelInstance, group);
        keys[index] = key;
        if (key < best) best = key;
      }
      const kept: ModelInstance[] = [];
      for (let index = 0; index < survivors.length; index += 1) if (keys[index] === best) kept.push(survivors[index] as ModelInstance);
      survivors = kept;
      stages.push({ strategy, best, kept: survivors });
    }
    return { survivors, stages };
  }

  /** Starts the request's next task on an instance. */
  place(instance: ModelInstance, request: ModelRequest): void {
    const { task, group } = request;
    instance.hold(task.resources, task, group, task.family, task.revision);
    this.started += 1;
    for (const [field, byKey] of this.spreadCounts) {
      for (const { group: counted, selector, counts } of byKey.values()) {
        if (counted !== group || !selects(selector, task.family, task.revision)) continue;
        const bucket = valueOf(field, instance);
        counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
      }
    }
  }
}

/**
 * The summed weight of the preferences whose expression holds for an
 * instance now: the higher, the more preferred.
 */
export function preferredWeight(preferences: readonly ModelPreference[], instance: ModelInstance): number {
  let weight = 0;
  for (const preference of preferences) if (evaluateQuery(preference.query, instance.view())) weight += preference.weight;
  return weight;
}

/** What a domain constraint counts, domain by domain, for the next task. */
interface Census {
  /** Tasks of the counted groups in each domain. */
  readonly counts: ReadonlyMap<string, number>;
  /** The fewest in an eligible domain; 0 while eligible domains are fewer than `minDomains` (and for atMost, which needs none). */
  readonly minimum: number;
  /** An eligible domain holding the minimum, when there is one to name. */
  readonly emptiest: string | undefined;
}

/** An instance's domain for a spreadLimit or atMost: its id, or its value of the attribute (none when it lacks it or has no value). */
function domainOf(field: string, instance: ModelInstance): string | undefined {
  if (field === 'instanceId') return instance.id;
  return instance.attribute(field.slice('attribute:'.length)) ?? undefined;
}

/** What a spread counts in each bucket of an attribute: the tasks of a group, or those of it a selector selects. */
interface SpreadTally {
  readonly group: string;
  readonly selector: ModelSelector | undefined;
  readonly counts: Map<string | undefined, number>;
}

/** The tasks of the request's group and of the other groups counted, on one instance: all of them, or those the selector selects. */
function countedOn(instance: ModelInstance, group: string, groups: readonly string[], selector: ModelSelector | undefined): number {
  // Two plain loops rather than a closure: a spread over instances counts this for every candidate of every task.
  if (selector === undefined) {
    let tasks = instance.groups.get(group) ?? 0;
    for (const other of groups) if (other !== group) tasks += instance.groups.get(other) ?? 0;
    return tasks;
  }
  let tasks = instance.selected(group, selector);
  for (const other of groups) if (other !== group) tasks += instance.selected(other, selector);
  return tasks;
}

/** No other group counted: a spread counts the request's alone. */
const ALONE: readonly string[] = [];

/** The bucket of an attribute spread an instance falls in: its value of the attribute. */
function valueOf(field: string, instance: ModelInstance): string | undefined {
  const value = instance.attribute(field.slice('attribute:'.length));
  // Absent and valueless share one bucket.
  return value === null ? undefined : value;
}

/** A check's outcome; a function of the module, not a closure per check, since every instance is checked for every task. */
function outcome(instance: ModelInstance, rejection: Rejection | undefined, passed: number): ModelOutcome {
  return { instance, rejection, passed };
}
