/**
 * Classes of instances with identical attributes, and the verdicts of the
 * checks that read only attributes, decided once per class.
 *
 * @module
 */
import type { Constraint } from '../constraints/Constraint';
import type { InstanceState } from '../model/InstanceState';
import type { RequiredAttribute } from '../model/RequiredAttribute';
import { hasAttribute } from '../placement/checkInstance';
import { IdentityIds } from './IdentityIds';

/** Not decided yet, holds, fails: a class's verdict for one filter. */
const UNKNOWN = 0;
const HOLDS = 1;
const FAILS = 2;

/**
 * The checks of a request that read only attributes: its required
 * attributes and its constraints that say they depend on `attributes`.
 * Requests with the same ones share one filter, whose verdicts are kept per
 * class for as long as the cluster lives.
 */
export class StaticFilter {
  /** Verdict by class id: {@link UNKNOWN}, {@link HOLDS} or {@link FAILS}. */
  private verdicts = new Uint8Array(16);
  /** The OR of the class bits of every class that holds, up to `decidedUpTo`. */
  private bits = 0;
  private decidedUpTo = 0;
  /** Whether a set of classes has one that holds, and how many classes had joined the set when that was decided. */
  private readonly setVerdicts = new WeakMap<object, { readonly joined: number; readonly holds: boolean }>();

  /**
   * @param requiresAttributes - the attributes the task requires, with their values when it requires one
   * @param constraints - the request's constraints that depend only on attributes
   * @param classes - the classes it decides for
   */
  constructor(readonly requiresAttributes: readonly RequiredAttribute[], readonly constraints: readonly Constraint[], private readonly classes: AttributeClasses) {}

  /** Whether nothing is filtered: every class holds. */
  get isEmpty(): boolean {
    return this.requiresAttributes.length === 0 && this.constraints.length === 0;
  }

  /**
   * The class bits of the classes that hold: a subtree whose bits share none
   * with these has no instance the filter lets through. Classes registered
   * since the last call are decided first.
   */
  allowedBits(): number {
    if (this.isEmpty) return -1;
    const count = this.classes.count;
    while (this.decidedUpTo < count) {
      if (this.holds(this.decidedUpTo)) this.bits |= this.classes.bitOf(this.decidedUpTo);
      this.decidedUpTo += 1;
    }
    return this.bits;
  }

  /**
   * Whether some class of a set passes: a part of a view with none can be
   * skipped whole. Decided again only once a class has joined the set
   * (classes leaving it can only make a yes too generous, never wrong).
   *
   * @param classes - class ids (the keys), such as a part's classes
   * @param joined - how many classes have joined the set so far
   */
  holdsForAny(classes: ReadonlyMap<number, number>, joined: number): boolean {
    if (this.isEmpty) return true;
    const known = this.setVerdicts.get(classes);
    if (known !== undefined && known.joined === joined) return known.holds;
    let holds = false;
    for (const classId of classes.keys()) {
      if (this.holds(classId)) {
        holds = true;
        break;
      }
    }
    this.setVerdicts.set(classes, { joined, holds });
    return holds;
  }

  /** Whether instances of a class pass, decided on its first instance the first time it is asked. */
  holds(classId: number): boolean {
    if (this.isEmpty) return true;
    if (classId >= this.verdicts.length) {
      const verdicts = new Uint8Array(Math.max(classId + 1, this.verdicts.length * 2));
      verdicts.set(this.verdicts);
      this.verdicts = verdicts;
    }
    let verdict = this.verdicts[classId] as number;
    if (verdict === UNKNOWN) {
      verdict = this.decide(this.classes.representative(classId)) ? HOLDS : FAILS;
      this.verdicts[classId] = verdict;
    }
    return verdict === HOLDS;
  }

  private decide(instance: InstanceState): boolean {
    for (const required of this.requiresAttributes) if (!hasAttribute(instance, required)) return false;
    // The group and task are not read by a constraint that depends only on attributes.
    const context = { group: '', task: { resources: {}, ports: { tcp: [], udp: [] }, requiresAttributes: [] } };
    for (const constraint of this.constraints) if (constraint.check(instance, context) !== undefined) return false;
    return true;
  }
}

/** The attribute whose value picks a class's bit: ECS sets it on every instance, and memberOf names it more than any other. */
const BIT_ATTRIBUTE = 'ecs.instance-type';

/**
 * Interns attribute maps into class ids: instances whose attributes are
 * equal, whatever map holds them, share a class.
 *
 * @remarks
 * Most fleets are a few dozen kinds of instance (type by zone by a few
 * custom attributes), so a filter decided per class costs a few dozen
 * evaluations rather than one per instance. Instances registered from the
 * same frozen attributes share one map, which is recognised without
 * reading it.
 */
export class AttributeClasses {
  private readonly byMap = new WeakMap<ReadonlyMap<string, string | null>, number>();
  private readonly byContent = new Map<string, number>();
  private readonly representatives: InstanceState[] = [];
  private readonly bits: number[] = [];
  private readonly filters = new Map<string, StaticFilter>();
  private readonly constraintIds = new IdentityIds<Constraint>();
  /** The filter of requests that check no attribute. */
  readonly noFilter = new StaticFilter([], [], this);

  /** How many classes there are; ids run from 0. */
  get count(): number {
    return this.representatives.length;
  }

  /**
   * The class of an instance's attributes, made on first sight.
   *
   * @param instance - an instance; the first of a class stands for it
   */
  classOf(instance: InstanceState): number {
    const known = this.byMap.get(instance.attributes);
    if (known !== undefined) return known;
    const content = contentKey(instance.attributes);
    let id = this.byContent.get(content);
    if (id === undefined) {
      id = this.representatives.length;
      this.representatives.push(standIn(instance));
      this.bits.push(bitFor(instance.attributes, id));
      this.byContent.set(content, id);
    }
    this.byMap.set(instance.attributes, id);
    return id;
  }

  /**
   * The bit a class sets in the bounds of an ordered tree. Classes share 32
   * bits, so a bit says "some class of this bit", and an instance that passes
   * the bits test is still checked against its own class's verdict. Classes
   * of one instance type share a bit: instances of a type have alike
   * resources and so sit close together in a binpack order, and a memberOf
   * on instance types can then skip whole subtrees of other types.
   *
   * @param classId - a class id
   */
  bitOf(classId: number): number {
    return this.bits[classId] as number;
  }

  /** An instance with the class's attributes, as the class's first instance had them. */
  representative(classId: number): InstanceState {
    return this.representatives[classId] as InstanceState;
  }

  /**
   * The filter of a request's attribute-only checks, shared by every request
   * with the same required attributes (names and values) and the same such
   * constraints.
   *
   * @param requiresAttributes - the task's required attributes
   * @param constraints - every constraint of the request; those that depend on more than attributes are ignored here
   */
  filterFor(requiresAttributes: readonly RequiredAttribute[], constraints: readonly Constraint[]): StaticFilter {
    let key = '';
    let staticCount = 0;
    for (const constraint of constraints) {
      if (constraint.dependsOn !== 'attributes') continue;
      key += `#${this.constraintIds.of(constraint)}`;
      staticCount += 1;
    }
    if (staticCount === 0 && requiresAttributes.length === 0) return this.noFilter;
    // The value is part of the filter's identity: requiring arm64 and requiring x86_64 are two filters.
    // Names and values hold no control characters (validation refuses them), so these separators are unambiguous.
    for (const { name, value } of requiresAttributes) key += value === undefined ? `\u0000${name}` : `\u0000${name}\u0001${value}`;
    let filter = this.filters.get(key);
    if (filter === undefined) {
      filter = new StaticFilter([...requiresAttributes], constraints.filter((constraint) => constraint.dependsOn === 'attributes'), this);
      this.filters.set(key, filter);
    }
    return filter;
  }
}

/**
 * What stands for a class when its verdicts are decided: its first instance
 * with the attributes it had then. The instance itself would not do: an
 * update gives it other attributes (another class), and a verdict decided
 * after that would be the new class's, cached for the old one. Every other
 * field is read from the instance as it is now.
 *
 * @remarks
 * A view that delegates, not `Object.create(instance)`: an object used as a
 * prototype gets a map of its own in V8, and the instance records that stood
 * for classes then made every property read of a record megamorphic.
 */
function standIn(instance: InstanceState): InstanceState {
  return new ClassStandIn(instance, instance.attributes);
}

/** The {@link standIn} of a class: the attributes it was made with, and the instance's other fields as they are. */
class ClassStandIn implements InstanceState {
  constructor(private readonly instance: InstanceState, readonly attributes: ReadonlyMap<string, string | null>) {}
  get id(): string { return this.instance.id; }
  get ec2InstanceId(): string | undefined { return this.instance.ec2InstanceId; }
  get agentConnected(): boolean { return this.instance.agentConnected; }
  get agentVersion(): string | undefined { return this.instance.agentVersion; }
  get registeredAt(): number | undefined { return this.instance.registeredAt; }
  get runningTasksCount(): number { return this.instance.runningTasksCount; }
  get taskGroups(): ReadonlyMap<string, number> { return this.instance.taskGroups; }
  get selectedTasks(): ReadonlyMap<string, number> { return this.instance.selectedTasks; }
  get status(): InstanceState['status'] { return this.instance.status; }
  get registeredResources(): Readonly<Record<string, number>> { return this.instance.registeredResources; }
  get remainingResources(): Readonly<Record<string, number>> { return this.instance.remainingResources; }
  get reservedPorts(): InstanceState['reservedPorts'] { return this.instance.reservedPorts; }
  get portsInUse(): InstanceState['portsInUse'] { return this.instance.portsInUse; }
  get registrationOrder(): number { return this.instance.registrationOrder; }
}

function bitFor(attributes: ReadonlyMap<string, string | null>, classId: number): number {
  const type = attributes.get(BIT_ATTRIBUTE);
  if (typeof type !== 'string') return 1 << (classId & 31);
  let hash = 0;
  for (let index = 0; index < type.length; index += 1) hash = (Math.imul(hash, 31) + type.charCodeAt(index)) | 0;
  return 1 << (hash & 31);
}

/** The attributes as one string, in name order, so that equal contents give equal strings. */
function contentKey(attributes: ReadonlyMap<string, string | null>): string {
  const names = [...attributes.keys()].sort();
  // Names and values cannot hold control characters (validation refuses them), so these separators are unambiguous.
  return names.map((name) => {
    const value = attributes.get(name);
    return value === null || value === undefined ? `${name}\u0001` : `${name}\u0002${value}`;
  }).join('\u0003');
}
