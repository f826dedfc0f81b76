// Type-checks a consumer of the built package under each module resolution
// TypeScript offers, the older node10 included (which ignores `exports` and
// reads `typesVersions` for the subpaths).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const consumer = mkdtempSync(join(tmpdir(), 'task-placement-types-'));
try {
  mkdirSync(join(consumer, 'node_modules'));
  symlinkSync(root, join(consumer, 'node_modules', 'task-placement'), 'dir');
  const file = join(consumer, 'consumer.ts');
  writeFileSync(file, [
    "import { Cluster, parseQuery } from 'task-placement';",
    "import { runSimulation } from 'task-placement/sim';",
    "import { clusterFromEcs } from 'task-placement/ecs';",
    "import type { checkPlacement } from 'task-placement/arbitraries';",
    'const cluster: Cluster = new Cluster();',
    "const query = parseQuery('runningTasksCount > 1');",
    'export const used = [cluster, query, runSimulation, clusterFromEcs] as const;',
    'export type Checker = typeof checkPlacement;',
    '',
  ].join('\n'));
  // Under node10, fast-check's own types (its dependency pure-rand) do not resolve: that is fast-check's to fix, so
  // declaration files are not checked there; whether this package's entry points resolve is still checked, in consumer.ts.
  const settings = [
    { moduleResolution: ts.ModuleResolutionKind.Node10, module: ts.ModuleKind.CommonJS, skipLibCheck: true },
    { moduleResolution: ts.ModuleResolutionKind.Node16, module: ts.ModuleKind.Node16, skipLibCheck: false },
    { moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext, skipLibCheck: false },
  ];
  for (const setting of settings) {
    // preserveSymlinks keeps the package under node_modules, where a consumer finds it; skipDefaultLibCheck leaves
    // TypeScript's own lib files unchecked (the DOM's took half the time) while this package's declarations still are.
    const options = { ...setting, strict: true, noEmit: true, skipDefaultLibCheck: true, types: [], target: ts.ScriptTarget.ES2022, preserveSymlinks: true, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'] };
    const diagnostics = ts.getPreEmitDiagnostics(ts.createProgram([file], options));
    const messages = diagnostics.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    assert.deepEqual(messages, [], `moduleResolution ${ts.ModuleResolutionKind[setting.moduleResolution]}`);
    console.log(`types (moduleResolution ${ts.ModuleResolutionKind[setting.moduleResolution]}): ok`);
  }
} finally {
  rmSync(consumer, { recursive: true, force: true });
}
