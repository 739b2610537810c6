import type { CodegenConfig } from '@graphql-codegen/cli';

// TypeScript types for every operation, generated from the backend's schema files, and each operation as a typed
// document (its text with its result and variable types attached) that the console's client sends as it is.
const config: CodegenConfig = {
  schema: '../backend/src/main/resources/graphql/*.graphqls',
  documents: 'src/**/*.graphql',
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-operations', 'typed-document-node'],
      config: {
        enumsAsTypes: true,
        documentMode: 'string',
        avoidOptionals: true,
        scalars: { Date: 'string', DateTime: 'string', ID: 'string' },
      },
    },
  },
  silent: true,
};

export default config;
