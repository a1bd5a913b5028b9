import { afterEach, describe, expect, it, vi } from "vitest";
import { entityView } from "../src/views/entity";
import { searchView } from "../src/views/search";
import { sourceView } from "../src/views/source";

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
    let sent: Record<string, unknown> = {};
    answer((q, vars) => {
      if (q.includes("query SourceText")) return { data: { node: { __typename: "Source", text } } };
      sent = vars;
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
          talkers: [
            { key: "person:donald-trump", count: 4, node: { __typename: "Person", id: "person:donald-trump", name: "Donald Trump" } },
            { key: "nation:france", count: 1, node: { __typename: "Nation", id: "nation:france", name: "France" } },
          ],
          months: [
            { key: "2025-09", count: 2 },
            { key: "undated", count: 3 },
            { key: "2025-07", count: 1 },
          ],
        },
      };
    });
    const root = document.createElement("div");
    await entityView(root, "person:mark-rutte", { kind: "QUOTE", speaker: "nation:france", from: "2025-07" }, new AbortController().signal);
    // The charts follow the view's filters; who talks about him compares
    // speakers, so the chosen speaker is marked, not filtered on.
    expect(sent.talkers).toEqual({ kind: "QUOTE", from: "2025-07", about: "person:mark-rutte" });
    expect(sent.months).toEqual({ kind: "QUOTE", from: "2025-07", speaker: "person:mark-rutte" });
    const bars = [...root.querySelectorAll<HTMLAnchorElement>('[data-chart="talkers"] a.bar')];
    expect(bars.map((b) => b.textContent)).toEqual(["Donald Trump4", "France1"]);
    expect(bars[0].getAttribute("aria-label")).toBe("Donald Trump: 4 statements");
    expect(bars[1].getAttribute("aria-current")).toBe("true");
    // A bar opens exactly the statements it counts: by its speaker, about him, with the same filters.
    expect(bars[0].getAttribute("href")).toBe("#/statements?kind=QUOTE&from=2025-07&about=person%3Amark-rutte&speaker=person%3Adonald-trump");
    // Months from the first to the last, the empty one included; undated as a figure.
    const rects = [...root.querySelectorAll('[data-chart="months"] rect')].map((r) => `${r.getAttribute("data-month")}:${r.getAttribute("data-count")}`);
    expect(rects).toEqual(["2025-07:1", "2025-09:2"]);
    expect(root.querySelectorAll('[data-chart="months"] .tick')).toHaveLength(3);
    expect(root.querySelector('[data-chart="months"] [data-undated]')?.textContent).toContain("3 statements have no month");
    expect(root.querySelector('[data-chart="months"] svg title')?.textContent).toBe("Mark Rutte's statements per month");
    expect(root.querySelector("h1")?.textContent).toBe("Mark Rutte");
    expect(root.querySelector(".facts")?.textContent).toContain("Secretary General of NATO");
    expect(root.querySelectorAll('section[data-list="said"] li.statement')).toHaveLength(2);
    expect(root.querySelector('section[data-list="about"] .status-empty')).not.toBeNull();
    // Who spoke about the entity, once each, to filter by.
    const options = [...root.querySelectorAll<HTMLOptionElement>('select[name="speaker"] option')].map((o) => o.value);
    expect(options).toEqual(["", "person:donald-trump", "nation:france"]);
    const csv = root.querySelector<HTMLAnchorElement>('a[data-csv="about"]')!;
    expect(csv.getAttribute("href")).toBe("/export/statements.csv?about=person%3Amark-rutte&speaker=nation%3Afrance&kind=QUOTE&from=2025-07");
    // The excerpt is highlighted inside its paragraph once the source text arrives.
    await vi.waitFor(() => expect(root.querySelector("mark[data-evidence]")).not.toBeNull());
    const passage = root.querySelector(".passage")!.textContent;
    expect(passage).toBe('Rutte said: "We stand ready." He left.');
    expect(root.querySelector("mark[data-evidence]")!.textContent).toBe('"We stand ready."');
  });

  it("says so when nothing has the id", async () => {
    answer(() => ({ data: { entity: null, topics: [], talkers: [], months: [] } }));
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

describe("sourceView", () => {
  // "Rutte" is both a mention and (here) the evidence of his role; the
  // quote is a statement, "He left." an event.
  const rutte = { id: "person:mark-rutte", name: "Mark Rutte" };
  const nato = { id: "organisation:nato", name: "NATO" };
  const quote = text.indexOf('"'); // ASCII: UTF-16 units are code points

  const evidence = [
    { kind: "ROLE", start: 7, end: 12, excerpt: "Rutte", fact: { __typename: "Role", title: "Secretary General", person: rutte, of: nato } },
    { kind: "MENTION", start: 7, end: 12, excerpt: "Rutte", fact: { __typename: "Person", ...rutte } },
    { kind: "STATEMENT", start: quote, end: quote + 17, excerpt: '"We stand ready."', fact: { __typename: "Statement", id: "statement:1", kind: "QUOTE", text: "We stand ready.", speaker: rutte } },
    { kind: "EVENT", start: 37, end: 45, excerpt: "He left.", fact: { __typename: "Event", id: "event:x", name: "Departure", date: "2025-09-04", location: null } },
  ];

  it("highlights every kind of evidence and shows the facts of a span", async () => {
    answer(() => ({ data: { node: { __typename: "Source", ...source, url: null, text, evidence } } }));
    const root = document.createElement("div");
    await sourceView(root, "source:r", undefined, new AbortController().signal);
    expect(root.querySelector("h1")?.textContent).toBe("Report");
    // The legend lists the kinds present, with counts.
    const legend = [...root.querySelectorAll(".evidence-legend label")].map((l) => l.textContent?.trim());
    expect(legend).toEqual(["Statements (1)", "Events (1)", "Roles (1)", "Names (1)"]);
    // "Rutte" is covered by the role and the mention; choosing it shows both facts.
    const name = [...root.querySelectorAll<HTMLElement>(".source-text mark")].find((m) => m.textContent === "Rutte")!;
    expect(name.dataset.kinds).toBe("ROLE MENTION");
    name.click();
    const panel = root.querySelector(".fact-panel")!;
    expect(panel.querySelector("h2")?.textContent).toBe("2 facts");
    expect(panel.textContent).toContain("Mark Rutte is Secretary General of NATO.");
    expect(panel.textContent).toContain("Names Mark Rutte.");
    expect(panel.querySelector("a")?.getAttribute("href")).toBe("#/entity/person%3Amark-rutte");
    // The quote, the event.
    const marks = [...root.querySelectorAll<HTMLElement>(".source-text mark")];
    marks.find((m) => m.dataset.kinds === "STATEMENT")!.click();
    expect(panel.textContent).toContain("Quote by Mark Rutte");
    marks.find((m) => m.dataset.kinds === "EVENT")!.click();
    expect(panel.textContent).toContain("Event: Departure (2025-09-04).");
  });

  it("turns kinds off and opens the span a link names", async () => {
    answer(() => ({ data: { node: { __typename: "Source", ...source, url: null, text, evidence } } }));
    const root = document.createElement("div");
    Element.prototype.scrollIntoView = vi.fn(); // jsdom does no layout
    await sourceView(root, "source:r", quote, new AbortController().signal);
    expect(root.querySelector("mark.selected")?.textContent).toBe('"We stand ready."');
    const names = root.querySelector<HTMLInputElement>('.evidence-legend input[value="MENTION"]')!;
    names.checked = false;
    names.dispatchEvent(new Event("change"));
    const kinds = [...root.querySelectorAll<HTMLElement>(".source-text mark")].map((m) => m.dataset.kinds);
    expect(kinds).not.toContain("ROLE MENTION");
    expect(kinds).toContain("ROLE");
  });

  it("says so when the id is not a source", async () => {
    answer(() => ({ data: { node: null } }));
    const root = document.createElement("div");
    await sourceView(root, "source:nothing", undefined, new AbortController().signal);
    expect(root.textContent).toContain("No source has the id source:nothing");
  });
});
