import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');
// The command-line program is the only part of src that may use Node.
const NODE_ALLOWED = ['cli'];

function coreFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return NODE_ALLOWED.includes(relative(SRC, path)) ? [] : coreFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the core', () => {
  it('imports nothing from Node and no package at all, so it runs in a browser', () => {
    const offenders = coreFiles(SRC).filter((file) => {
      const text = readFileSync(file, 'utf8');
      return /from\s+'(?!\.)[^']*'|require\(|import\(\s*'(?!\.)/.test(text);
    });
    expect(offenders.map((file) => relative(SRC, file))).toEqual([]);
  });
});
