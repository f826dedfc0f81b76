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
});
