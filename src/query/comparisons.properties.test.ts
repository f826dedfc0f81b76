import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { makeInstanceView } from '../../test/support/makeInstanceView';
import type { InstanceView } from './InstanceView';
import { evaluateQuery } from './evaluateQuery';
import { parseQuery } from './parseQuery';
import { runs } from '../../test/support/runs';

type Ordering = '==' | '!=' | '>' | '>=' | '<' | '<=';
const ORDERINGS: readonly Ordering[] = ['==', '!=', '>', '>=', '<', '<='];
const ordering = fc.constantFrom(...ORDERINGS);

/** What an operator says about two values the oracle has already ordered. */
function accepts(operator: Ordering, order: number): boolean {
  switch (operator) {
    case '==': return order === 0;
    case '!=': return order !== 0;
    case '>': return order > 0;
    case '>=': return order >= 0;
    case '<': return order < 0;
    case '<=': return order <= 0;
  }
}

const sign = (difference: bigint): number => (difference > 0n ? 1 : difference < 0n ? -1 : 0);
const holds = (expression: string, instance: InstanceView): boolean => evaluateQuery(parseQuery(expression), instance);

describe('registeredAt compares whole seconds', () => {
  const firstSecond = Date.UTC(2000, 0, 1) / 1000;
  const lastSecond = Date.UTC(2030, 0, 1) / 1000;
  /** The argument's second, written in one of the forms ECS lists (the bare date only at midnight). */
  const argument = fc
    .record({
      second: fc.integer({ min: firstSecond, max: lastSecond }),
      zoneMinutes: fc.constantFrom(0, 60, -300, 330, 840),
      form: fc.constantFrom('Z', 'none', 'offset', 'date'),
    })
    .map(({ second, zoneMinutes, form }) => {
      const midnight = form === 'date' ? Math.floor(second / 86_400) * 86_400 : second;
      const iso = new Date(midnight * 1000).toISOString().slice(0, 19);
      if (form === 'date') return { second: midnight, text: iso.slice(0, 10) };
      if (form === 'none') return { second, text: iso };
      if (form === 'Z') return { second, text: `${iso}Z` };
      const local = new Date((second + zoneMinutes * 60) * 1000).toISOString().slice(0, 19);
      const offset = `${zoneMinutes < 0 ? '-' : '+'}${String(Math.floor(Math.abs(zoneMinutes) / 60)).padStart(2, '0')}:${String(Math.abs(zoneMinutes) % 60).padStart(2, '0')}`;
      return { second, text: `${local}${offset}` };
    });

  test.prop([argument, fc.integer({ min: -2, max: 2 }), fc.integer({ min: 0, max: 999 }), ordering], { numRuns: runs(500) })(
    'orders the second an instance registered in, whatever its milliseconds',
    ({ second, text }, offset, milliseconds, operator) => {
      const instance = { ...makeInstanceView(), registeredAt: (second + offset) * 1000 + milliseconds };
      expect(holds(`registeredAt ${operator} ${text}`, instance), `${operator} ${text} at +${offset}s ${milliseconds}ms`).toBe(accepts(operator, offset));
    },
  );

  it.each<[string, boolean]>([
    ['registeredAt == 2018-06-18T22:28:28Z', true],
    ['registeredAt != 2018-06-18T22:28:28Z', false],
    ['registeredAt > 2018-06-18T22:28:28Z', false],
    ['registeredAt <= 2018-06-18T22:28:28Z', true],
    ['registeredAt >= 2018-06-18T22:28:28+00:00', true],
    ['registeredAt < 2018-06-18T22:28:29', true],
  ])('reads an instance registered at 22:28:28.500 as 22:28:28: %s is %s', (expression, expected) => {
    expect(holds(expression, makeInstanceView({ registeredAt: '2018-06-18T22:28:28.500Z' }))).toBe(expected);
  });
});

/** Decimal texts as attribute values and arguments may write them: signs, leading zeros, fractions, exponents, and far past 2^53 and double range. */
const decimal = fc
  .record({
    sign: fc.constantFrom('', '-', '+'),
    whole: fc.oneof(fc.stringMatching(/^[0-9]{0,3}$/), fc.stringMatching(/^[0-9]{15,25}$/), fc.constantFrom('9'.repeat(400), `1${'0'.repeat(320)}`)),
    fraction: fc.option(fc.stringMatching(/^[0-9]{0,20}$/), { nil: undefined }),
    exponent: fc.option(fc.integer({ min: -400, max: 400 }), { nil: undefined }),
  })
  .filter(({ whole, fraction }) => whole !== '' || (fraction !== undefined && fraction !== ''))
  .map(({ sign, whole, fraction, exponent }) => `${sign}${whole}${fraction === undefined ? '' : `.${fraction}`}${exponent === undefined ? '' : `e${exponent}`}`);

/** Orders two decimal texts exactly, as integers scaled to a common power of ten. */
function compareExactly(a: string, b: string): number {
  const read = (text: string): { mantissa: bigint; scale: number } => {
    const [number = '', exponent = '0'] = text.toLowerCase().split('e');
    const [whole = '', fraction = ''] = number.replace(/^[+-]/, '').split('.');
    const mantissa = BigInt(`${whole}${fraction}` || '0') * (number.startsWith('-') ? -1n : 1n);
    return { mantissa, scale: Number(exponent) - fraction.length };
  };
  const x = read(a);
  const y = read(b);
  const common = Math.min(x.scale, y.scale);
  return sign(x.mantissa * 10n ** BigInt(x.scale - common) - y.mantissa * 10n ** BigInt(y.scale - common));
}

describe('attribute orderings compare numbers exactly', () => {
  const orderingOnly = fc.constantFrom<Ordering>('>', '>=', '<', '<=');

  test.prop([decimal, decimal, orderingOnly], { numRuns: runs(1000) })('agree with exact arithmetic on any two decimal numbers', (value, argument, operator) => {
    const instance = makeInstanceView({ attributes: { x: value } });
    expect(holds(`attribute:x ${operator} ${argument}`, instance)).toBe(accepts(operator, compareExactly(value, argument)));
  });

  test.prop([decimal], { numRuns: runs(300) })('find every number equal to itself', (value) => {
    const instance = makeInstanceView({ attributes: { x: value } });
    expect(holds(`attribute:x >= ${value} and attribute:x <= ${value}`, instance)).toBe(true);
    expect(holds(`attribute:x > ${value} or attribute:x < ${value}`, instance)).toBe(false);
  });

  it.each<[string, string, boolean]>([
    ['9007199254740993', 'attribute:x > 9007199254740992', true],
    ['9007199254740992', 'attribute:x < 9007199254740993', true],
    ['1e400', 'attribute:x > 1e399', true],
    ['-1e400', 'attribute:x < -1e399', true],
    ['0.1000000000000000000001', 'attribute:x > 0.1', true],
    ['1e-400', 'attribute:x > 0', true],
    ['-0', 'attribute:x >= 0', true],
  ])('orders %s: %s is %s', (value, expression, expected) => {
    expect(holds(expression, makeInstanceView({ attributes: { x: value } }))).toBe(expected);
  });
});

describe('agentVersion compares components exactly', () => {
  const component = fc.oneof(fc.stringMatching(/^[0-9]{1,3}$/), fc.stringMatching(/^[0-9]{16,30}$/), fc.constant('9'.repeat(400)));
  const version = fc.array(component, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('.'));

  function compareVersionsExactly(a: string, b: string): number {
    const x = a.split('.').map(BigInt);
    const y = b.split('.').map(BigInt);
    for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
      const order = sign((x[i] ?? 0n) - (y[i] ?? 0n));
      if (order !== 0) return order;
    }
    return 0;
  }

  test.prop([version, version, ordering], { numRuns: runs(1000) })('agree with exact arithmetic on every component', (value, argument, operator) => {
    const instance = makeInstanceView({ agentVersion: value });
    expect(holds(`agentVersion ${operator} ${argument}`, instance)).toBe(accepts(operator, compareVersionsExactly(value, argument)));
  });

  test.prop([fc.array(version, { minLength: 1, maxLength: 400 }), version, ordering], { numRuns: runs(100) })(
    'agree with exact arithmetic when one parsed query reads many instances, some versions again',
    (values, argument, operator) => {
      const query = parseQuery(`agentVersion ${operator} ${argument}`);
      // Each version twice, the second time after every other: a kept answer must be the version's own.
      for (const value of [...values, ...values]) {
        expect(evaluateQuery(query, makeInstanceView({ agentVersion: value })), value).toBe(accepts(operator, compareVersionsExactly(value, argument)));
      }
    },
  );

  it('answers alike past the 256 versions a parsed query keeps answers for', () => {
    const query = parseQuery('agentVersion >= 1.150.0');
    const versions = Array.from({ length: 300 }, (_, minor) => `1.${minor}.0`);
    const answers = () => versions.map((agentVersion) => evaluateQuery(query, makeInstanceView({ agentVersion })));
    const expected = versions.map((_, minor) => minor >= 150);
    expect(answers()).toEqual(expected);
    expect(answers()).toEqual(expected);
  });

  it('finds a version of 400 nines equal to itself', () => {
    const nines = '9'.repeat(400);
    expect(holds(`agentVersion == ${nines}`, makeInstanceView({ agentVersion: nines }))).toBe(true);
    expect(holds(`agentVersion == 1.${nines}`, makeInstanceView({ agentVersion: `1.${nines}.0` }))).toBe(true);
    expect(holds(`agentVersion < 1.${nines}`, makeInstanceView({ agentVersion: `1.${'9'.repeat(399)}8` }))).toBe(true);
  });
});

describe('runningTasksCount compares with any whole number', () => {
  const count = fc.oneof(fc.integer({ min: -5, max: 1_000_005 }).map(String), fc.stringMatching(/^-?[0-9]{16,40}$/));

  test.prop([fc.integer({ min: 0, max: 1_000_000 }), count, ordering], { numRuns: runs(500) })('agrees with exact arithmetic', (running, argument, operator) => {
    const instance = { ...makeInstanceView(), runningTasksCount: running };
    expect(holds(`runningTasksCount ${operator} ${argument}`, instance)).toBe(accepts(operator, sign(BigInt(running) - BigInt(argument))));
  });

  it('reads a count past 2^53 rather than calling it not a whole number', () => {
    expect(holds('runningTasksCount < 9007199254740993', makeInstanceView())).toBe(true);
    expect(holds('runningTasksCount > -99999999999999999999', makeInstanceView())).toBe(true);
  });
});
