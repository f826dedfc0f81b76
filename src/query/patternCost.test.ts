import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parseQuery } from './parseQuery';
import { QueryError } from './QueryError';
import { QUERY_LIMITS } from './queryLimits';
import { compileRegex } from './regex/compileRegex';
import { RegexSyntaxError } from './regex/RegexSyntaxError';
import { runs } from '../../test/support/runs';

/** The longest values a pattern meets in a valid cluster: ECS's 255-character task group names (attribute values stop at 128). */
const LONGEST_VALUE = 255;

function refusal(expression: string): { code: string; start: number; end: number } | undefined {
  try {
    parseQuery(expression);
    return undefined;
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    return { code: error.code, start: error.start, end: error.end };
  }
}

describe('patterns whose matching would cost too much', () => {
  it.each([
    ["attribute:x =~ '(.*.*){1000}b'", 16, 28],
    ["task:group =~ '(.*.*){1000}b'", 15, 27],
    ["ec2InstanceId =~ '(a|b|c|d|e){200}'", 18, 34],
  ])('refuses %s when it is parsed', (expression, start, end) => {
    expect(refusal(expression)).toEqual({ code: 'regex_too_large', start, end });
  });

  it('refuses patterns that fit alone but not together, pointing at the one that passes the limit', () => {
    const half = "'(.*.*){100}'";
    const expression = `attribute:a =~ ${half} and attribute:b =~ ${half}`;
    expect(compileRegex('(.*.*){100}').size).toBeLessThanOrEqual(QUERY_LIMITS.maxPatternInstructions);
    expect(refusal(expression)).toEqual({ code: 'regex_too_large', start: expression.lastIndexOf(half), end: expression.length });
  });

  it('says what the limit is and how to stay under it', () => {
    expect(() => parseQuery("attribute:x =~ '(.*.*){1000}b'")).toThrow(/1000 instructions/);
    expect(() => parseQuery("attribute:a =~ '(.*.*){100}' or attribute:b =~ '(.*.*){100}'")).toThrow(/together/);
  });
});

const INSTANCE_TYPES = [
  't2.micro', 't2.small', 't2.medium', 't2.large', 't3.micro', 't3.small', 't3.medium', 't3.large', 't3.xlarge', 't3.2xlarge',
  'm5.large', 'm5.xlarge', 'm5.2xlarge', 'm5.4xlarge', 'm5.8xlarge', 'c5.large', 'c5.xlarge', 'c5.2xlarge', 'c5.4xlarge',
  'r5.large', 'r5.xlarge', 'r5.2xlarge', 'g4dn.xlarge', 'g4dn.2xlarge', 'p3.2xlarge', 'inf1.xlarge',
];

describe('realistic patterns', () => {
  it.each([
    // Every pattern of the ECS documentation.
    't2.*', 'g2.*',
    // Patterns people write, some of a few hundred characters.
    'g4dn\\..*', '(t3|m5)\\.(large|xlarge)', 'us-(east|west)-[12][a-f]', 'i-[0-9a-f]{8}([0-9a-f]{9})?',
    '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', 'arn:aws:ecs:[a-z0-9-]+:\\d{12}:container-instance/.*',
    '(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)',
    '[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*',
    INSTANCE_TYPES.map((type) => type.replace('.', '\\.')).join('|'),
    `(?i)(${INSTANCE_TYPES.join('|').replaceAll('.', '\\.')})(-spot)?`,
    `service:(${Array.from({ length: 40 }, (_, i) => `web-${i}`).join('|')})`,
  ])('accepts %s', (pattern) => {
    expect(refusal(`attribute:ecs.instance-type =~ '${pattern}'`)).toBeUndefined();
  });

  const piece = fc.constantFrom('a', 'b', '.', '\\.', '\\d', '[a-z0-9-]', '*', '+', '?', '*?', '|', '(', ')', '(?:', '(?i)', '^', '$');
  test.prop([fc.array(piece, { maxLength: 250 }).map((pieces) => pieces.join(''))], { numRuns: runs(1000) })(
    'take at most two instructions per character without counted repetitions, so any such pattern of up to 499 characters fits',
    (pattern) => {
      let size: number;
      try {
        size = compileRegex(pattern).size;
      } catch (error) {
        if (error instanceof RegexSyntaxError && error.code !== 'regex_too_large') return;
        throw error;
      }
      expect(size).toBeLessThanOrEqual(2 * pattern.length + 1);
    },
  );

  it('accepts the densest pattern of 499 characters, an alternation of empty strings', () => {
    expect(compileRegex('|'.repeat(499)).size).toBeLessThanOrEqual(QUERY_LIMITS.maxPatternInstructions);
  });
});

describe('the worst case of one match', () => {
  it.each(['(.*.*){166}', '(?:.*){333}', '(a|b|.)*(a|b|.){130}'])(
    'costs at most (value length + 1) x 1,000 steps for %s',
    (pattern) => {
      const program = compileRegex(pattern);
      expect(program.size).toBeLessThanOrEqual(QUERY_LIMITS.maxPatternInstructions);
      for (const value of ['a'.repeat(LONGEST_VALUE), 'ab'.repeat(LONGEST_VALUE).slice(0, LONGEST_VALUE)]) {
        expect(program.run(value).steps).toBeLessThanOrEqual((LONGEST_VALUE + 1) * QUERY_LIMITS.maxPatternInstructions);
      }
    },
  );
});
