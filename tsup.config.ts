import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { defineConfig } from 'tsup';

/**
 * The CommonJS pass names its own output by absolute path in the source
 * maps; a published map must not carry the build machine's directories.
 * The two builds below run at once, so each rewrites only its own maps: a
 * map the other is still writing would not parse.
 */
function relativeSourceMaps(ours: (name: string) => boolean): () => Promise<void> {
  return async () => {
    for (const name of readdirSync('dist').filter((file) => file.endsWith('.map') && ours(file))) {
      const path = `dist/${name}`;
      const map = JSON.parse(readFileSync(path, 'utf8')) as { sources: string[]; file?: string };
      if (!map.sources.some((source) => isAbsolute(source)) && !isAbsolute(map.file ?? '')) continue;
      map.sources = map.sources.map((source) => (isAbsolute(source) ? relative('dist', source) : source));
      if (map.file !== undefined && isAbsolute(map.file)) map.file = relative('dist', map.file);
      writeFileSync(path, JSON.stringify(map));
    }
  };
}

const isCliMap = (name: string): boolean => name.startsWith('cli.');

export default defineConfig([
  {
    // One entry per subpath in package.json `exports`.
    entry: { index: 'src/index.ts', sim: 'src/sim/index.ts', arbitraries: 'src/arbitraries/index.ts', ecs: 'src/ecs/index.ts' },
    // fast-check is the arbitraries entry's peer dependency: the user's copy is the one that runs.
    external: ['fast-check'],
    // ESM for modern consumers and CommonJS for `require`, each with its own
    // type file (.d.ts and .d.cts) so neither condition borrows the other's.
    format: ['esm', 'cjs'],
    dts: true,
    // The library runs in Node and in browsers alike.
    platform: 'neutral',
    target: 'es2022',
    sourcemap: true,
    clean: true,
    // Shared code between entries goes into chunks rather than being copied.
    splitting: true,
    onSuccess: relativeSourceMaps((name) => !isCliMap(name)),
  },
  {
    // The command-line program: Node only, ESM, runnable as a bin.
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    banner: { js: '#!/usr/bin/env node' },
    onSuccess: relativeSourceMaps(isCliMap),
  },
]);
