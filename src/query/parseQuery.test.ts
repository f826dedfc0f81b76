import { describe, expect, it } from 'vitest';
import { shape, withoutSpans } from '../../test/support/shape';
import { parseQuery } from './parseQuery';
import { printQuery } from './printQuery';

const canonical = (text: string): string => printQuery(parseQuery(text));

describe('parseQuery operators', () => {
  it.each([
    ['==', 'equals', '=='],
    ['!=', 'not_equals', '!='],
    ['>', 'greater_than', '>'],
    ['>=', 'greater_than_equal', '>='],
    ['<', 'less_than', '<'],
    ['<=', 'less_than_equal', '<='],
    ['=~', 'matches', '=~'],
    ['!~', 'not_matches', '!~'],
  ])('reads %s and %s as the same operator', (symbol, word, expected) => {
    const value = symbol.includes('~') ? 't2.*' : '5';
    expect(canonical(`attribute:x ${symbol} ${value}`)).toBe(`attribute:x ${expected} ${value}`);
    expect(canonical(`attribute:x ${word} ${value}`)).toBe(`attribute:x ${expected} ${value}`);
    expect(canonical(`attribute:x ${word.toUpperCase()} ${value}`)).toBe(`attribute:x ${expected} ${value}`);
  });

  it.each([
    ['attribute:x exists', 'attribute:x exists'],
    ['attribute:x EXISTS', 'attribute:x exists'],
    ['attribute:x !exists', 'attribute:x !exists'],
    ['attribute:x not_exists', 'attribute:x !exists'],
    ['attribute:x in [a, b]', 'attribute:x in [a, b]'],
    ['attribute:x IN [a,b]', 'attribute:x in [a, b]'],
    ['attribute:x !in [a, b]', 'attribute:x !in [a, b]'],
    ['attribute:x not_in [a, b]', 'attribute:x !in [a, b]'],
    ['attribute:x in[a]', 'attribute:x in [a]'],
  ])('reads %s', (text, expected) => {
    expect(canonical(text)).toBe(expected);
  });
});

describe('parseQuery precedence', () => {
  it('binds not tighter than and, and and tighter than or', () => {
    expect(shape(parseQuery('attribute:a exists or attribute:b exists and not attribute:c exists'))).toBe(
      'or(attribute:a exists, and(attribute:b exists, not(attribute:c exists)))',
    );
  });

  it('lets parentheses override precedence', () => {
    expect(shape(parseQuery('(attribute:a exists or attribute:b exists) and attribute:c exists'))).toBe(
      'and(or(attribute:a exists, attribute:b exists), attribute:c exists)',
    );
  });

  it('accepts the symbol connectives and mixed case keywords', () => {
    expect(shape(parseQuery('attribute:a exists || attribute:b exists && ! attribute:c exists'))).toBe(
      shape(parseQuery('attribute:a exists OR attribute:b exists And NOT attribute:c exists')),
    );
  });

  it('collects a chain of one connective into one node', () => {
    expect(shape(parseQuery('attribute:a exists and attribute:b exists and attribute:c exists'))).toBe(
      'and(attribute:a exists, attribute:b exists, attribute:c exists)',
    );
  });

  it('reads not(...) and !(...) without a space', () => {
    expect(shape(parseQuery('not(task:group == database)'))).toBe('not(task:group == database)');
    expect(shape(parseQuery('!(task:group == database)'))).toBe('not(task:group == database)');
    expect(shape(parseQuery('not not attribute:a exists'))).toBe('not(not(attribute:a exists))');
  });

  it('treats redundant parentheses as grouping only', () => {
    expect(withoutSpans(parseQuery('((attribute:a exists))'))).toEqual(withoutSpans(parseQuery('attribute:a exists')));
  });
});

describe('parseQuery values', () => {
  it.each([
    ['attribute:ecs.instance-type==t2.nano', 'attribute:ecs.instance-type == t2.nano'],
    ['runningTasksCount>=1', 'runningTasksCount >= 1'],
    ['attribute:a==b&&attribute:c!=d', 'attribute:a == b and attribute:c != d'],
    ['attribute:a==b||attribute:c=~d.*', 'attribute:a == b or attribute:c =~ d.*'],
    ['(attribute:a==b)and(attribute:c==d)', 'attribute:a == b and attribute:c == d'],
    ['  attribute:a\t==\nb  ', 'attribute:a == b'],
  ])('reads the whitespace-free or spaced form %s', (text, expected) => {
    expect(canonical(text)).toBe(expected);
  });

  it.each([
    ["attribute:a == 'two words'", 'two words'],
    ['attribute:a == "two words"', 'two words'],
    ["attribute:a == 'it''s'", "it's"],
    ['attribute:a == "say ""hi"""', 'say "hi"'],
    ["attribute:a == 'x,y'", 'x,y'],
    ["attribute:a == '(x)'", '(x)'],
    ["attribute:a == ''", ''],
    ["attribute:a =~ '\\d+'", '\\d+'],
    ['task:group == service:web', 'service:web'],
    ['attribute:a == and', 'and'],
    ['attribute:a == !b', '!b'],
    ['attribute:a == a|b', 'a|b'],
  ])('reads the value of %s', (text, value) => {
    const node = parseQuery(text);
    expect(node.kind === 'condition' && node.argument?.kind === 'value' ? node.argument.text : undefined).toBe(value);
  });

  it('reads lists with bare and quoted items', () => {
    const node = parseQuery("attribute:a in [ x , 'y z', \"w\"]");
    expect(node.kind === 'condition' && node.argument?.kind === 'list' ? node.argument.items.map((item) => item.text) : []).toEqual([
      'x', 'y z', 'w',
    ]);
  });

  it('records offsets for every node', () => {
    const node = parseQuery('not(attribute:a in [x, y]) or runningTasksCount > 2');
    expect(node).toMatchObject({ kind: 'or', start: 0, end: 51 });
    if (node.kind !== 'or') throw new Error('expected or');
    expect(node.operands[0]).toMatchObject({
      kind: 'not', start: 0, end: 25,
      operand: {
        kind: 'condition', start: 4, end: 25,
        subject: { start: 4, end: 15, attribute: 'a' },
        argument: { kind: 'list', start: 19, end: 25, items: [{ start: 20, end: 21 }, { start: 23, end: 24 }] },
      },
    });
    expect(node.operands[1]).toMatchObject({ kind: 'condition', start: 30, end: 51, argument: { start: 50, end: 51 } });
  });

  it('accepts each documented registeredAt form', () => {
    for (const date of ['2018-06-18T22:28:28+00:00', '2018-06-18T22:28:28Z', '2018-06-18T22:28:28', '2018-06-18']) {
      expect(canonical(`registeredAt < ${date}`)).toBe(`registeredAt < ${date}`);
    }
  });

  it('accepts every subject with an operator it allows', () => {
    for (const text of [
      'agentConnected == true', 'agentConnected in [true, false]', 'agentConnected =~ t.*',
      'agentVersion >= 1.14.5', 'ec2InstanceId != i-1', 'ec2InstanceId =~ i-.*',
      'registeredAt >= 2018-02-13', 'runningTasksCount <= 3',
      'task:group exists', 'task:group !in [a]', 'attribute:a/b\\c_d-e.f exists',
    ]) {
      expect(() => parseQuery(text), text).not.toThrow();
    }
  });
});
