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
import { compareVersions, parseVersion } from './parseVersion';
import { readValue, type TypedValue } from './readValue';
import type { RegexProgram } from './regex/compileRegex';
import type { ValueType } from './subjects';

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
        const value = instance.attributes.get(name);
        return value !== undefined && value !== null && test(value, stats);
      };
    }
    case 'task:group':
      return (instance, test, stats) => {
        for (const [group, count] of instance.taskGroups) if (count > 0 && test(group, stats)) return true;
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
      const wanted = argument as readonly number[];
      return (value) => {
        const version = parseVersion(value as string);
        return version === undefined ? undefined : compareVersions(version, wanted);
      };
    }
    case 'date':
    case 'integer':
      return (value) => (value as number) - (argument as number);
  }
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Attribute values compare as numbers when both sides are numbers, otherwise as strings. */
function compareAttribute(argument: string): (value: string | number | boolean) => number {
  const argumentNumber = NUMBER.test(argument) ? Number(argument) : undefined;
  return (value) => {
    const text = value as string;
    if (argumentNumber !== undefined && NUMBER.test(text)) return Number(text) - argumentNumber;
    return text === argument ? 0 : text < argument ? -1 : 1;
  };
}
