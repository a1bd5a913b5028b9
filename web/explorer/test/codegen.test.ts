// @vitest-environment node
/// <reference types="node" />
// The explorer's answer types come from the schema and its operations
// (GraphQL Code Generator, codegen.ts). These tests hold the two promises
// that make them worth having: the committed src/gql is what the schema
// and the operations give today, and a schema change that breaks an
// operation fails, naming the operation's field.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { generate } from "@graphql-codegen/cli";
import type { Types } from "@graphql-codegen/plugin-helpers";
import { describe, expect, it, vi } from "vitest";
import config from "../codegen";

const here = import.meta.dirname;
const schemaDir = join(here, "../../../schema");
const schemaText = () =>
  readdirSync(schemaDir)
    .filter((f) => f.endsWith(".graphqls"))
    .sort()
    .map((f) => readFileSync(join(schemaDir, f), "utf8"))
    .join("\n");

// run generates in memory, from the schema's text (the real one unless
// given), the explorer's own documents and codegen.ts's settings.
async function run(schema = schemaText()): Promise<Map<string, string>> {
  // The generator prints its failures as well as throwing them: the
  // tests below expect failures, and read them from the error.
  const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
  const out: Types.FileOutput[] = await generate({ ...config, cwd: join(here, ".."), schema, silent: true }, false).finally(() => quiet.mockRestore());
  return new Map(out.map((f) => [f.filename.replace(/^.*src\/gql\//, ""), f.content]));
}

describe("generated types", () => {
  it("src/gql is current with the schema and the operations", async () => {
    const files = await run();
    expect([...files.keys()].sort()).toEqual(readdirSync(join(here, "../src/gql")).sort());
    for (const [name, content] of files) {
      // A stale file: run `make web` (tools/web codegen) and commit src/gql.
      expect(readFileSync(join(here, "../src/gql", name), "utf8"), `src/gql/${name} is stale`).toBe(content);
    }
  }, 60_000);

  it("fails when the schema drops a field an operation asks for", async () => {
    const s = schemaText();
    // SearchHit.snippet, which the search box shows.
    const broken = s.replace(/^\s*(".*"\n\s*)?snippet: String\s*$/m, "");
    expect(broken).not.toBe(s);
    await expect(run(broken)).rejects.toThrow(/Cannot query field "snippet" on type "SearchHit"/);
  }, 60_000);

  it("fails when the schema renames an argument an operation passes", async () => {
    const s = schemaText();
    const broken = s.replace(/search\(\s*(""".*?"""\s*)?query: String!/s, (m) => m.replace("query: String!", "text: String!"));
    expect(broken).not.toBe(s);
    await expect(run(broken)).rejects.toThrow(/Unknown argument "query" on field "Query.search"/);
  }, 60_000);
});
