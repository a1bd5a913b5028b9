import { gql } from "../api";
import { type Bar, barList, monthChart } from "../charts";
import { graphql } from "../gql";
import { h, status } from "../dom";
import { kindOf } from "../kinds";
import { subscribe } from "../live";
import { entityHref, formatRoute } from "../route";
import { prependNew } from "./statements";

export interface CountNode {
  __typename: string;
  id: string;
  name?: string;
}

export interface Bucket {
  key: string;
  count: number;
  node: CountNode | null;
}

// One request for the whole page: the totals, the latest sources, the
// most quoted people, the most mentioned entities and events, and the
// statements per month (every month: at most 100 buckets).
export const homeQuery = graphql(`
  query Home {
    sources(first: 5) { totalCount nodes { id title publisher publishedAt } }
    statements(first: 1) { totalCount }
    entities(first: 1) { totalCount }
    people: statementCounts(filter: { speakerKinds: [PERSON] }, by: SPEAKER, first: 10) {
      key
      count
      node { __typename id ... on Entity { name } }
    }
    mentioned: statementCounts(by: ABOUT, first: 10) {
      key
      count
      node { __typename id ... on Entity { name } ... on Event { name } }
    }
    months: statementCounts(by: MONTH, first: 100) { key count }
  }
`);

const homeStatements = graphql(`
  subscription HomeStatements {
    statementAdded { ...StatementFields }
  }
`);

const homeSources = graphql(`
  subscription HomeSources {
    sourceChanged { kind sourceId source { id title publisher publishedAt } }
  }
`);

// nodeHref opens what a bucket counts: an entity's page, or (events have
// no page of their own) the statements about an event.
export function nodeHref(n: CountNode): string {
  if (n.__typename === "Event") return formatRoute({ view: "statements", filters: { about: n.id } });
  return entityHref(n.id);
}

// nodeBars are the bars of buckets whose key is a node.
export function nodeBars(buckets: Bucket[], href: (b: Bucket) => string = (b) => (b.node ? nodeHref(b.node) : entityHref(b.key))): Bar[] {
  return buckets.map((b) => ({
    key: b.key,
    label: b.node?.name ?? b.key,
    count: b.count,
    href: href(b),
    kind: b.node ? `kind-${kindOf(b.node.__typename)}` : undefined,
  }));
}

const n = (x: number) => x.toLocaleString("en");

// homeView shows what is in the graph: its size, the latest sources, who
// is quoted and who is talked about most, and statements over time.
export async function homeView(root: HTMLElement, signal: AbortSignal): Promise<void> {
  const intro = [
    h("h1", {}, "Who said what about whom"),
    h(
      "p",
      {},
      "Search for a leader, a nation or an organisation, or for words they said. Every statement links back to the sentence in its source; every figure below opens the statements behind it.",
    ),
  ];
  root.replaceChildren(...intro, status("loading", "Loading what is in the graph…"));
  const d = await gql(homeQuery, {}, signal);
  const figure = (key: string, count: number, label: string, href?: string) =>
    h("li", { "data-total": key }, h("span", { class: "figure" }, n(count)), " ", href ? h("a", { href }, label) : label);
  root.replaceChildren(
    ...intro,
    h(
      "ul",
      { class: "totals", "aria-label": "What the graph holds" },
      figure("sources", d.sources.totalCount, "sources", formatRoute({ view: "sources" })),
      figure("statements", d.statements.totalCount, "statements", formatRoute({ view: "statements", filters: {} })),
      figure("entities", d.entities.totalCount, "people, nations and organisations"),
    ),
    h(
      "div",
      { class: "home-grid" },
      barList("people", "Most quoted people", nodeBars(d.people), "No person has said anything yet."),
      barList("mentioned", "Most talked about", nodeBars(d.mentioned), "No statement is about anyone yet."),
    ),
    monthChart("months", "Statements per month", d.months),
    h(
      "section",
      { class: "statements just-in", "aria-labelledby": "h-just-in", "data-list": "just-in" },
      h("h2", { id: "h-just-in" }, "Just in"),
      status("empty", "New statements appear here as reports are added."),
    ),
    h(
      "section",
      { class: "latest", "aria-labelledby": "h-latest" },
      h("h2", { id: "h-latest" }, "Latest sources"),
      d.sources.nodes.length
        ? h(
            "ul",
            { class: "latest-sources" },
            d.sources.nodes.map(sourceItem),
          )
        : status("empty", "The graph holds no source yet."),
      h("p", {}, h("a", { href: formatRoute({ view: "sources" }) }, "All sources"), " · ", h("a", { href: formatRoute({ view: "add" }) }, "Add a report")),
    ),
    h(
      "ul",
      { class: "starts" },
      h("li", {}, h("a", { href: formatRoute({ view: "graph", filters: {} }) }, "The network: who talks about whom")),
      h("li", {}, h("a", { href: formatRoute({ view: "paths", from: "", to: "" }) }, "Find a connection between two entities")),
      h("li", {}, h("a", { href: "/playground" }, "The GraphQL playground")),
    ),
  );
  // Statements and sources that arrive while the page is open.
  subscribe(
    homeStatements,
    {},
    (a) => {
      prependNew(root.querySelector('section[data-list="just-in"]'), a.statementAdded);
      bump(root.querySelector('[data-total="statements"] .figure'), 1);
    },
    signal,
  );
  subscribe(
    homeSources,
    {},
    ({ sourceChanged: c }) => {
      const list = root.querySelector(".latest-sources");
      if (c.kind === "DELETED") {
        list?.querySelector(`li[data-id="${CSS.escape(c.sourceId)}"]`)?.remove();
        bump(root.querySelector('[data-total="sources"] .figure'), -1);
        return;
      }
      if (c.kind !== "INGESTED" || !c.source || !list) return;
      const li = sourceItem(c.source);
      li.classList.add("new");
      li.prepend(h("span", { class: "badge badge-new" }, "new"), " ");
      list.prepend(li);
      bump(root.querySelector('[data-total="sources"] .figure'), 1);
    },
    signal,
  );
}

// sourceItem is one source of the latest list: its title, linked, then
// its publisher and date.
function sourceItem(s: { id: string; title: string; publisher: string | null; publishedAt: string | null }): HTMLElement {
  return h(
    "li",
    { "data-id": s.id },
    h("a", { href: formatRoute({ view: "source", id: s.id }) }, s.title),
    h("span", { class: "meta" }, [s.publisher, s.publishedAt].filter(Boolean).join(", ")),
  );
}

// bump changes a figure on the page by d.
function bump(el: Element | null, d: number): void {
  if (!el) return;
  const now = Number((el.textContent ?? "0").replace(/[^0-9]/g, "")) + d;
  el.textContent = n(Math.max(now, 0));
}
