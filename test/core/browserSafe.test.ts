import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');
// The command-line program is the only part of src that may use Node.
const NODE_ALLOWED = ['cli'];
// The property-testing kit builds on fast-check, its one peer dependency; it needs nothing from Node either.
const PACKAGE_ALLOWED: Readonly<Record<string, RegExp>> = { arbitraries: /^fast-check$/ };

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
      // Doc comments show users' own imports, such as `from 'task-placement/ecs'`; only the code counts.
      const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      const allowed = PACKAGE_ALLOWED[relative(SRC, file).split(/[\\/]/)[0] ?? ''];
      const packages = [...text.matchAll(/from\s+'((?!\.)[^']*)'|import\(\s*'((?!\.)[^']*)'/g)].map((match) => match[1] ?? match[2] ?? '');
      return /require\(/.test(text) || packages.some((name) => allowed === undefined || !allowed.test(name));
    });
    expect(offenders.map((file) => relative(SRC, file))).toEqual([]);
  });
});
