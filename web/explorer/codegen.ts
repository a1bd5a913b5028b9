import type { CodegenConfig } from "@graphql-codegen/cli";

// GraphQL Code Generator: the types of every answer the explorer asks for,
// generated from the server's schema (schema/*.graphqls) and the
// operations written in src with graphql(`…`). `tools/web codegen` writes
// src/gql; `make web-check` fails when an operation does not validate
// against the schema or src/gql is stale.
const config: CodegenConfig = {
  schema: "../../schema/*.graphqls",
  documents: ["src/**/*.ts", "!src/gql/**/*"],
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: {
        // The explorer builds DOM from plain objects, not components that
        // own fragments: fragment fields are inlined into each answer.
        fragmentMasking: false,
      },
      config: {
        // Documents are strings (TypedDocumentString): the explorer posts
        // them with fetch and has no GraphQL client to hand a DocumentNode.
        documentMode: "string",
        enumType: "string-literal",
        useTypeImports: true,
        // A selected field is always in the answer (null when it has no
        // value); inputs keep their optional fields.
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        strictScalars: true,
        scalars: { Date: "string" },
      },
    },
  },
};

export default config;
