import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['test/setup/fastCheckSeed.ts'],
    // Test files share one module graph per worker: importing the library
    // afresh for each file cost more than all the tests together. No test
    // depends on module state another file leaves behind.
    isolate: false,
  },
});
