import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escapeHtml';

describe('escapeHtml', () => {
  it('replaces the five characters that can end text or an attribute', () => {
    expect(escapeHtml(`<b>&"x'`)).toBe('&lt;b&gt;&amp;&quot;x&#39;');
  });

  it('escapes an ampersand that already starts an entity, so the entity shows as text', () => {
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('leaves other text, including non-ASCII, as it is', () => {
    expect(escapeHtml('us-east-1a · m5.large — ü 名')).toBe('us-east-1a · m5.large — ü 名');
  });
});
