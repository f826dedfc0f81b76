import { describe, expect, it } from 'vitest';
import { formatTable } from './formatTable';

describe('formatTable', () => {
  it('aligns text left and numbers right under a rule', () => {
    const table = formatTable(
      [{ heading: 'service' }, { heading: 'placed', align: 'right' }],
      [['web', '60'], ['ml-inference', '4']],
    );
    expect(table).toBe(['service       placed', '------------  ------', 'web               60', 'ml-inference       4'].join('\n'));
  });

  it('wraps the widest column at spaces when the table is wider than the line', () => {
    const table = formatTable(
      [{ heading: 'reason' }, { heading: 'detail' }],
      [['RESOURCE:PORTS', 'The closest matching instance is already using a port required by your task.']],
      40,
    );
    expect(table).toBe([
      'reason          detail',
      '--------------  ------------------------',
      'RESOURCE:PORTS  The closest matching',
      '                instance is already',
      '                using a port required by',
      '                your task.',
    ].join('\n'));
  });

  it('prints each row as a record when columns cannot keep their words whole', () => {
    const table = formatTable(
      [{ heading: 'id' }, { heading: 'zone' }, { heading: 'tasks', align: 'right' }],
      [['0b1c2d3e4f5a46b7a8b9c0d1e2f3a4b5', 'us-east-1a', '2'], ['1c2d', 'us-east-1b', '0']],
      40,
    );
    expect(table).toBe(['id     0b1c2d3e4f5a46b7a8b9c0d1e2f3a4b5', 'zone   us-east-1a', 'tasks  2', '', 'id     1c2d', 'zone   us-east-1b', 'tasks  0'].join('\n'));
  });

  it('escapes invisible characters and measures the cells after escaping', () => {
    const table = formatTable([{ heading: 'id' }, { heading: 'n', align: 'right' }], [['a\u001bb', '1']]);
    expect(table).toBe(['id        n', '--------  -', 'a\\u001bb  1'].join('\n'));
  });
});
