import { describe, expect, it } from "vitest";
import { graphData } from "../src/views/graph";

describe("graphData", () => {
  const p = (id: string, name: string) => ({ __typename: "Person", id, name });
  const putin = p("person:putin", "Putin");
  const rutte = p("person:rutte", "Rutte");
  const trump = p("person:trump", "Trump");
  const nato = { __typename: "Organisation", id: "organisation:nato", name: "NATO" };
  it("links speakers to subjects, and roles, counting repeats", () => {
    const g = graphData({
      ...putin,
      roles: [{ title: "President", of: { __typename: "Nation", id: "nation:russia", name: "Russia" } }],
      statements: { nodes: [{ about: [nato] }] },
      mentions: { nodes: [{ speaker: rutte, about: [putin] }, { speaker: rutte, about: [putin] }, { speaker: trump, about: [putin, nato] }] },
    });
    expect([...g.nodes.keys()].sort()).toEqual(["nation:russia", "organisation:nato", "person:putin", "person:rutte", "person:trump"]);
    const edges = [...g.edges.values()].map((e) => `${e.source}>${e.target}:${e.label}:${e.count}`).sort();
    expect(edges).toEqual([
      "person:putin>nation:russia:President:1",
      "person:putin>organisation:nato:said about:1",
      "person:rutte>person:putin:said about:2",
      "person:trump>organisation:nato:said about:1",
      "person:trump>person:putin:said about:1",
    ]);
  });
});
