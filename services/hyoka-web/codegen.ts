import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents for the reference UI (src/app), generated from the server's SDL itself (schema/graphql, the files
// the server is built from): an operation naming a field or type the schema lacks fails the build here, before tsc.
const config: CodegenConfig = {
  schema: '../../schema/graphql/*.graphqls',
  documents: ['src/app/**/*.{ts,tsx}'],
  ignoreNoDocuments: false,
  generates: {
    'gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Date: 'string', DateTime: 'string', JSON: 'unknown' },
      },
    },
  },
};

export default config;
