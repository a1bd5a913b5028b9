import { afterEach, describe, expect, it, vi } from "vitest";
import { barList, barPercents, monthChart, monthLabel, monthSeries, sizeBy } from "../src/charts";
import { homeView, nodeBars } from "../src/views/home";
import { describe as describeFilter, statementFilter, statementsView } from "../src/views/statements";

describe("barPercents", () => {
  it("scales to the largest, keeping small counts visible", () => {
    expect(barPercents([10, 5, 1])).toEqual([100, 50, 10]);
    expect(barPercents([1000, 1])).toEqual([100, 2]);
    expect(barPercents([3, 0])).toEqual([100, 0]);
    expect(barPercents([])).toEqual([]);
    expect(barPercents([0, 0])).toEqual([0, 0]);
  });
});

describe("sizeBy", () => {
  it("maps by the square root between bounds", () => {
    expect(sizeBy(0, 10, 2, 12)).toBe(2);
    expect(sizeBy(10, 10, 2, 12)).toBe(12);
    expect(sizeBy(25, 100, 0, 10)).toBe(5);
    expect(sizeBy(200, 100, 0, 10)).toBe(10);
    expect(sizeBy(5, 0, 3, 9)).toBe(3);
  });
});

describe("monthSeries", () => {
  it("sorts months, fills the gaps with zeros and keeps undated apart", () => {
    const s = monthSeries([
      { key: "2026-01", count: 2 },
      { key: "undated", count: 4 },
      { key: "2025-11", count: 5 },
    ]);
    expect(s.months).toEqual([
      { key: "2025-11", count: 5 },
      { key: "2025-12", count: 0 },
      { key: "2026-01", count: 2 },
    ]);
    expect(s.undated).toBe(4);
  });
  it("has no months when nothing is dated", () => {
    expect(monthSeries([{ key: "undated", count: 2 }])).toEqual({ months: [], undated: 2 });
    expect(monthSeries([])).toEqual({ months: [], undated: 0 });
  });
  it("keeps at most fifty years, the latest", () => {
    const s = monthSeries([
      { key: "1900-01", count: 1 },
      { key: "2025-09", count: 1 },
    ]);
    expect(s.months).toHaveLength(600);
    expect(s.months[599]).toEqual({ key: "2025-09", count: 1 });
    expect(s.months[0].key).toBe("1975-10");
  });
  it("reads a month", () => {
    expect(monthLabel("2025-09")).toBe("Sep 2025");
  });
});

describe("barList", () => {
  it("draws links with their label and count in text", () => {
    const el = barList("x", "Most", [
      { key: "a", label: "Alpha", count: 4, href: "#/a" },
      { key: "b", label: "Beta", count: 1, href: "#/b", current: true },
    ], "none");
    const links = [...el.querySelectorAll<HTMLAnchorElement>("a.bar")];
    expect(links.map((a) => [a.getAttribute("href"), a.querySelector(".bar-label")!.textContent, a.querySelector(".bar-count")!.textContent])).toEqual([
      ["#/a", "Alpha", "4"],
      ["#/b", "Beta", "1"],
    ]);
    expect(links[1].getAttribute("aria-label")).toBe("Beta: 1 statement");
    expect(links.map((a) => a.querySelector<HTMLElement>(".bar-fill")!.style.width)).toEqual(["100%", "25%"]);
    expect(el.getAttribute("aria-labelledby")).toBe("h-x");
    expect(barList("y", "None", [], "Nothing yet.").textContent).toContain("Nothing yet.");
  });
});

describe("monthChart", () => {
  it("draws a column per month with a count, titled", () => {
    const el = monthChart("m", "Per month", [
      { key: "2025-09", count: 3 },
      { key: "2025-07", count: 1 },
    ]);
    const svg = el.querySelector("svg")!;
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.querySelector("title")!.textContent).toBe("Per month");
    expect(svg.querySelector("desc")!.textContent).toBe("4 dated statements. Jul 2025: 1, Sep 2025: 3.");
    expect([...svg.querySelectorAll("rect title")].map((t) => t.textContent)).toEqual(["Jul 2025: 1 statement", "Sep 2025: 3 statements"]);
    expect(el.querySelector("[data-undated]")).toBeNull();
  });
  it("says when nothing is dated", () => {
    const el = monthChart("m", "Per month", [{ key: "undated", count: 1 }]);
    expect(el.querySelector("svg")).toBeNull();
    expect(el.textContent).toContain("No dated statements.");
    expect(el.textContent).toContain("1 statement has no month");
  });
});

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

describe("homeView", () => {
  it("shows the totals, the bars, the months and the latest sources from one request", async () => {
    const queries: string[] = [];
    answer((q) => {
      queries.push(q);
      return {
        data: {
          sources: { totalCount: 12, nodes: [{ id: "source:a", title: "A report", publisher: "Wire", publishedAt: "2025-09-05" }] },
          statements: { totalCount: 1234 },
          entities: { totalCount: 56 },
          people: [{ key: "person:a", count: 7, node: { __typename: "Person", id: "person:a", name: "Ann" } }],
          mentioned: [
            { key: "nation:b", count: 9, node: { __typename: "Nation", id: "nation:b", name: "Bland" } },
            { key: "event:c", count: 2, node: { __typename: "Event", id: "event:c", name: "Summit" } },
          ],
          months: [{ key: "2025-09", count: 3 }, { key: "undated", count: 1 }],
        },
      };
    });
    const root = document.createElement("div");
    await homeView(root, new AbortController().signal);
    expect(queries).toHaveLength(1);
    const total = (k: string) => root.querySelector(`[data-total="${k}"] .figure`)!.textContent;
    expect([total("sources"), total("statements"), total("entities")]).toEqual(["12", "1,234", "56"]);
    expect([...root.querySelectorAll('[data-chart="people"] a.bar')].map((a) => a.getAttribute("href"))).toEqual(["#/entity/person%3Aa"]);
    // An event has no page: its bar opens the statements about it.
    expect([...root.querySelectorAll('[data-chart="mentioned"] a.bar')].map((a) => a.getAttribute("href"))).toEqual(["#/entity/nation%3Ab", "#/statements?about=event%3Ac"]);
    expect(root.querySelectorAll('[data-chart="months"] rect')).toHaveLength(1);
    expect(root.querySelector("[data-undated]")!.getAttribute("data-undated")).toBe("1");
    expect(root.querySelector('.latest-sources a')!.getAttribute("href")).toBe("#/source/source%3Aa");
  });
  it("labels a bucket without a node by its key", () => {
    expect(nodeBars([{ key: "person:x", count: 1, node: null }])[0]).toMatchObject({ label: "person:x", href: "#/entity/person%3Ax" });
  });
});

describe("statementsView", () => {
  it("lists the statements of the filter, named in words", async () => {
    let sent: Record<string, unknown> = {};
    answer((_q, vars) => {
      sent = vars;
      return {
        data: {
          speaker: { __typename: "Person", id: "person:a", name: "Ann" },
          about: { __typename: "Nation", id: "nation:b", name: "Bland" },
          statements: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] },
        },
      };
    });
    const root = document.createElement("div");
    await statementsView(root, { speaker: "person:a", about: "nation:b", kind: "QUOTE" }, new AbortController().signal);
    expect(sent).toMatchObject({ filter: { speaker: "person:a", about: "nation:b", kind: "QUOTE" }, speaker: "person:a", withSpeaker: true, about: "nation:b", withAbout: true, withTopic: false });
    expect(root.querySelector("h1")!.textContent).toBe("Statements by Ann, about Bland, quotes only");
    expect(root.querySelector("[data-total]")!.textContent).toBe("0");
    expect(root.textContent).toContain("No statements match.");
  });
  it("describes and converts filters", () => {
    expect(describeFilter({ topic: "topic:t", from: "2025-09", to: "2025-10" }, new Map([["topic:t", "Sanctions"]]))).toBe("on Sanctions, from 2025-09, to 2025-10");
    expect(statementFilter({ about: "x", from: "", kind: "PARAPHRASE" })).toEqual({ about: "x", kind: "PARAPHRASE" });
  });
});
