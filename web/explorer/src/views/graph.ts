import cytoscape from "cytoscape";
import { gql, nameOf } from "../api";
import { sizeBy } from "../charts";
import { entityLink, h, status } from "../dom";
import { graphql } from "../gql";
import type { NetworkEdgesFragment } from "../gql/graphql";
import { kindOf, kindStyle } from "../kinds";
import { type Filters, type StatementsFilters, entityHref, formatRoute, graphFilters, graphKeys } from "../route";
import { filterForm } from "../filterform";
import { statementItem } from "./statements";

// The network comes from the API's `network`: the heaviest
// speaker-to-target edges of a statement filter. Around an entity it is two
// networks in one request, what it said and what was said about it; its
// roles and memberships are drawn beside them.

// Ref is a node of the drawing: an entity, or an event a statement is
// about.
export interface Ref {
  __typename: string;
  id: string;
  name: string;
}

export interface NetEdge {
  from: Ref;
  to: Ref;
  count: number;
  kinds: { kind: "QUOTE" | "PARAPHRASE"; count: number }[];
}

// The StatementFilter that selects exactly an edge's statements.
export type EdgeFilter = StatementsFilters & { aboutAny?: string[] };

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  // Statements behind a "said about" edge; 0 for a role or a membership.
  count: number;
  kinds: NetEdge["kinds"];
  label: string;
  filter?: EdgeFilter;
}

export interface GraphData {
  nodes: Map<string, Ref & { degree: number }>;
  edges: GraphEdge[];
}

interface Roles {
  roles?: { title: string; of: Ref }[];
  leaders?: { title: string; person: Ref }[];
  memberships?: { role: string | null; organisation: Ref }[];
  members?: { role: string | null; member: Ref }[];
}

// networkGraph joins networks into one graph. `said` are the edges of the
// entity's own statements (or of the whole filter, without an entity);
// `about` the edges of statements about it, by anyone, to everything they
// are about. An edge in both (the entity about something, in a statement
// also about itself) is kept from `said`, which counts all of them. Each
// edge keeps the filter of its statements, so a click lists exactly those.
// A node's degree is the sum of the counts of its statement edges, an edge
// from a speaker to itself counted once, as the API counts it.
export function networkGraph(base: Filters, said: NetEdge[], about: NetEdge[], entity?: Ref & Roles): GraphData {
  const g: GraphData = { nodes: new Map(), edges: [] };
  const node = (r: Ref) => {
    if (!g.nodes.has(r.id)) g.nodes.set(r.id, { __typename: r.__typename, id: r.id, name: r.name, degree: 0 });
  };
  const seen = new Set<string>();
  const add = (e: NetEdge, aboutAny?: string) => {
    const key = `${e.from.id}|${e.to.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    node(e.from);
    node(e.to);
    g.nodes.get(e.from.id)!.degree += e.count;
    if (e.to.id !== e.from.id) g.nodes.get(e.to.id)!.degree += e.count;
    const filter: EdgeFilter = { ...graphFilters(base), speaker: e.from.id, about: e.to.id };
    if (aboutAny && aboutAny !== e.to.id) filter.aboutAny = [aboutAny];
    g.edges.push({ id: `s${g.edges.length}`, source: e.from.id, target: e.to.id, count: e.count, kinds: e.kinds, label: String(e.count), filter });
  };
  if (entity) node(entity);
  for (const e of said) add(e);
  for (const e of about) add(e, entity?.id);
  if (entity) {
    const role = (from: Ref, to: Ref, label: string) => {
      node(from);
      node(to);
      g.edges.push({ id: `r${g.edges.length}`, source: from.id, target: to.id, count: 0, kinds: [], label });
    };
    for (const r of entity.roles ?? []) role(entity, r.of, r.title);
    for (const r of entity.leaders ?? []) role(r.person, entity, r.title);
    for (const m of entity.memberships ?? []) role(entity, m.organisation, m.role ? `member (${m.role})` : "member");
    for (const m of entity.members ?? []) role(m.member, entity, m.role ? `member (${m.role})` : "member");
  }
  return g;
}

// gqlFilter is an edge's filter as GraphQL variables: empty fields left out.
export function gqlFilter(f: EdgeFilter): Record<string, unknown> {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== "" && !(Array.isArray(v) && !v.length)));
}

// The edges of a network, each end with its name: an edge's target is
// any node a statement is about, in practice an entity or an event.
export const NetworkEdges = graphql(`
  fragment NetworkEdges on Network {
    edges {
      count
      kinds { kind count }
      from { __typename id name }
      to { __typename id ... on Entity { name } ... on Event { name } }
    }
  }
`);

// The roles and memberships drawn beside an entity's network.
export const EntityRoles = graphql(`
  fragment EntityRoles on Entity {
    ... on Person { roles { title of { __typename id name } } }
    ... on Nation { leaders { title person { __typename id name } } memberships { role organisation { __typename id name } } }
    ... on Organisation { leaders { title person { __typename id name } } members { role member { __typename id name } } }
  }
`);

const entityGraphQuery = graphql(`
  query Graph($id: ID!, $said: StatementFilter, $about: StatementFilter, $first: Int!) {
    entity(id: $id) { __typename id name ...EntityRoles }
    said: network(filter: $said, first: $first) { ...NetworkEdges }
    about: network(filter: $about, first: $first) { ...NetworkEdges }
    topics { id name }
  }
`);

const wholeGraphQuery = graphql(`
  query Network($filter: StatementFilter, $first: Int!) {
    network(filter: $filter, first: $first) { ...NetworkEdges }
    topics { id name }
  }
`);

const edgeLimit = 60;

// netEdges are a network's edges for drawing: a target without a name
// (no statement is about one today) is labelled by its id.
function netEdges(n: NetworkEdgesFragment): NetEdge[] {
  return n.edges.map((e) => ({ ...e, to: { __typename: e.to.__typename, id: e.to.id, name: nameOf(e.to) } }));
}

export async function graphView(root: HTMLElement, id: string | undefined, filters: Filters, signal: AbortSignal): Promise<void> {
  root.replaceChildren(status("loading", "Loading…"));
  const base = graphFilters(filters);
  let g: GraphData;
  let entity: Ref | undefined;
  let topics: { id: string; name: string }[];
  if (id) {
    const d = await gql(entityGraphQuery, { id, said: { ...base, speaker: id }, about: { ...base, about: id }, first: edgeLimit }, signal);
    if (!d.entity) {
      root.replaceChildren(status("empty", `Nothing in the graph has the id ${id}.`));
      return;
    }
    entity = d.entity;
    topics = d.topics;
    g = networkGraph(base, netEdges(d.said), netEdges(d.about), d.entity);
  } else {
    const d = await gql(wholeGraphQuery, { filter: base, first: edgeLimit }, signal);
    topics = d.topics;
    g = networkGraph(base, netEdges(d.network), []);
  }
  const title = entity ? `Network around ${entity.name}` : "Who talks about whom";
  const canvas = h("div", { class: "graph-canvas", role: "img", "aria-label": `${title}: ${g.nodes.size} nodes, ${g.edges.length} edges. The same links are listed below.` });
  const panel = h("section", { class: "edge-panel statements", "aria-live": "polite", "aria-labelledby": "h-edge", tabindex: "-1" });
  const statementEdges = g.edges.filter((e) => e.filter);
  let opened: AbortController | undefined;
  let cy: cytoscape.Core | undefined;
  const open = (e: GraphEdge) => {
    cy?.edges(":selected").unselect();
    cy?.getElementById(e.id).select();
    opened?.abort();
    opened = new AbortController();
    signal.addEventListener("abort", () => opened?.abort());
    showEdge(panel, g, e, opened.signal).catch((err) => {
      if (opened?.signal.aborted) return;
      panel.replaceChildren(status("error", err instanceof Error ? err.message : "The statements did not load."));
    });
  };
  const nodes = [...g.nodes.values()].sort((a, b) => b.degree - a.degree || a.name.localeCompare(b.name));
  root.replaceChildren(
    h("h1", {}, entity ? ["Network around ", entityLink(entity)] : title),
    graphForm(id, filters, topics),
    h(
      "p",
      { class: "hint" },
      "Arrows point from speaker to subject; a line is wider the more statements it stands for, a node larger the more statements it is on. Click a node to open it, a line to read its statements.",
      entity ? " Dashed lines are roles and memberships." : "",
    ),
    legend(),
    statementEdges.length || entity ? canvas : status("empty", "No statements match these filters."),
    panel,
    h("h2", {}, "Links"),
    statementEdges.length
      ? h(
          "ol",
          { class: "graph-edges" },
          [...statementEdges]
            .sort((a, b) => b.count - a.count)
            .map((e) => {
              const [from, to] = [g.nodes.get(e.source)!.name, g.nodes.get(e.target)!.name];
              const b = h("button", { type: "button", class: "link-button", "data-edge": e.id, "aria-label": `${from} about ${to}: ${e.count} ${e.count === 1 ? "statement" : "statements"}` }, `${from} → ${to}`);
              b.addEventListener("click", () => open(e));
              return h("li", {}, b, ` ${e.count} ${e.count === 1 ? "statement" : "statements"}`);
            }),
        )
      : status("empty", "No statements match these filters."),
    h("h2", {}, "Nodes"),
    h(
      "ul",
      { class: "graph-nodes" },
      nodes.map((n) =>
        h("li", {}, h("span", { class: `dot kind-${kindOf(n.__typename)}` }), h("a", { href: href(n) }, n.name), ` (${kindOf(n.__typename)}${n.degree ? `, ${n.degree}` : ""})`),
      ),
    ),
  );
  if (!statementEdges.length && !entity) return;
  const maxDegree = Math.max(1, ...nodes.map((n) => n.degree));
  const maxCount = Math.max(1, ...statementEdges.map((e) => e.count));
  cy = cytoscape({
    container: canvas,
    elements: [
      ...nodes.map((n) => ({
        data: { id: n.id, label: n.name, kind: n.__typename, root: n.id === id ? 1 : 0, size: Math.round(sizeBy(n.degree, maxDegree, 18, 60)) },
      })),
      ...g.edges.map((e) => ({
        data: { id: e.id, source: e.source, target: e.target, label: e.label, role: e.filter ? 0 : 1, width: e.filter ? sizeBy(e.count, maxCount, 1.5, 12) : 1.2 },
      })),
    ],
    style: [
      {
        selector: "node",
        style: {
          label: "data(label)",
          "font-size": 11,
          "text-valign": "bottom",
          "text-margin-y": 4,
          width: "data(size)",
          height: "data(size)",
        },
      },
      ...Object.entries(kindStyle).map(([k, s]) => ({
        selector: `node[kind = "${k}"]`,
        style: { "background-color": s.colour, shape: s.shape as cytoscape.Css.NodeShape },
      })),
      { selector: "node[root = 1]", style: { "font-weight": "bold", "border-width": 3, "border-color": "#1a202c" } },
      {
        selector: "edge",
        style: {
          label: "data(label)",
          "font-size": 9,
          "curve-style": "bezier",
          "target-arrow-shape": "triangle",
          width: "data(width)",
          "line-color": "#a0aec0",
          "target-arrow-color": "#a0aec0",
          "line-opacity": 0.85,
          "text-rotation": "autorotate",
          "text-background-color": "#fff",
          "text-background-opacity": 0.8,
        },
      },
      { selector: "edge[role = 1]", style: { "line-style": "dashed", "line-color": "#cbd5e0", "target-arrow-color": "#cbd5e0" } },
      { selector: "edge:selected", style: { "line-color": "#dd6b20", "target-arrow-color": "#dd6b20" } },
    ],
    // A small network would otherwise be zoomed until its labels shout.
    maxZoom: 1.3,
    minZoom: 0.2,
    layout: { name: "cose", animate: false, randomize: false, padding: 40, nodeRepulsion: () => 400000, idealEdgeLength: () => 140 },
  });
  cy.on("tap", "node", (ev) => {
    const n = g.nodes.get(ev.target.id());
    if (n) location.hash = href(n);
  });
  cy.on("tap", "edge", (ev) => {
    const e = g.edges.find((x) => x.id === ev.target.id());
    if (e?.filter) open(e);
  });
  // Tests and curious developers can reach the instance.
  (canvas as unknown as { cy: cytoscape.Core }).cy = cy;
  signal.addEventListener("abort", () => cy.destroy());
}

const edgePage = 50;

const edgeStatementsQuery = graphql(`
  query EdgeStatements($filter: StatementFilter, $first: Int!) {
    statements(filter: $filter, first: $first) { totalCount nodes { ...StatementFields } }
  }
`);

// showEdge lists an edge's statements, each with its evidence in its
// source, from a statements query with the edge's own filter.
async function showEdge(panel: HTMLElement, g: GraphData, e: GraphEdge, signal: AbortSignal): Promise<void> {
  const from = g.nodes.get(e.source)!;
  const to = g.nodes.get(e.target)!;
  const head = h("h2", { id: "h-edge" }, entityLink(from), " about ", to.__typename === "Event" ? to.name : entityLink(to));
  panel.dataset.edge = e.id;
  panel.replaceChildren(head, status("loading", "Loading the statements…"));
  panel.scrollIntoView({ block: "nearest" });
  const d = await gql(edgeStatementsQuery, { filter: gqlFilter(e.filter!), first: edgePage }, signal);
  const kinds = e.kinds.map((k) => `${k.count} ${k.kind === "QUOTE" ? (k.count === 1 ? "quote" : "quotes") : k.count === 1 ? "paraphrase" : "paraphrases"}`).join(", ");
  const shown = d.statements.nodes.length;
  const more =
    shown < d.statements.totalCount && !e.filter!.aboutAny
      ? h("p", {}, h("a", { href: formatRoute({ view: "statements", filters: e.filter! }) }, `All ${d.statements.totalCount} statements`))
      : null;
  panel.replaceChildren(
    head,
    h("p", { class: "count", "data-total": d.statements.totalCount }, shown < d.statements.totalCount ? `${shown} of ${d.statements.totalCount} statements` : `${d.statements.totalCount} ${d.statements.totalCount === 1 ? "statement" : "statements"}`, kinds ? ` (${kinds})` : "", e.filter!.aboutAny ? `, in statements also about ${g.nodes.get(e.filter!.aboutAny[0])?.name ?? e.filter!.aboutAny[0]}` : ""),
    h("ol", {}, d.statements.nodes.map(statementItem)),
    ...(more ? [more] : []),
  );
  panel.focus({ preventScroll: true });
}

// graphForm edits the graph's filters in the URL, as the entity view's do.
function graphForm(id: string | undefined, f: Filters, topics: { id: string; name: string }[]): HTMLElement {
  return filterForm("Filter the network", f, topics, graphKeys, (next) => formatRoute({ view: "graph", id, filters: next }), [], [
    h("a", { href: formatRoute({ view: "graph", id, filters: {} }) }, "Clear"),
    id ? h("a", { href: formatRoute({ view: "graph", filters: graphFilters(f) }) }, "Whole graph") : null,
  ]);
}

// href opens a node: an entity's page, or the statements about an event
// (events have no page of their own yet).
function href(n: Ref): string {
  if (n.__typename === "Event") return formatRoute({ view: "statements", filters: { about: n.id } });
  return entityHref(n.id);
}

function legend(): HTMLElement {
  return h(
    "ul",
    { class: "legend", "aria-label": "Legend" },
    ["Person", "Nation", "Organisation", "Event"].map((k) => h("li", {}, h("span", { class: `dot kind-${kindOf(k)}` }), kindOf(k))),
  );
}
