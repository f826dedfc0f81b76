import { describe, expect, it } from 'vitest';
import { failureMessage } from './failureMessage';

describe('failureMessage', () => {
  it('words an answer too large for a string, which only a huge input makes', () => {
    expect(failureMessage(new RangeError('Invalid string length'))).toMatch(/^The answer is too large to print/);
  });

  it('leaves any other error to be reported as a bug', () => {
    expect(failureMessage(new RangeError('Maximum call stack size exceeded'))).toBeUndefined();
    expect(failureMessage(new TypeError('x is not a function'))).toBeUndefined();
  });
});
