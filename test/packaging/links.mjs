// Every relative link in the README and the docs names a file the package
// ships, so that the links work wherever the package is read: in
// node_modules, and on any site that shows its files.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const [packed] = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
const shipped = new Set(packed.files.map((file) => file.path));
const pages = [...shipped].filter((path) => path.endsWith('.md'));
assert.ok(pages.includes('README.md') && pages.some((path) => path.startsWith('docs/')), `the package ships no docs: ${pages.join(', ')}`);
let links = 0;
for (const page of pages) {
  const text = readFileSync(join(root, page), 'utf8').replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^[a-z]+:/i.test(target) || target.startsWith('#')) continue;
    const file = normalize(join(dirname(page), target.split('#')[0]));
    assert.ok(shipped.has(file), `${page} links to ${target}, which the package does not ship`);
    links += 1;
  }
}
assert.ok(links > 0, 'no relative links were found: the check would prove nothing');
console.log(`links: ok (${links} relative links in ${pages.length} pages, each to a shipped file)`);
