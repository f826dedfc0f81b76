import { defineConfig } from 'vitest/config';
import { runs } from './test/support/runs.js';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['test/setup/fastCheckSeed.ts'],
    // Test files share one module graph per worker: importing the library
    // afresh for each file cost more than all the tests together. No test
    // depends on module state another file leaves behind.
    isolate: false,
    // Tests assert behaviour, never speed: the limit only catches a hang, and
    // property tests that take 2 s on a quiet machine take several times that
    // on a loaded 2-core one.
    // test:long multiplies every property's runs, and the limit with them.
    testTimeout: runs(60_000),
    // Every core: on the 2-core machines CI runs on, the default (one worker fewer than the cores) ran the files one at a time.
    maxWorkers: '100%',
  },
});
