/**
 * Writes the small packing sets shipped in this folder, from seeds: the
 * tests read them, and check that this script would write them unchanged.
 *
 *   node --import tsx bench/packing/generate.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPPED_PACKING_SETS } from './shippedSets';

for (const { folder, file, problem } of SHIPPED_PACKING_SETS) {
  mkdirSync(join(import.meta.dirname, folder), { recursive: true });
  writeFileSync(join(import.meta.dirname, folder, file), problem.text);
}
console.log(`${SHIPPED_PACKING_SETS.length} files written`);
