import type { CodegenConfig } from '@graphql-codegen/cli';

// TypeScript types for every operation, generated from the backend's schema files.
const config: CodegenConfig = {
  schema: '../backend/src/main/resources/graphql/*.graphqls',
  documents: 'src/**/*.graphql',
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-operations'],
      config: {
        enumsAsTypes: true,
        avoidOptionals: true,
        scalars: { Date: 'string', DateTime: 'string', ID: 'string' },
      },
    },
  },
  silent: true,
};

export default config;
