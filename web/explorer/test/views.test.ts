import { afterEach, describe, expect, it, vi } from "vitest";
import { entityView } from "../src/views/entity";
import { searchView } from "../src/views/search";

// Component tests: the views render what the API answers. fetch is
// replaced by canned GraphQL answers; the real server is exercised by the
// browser tests (e2e/run.mjs).
function answer(byQuery: (query: string, vars: Record<string, unknown>) => unknown) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async (_url: string, init: RequestInit) => {
      const { query, variables } = JSON.parse(String(init.body));
      return new Response(JSON.stringify(byQuery(query, variables)), { headers: { "content-type": "application/json" } });
    }),
  );
}

afterEach(() => vi.unstubAllGlobals());

const source = { id: "source:r", title: "Report", publisher: "Wire", publishedAt: "2025-09-04" };
const text = "Intro.\nRutte said: \"We stand ready.\" He left.\nEnd.";
const start = Array.from(text).indexOf('"');
const statement = (id: string, kind: string) => ({
  id,
  kind,
  text: "We stand ready.",
  date: "2025-09-04",
  attribution: null,
  speaker: { __typename: "Person", id: "person:mark-rutte", name: "Mark Rutte" },
  about: [{ __typename: "Nation", id: "nation:ukraine", name: "Ukraine" }],
  event: null,
  topics: [{ id: "topic:security", name: "Security" }],
  evidence: { start, end: start + 17, excerpt: '"We stand ready."', source },
});

describe("entityView", () => {
  it("shows roles, both lists, highlighted evidence and CSV links", async () => {
    answer((q) => {
      if (q.includes("on Source { text }")) return { data: { node: { text } } };
      return {
        data: {
          entity: {
            __typename: "Person",
            id: "person:mark-rutte",
            name: "Mark Rutte",
            aliases: ["Rutte"],
            description: null,
            roles: [{ title: "Secretary General", of: { id: "organisation:nato", name: "NATO" } }],
            statements: { totalCount: 2, nodes: [statement("statement:1", "QUOTE"), statement("statement:2", "PARAPHRASE")] },
            mentions: { totalCount: 0, nodes: [] },
            speakers: { nodes: [{ speaker: { id: "person:donald-trump", name: "Donald Trump" } }, { speaker: { id: "person:donald-trump", name: "Donald Trump" } }] },
          },
          topics: [{ id: "topic:security", name: "Security" }],
        },
      };
    });
    const root = document.createElement("div");
    await entityView(root, "person:mark-rutte", { kind: "QUOTE" }, new AbortController().signal);
    expect(root.querySelector("h1")?.textContent).toBe("Mark Rutte");
    expect(root.querySelector(".facts")?.textContent).toContain("Secretary General of NATO");
    expect(root.querySelectorAll('section[data-list="said"] li.statement')).toHaveLength(2);
    expect(root.querySelector('section[data-list="about"] .status-empty')).not.toBeNull();
    // Who spoke about the entity, once each, to filter by.
    const options = [...root.querySelectorAll<HTMLOptionElement>('select[name="speaker"] option')].map((o) => o.value);
    expect(options).toEqual(["", "person:donald-trump"]);
    const csv = root.querySelector<HTMLAnchorElement>('a[data-csv="about"]')!;
    expect(csv.getAttribute("href")).toBe("/export/statements.csv?about=person%3Amark-rutte&kind=QUOTE");
    // The excerpt is highlighted inside its paragraph once the source text arrives.
    await vi.waitFor(() => expect(root.querySelector("mark[data-evidence]")).not.toBeNull());
    const passage = root.querySelector(".passage")!.textContent;
    expect(passage).toBe('Rutte said: "We stand ready." He left.');
    expect(root.querySelector("mark[data-evidence]")!.textContent).toBe('"We stand ready."');
  });

  it("says so when nothing has the id", async () => {
    answer(() => ({ data: { entity: null, topics: [] } }));
    const root = document.createElement("div");
    await entityView(root, "person:nobody", {}, new AbortController().signal);
    expect(root.textContent).toContain("Nothing in the graph has the id person:nobody");
  });

  it("throws the server's error for the page to show", async () => {
    answer(() => ({ errors: [{ message: "graph store unavailable", extensions: { code: "UNAVAILABLE" } }] }));
    const root = document.createElement("div");
    await expect(entityView(root, "person:x", {}, new AbortController().signal)).rejects.toMatchObject({ code: "UNAVAILABLE" });
  });
});

describe("searchView", () => {
  it("lists hits with marked snippets", async () => {
    answer(() => ({
      data: {
        search: [
          { score: 9, snippet: "**Rutte** (Mark)", node: { __typename: "Person", id: "person:mark-rutte", name: "Mark Rutte" } },
        ],
      },
    }));
    const root = document.createElement("div");
    await searchView(root, "Rutte", new AbortController().signal);
    expect(root.querySelector(".results a")?.getAttribute("href")).toBe("#/entity/person%3Amark-rutte");
    expect(root.querySelector(".snippet mark")?.textContent).toBe("Rutte");
  });
});
