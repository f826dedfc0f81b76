/**
 * Where the indexed engine puts the next task: the reference chain's choice,
 * found in the fleet's ordered views instead of by looking at every
 * instance.
 *
 * How a chain is read (strategies before the first `draw`; nothing after it
 * matters):
 *
 *   groupTasks with an attribute  -> a bucket level: the view splits the
 *                                    fleet by that attribute's values
 *   instance                      -> a local level: the view orders each
 *                                    part by the key
 *   groupTasks without attribute  -> the group level: the group's tasks on
 *                                    the instance, searched count by count
 *   draw                          -> the tie among the best, by the order
 *                                    one draw gives the instances
 *   anything                      -> not indexed: the reference code places
 *
 * The best of one part is the first instance in view order that passes
 * every check (with the group level: the first with no task of the group,
 * else the first with the fewest); the best overall is the lowest of the
 * parts' bests by the whole chain, then registration order.
 *
 * Domain constraints (spreadLimit, atMost over an attribute) split the view
 * by their attribute too, and before each task a census refuses whole parts
 * whose domain may take no more; a spreadLimit over instances becomes a
 * limit on the group's tasks an instance may run, checked entry by entry.
 *
 * A strategy or constraint with a task selector counts under the selection's
 * counting key rather than the group: each bucket level and domain limit
 * reads its own key's tally, and the group level and the instance limit one
 * key each (a chain whose group levels, or instance limits, count different
 * keys goes to the reference code).
 *
 * @module
 */
import type { Constraint } from '../constraints/Constraint';
import { isDomainConstraint, type DomainConstraint } from '../constraints/DomainConstraint';
import { RESERVED_PORT_LIMIT } from '../model/reservedPortLimit';
import type { InstanceStrategy, Strategy } from '../model/Strategy';
import { countingKey, isSelectionKey, tasksCounted, type TaskSelector } from '../model/TaskSelector';
import type { PlacementPlan } from '../placement/planPlacement';
import { RandomOrder } from '../random/RandomOrder';
import type { SeededRandom } from '../random/SeededRandom';
import type { InstanceRecord } from '../state/InstanceRecord';
import type { StaticFilter } from './AttributeClasses';
import { RATIOS, type Fleet } from './Fleet';
import type { FleetView, Partition } from './FleetView';
import type { GroupTally, GroupTasks } from './GroupTasks';
import { passesCheapTests, type OrderedTree, type TreeQuery } from './OrderedTree';

/** One level of an indexed chain. */
type ChainLevel =
  | { readonly kind: 'bucket'; readonly attribute: string; readonly index: number; readonly key: string }
  | { readonly kind: 'local'; readonly index: number }
  | { readonly kind: 'group' };

/** A request as the indexed engine searches for it; made once per request. */
export interface IndexedRequest {
  readonly plan: PlacementPlan;
  /** The view its levels search; undefined when the chain draws first, since a draw needs no order. */
  readonly view: FleetView | undefined;
  readonly levels: readonly ChainLevel[];
  /** How many local levels come before the group level, or -1 without one. */
  readonly localBeforeGroup: number;
  /** What the group level counts: the group, or a selection's counting key; the group without a group level. */
  readonly groupKey: string;
  /** Whether `groupKey` counts a selection (an instance's `selectedTasks`) rather than the group (its `taskGroups`). */
  readonly groupSelected: boolean;
  /** What the spreadLimits over instances count, as `groupKey`. */
  readonly limitKey: string;
  readonly limitSelected: boolean;
  /** For the task under way: the tally each bucket level reads, by level. */
  readonly levelTallies: (GroupTally | undefined)[];
  readonly draws: boolean;
  readonly filter: StaticFilter;
  readonly demandColumns: Int32Array;
  readonly demandAmounts: Float64Array;
  /** False when the task demands a resource no instance has registered: nothing can take it. */
  readonly satisfiable: boolean;
  /** The constraints checked instance by instance (those that depend on the instance). */
  readonly dynamic: readonly Constraint[];
  readonly hasPorts: boolean;
  /** Domain constraints over an attribute, with the index of their attribute among the view's and the counting keys they sum. */
  readonly domainLimits: readonly { readonly constraint: DomainConstraint; readonly index: number; readonly keys: readonly string[] }[];
  /** spreadLimits over instances: they limit the group's tasks on the instance chosen. */
  readonly instanceLimits: readonly DomainConstraint[];
  /** For the task under way: 1 for each part the census refuses. */
  refused: Uint8Array;
  /** For the task under way: the most tasks of the group an instance may run to take one more; Infinity for no limit. */
  instanceLimit: number;
  /** The fleet's shape version when `eligible` was counted, and what was counted: domains by constraint, or instances. */
  eligibleAt: number;
  eligible: Map<DomainConstraint, readonly string[]>;
  eligibleInstances: number;
}

/** Where a search for one group, part and kind of candidate last ended, and when. */
interface Memo {
  readonly tree: OrderedTree;
  /** The group's count on the instance that the search looked for; -1 for any. */
  readonly count: number;
  /** The last request that used it: requests alike that are not kept are new objects, and comparing with the last is one test. */
  request: IndexedRequest;
  /** The request's instance limit when the search ran: entries turned down under one limit may pass under another. */
  readonly limit: number;
  readonly prefix: Float64Array;
  /** Every entry before (untilKeys, untilOrder) failed the search at `time`, or changed since; an order of Infinity when the search found nothing. */
  untilKeys: Float64Array;
  untilOrder: number;
  time: number;
  /** Entries the last search from the start turned down before its answer: the length of the dead front. */
  frontSkips: number;
  /** Searches since then that started from the memo. */
  uses: number;
  /** Memos of an earlier registration numbering are void. */
  readonly epoch: number;
}

/** The most memos one group keeps; a group places one or two kinds of task. */
const MEMOS_PER_GROUP = 8;
/**
 * A search starts from its memo once a search from the start turned down
 * more entries than this (or an eighth of the fleet, on small fleets):
 * listing what changed in front of the memo costs more than a short dead
 * front does.
 */
const MEMO_AFTER_SKIPS = 32;
/** Searches from the memo before one from the start measures the dead front again. */
const MEMO_USES = 64;
/** Tie runs up to this long (or an eighth of the fleet, on small fleets) are listed to find the first in the draw's order; longer ones are walked. */
const LISTED_TIES = 512;

/** Views are made per partition attributes and ordering strategies; selections are counted once a request reads them. */
export interface ViewSource {
  view(attributes: readonly string[], strategies: readonly InstanceStrategy[]): FleetView;
  trackSelection(key: string, group: string): void;
}

/** A part's best candidate, with its group count. */
interface Candidate {
  slot: number;
  partition: number;
  count: number;
}

/**
 * Finds, request by request and task by task, the instance the reference
 * chain would choose.
 */
export class IndexedChooser {
  private readonly memos = new WeakMap<GroupTally, Memo[]>();
  private readonly order = new RandomOrder();
  private readonly prefix = new Float64Array(8);
  private readonly query: TreeQuery & { request: IndexedRequest | undefined; count: number };
  private readonly best: Candidate = { slot: -1, partition: -1, count: 0 };
  private readonly candidate: Candidate = { slot: -1, partition: -1, count: 0 };
  private tied = new Uint8Array(8);
  private epoch = 0;
  /** Entries turned down by the checks the trees cannot bound, counted to measure dead fronts. */
  private rejections = 0;

  /**
   * @param fleet - the fleet's slots and columns
   * @param groups - every group's tasks
   */
  constructor(private readonly fleet: Fleet, private readonly groups: GroupTasks) {
    const chooser = this;
    this.query = {
      fromKeys: this.prefix, fromKeyCount: 0, fromOrder: -Infinity, prefix: this.prefix, prefixLength: 0,
      demandColumns: new Int32Array(0), demandAmounts: new Float64Array(0), demandCount: 0, allowedBits: -1,
      request: undefined, count: -1,
      accept(slot: number): boolean {
        return chooser.passes(slot, this.request as IndexedRequest, this.count);
      },
    };
  }

  /**
   * Reads a request for the indexed search.
   *
   * @param plan - the request
   * @param views - where its view comes from
   * @returns the indexed request, or undefined when a strategy before the
   *   draw is opaque, or when the chain's spreads over instances (or the
   *   spreadLimits over instances) count different selections of the group,
   *   which one search count by count cannot follow
   */
  prepare(plan: PlacementPlan, views: ViewSource): IndexedRequest | undefined {
    const levels: ChainLevel[] = [];
    const attributes: string[] = [];
    const strategies: InstanceStrategy[] = [];
    const { group } = plan;
    const selections = new Set<string>();
    const keyOf = (selector: TaskSelector | undefined, of = group): string => {
      const key = countingKey(of, selector);
      if (selector !== undefined) selections.add(key);
      return key;
    };
    let localBeforeGroup = -1;
    let groupKey: string | undefined;
    let draws = false;
    for (const strategy of plan.strategies as readonly Strategy[]) {
      if (strategy.dependsOn === 'draw') {
        draws = true;
        break;
      }
      if (strategy.dependsOn === 'instance') {
        levels.push({ kind: 'local', index: strategies.length });
        strategies.push(strategy);
      } else if (strategy.dependsOn === 'groupTasks') {
        const attribute = strategy.bucketAttribute;
        const key = keyOf(strategy.taskSelector);
        if (attribute === undefined) {
          if (groupKey !== undefined && groupKey !== key) return undefined;
          groupKey = key;
          if (localBeforeGroup < 0) localBeforeGroup = strategies.length;
          levels.push({ kind: 'group' });
        } else {
          if (!attributes.includes(attribute)) attributes.push(attribute);
          levels.push({ kind: 'bucket', attribute, index: attributes.indexOf(attribute), key });
        }
      } else {
        return undefined;
      }
    }
    const domainLimits: { constraint: DomainConstraint; index: number; keys: readonly string[] }[] = [];
    const instanceLimits: DomainConstraint[] = [];
    let limitKey: string | undefined;
    for (const constraint of plan.constraints) {
      if (!isDomainConstraint(constraint)) continue;
      const { attribute, taskSelector } = constraint;
      if (attribute === undefined) {
        // A spreadLimit over instances counts the request's group alone.
        const key = keyOf(taskSelector);
        if (limitKey !== undefined && limitKey !== key) return undefined;
        limitKey = key;
        instanceLimits.push(constraint);
        continue;
      }
      if (!attributes.includes(attribute)) attributes.push(attribute);
      const keys = [keyOf(taskSelector), ...constraint.groups.filter((other) => other !== group).map((other) => keyOf(taskSelector, other))];
      domainLimits.push({ constraint, index: attributes.indexOf(attribute), keys });
    }
    for (const key of selections) views.trackSelection(key, key.slice(0, key.indexOf('\u0000')));
    const columns = plan.resources.map((name) => this.fleet.column(name));
    const amounts = plan.resources.map((name) => plan.task.resources[name] ?? 0);
    const cpu = plan.task.resources['cpu'] ?? 0;
    const memory = plan.task.resources['memory'] ?? 0;
    const ratio = cpu > 0 && memory > 0 ? nearestRatio(memory / cpu) : -1;
    return {
      plan,
      view: levels.length === 0 && draws && domainLimits.length === 0 ? undefined : views.view(attributes, strategies),
      levels,
      localBeforeGroup,
      groupKey: groupKey ?? group,
      groupSelected: groupKey !== undefined && isSelectionKey(groupKey),
      limitKey: limitKey ?? group,
      limitSelected: limitKey !== undefined && isSelectionKey(limitKey),
      levelTallies: levels.map(() => undefined),
      draws,
      filter: this.fleet.classes.filterFor(plan.task.requiresAttributes, plan.constraints),
      // The ratio column first: it alone rules out instances that have the CPU or the memory but not both.
      demandColumns: Int32Array.from(ratio < 0 ? columns : [ratio, ...columns]),
      demandAmounts: Float64Array.from(ratio < 0 ? amounts : [Math.min((RATIOS[ratio] as number) * cpu, memory), ...amounts]),
      satisfiable: columns.every((column) => column >= 0),
      dynamic: plan.constraints.filter((constraint) => constraint.dependsOn === 'instance'),
      hasPorts: plan.task.ports.tcp.length + plan.task.ports.udp.length > 0,
      domainLimits,
      instanceLimits,
      refused: new Uint8Array(domainLimits.length === 0 ? 0 : 8),
      instanceLimit: Infinity,
      eligibleAt: -1,
      eligible: new Map(),
      eligibleInstances: 0,
    };
  }

  /**
   * The instance for the next task: the slot the reference chain would
   * choose, or -1 when no instance can take the task. Takes one draw from
   * `random` when the chain has a draw and some instance can take the task.
   *
   * @param request - from {@link IndexedChooser.prepare}; its view must be fresh
   * @param now - the current change time, for the memos
   * @param random - the cluster's generator
   * @param span - registration positions given out: what a draw orders
   */
  choose(request: IndexedRequest, now: number, random: SeededRandom, span: number): number {
    if (!request.satisfiable) return -1;
    const tally = this.groups.get(request.groupKey);
    const { levels, levelTallies } = request;
    for (let index = 0; index < levels.length; index += 1) {
      const level = levels[index] as ChainLevel;
      if (level.kind === 'bucket') levelTallies[index] = this.groups.get(level.key);
    }
    if (request.domainLimits.length > 0 || request.instanceLimits.length > 0) this.takeCensus(request);
    if (request.view === undefined) {
      // Every candidate ties: the first in the draw's order is the choice, and no draw is taken when there is none.
      const chosen = this.firstInDrawOrder(request, random.peek(), span);
      if (chosen >= 0) random.next();
      return chosen;
    }
    const { partitions } = request.view as FleetView;
    const best = this.best;
    best.slot = -1;
    const first = request.levels[0];
    const firstTally = levelTallies[0];
    const byFirstBucket = first?.kind === 'bucket' ? this.partitionsByCount(partitions, first, firstTally) : undefined;
    const count = byFirstBucket?.length ?? partitions.length;
    for (let position = 0; position < count; position += 1) {
      const index = byFirstBucket === undefined ? position : (byFirstBucket[position] as number);
      const partition = partitions[index] as Partition;
      if (partition.tree.size === 0 || request.refused[index] === 1 || !request.filter.holdsForAny(partition.classes, partition.classesJoined)) continue;
      // Parts come lowest count first: once one has a candidate, a part with a higher count cannot win.
      if (byFirstBucket !== undefined && best.slot >= 0 && first?.kind === 'bucket'
        && bucketCount(firstTally, first, partition) > bucketCount(firstTally, first, partitions[best.partition] as Partition)) break;
      if (!this.bestOfPartition(request, index, tally, now)) continue;
      if (best.slot < 0 || this.compare(request, this.candidate, best) < 0) {
        best.slot = this.candidate.slot;
        best.partition = this.candidate.partition;
        best.count = this.candidate.count;
      }
    }
    if (best.slot < 0 || !request.draws) return best.slot;
    this.markTies(request);
    return this.drawAmongTies(request, random.next(), span, best.count);
  }

  /**
   * The census of the request's domain constraints for the next task: the
   * parts whose domain may take no more are marked refused, and a
   * spreadLimit over instances sets the most tasks of the group an instance
   * may run. The reference engine's census (`withCensus`) is the
   * specification; this one reads the group's counts by bucket and asks the
   * trees which domains hold an instance that could take a task.
   */
  private takeCensus(request: IndexedRequest): void {
    if (request.eligibleAt !== this.fleet.shapeVersion) {
      request.eligibleAt = this.fleet.shapeVersion;
      request.eligible.clear();
      request.eligibleInstances = request.instanceLimits.length > 0 ? this.countEligible(request) : 0;
    }
    if (request.domainLimits.length > 0) {
      const { partitions } = request.view as FleetView;
      if (request.refused.length < partitions.length) request.refused = new Uint8Array(partitions.length * 2);
      request.refused.fill(0, 0, partitions.length);
      for (const { constraint, index, keys } of request.domainLimits) {
        const attribute = constraint.attribute as string;
        const tallies = keys.map((key) => this.groups.get(key));
        const tasksIn = (domain: string): number => {
          let tasks = 0;
          for (const counted of tallies) tasks += counted?.bucketCount(attribute, domain) ?? 0;
          return tasks;
        };
        let minimum = 0;
        if (constraint.needsMinimum) {
          const eligible = this.eligibleDomains(request, constraint, index);
          if (eligible.length >= constraint.minDomains) {
            minimum = Infinity;
            for (const domain of eligible) minimum = Math.min(minimum, tasksIn(domain));
          }
        }
        for (let part = 0; part < partitions.length; part += 1) {
          if (request.refused[part] === 1) continue;
          const domain = (partitions[part] as Partition).buckets[index];
          const outside = domain === undefined || (constraint.domains !== undefined && !constraint.domains.includes(domain));
          if (outside || tasksIn(domain) > constraint.mostTasks(minimum)) request.refused[part] = 1;
        }
      }
    }
    request.instanceLimit = Infinity;
    if (request.instanceLimits.length === 0) return;
    const minimum = this.leastOnAnInstance(request, this.groups.get(request.limitKey));
    for (const constraint of request.instanceLimits) {
      request.instanceLimit = Math.min(request.instanceLimit, constraint.mostTasks(request.eligibleInstances < constraint.minDomains ? 0 : minimum));
    }
  }

  /** The values of an attribute whose parts hold an instance that could take a task (or the listed domains), counted once per fleet shape. */
  private eligibleDomains(request: IndexedRequest, constraint: DomainConstraint, index: number): readonly string[] {
    if (constraint.domains !== undefined) return constraint.domains;
    let eligible = request.eligible.get(constraint);
    if (eligible !== undefined) return eligible;
    const values = new Set<string>();
    const query = this.eligibilityQuery(request);
    for (const partition of (request.view as FleetView).partitions) {
      const domain = partition.buckets[index];
      if (domain === undefined || values.has(domain) || partition.tree.size === 0) continue;
      if (partition.tree.first(query) >= 0) values.add(domain);
    }
    eligible = [...values];
    request.eligible.set(constraint, eligible);
    return eligible;
  }

  /** A search for any instance that takes tasks and passes the request's attribute filter, whatever its room. */
  private eligibilityQuery(request: IndexedRequest): TreeQuery {
    const { filter } = request;
    const classIds = this.fleet.classIds;
    return {
      fromKeys: this.prefix, fromKeyCount: 0, fromOrder: -Infinity, prefix: this.prefix, prefixLength: 0,
      demandColumns: new Int32Array(0), demandAmounts: new Float64Array(0), demandCount: 0, allowedBits: filter.allowedBits(),
      accept: (slot) => filter.holds(classIds[slot] as number),
    };
  }

  /** Instances that take tasks and pass the request's attribute filter, counted by walking the fleet. */
  private countEligible(request: IndexedRequest): number {
    let count = 0;
    this.forEachEligible(request, () => {
      count += 1;
    });
    return count;
  }

  /** Calls `visit` with every instance that takes tasks and passes the request's attribute filter, walking the fleet. */
  private forEachEligible(request: IndexedRequest, visit: (record: InstanceRecord) => void): void {
    const query = this.eligibilityQuery(request);
    for (let slot = 0; slot < this.fleet.slotSpan; slot += 1) {
      const record = this.fleet.records[slot];
      if (record !== undefined && passesCheapTests(this.fleet, slot, query) && query.accept(slot)) visit(record);
    }
  }

  /**
   * The fewest tasks of the group on an eligible instance: 0 when eligible
   * instances outnumber those running any task of the group, else found by
   * walking the fleet.
   */
  private leastOnAnInstance(request: IndexedRequest, tally: GroupTally | undefined): number {
    if (tally === undefined) return 0;
    let running = 0;
    for (const instances of tally.ladder.values()) running += instances;
    if (request.eligibleInstances > running) return 0;
    let least = Infinity;
    this.forEachEligible(request, (record) => {
      least = Math.min(least, tasksCounted(record, request.limitKey, request.limitSelected));
    });
    return least === Infinity ? 0 : least;
  }

  /** Forgets every memo: registration orders were rewritten. */
  clearMemos(): void {
    // Memos live with their groups, out of reach; each checks the epoch it was made in.
    this.epoch += 1;
  }

  /** Partition indexes by the group's count in their bucket of the first level, lowest first. */
  private partitionsByCount(partitions: readonly Partition[], level: { readonly index: number; readonly attribute: string }, tally: GroupTally | undefined): number[] {
    const indexes = partitions.map((_, index) => index);
    if (tally === undefined) return indexes;
    const counts = partitions.map((partition) => tally.bucketCount(level.attribute, partition.buckets[level.index]));
    return indexes.sort((a, b) => (counts[a] as number) - (counts[b] as number) || a - b);
  }

  /** Finds a part's best candidate into `candidate`; false when the part has none. */
  private bestOfPartition(request: IndexedRequest, index: number, tally: GroupTally | undefined, now: number): boolean {
    const { tree } = (request.view as FleetView).partitions[index] as Partition;
    const candidate = this.candidate;
    candidate.partition = index;
    candidate.count = 0;
    if (request.localBeforeGroup < 0) {
      candidate.slot = this.search(request, tree, tally, -1, 0, now);
      return candidate.slot >= 0;
    }
    // The group level: the fewest of the group's tasks, among the best on the local levels before it.
    let prefixLength = 0;
    if (request.localBeforeGroup > 0) {
      const leader = this.search(request, tree, tally, -1, 0, now);
      if (leader < 0) return false;
      prefixLength = request.localBeforeGroup;
      for (let level = 0; level < prefixLength; level += 1) this.prefix[level] = (request.view as FleetView).keyOf(leader, level);
    }
    candidate.slot = this.search(request, tree, tally, 0, prefixLength, now);
    if (candidate.slot >= 0 || tally === undefined) return candidate.slot >= 0;
    for (const count of tally.counts()) {
      candidate.slot = this.search(request, tree, tally, count, prefixLength, now);
      if (candidate.slot >= 0) {
        candidate.count = count;
        return true;
      }
    }
    return false;
  }

  /**
   * The first entry of a tree, from the start of the key prefix in
   * `this.prefix`, that passes every check and runs `count` tasks of the
   * group (any number for -1). A memo of the group's last such search
   * skips what failed then and has not changed since.
   */
  private search(request: IndexedRequest, tree: OrderedTree, tally: GroupTally | undefined, count: number, prefixLength: number, now: number): number {
    const query = this.setQuery(request, count, prefixLength);
    const needsMemo = tally !== undefined && (count >= 0 || request.dynamic.length > 0 || request.hasPorts || !request.filter.isEmpty || request.instanceLimit !== Infinity);
    if (!needsMemo) return tree.first(query);
    const memo = this.memoFor(tally, tree, request, count, prefixLength);
    let found = -1;
    // Measuring the front again walks all of it, so a long front is measured as rarely as it is long: at most one entry per use.
    if (memo.time >= 0 && memo.frontSkips > this.smallShare(MEMO_AFTER_SKIPS) && memo.uses < Math.max(MEMO_USES, memo.frontSkips)) {
      memo.uses += 1;
      found = tree.changedBefore(memo.untilKeys, memo.untilOrder, memo.time, this.changedQualifies);
      if (found < 0) {
        if (memo.untilOrder === Infinity) {
          // Still nothing: what changed was just checked, so the memo holds as of now.
          memo.time = now;
          return -1;
        }
        query.fromKeys = memo.untilKeys;
        query.fromKeyCount = tree.keyCount;
        query.fromOrder = memo.untilOrder;
        found = tree.first(query);
      }
    } else {
      const rejected = this.rejections;
      found = tree.first(query);
      memo.frontSkips = this.rejections - rejected;
      memo.uses = 0;
    }
    query.fromKeys = this.prefix;
    if (found < 0) {
      memo.untilKeys.fill(Infinity);
      memo.untilOrder = Infinity;
    } else {
      for (let level = 0; level < tree.keyCount; level += 1) memo.untilKeys[level] = (request.view as FleetView).keyOf(found, level);
      memo.untilOrder = (this.fleet.records[found] as InstanceRecord).registrationOrder;
    }
    memo.time = now;
    return found;
  }

  private setQuery(request: IndexedRequest, count: number, prefixLength: number): TreeQuery & { request: IndexedRequest | undefined } {
    const query = this.query;
    query.fromKeys = this.prefix;
    query.fromKeyCount = prefixLength;
    query.fromOrder = -Infinity;
    query.prefixLength = prefixLength;
    query.demandColumns = request.demandColumns;
    query.demandAmounts = request.demandAmounts;
    query.demandCount = request.demandColumns.length;
    query.allowedBits = request.filter.allowedBits();
    query.request = request;
    query.count = count;
    return query;
  }

  /** {@link IndexedChooser.qualifies} for an entry changed in front of a memo, which must also be inside the query's prefix. */
  private readonly changedQualifies = (slot: number): boolean => {
    const query = this.query;
    return this.inPrefix((query.request as IndexedRequest).view as FleetView, slot, query.prefixLength) && this.qualifies(slot, query);
  };

  /** The tree's cheap tests and then {@link IndexedChooser.passes}, for entries a memo brings back. */
  private qualifies(slot: number, query: TreeQuery): boolean {
    return passesCheapTests(this.fleet, slot, query) && query.accept(slot);
  }

  private inPrefix(view: FleetView, slot: number, prefixLength: number): boolean {
    for (let level = 0; level < prefixLength; level += 1) if (view.keyOf(slot, level) !== this.prefix[level]) return false;
    return true;
  }

  /**
   * The checks the trees cannot bound: the exact class verdict (bits are
   * shared by classes), ports and the port limit, the constraints checked
   * instance by instance, and the group's count on the instance.
   */
  private passes(slot: number, request: IndexedRequest, count: number): boolean {
    if (this.passesChecks(slot, request, count)) return true;
    this.rejections += 1;
    return false;
  }

  private passesChecks(slot: number, request: IndexedRequest, count: number): boolean {
    if (!request.filter.holds(this.fleet.classIds[slot] as number)) return false;
    const record = this.fleet.records[slot] as InstanceRecord;
    if (count >= 0 && tasksCounted(record, request.groupKey, request.groupSelected) !== count) return false;
    if (request.instanceLimit !== Infinity && tasksCounted(record, request.limitKey, request.limitSelected) > request.instanceLimit) return false;
    if (request.hasPorts && !portsFree(record, request.plan)) return false;
    for (const constraint of request.dynamic) if (constraint.check(record, request.plan) !== undefined) return false;
    return true;
  }

  private memoFor(tally: GroupTally, tree: OrderedTree, request: IndexedRequest, count: number, prefixLength: number): Memo {
    let memos = this.memos.get(tally);
    if (memos === undefined) this.memos.set(tally, (memos = []));
    for (let index = 0; index < memos.length; index += 1) {
      const memo = memos[index] as Memo;
      if (memo.tree !== tree || memo.count !== count || memo.limit !== request.instanceLimit || !sameChecks(memo.request, request) || !samePrefix(memo.prefix, this.prefix, prefixLength)) continue;
      if (memo.epoch === this.epoch) {
        memo.request = request;
        return memo;
      }
      memos.splice(index, 1);
      break;
    }
    const memo: Memo = {
      tree, count, request, limit: request.instanceLimit, prefix: Float64Array.from(this.prefix.subarray(0, prefixLength)),
      untilKeys: new Float64Array(tree.keyCount), untilOrder: -Infinity, time: -1, frontSkips: 0, uses: 0, epoch: this.epoch,
    };
    if (memos.length >= MEMOS_PER_GROUP) memos.shift();
    memos.push(memo);
    return memo;
  }

  /** A limit, or an eighth of the fleet when that is less (at least 2), so that small fleets take the paths large ones take. */
  private smallShare(limit: number): number {
    return Math.min(limit, Math.max(2, this.fleet.size >> 3));
  }

  /** Orders two candidates by the chain, then by registration order. */
  private compare(request: IndexedRequest, a: Candidate, b: Candidate): number {
    const { partitions } = request.view as FleetView;
    const { levels, levelTallies } = request;
    for (let index = 0; index < levels.length; index += 1) {
      const level = levels[index] as ChainLevel;
      let difference: number;
      if (level.kind === 'bucket') {
        const tally = levelTallies[index];
        difference = bucketCount(tally, level, partitions[a.partition] as Partition) - bucketCount(tally, level, partitions[b.partition] as Partition);
      } else if (level.kind === 'local') {
        const keyA = (request.view as FleetView).keyOf(a.slot, level.index);
        const keyB = (request.view as FleetView).keyOf(b.slot, level.index);
        difference = keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
      } else {
        difference = a.count - b.count;
      }
      if (difference !== 0) return difference;
    }
    return (this.fleet.records[a.slot] as InstanceRecord).registrationOrder - (this.fleet.records[b.slot] as InstanceRecord).registrationOrder;
  }

  /**
   * The candidate that comes first in the order `u` gives registration
   * positions, for a chain that draws before it ranks: the order is walked
   * until a candidate turns up, or, after as many steps as there are
   * instances, every instance is checked and the lowest rank kept.
   */
  private firstInDrawOrder(request: IndexedRequest, u: number, span: number): number {
    this.order.reset(u, span);
    const query = this.setQuery(request, -1, 0);
    const steps = Math.min(span, this.fleet.size + 64);
    for (let k = 0; k < steps; k += 1) {
      const slot = this.fleet.slotOfOrder(this.order.at(k));
      if (slot >= 0 && this.qualifies(slot, query)) return slot;
    }
    let chosen = -1;
    let chosenRank = Infinity;
    for (let slot = 0; slot < this.fleet.slotSpan; slot += 1) {
      const record = this.fleet.records[slot];
      if (record === undefined || !this.qualifies(slot, query)) continue;
      const rank = this.order.rankOf(record.registrationOrder);
      if (rank < chosenRank) {
        chosenRank = rank;
        chosen = slot;
      }
    }
    return chosen;
  }

  /** Marks the parts that tie the best's on every bucket level, and loads the best's keys as the tie's prefix. */
  private markTies(request: IndexedRequest): void {
    const { partitions } = request.view as FleetView;
    const best = this.best;
    const bestPartition = partitions[best.partition] as Partition;
    if (this.tied.length < partitions.length) this.tied = new Uint8Array(partitions.length * 2);
    for (let index = 0; index < partitions.length; index += 1) {
      const partition = partitions[index] as Partition;
      this.tied[index] = index === best.partition
        || (request.refused[index] !== 1 && this.sameBuckets(request, partition, bestPartition) && request.filter.holdsForAny(partition.classes, partition.classesJoined)) ? 1 : 0;
    }
    for (let level = 0; level < bestPartition.tree.keyCount; level += 1) this.prefix[level] = (request.view as FleetView).keyOf(best.slot, level);
  }

  /**
   * The draw among the tied parts' candidates whose keys are the prefix's
   * and whose group count is `count` (any for -1): the one that comes first
   * in the order `u` gives registration positions wins. Short runs of ties
   * in keyed views are listed and their ranks compared; otherwise the order
   * is walked until the first tie.
   */
  private drawAmongTies(request: IndexedRequest, u: number, span: number, count: number): number {
    const { partitions } = request.view as FleetView;
    let tiedSize = 0;
    for (let index = 0; index < partitions.length; index += 1) if (this.tied[index] === 1) tiedSize += (partitions[index] as Partition).tree.size;
    const keyCount = (request.view as FleetView).strategies.length;
    this.order.reset(u, span);
    if (keyCount > 0) {
      const listed = this.listTies(request, count, this.smallShare(LISTED_TIES));
      if (listed >= 0) return listed;
    }
    const query = this.setQuery(request, request.localBeforeGroup >= 0 ? count : -1, keyCount);
    // Walking costs about span / ties steps and listing about the tied parts' size, which bounds the walk:
    // the two together cost at most twice the cheaper. Keyed ties are known to be many here.
    const steps = keyCount > 0 ? span : Math.min(span, tiedSize + 64);
    for (let k = 0; k < steps; k += 1) {
      const slot = this.fleet.slotOfOrder(this.order.at(k));
      if (slot < 0) continue;
      const partition = (request.view as FleetView).partitionOf(slot);
      if (partition < 0 || this.tied[partition] !== 1) continue;
      if (keyCount > 0 && !this.inPrefix(request.view as FleetView, slot, keyCount)) continue;
      if (this.qualifies(slot, query)) return slot;
    }
    return this.listTies(request, count, Infinity);
  }

  /**
   * Lists the ties of every tied part (the run of entries with the best's
   * keys that pass every check) and returns the one first in the draw's
   * order, or -1 when there are more than `limit`.
   */
  private listTies(request: IndexedRequest, count: number, limit: number): number {
    const { partitions } = request.view as FleetView;
    const keyCount = (request.view as FleetView).strategies.length;
    const query = this.setQuery(request, request.localBeforeGroup >= 0 ? count : -1, keyCount);
    const accept = query.accept;
    let chosen = -1;
    let chosenRank = Infinity;
    let listed = 0;
    query.accept = (slot) => {
      if (!accept.call(query, slot)) return false;
      listed += 1;
      const rank = this.order.rankOf((this.fleet.records[slot] as InstanceRecord).registrationOrder);
      if (rank < chosenRank) {
        chosenRank = rank;
        chosen = slot;
      }
      return listed > limit;
    };
    try {
      for (let index = 0; index < partitions.length && listed <= limit; index += 1) {
        if (this.tied[index] === 1) (partitions[index] as Partition).tree.first(query);
      }
    } finally {
      query.accept = accept;
    }
    return listed > limit ? -1 : chosen;
  }

  /** Whether two parts tie on every bucket level. */
  private sameBuckets(request: IndexedRequest, a: Partition, b: Partition): boolean {
    const { levels, levelTallies } = request;
    for (let index = 0; index < levels.length; index += 1) {
      const level = levels[index] as ChainLevel;
      if (level.kind === 'bucket' && bucketCount(levelTallies[index], level, a) !== bucketCount(levelTallies[index], level, b)) return false;
    }
    return true;
  }
}

/** The ratio column closest to a task's MiB per CPU unit, on a log scale. */
function nearestRatio(perCpu: number): number {
  let nearest = 0;
  for (let index = 1; index < RATIOS.length; index += 1) {
    if (Math.abs(Math.log(RATIOS[index] as number / perCpu)) < Math.abs(Math.log(RATIOS[nearest] as number / perCpu))) nearest = index;
  }
  return nearest;
}

/** The group's tasks in a part's bucket of a bucket level. */
function bucketCount(tally: GroupTally | undefined, level: { readonly index: number; readonly attribute: string }, partition: Partition): number {
  return tally === undefined ? 0 : tally.bucketCount(level.attribute, partition.buckets[level.index]);
}

/**
 * Whether the task's static ports are free on the instance (neither reserved
 * by the agent nor bound by a task) and fit under the limit of reserved host
 * ports: a port that is free can still be one too many.
 */
function portsFree(record: InstanceRecord, plan: PlacementPlan): boolean {
  const { tcp, udp } = plan.task.ports;
  for (const port of tcp) if (record.reservedPorts.tcp.has(port) || record.portsInUse.tcp.has(port)) return false;
  for (const port of udp) if (record.reservedPorts.udp.has(port) || record.portsInUse.udp.has(port)) return false;
  const held = record.reservedPorts.tcp.size + record.reservedPorts.udp.size + record.portsInUse.tcp.size + record.portsInUse.udp.size;
  return held + tcp.length + udp.length <= RESERVED_PORT_LIMIT;
}

/** Whether two requests check instances alike: the same demands, class filter, ports and instance-by-instance constraints. */
function sameChecks(a: IndexedRequest, b: IndexedRequest): boolean {
  if (a === b) return true;
  return a.filter === b.filter && a.plan.group === b.plan.group && a.groupKey === b.groupKey && a.limitKey === b.limitKey
    && sameNumbers(a.demandColumns, b.demandColumns) && sameNumbers(a.demandAmounts, b.demandAmounts)
    && sameNumbers(a.plan.task.ports.tcp, b.plan.task.ports.tcp) && sameNumbers(a.plan.task.ports.udp, b.plan.task.ports.udp)
    && a.dynamic.length === b.dynamic.length && a.dynamic.every((constraint, index) => constraint === b.dynamic[index]);
}

function sameNumbers(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

function samePrefix(kept: Float64Array, prefix: Float64Array, length: number): boolean {
  if (kept.length !== length) return false;
  for (let level = 0; level < length; level += 1) if (kept[level] !== prefix[level]) return false;
  return true;
}
