import { describe, expect, it } from "vitest";
import { gqlFilter, networkGraph } from "../src/views/graph";

describe("networkGraph", () => {
  const p = (id: string, name: string) => ({ __typename: "Person", id, name });
  const putin = p("person:putin", "Putin");
  const rutte = p("person:rutte", "Rutte");
  const trump = p("person:trump", "Trump");
  const nato = { __typename: "Organisation", id: "organisation:nato", name: "NATO" };
  const russia = { __typename: "Nation", id: "nation:russia", name: "Russia" };
  const q = (n: number) => [{ kind: "QUOTE" as const, count: n }];

  it("joins what the entity said and what was said about it, each edge with the filter of its statements", () => {
    const g = networkGraph(
      { topic: "topic:t", from: "2025-09" },
      // Putin's own statements.
      [{ from: putin, to: nato, count: 2, kinds: q(2) }, { from: putin, to: putin, count: 1, kinds: q(1) }],
      // Statements about Putin, to everything they are about.
      [
        { from: rutte, to: putin, count: 3, kinds: q(3) },
        { from: trump, to: nato, count: 1, kinds: q(1) },
        // Putin about himself (in both): kept once, from his own network.
        { from: putin, to: putin, count: 1, kinds: q(1) },
      ],
      { ...putin, roles: [{ title: "President", of: russia }] },
    );
    const edges = g.edges.map((e) => `${e.source}>${e.target}:${e.label}:${e.count}`);
    expect(edges).toEqual([
      "person:putin>organisation:nato:2:2",
      "person:putin>person:putin:1:1",
      "person:rutte>person:putin:3:3",
      "person:trump>organisation:nato:1:1",
      "person:putin>nation:russia:President:0",
    ]);
    const filters = Object.fromEntries(g.edges.map((e) => [`${e.source}>${e.target}`, e.filter]));
    expect(filters["person:putin>organisation:nato"]).toEqual({ topic: "topic:t", from: "2025-09", speaker: "person:putin", about: "organisation:nato" });
    expect(filters["person:rutte>person:putin"]).toEqual({ topic: "topic:t", from: "2025-09", speaker: "person:rutte", about: "person:putin" });
    // Trump about NATO counts only his statements about NATO that are also about Putin.
    expect(filters["person:trump>organisation:nato"]).toEqual({ topic: "topic:t", from: "2025-09", speaker: "person:trump", about: "organisation:nato", aboutAny: ["person:putin"] });
    // A role is no statement: it opens nothing.
    expect(filters["person:putin>nation:russia"]).toBeUndefined();
    // Degrees: the sum of the statement edges' counts, a self-loop once.
    const degree = Object.fromEntries([...g.nodes.values()].map((n) => [n.id, n.degree]));
    expect(degree).toEqual({ "person:putin": 2 + 1 + 3, "organisation:nato": 2 + 1, "person:rutte": 3, "person:trump": 1, "nation:russia": 0 });
  });

  it("draws the whole graph's network as it is", () => {
    const g = networkGraph({ kind: "QUOTE" }, [{ from: rutte, to: putin, count: 4, kinds: q(4) }], []);
    expect(g.edges).toHaveLength(1);
    expect(g.edges[0].filter).toEqual({ kind: "QUOTE", speaker: "person:rutte", about: "person:putin" });
    expect([...g.nodes.values()].map((n) => n.degree)).toEqual([4, 4]);
  });

  it("leaves empty fields out of a GraphQL filter", () => {
    expect(gqlFilter({ speaker: "a", about: "b", topic: "", aboutAny: [] })).toEqual({ speaker: "a", about: "b" });
    expect(gqlFilter({ speaker: "a", aboutAny: ["c"] })).toEqual({ speaker: "a", aboutAny: ["c"] });
  });
});
