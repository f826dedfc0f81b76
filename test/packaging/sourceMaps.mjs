// The built source maps name their sources relative to dist/, so that a
// published package carries nothing of the machine that built it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(root, 'dist');
const maps = readdirSync(dist).filter((name) => name.endsWith('.map'));
assert.ok(maps.length > 0, 'the build wrote no source maps');
for (const name of maps) {
  const text = readFileSync(join(dist, name), 'utf8');
  const { sources, sourceRoot } = JSON.parse(text);
  for (const source of sources) assert.ok(!isAbsolute(source) && !source.startsWith('file:'), `${name} names the source ${source}`);
  assert.ok(sourceRoot === undefined || sourceRoot === '', `${name} has the source root ${sourceRoot}`);
  assert.ok(!text.includes(root), `${name} holds the build directory ${root}`);
}
console.log(`source maps: ok (${maps.length}, every source relative)`);
