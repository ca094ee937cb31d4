/**
 * graphql-js reads NODE_ENV once, when it loads: unless it says `production`, every type check
 * the executor makes (`isObjectType`, `isListType`, … a few per field of every answer) also
 * compares class names, to report a second copy of graphql. That check is for development: this
 * project keeps one copy by its lockfile, and a test says so (`test/runtime/one-graphql.test.ts`).
 *
 * So the gateway runs in production mode unless NODE_ENV says otherwise: `npm start`, a
 * supervisor's `node --import tsx src/main.ts` and the gateways the benchmarks spawn alike.
 * Vitest sets NODE_ENV=test, which the gateways a test spawns inherit, so tests keep the
 * development checks; `NODE_ENV=development npm start` brings them back too. Imported by
 * `src/main.ts` before any module that loads graphql.
 */
process.env.NODE_ENV ??= 'production';
