import { describe, expect, it } from "vitest";
import { type Route, exportURL, filterExportURL, formatRoute, graphFilters, parseRoute } from "../src/route";

describe("routes", () => {
  const cases: [string, Route][] = [
    ["#/", { view: "home" }],
    ["#/search?q=Rutte", { view: "search", q: "Rutte" }],
    ["#/search?q=coalition+of+the+willing", { view: "search", q: "coalition of the willing" }],
    ["#/entity/person%3Amark-rutte", { view: "entity", id: "person:mark-rutte", filters: {} }],
    [
      "#/entity/person%3Avladimir-putin?speaker=person%3Amark-rutte&kind=QUOTE&from=2025-09&to=2025-09-30",
      { view: "entity", id: "person:vladimir-putin", filters: { speaker: "person:mark-rutte", kind: "QUOTE", from: "2025-09", to: "2025-09-30" } },
    ],
    ["#/graph/nation%3Afrance", { view: "graph", id: "nation:france", filters: {} }],
    ["#/graph/nation%3Afrance?topic=topic%3Asanctions&from=2025-09&to=2025-09-30", { view: "graph", id: "nation:france", filters: { topic: "topic:sanctions", from: "2025-09", to: "2025-09-30" } }],
    ["#/graph", { view: "graph", filters: {} }],
    ["#/graph?kind=PARAPHRASE&topic=topic%3Ax", { view: "graph", filters: { kind: "PARAPHRASE", topic: "topic:x" } }],
    ["#/statements", { view: "statements", filters: {} }],
    [
      "#/statements?speaker=person%3Amark-rutte&about=person%3Avladimir-putin&topic=topic%3Ax&kind=QUOTE&from=2025&to=2025-09-30",
      { view: "statements", filters: { speaker: "person:mark-rutte", about: "person:vladimir-putin", topic: "topic:x", kind: "QUOTE", from: "2025", to: "2025-09-30" } },
    ],
    ["#/paths?from=person%3Aa&to=person%3Ab", { view: "paths", from: "person:a", to: "person:b" }],
    ["#/source/source%3Ax?span=120", { view: "source", id: "source:x", span: 120 }],
    ["#/source/source%3Ax", { view: "source", id: "source:x", span: undefined }],
    ["#/add", { view: "add" }],
    ["#/review", { view: "review" }],
    ["#/review/source%3Ax", { view: "review", source: "source:x" }],
    ["#/sources", { view: "sources" }],
  ];
  it.each(cases)("%s parses and formats back", (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it.each(["", "#", "#/nowhere", "#/entity/"])("%s is home", (hash) => {
    expect(parseRoute(hash)).toEqual({ view: "home" });
  });

  it("drops an unknown kind", () => {
    expect(parseRoute("#/entity/person%3Ax?kind=SHOUT")).toEqual({ view: "entity", id: "person:x", filters: {} });
  });

  it("drops an unknown kind, and filters a view does not take", () => {
    expect(parseRoute("#/statements?about=nation%3Ax&kind=SHOUT&colour=red")).toEqual({ view: "statements", filters: { about: "nation:x" } });
    // The graph's speaker is its entity: a speaker parameter is not its filter.
    expect(parseRoute("#/graph/person%3Ax?speaker=person%3Ay&kind=QUOTE")).toEqual({ view: "graph", id: "person:x", filters: { kind: "QUOTE" } });
    expect(parseRoute("#/graph?from=&to=2025-10")).toEqual({ view: "graph", filters: { to: "2025-10" } });
  });

  it("keeps the filters a graph takes", () => {
    expect(graphFilters({ speaker: "person:a", topic: "topic:t", kind: "QUOTE", from: "2025", to: "" })).toEqual({ topic: "topic:t", kind: "QUOTE", from: "2025" });
  });

  it("builds the export URL of a statements filter", () => {
    expect(filterExportURL({ speaker: "person:a", about: "person:b", kind: "QUOTE", from: "" })).toBe(
      "/export/statements.csv?speaker=person%3Aa&about=person%3Ab&kind=QUOTE",
    );
  });

  it("builds the export URL of a list", () => {
    expect(exportURL("about", "person:vladimir-putin", { speaker: "person:mark-rutte", kind: "QUOTE" })).toBe(
      "/export/statements.csv?about=person%3Avladimir-putin&speaker=person%3Amark-rutte&kind=QUOTE",
    );
    // A speaker filter on the speaker's own list would contradict it.
    expect(exportURL("speaker", "person:a", { speaker: "person:b", topic: "topic:t" })).toBe(
      "/export/statements.csv?speaker=person%3Aa&topic=topic%3At",
    );
  });
});
