import { describe, expect, it } from 'vitest';
import { wrapText } from './wrapText';

describe('wrapText', () => {
  it('keeps text that fits as it is, spaces and all', () => {
    expect(wrapText('a  b', 10, 'Why: ')).toEqual(['Why: a  b']);
  });

  it('breaks at spaces, with a hanging indent', () => {
    expect(wrapText('four have port 80 in use, one is DRAINING', 20, 'Why: ')).toEqual(['Why: four have port', '     80 in use, one', '     is DRAINING']);
  });

  it('breaks a word longer than a line after punctuation, and never loses a character', () => {
    const lines = wrapText('memberOf(attribute:ecs.instance-type =~ g.*)', 16);
    expect(lines).toEqual(['memberOf(', 'attribute:ecs.', 'instance-type =~', 'g.*)']);
    expect(lines.every((line) => line.length <= 16)).toBe(true);
  });

  it('breaks a word without punctuation anywhere, but not inside a surrogate pair', () => {
    expect(wrapText('0b1c2d3e4f5a46b7', 6)).toEqual(['0b1c2d', '3e4f5a', '46b7']);
    expect(wrapText('ab\u{1F600}cd', 3)).toEqual(['ab', '\u{1F600}c', 'd']);
  });
});
