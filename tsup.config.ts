import { defineConfig } from 'tsup';

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
  },
  {
    // The command-line program: Node only, ESM, runnable as a bin.
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
