import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { queryNode } from '../arbitraries/query';
import type { QueryVocabulary } from '../arbitraries/QueryConstraints';
import { withoutSpans } from '../../test/support/shape';
import type { ConditionNode, QueryNode, ValueNode } from './ast';
import { parseQuery } from './parseQuery';
import { printQuery } from './printQuery';
import { QueryError } from './QueryError';
import { QUERY_LIMITS } from './queryLimits';
import { runs } from '../../test/support/runs';

const VOCABULARY: QueryVocabulary = {
  attributes: { stack: ['prod', 'a b', "it's", 'x&', 'y|', '=x', '!', ''], 'ecs.instance-type': ['t2.small', 'm5.large'] },
  groups: ['service:web', 'family:db'],
  agentVersions: ['1.9.9', '1.10.0'],
  dates: ['2018-02-13', '2018-02-13T10:00:00Z'],
  ec2InstanceIds: ['i-abcd1234'],
  patterns: ['t2.*', '(a|b)+', 'x?'],
};

/** Parsing the text gives back `tree` (offsets aside) and keeps within the limits. */
function expectReadsBack(text: string, tree: QueryNode): void {
  expect(text.length, text).toBeLessThanOrEqual(QUERY_LIMITS.maxLength);
  expect(withoutSpans(parseQuery(text)), text).toEqual(withoutSpans(tree));
}

/** The spellings a person may choose for one operator, all read as the same operator. */
const SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  '==': ['==', 'equals', 'EQUALS'], '!=': ['!=', 'not_equals'], '>': ['>', 'greater_than'], '>=': ['>=', 'greater_than_equal'],
  '<': ['<', 'less_than'], '<=': ['<=', 'less_than_equal'], exists: ['exists', 'EXISTS'], '!exists': ['!exists', 'not_exists'],
  in: ['in', 'IN'], '!in': ['!in', 'not_in'], '=~': ['=~', 'matches'], '!~': ['!~', 'not_matches'],
};
const NEEDS_QUOTES = /[\s'"()[\],]|&&|\|\|/;
const OPERATOR_CHARS = /^[=!<>~]/;

/**
 * Writes a tree as a person might: any spelling of each operator and
 * connective, quotes or not, spaces or none where the grammar allows, and
 * parentheses where the tree needs them or, now and then, where it does not.
 * An oracle independent of the printer for "this text parses to that tree".
 * Options are listed shortest first, and a terse writer always takes the
 * first: the shortest text of the tree.
 */
class Writer {
  constructor(private readonly choose: (count: number) => number, private readonly terse: boolean) {}

  node(node: QueryNode): string {
    const text = this.bare(node);
    return !this.terse && this.pick([false, false, false, true]) ? `(${text})` : text;
  }

  private pick<T>(options: readonly T[]): T {
    return options[this.terse ? 0 : this.choose(options.length)] as T;
  }

  private bare(node: QueryNode): string {
    switch (node.kind) {
      case 'or':
      case 'and': {
        const connective = node.kind === 'and' ? this.pick(['&&', '&& ', ' and ', ' AND ']) : this.pick(['||', ' || ', ' or ', ' OR ']);
        return node.operands
          .map((operand) => (operand.kind === 'or' || (operand.kind === 'and' && node.kind === 'and') ? `(${this.node(operand)})` : this.node(operand)))
          .reduce((left, right) => `${left}${needsSpace(left, connective) ? ' ' : ''}${connective}${right}`);
      }
      case 'not': {
        const operand = node.operand.kind === 'condition' || node.operand.kind === 'not' ? this.node(node.operand) : `(${this.node(node.operand)})`;
        const not = this.pick(['!', '! ', 'not ', 'NOT ']);
        return operand.startsWith('(') && not === 'not ' ? this.pick(['not', 'not ']) + operand : not + operand;
      }
      case 'condition':
        return this.condition(node);
    }
  }

  private condition({ subject, operator, argument }: ConditionNode): string {
    const spelling = this.pick(SPELLINGS[operator] ?? [operator]);
    const word = /^[a-z_]+$/i.test(spelling);
    const head = `${subject.name === 'attribute' ? `attribute:${subject.attribute}` : subject.name}${word ? ' ' : this.pick(['', ' '])}${spelling}`;
    if (argument === undefined) return head;
    if (argument.kind === 'list') return `${head}${this.pick(['', ' '])}[${argument.items.map((item) => this.value(item)).join(this.pick([',', ', ']))}]`;
    const value = this.value(argument);
    const space = word || OPERATOR_CHARS.test(value) ? ' ' : this.pick(['', ' ']);
    return `${head}${space}${value}`;
  }

  private value({ text }: ValueNode): string {
    if (text !== '' && !NEEDS_QUOTES.test(text) && this.pick([true, true, false])) return text;
    const quote = count(text, "'") > count(text, '"') ? this.pick(['"', "'"]) : this.pick(["'", '"']);
    return `${quote}${text.split(quote).join(quote + quote)}${quote}`;
  }
}

function count(text: string, quote: string): number {
  return text.split(quote).length - 1;
}

/** `x&` followed by `&&` would read as `x` and `&&&`. */
function needsSpace(left: string, connective: string): boolean {
  return connective.startsWith(left.slice(-1)) && (connective.startsWith('&') || connective.startsWith('|'));
}

const writer = fc.infiniteStream(fc.nat()).map((choices) => {
  const stream = choices[Symbol.iterator]();
  return new Writer((count) => (stream.next().value as number) % count, false);
});
const terse = new Writer(() => 0, true);

const condition = queryNode({ ...VOCABULARY, maxDepth: 0 });
const tree = queryNode({ ...VOCABULARY, maxDepth: 4, maxOperands: 4 });

/** Trees up to and past both limits: a chain of nots above a long `and` or `or`, whose operands may be trees themselves. */
const largeTree = fc
  .record({
    nots: fc.nat({ max: 55 }),
    kind: fc.constantFrom<'and' | 'or'>('and', 'or'),
    operands: fc.array(fc.oneof({ weight: 5, arbitrary: condition }, { weight: 1, arbitrary: tree }), { minLength: 2, maxLength: 90, size: 'max' }),
  })
  .map(({ nots, kind, operands }) => {
    let node: QueryNode = { kind, operands, start: 0, end: 0 };
    for (let i = 0; i < nots; i += 1) node = { kind: 'not', operand: node, start: 0, end: 0 };
    return node;
  });

/** The tree as parsed from its shortest text, or the limit error that text meets. */
function parseShortest(node: QueryNode): QueryNode | QueryError {
  try {
    return parseQuery(terse.node(node));
  } catch (error) {
    if (error instanceof QueryError) return error;
    throw error;
  }
}

describe('printQuery prints text that parses back to the same tree', () => {
  test.prop([tree, writer], { numRuns: runs(500) })('for trees parsed from text written in any style', (generated, write) => {
    const text = write.node(generated);
    fc.pre(text.length <= QUERY_LIMITS.maxLength);
    const parsed = parseQuery(text);
    expectReadsBack(printQuery(parsed), parsed);
  });

  test.prop([largeTree], { numRuns: runs(200) })('for every tree some text of which is within the limits, and refuses the others', (generated) => {
    const shortest = parseShortest(generated);
    if (shortest instanceof QueryError) {
      // A tree past both limits may be reported for either.
      const limit = expect.stringMatching(/^(expression_too_long|nesting_too_deep)$/);
      expect(shortest.code).toEqual(limit);
      expect(() => printQuery(generated)).toThrow(expect.objectContaining({ code: limit }));
      return;
    }
    expectReadsBack(printQuery(shortest), shortest);
    expectReadsBack(printQuery(generated), generated);
  });

  test.prop([fc.array(fc.constantFrom('!', 'not ', 'not(', '(', '!('), { minLength: 1, maxLength: 60 }), condition], { numRuns: runs(300) })(
    'for nots and parentheses nested up to the depth limit',
    (openers, inner) => {
      const depth = openers.reduce((sum, opener) => sum + (opener === 'not(' || opener === '!(' ? 2 : 1), 0);
      fc.pre(depth <= QUERY_LIMITS.maxDepth);
      const closers = openers.map((opener) => (opener.endsWith('(') ? ')' : '')).reverse().join('');
      const parsed = parseQuery(`${openers.join('')}${terse.node(inner)}${closers}`);
      expectReadsBack(printQuery(parsed), parsed);
    },
  );
});

describe('printQuery at the limits', () => {
  const leaf = 'attribute:a exists';

  it('prints 26 nested nots, whose not(...) form would nest 52 deep', () => {
    const parsed = parseQuery(`${'not '.repeat(26)}${leaf}`);
    expectReadsBack(printQuery(parsed), parsed);
  });

  it('prints 50 nested nots, the most the parser reads', () => {
    const parsed = parseQuery(`${'!'.repeat(50)}${leaf}`);
    expectReadsBack(printQuery(parsed), parsed);
  });

  it('prints a 1,774-character expression whose spaced form would pass 2,000 characters', () => {
    const conditions = Array.from({ length: 77 }, (_, i) => `attribute:stack==v${String(i).padStart(3, '0')}`);
    const text = `${conditions.join('&&')}xxxxx`;
    expect(text.length).toBe(1774);
    const parsed = parseQuery(text);
    expectReadsBack(printQuery(parsed), parsed);
  });

  /** `attribute:a==v...v||...` of exactly `length` characters: 60 conditions of 30 characters, the last one longer. */
  function orOfLength(length: number): string {
    const conditions = Array.from({ length: 60 }, (_, i) => `attribute:a==${String(i).padStart(17, 'v')}`);
    const text = conditions.join('||');
    return `${text}${'w'.repeat(length - text.length)}`;
  }

  it('prints a tree whose shortest text is exactly 2,000 characters', () => {
    const parsed = parseQuery(orOfLength(QUERY_LIMITS.maxLength));
    expectReadsBack(printQuery(parsed), parsed);
  });

  it('refuses a tree whose shortest text is 2,001 characters', () => {
    const parsed = parseQuery(orOfLength(QUERY_LIMITS.maxLength));
    if (parsed.kind !== 'or') throw new Error('expected or');
    const last = parsed.operands.at(-1) as ConditionNode;
    const longer: QueryNode = { ...parsed, operands: [...parsed.operands.slice(0, -1), { ...last, argument: { kind: 'value', text: `${(last.argument as ValueNode).text}w`, start: 0, end: 0 } }] };
    expect(() => printQuery(longer)).toThrow(expect.objectContaining({ code: 'expression_too_long' }));
  });

  it('refuses a tree nested one deeper than the parser reads', () => {
    const deepest = parseQuery(`${'!'.repeat(50)}${leaf}`);
    expect(() => printQuery({ kind: 'not', operand: deepest, start: 0, end: 0 })).toThrow(expect.objectContaining({ code: 'nesting_too_deep' }));
  });
});
