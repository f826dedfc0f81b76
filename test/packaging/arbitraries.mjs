// Loads the built property-testing kit the way a user's test file does, runs
// a property over generated clusters, and checks that the core entry never
// loads fast-check.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { Cluster } from 'task-placement';
import {
  assertPlacement, buildCluster, checkPlacement, cluster, ConstraintsError, fleet, PlacementLawError, placementCase, placementRequest,
} from 'task-placement/arbitraries';

let runs = 0;
fc.assert(
  fc.property(cluster(), placementRequest(), (scenario, request) => {
    const built = buildCluster(scenario);
    assert.ok(built instanceof Cluster, 'buildCluster gives the core Cluster class');
    const before = built.snapshot();
    const result = built.place(request);
    assert.deepEqual(checkPlacement(before, request, result), []);
    assertPlacement(before, request, result);
    runs += 1;
  }),
  { seed: 20261127, numRuns: 200 },
);
assert.equal(runs, 200);

// A doctored result is caught, with a readable message.
const instances = [{ id: 'a', resources: { cpu: 1024, memory: 1024 } }, { id: 'b', resources: { cpu: 1024, memory: 1024 } }];
const request = { task: { resources: { memory: 512 } }, group: 'g', placementStrategy: [{ type: 'binpack', field: 'memory' }] };
const sample = new Cluster({ instances });
const before = sample.snapshot();
const result = sample.place(request);
const moved = { ...result, placements: [{ ...result.placements[0], instanceId: 'b' }] };
assert.throws(() => assertPlacement(before, request, moved), (error) => error instanceof PlacementLawError && /\[finalTie\] task 0: placed on b/.test(error.message));
assert.throws(() => fleet({ minInstances: 5, maxInstances: 3 }), (error) => error instanceof ConstraintsError && error.code === 'invalid_constraint' && error.message === 'fleet: minInstances must be at most maxInstances, got 5 > 3');
// A case built infeasible fails with its reason, by construction.
fc.assert(
  fc.property(placementCase({ feasibility: { infeasible: 'RESOURCE:CPU' } }), (drawn) => {
    const failed = buildCluster(drawn).place(drawn.request);
    assert.equal(failed.placements.length, 0);
    assert.ok(failed.failures.every((failure) => failure.reason === 'RESOURCE:CPU'));
  }),
  { seed: 20261127, numRuns: 20 },
);
console.log('import task-placement/arbitraries: ok');

// The CommonJS build of the kit, as require() loads it.
const require = createRequire(import.meta.url);
const kit = require('task-placement/arbitraries');
assert.equal(typeof kit.checkPlacement, 'function');
assert.equal(fc.sample(kit.placementCase({ feasibility: 'feasible' }), 1)[0].feasibility, 'feasible');
assert.equal(fc.sample(kit.fleet({ minInstances: 2, maxInstances: 2 }), 1)[0].length, 2);
console.log('require task-placement/arbitraries: ok');

// The core entry, and every chunk it imports, never mentions fast-check: importing the core cannot load it.
const dist = join(dirname(fileURLToPath(import.meta.url)), '../../dist');
function chunksOf(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(join(dist, file), 'utf8');
  for (const [, imported] of text.matchAll(/(?:from|import|require\()\s*["'](\.\/[^"']+)["']/g)) chunksOf(imported.slice(2), seen);
  return seen;
}
for (const entry of ['index.js', 'index.cjs']) {
  const files = [...chunksOf(entry)];
  for (const file of files) assert.doesNotMatch(readFileSync(join(dist, file), 'utf8'), /fast-check/, `${file}, loaded by ${entry}, mentions fast-check`);
  console.log(`core ${entry} (${files.length} files) loads no fast-check: ok`);
}
