/**
 * Compiles one condition into a predicate over instances.
 *
 * Every subject is read as the values it has on an instance: none when it is
 * absent, one for a scalar subject, one per task group for `task:group`. A
 * comparison holds when some value satisfies it. That one rule gives the
 * decisions documented for the language: `!=` on an attribute holds only
 * where the attribute has another value; an attribute without a value
 * satisfies `exists` and no comparison; `task:group == x` holds when some
 * task on the instance is in group x.
 *
 * @module
 */
import type { ConditionNode, SubjectNode, ValueNode } from './ast';
import type { InstanceView } from './InstanceView';
import type { QueryStats } from './QueryStats';
import { ruleFor } from './checkCondition';
import { wrongAttributeValue, wrongTaskGroup } from './checkInstanceView';
import { compareToDecimal, readDecimal } from './compareDecimals';
import { compareVersions, parseVersion } from './parseVersion';
import { readValue, type TypedValue } from './readValue';
import type { RegexProgram } from './regex/compileRegex';
import type { ValueType } from './subjects';

/** Versions a compiled comparison keeps the answer for; past this many it reads each one again, so memory stays bounded. */
const MOST_KNOWN_VERSIONS = 256;

/** A compiled expression. */
export type InstancePredicate = (instance: InstanceView, stats: QueryStats | undefined) => boolean;

/** A test of one subject value (already known to be present). */
type ValueTest = (value: string | number | boolean, stats: QueryStats | undefined) => boolean;

/**
 * Compiles a condition.
 *
 * @param condition - the condition
 * @returns a predicate that counts itself in `stats.conditions` when stats are given
 */
export function compileCondition(condition: ConditionNode): InstancePredicate {
  const { subject, operator } = condition;
  if (operator === 'exists' || operator === '!exists') {
    const present = presence(subject);
    const wanted = operator === 'exists';
    return (instance, stats) => {
      if (stats !== undefined) stats.conditions += 1;
      return present(instance) === wanted;
    };
  }
  const test = valueTest(condition);
  const some = quantify(subject);
  return (instance, stats) => {
    if (stats !== undefined) stats.conditions += 1;
    return some(instance, test, stats);
  };
}

function presence(subject: SubjectNode): (instance: InstanceView) => boolean {
  if (subject.name === 'attribute') {
    const name = subject.attribute;
    return (instance) => instance.attributes.has(name);
  }
  return (instance) => hasTaskGroup(instance);
}

function hasTaskGroup(instance: InstanceView): boolean {
  for (const count of instance.taskGroups.values()) if (count > 0) return true;
  return false;
}

/** "Some value of the subject passes the test" for each kind of subject. */
function quantify(subject: SubjectNode): (instance: InstanceView, test: ValueTest, stats: QueryStats | undefined) => boolean {
  switch (subject.name) {
    case 'attribute': {
      const name = subject.attribute;
      return (instance, test, stats) => {
        const value: unknown = instance.attributes.get(name);
        if (value === undefined || value === null) return false;
        if (typeof value !== 'string') throw wrongAttributeValue(name, value);
        return test(value, stats);
      };
    }
    case 'task:group':
      return (instance, test, stats) => {
        for (const [group, count] of instance.taskGroups as ReadonlyMap<unknown, unknown>) {
          if (typeof group !== 'string' || typeof count !== 'number') throw wrongTaskGroup(group, count);
          if (count > 0 && test(group, stats)) return true;
        }
        return false;
      };
    case 'agentConnected':
      return (instance, test, stats) => test(instance.agentConnected, stats);
    case 'agentVersion':
      return (instance, test, stats) => instance.agentVersion !== undefined && test(instance.agentVersion, stats);
    case 'ec2InstanceId':
      return (instance, test, stats) => instance.ec2InstanceId !== undefined && test(instance.ec2InstanceId, stats);
    case 'registeredAt':
      return (instance, test, stats) => instance.registeredAt !== undefined && test(instance.registeredAt, stats);
    case 'runningTasksCount':
      return (instance, test, stats) => test(instance.runningTasksCount, stats);
  }
}

function valueTest(condition: ConditionNode): ValueTest {
  const { operator, argument } = condition;
  const type = ruleFor(condition.subject).type;
  const items: readonly ValueNode[] = argument === undefined ? [] : argument.kind === 'list' ? argument.items : [argument];
  const values = items.map((item) => readOwnValue(type, condition, item));
  switch (operator) {
    case '=~':
    case '!~':
      return patternTest(values[0] as RegexProgram, operator === '=~');
    case 'in':
    case '!in': {
      const keys = new Set(values.map(keyOf));
      const wanted = operator === 'in';
      return (value) => keys.has(keyOf(value)) === wanted;
    }
    default: {
      const equality = operator === '==' || operator === '!=';
      const compare = comparator(type, values[0] as TypedValue, equality);
      const accept = ORDER_TESTS[operator as keyof typeof ORDER_TESTS];
      return (value) => {
        const order = compare(value);
        return order !== undefined && accept(order);
      };
    }
  }
}

/** Reads a value of a possibly hand-built tree; faults point into the value's own text. */
function readOwnValue(type: ValueType, condition: ConditionNode, item: ValueNode): TypedValue {
  return readValue(type, condition.operator, { kind: 'value', text: item.text, start: 0, end: item.text.length }, item.text);
}

const ORDER_TESTS = {
  '==': (order: number) => order === 0,
  '!=': (order: number) => order !== 0,
  '>': (order: number) => order > 0,
  '>=': (order: number) => order >= 0,
  '<': (order: number) => order < 0,
  '<=': (order: number) => order <= 0,
};

/** Booleans match patterns and lists as the words `true` and `false`. */
function keyOf(value: TypedValue | string | number | boolean): string {
  return typeof value === 'string' ? value : String(value);
}

function patternTest(program: RegexProgram, wanted: boolean): ValueTest {
  return (value, stats) => {
    const text = keyOf(value);
    if (stats === undefined) return program.matches(text) === wanted;
    const { matched, steps } = program.run(text);
    stats.regexSteps += steps;
    return matched === wanted;
  };
}

/** Orders an instance's value against the argument; `undefined` when they cannot be compared. */
function comparator(type: ValueType, argument: TypedValue, equality: boolean): (value: string | number | boolean) => number | undefined {
  switch (type) {
    case 'string':
      // == and != are string (in)equality, as ECS documents; only ordering reads numbers.
      return equality ? (value) => (value === argument ? 0 : 1) : compareAttribute(argument as string);
    case 'boolean':
      return (value) => (value === argument ? 0 : 1);
    case 'version': {
      const wanted = argument as readonly string[];
      // A fleet runs a handful of agent versions: each is read and compared once, not once per instance.
      const known = new Map<string, number | undefined>();
      return (value) => {
        const text = value as string;
        if (known.has(text)) return known.get(text);
        const version = parseVersion(text);
        const order = version === undefined ? undefined : compareVersions(version, wanted);
        if (known.size < MOST_KNOWN_VERSIONS) known.set(text, order);
        return order;
      };
    }
    case 'date': {
      // ECS compares registration times to the second: 22:28:28.500 is 22:28:28.
      // The argument is a whole second (no documented form has a fraction).
      const second = (argument as number) / 1000;
      return (value) => Math.floor((value as number) / 1000) - second;
    }
    case 'integer':
      return compareCount(argument as bigint);
  }
}

/** A count beyond 2^53 is beyond every instance's, so it compares without arithmetic that would round it. */
function compareCount(argument: bigint): (value: string | number | boolean) => number {
  if (argument > BigInt(Number.MAX_SAFE_INTEGER)) return () => -1;
  if (argument < BigInt(Number.MIN_SAFE_INTEGER)) return () => 1;
  const count = Number(argument);
  return (value) => (value as number) - count;
}

/** Attribute values compare as numbers, exactly, when both sides are decimal numbers, otherwise as strings. */
function compareAttribute(argument: string): (value: string | number | boolean) => number {
  const argumentNumber = readDecimal(argument);
  return (value) => {
    const text = value as string;
    const order = argumentNumber === undefined ? undefined : compareToDecimal(text, argumentNumber);
    if (order !== undefined) return order;
    return text === argument ? 0 : text < argument ? -1 : 1;
  };
}
