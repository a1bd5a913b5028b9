import { describe, expect, it } from "vitest";
import { type Route, exportURL, formatRoute, parseRoute } from "../src/route";

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
    ["#/graph/nation%3Afrance", { view: "graph", id: "nation:france" }],
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

  it.each(["", "#", "#/nowhere", "#/entity/", "#/graph"])("%s is home", (hash) => {
    expect(parseRoute(hash)).toEqual({ view: "home" });
  });

  it("drops an unknown kind", () => {
    expect(parseRoute("#/entity/person%3Ax?kind=SHOUT")).toEqual({ view: "entity", id: "person:x", filters: {} });
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
