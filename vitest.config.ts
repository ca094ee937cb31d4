import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Rate-limit tests measure rolling windows against real sockets: running files
    // in parallel on a 2-core machine would only add event-loop stalls.
    fileParallelism: false,
  },
});
