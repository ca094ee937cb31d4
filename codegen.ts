import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * `npm run codegen`: after `src/graphql/write-schema.ts` prints the SDL, generates typed
 * documents for the example operations and for every `graphql(...)` call in the tests.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['schema/operations/*.graphql', 'test/**/*.ts', '!test/generated/**'],
  ignoreNoDocuments: true,
  emitLegacyCommonJSImports: false,
  generates: {
    'test/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { enumsAsTypes: true, useTypeImports: true, scalars: { DateTime: 'string' } },
    },
  },
};

export default config;
