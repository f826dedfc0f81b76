import { defineConfig } from 'vitest/config';

// A config of its own: without one, `vitest --root examples/property-test`
// run from the repository's root takes the library's vitest.config.ts.
export default defineConfig({
  test: {
    include: ['*.test.ts'],
    // Every property by name, passed or failed, rather than only the slow ones.
    reporters: ['verbose'],
  },
});
