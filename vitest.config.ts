import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS and ESM builds. Node (and so Pothos and Yoga) load the
    // CommonJS one; Vite would pick the ESM one for our files, and two copies of graphql
    // cannot share a schema. Point everyone at the copy Node uses.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/no-secrets.ts', 'test/setup/no-unhandled-rejections.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Rate-limit tests measure rolling windows against real sockets: running files
    // in parallel on a 2-core machine would only add event-loop stalls.
    fileParallelism: false,
  },
});
