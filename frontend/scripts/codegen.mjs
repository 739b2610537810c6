// Generates src/generated/graphql.ts: TypeScript types for every operation, from the backend's schema files, and
// each operation as a typed document (its text with its result and variable types attached) that the console's
// client sends as it is. graphql-codegen's own generator and plugins, called directly: its command line would
// bring in loaders for schemas on the network, in git and on GitHub, which a build from local files never uses.
import { codegen } from '@graphql-codegen/core';
import * as typedDocumentNode from '@graphql-codegen/typed-document-node';
import * as typescript from '@graphql-codegen/typescript';
import * as typescriptOperations from '@graphql-codegen/typescript-operations';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Source, buildASTSchema, concatAST, lexicographicSortSchema, parse } from 'graphql';

const frontend = fileURLToPath(new URL('..', import.meta.url));
const schemaFolder = join(frontend, '../backend/src/main/resources/graphql');
const output = join(frontend, 'src/generated/graphql.ts');

/** The files in a folder and below it whose names end with an extension, in a stable order. */
const files = (folder, extension) =>
  readdirSync(folder, { recursive: true })
    .filter((name) => name.endsWith(extension))
    .map((name) => join(folder, name))
    .sort();

/** A file's operations or types, its errors named by the file's path. */
const read = (file) => parse(new Source(readFileSync(file, 'utf8'), relative(frontend, file)));

// Types, fields and enum values in alphabetical order, as graphql-codegen's command line loads a schema.
const schemaAst = lexicographicSortSchema(buildASTSchema(concatAST(files(schemaFolder, '.graphqls').map(read))));

const generated = await codegen({
  filename: output,
  schemaAst,
  documents: files(join(frontend, 'src'), '.graphql').map((file) => ({
    location: relative(frontend, file),
    document: read(file),
  })),
  plugins: [{ typescript: {} }, { typescriptOperations: {} }, { typedDocumentNode: {} }],
  pluginMap: { typescript, typescriptOperations, typedDocumentNode },
  config: {
    enumsAsTypes: true,
    documentMode: 'string',
    avoidOptionals: true,
    scalars: { Date: 'string', DateTime: 'string', ID: 'string' },
  },
});
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, generated);
