import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * `npm run codegen`: after `src/graphql/write-schema.ts` prints the SDL, generates typed
 * documents for the example operations and for every `graphql(...)` call in the tests, and what
 * normalized client caches need to match fragments on the result unions and the `Error` and
 * `Node` interfaces: Apollo's `possibleTypes` and graphcache's `schema` (see the README). It runs
 * from this directory (its own manifest and lockfile, installed by the script with the project's
 * Node, see README: Install warnings), so paths lead back to the repository root.
 */
const config: CodegenConfig = {
  schema: '../../schema/schema.graphql',
  documents: ['../../schema/operations/*.graphql', '../../test/**/*.ts', '!../../test/generated/**'],
  ignoreNoDocuments: true,
  emitLegacyCommonJSImports: false,
  generates: {
    '../../schema/possible-types.json': { plugins: ['fragment-matcher'], config: { apolloClientVersion: 3 } },
    '../../schema/introspection.json': { plugins: ['urql-introspection'], config: { includeScalars: false } },
    '../../test/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { enumsAsTypes: true, useTypeImports: true, scalars: { DateTime: 'string' } },
    },
  },
};

export default config;
