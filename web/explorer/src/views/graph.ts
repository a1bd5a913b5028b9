import cytoscape from "cytoscape";
import { type EntityRef as Ref, gql } from "../api";
import { entityLink, h, status } from "../dom";
import { kindOf, kindStyle } from "../kinds";
import { entityHref, formatRoute } from "../route";

interface GraphAnswer {
  entity:
    | (Ref & {
        roles?: { title: string; of: Ref }[];
        leaders?: { title: string; person: Ref }[];
        memberships?: { role: string | null; organisation: Ref }[];
        members?: { role: string | null; member: Ref }[];
        statements: { nodes: { about: Ref[] }[] };
        mentions: { nodes: { speaker: Ref; about: Ref[] }[] };
      })
    | null;
}

const graphQuery = `query Graph($id: ID!) {
  entity(id: $id) {
    __typename id name
    ... on Person { roles { title of { __typename id name } } }
    ... on Nation { leaders { title person { __typename id name } } memberships { role organisation { __typename id name } } }
    ... on Organisation { leaders { title person { __typename id name } } members { role member { __typename id name } } }
    statements(first: 100) { nodes { about { __typename id ... on Entity { name } ... on Event { name } } } }
    mentions(first: 100) { nodes { speaker { __typename id name } about { __typename id ... on Entity { name } ... on Event { name } } } }
  }
}`;

interface GraphData {
  nodes: Map<string, Ref>;
  // Edges keyed by source, target and label, with how many statements
  // each stands for.
  edges: Map<string, { source: string; target: string; label: string; count: number }>;
}

// graphData builds the network around an entity: who its statements are
// about, who spoke about it (and about whom else in the same statement),
// and its roles and memberships.
export function graphData(e: NonNullable<GraphAnswer["entity"]>): GraphData {
  const g: GraphData = { nodes: new Map(), edges: new Map() };
  const node = (r: Ref) => g.nodes.set(r.id, r);
  const edge = (from: Ref, to: Ref, label: string) => {
    node(from);
    node(to);
    const key = `${from.id}|${to.id}|${label}`;
    const x = g.edges.get(key);
    if (x) x.count++;
    else g.edges.set(key, { source: from.id, target: to.id, label, count: 1 });
  };
  node(e);
  for (const st of e.statements.nodes) for (const a of st.about) edge(e, a, "said about");
  for (const st of e.mentions.nodes) for (const a of st.about) edge(st.speaker, a, "said about");
  for (const r of e.roles ?? []) edge(e, r.of, r.title);
  for (const r of e.leaders ?? []) edge(r.person, e, r.title);
  for (const m of e.memberships ?? []) edge(e, m.organisation, m.role ? `member (${m.role})` : "member");
  for (const m of e.members ?? []) edge(m.member, e, m.role ? `member (${m.role})` : "member");
  return g;
}

export async function graphView(root: HTMLElement, id: string, signal: AbortSignal): Promise<void> {
  root.replaceChildren(status("loading", "Loading…"));
  const d = await gql<GraphAnswer>(graphQuery, { id }, signal);
  if (!d.entity) {
    root.replaceChildren(status("empty", `Nothing in the graph has the id ${id}.`));
    return;
  }
  const g = graphData(d.entity);
  const canvas = h("div", { class: "graph-canvas", role: "img", "aria-label": `Network around ${d.entity.name}` });
  // The same nodes as a list of links: the graph is usable with the
  // keyboard and by screen readers too.
  const nodeList = h(
    "ul",
    { class: "graph-nodes" },
    [...g.nodes.values()].map((n) =>
      h("li", {}, h("span", { class: `dot kind-${kindOf(n.__typename)}` }), h("a", { href: href(n) }, n.name), ` (${kindOf(n.__typename)})`),
    ),
  );
  root.replaceChildren(
    h("h1", {}, "Network around ", entityLink(d.entity)),
    h("p", { class: "hint" }, "Click a node to open it. Arrows point from speaker to subject, from person to role."),
    legend(),
    canvas,
    h("h2", {}, "Nodes"),
    nodeList,
  );
  const cy = cytoscape({
    container: canvas,
    elements: [
      ...[...g.nodes.values()].map((n) => ({ data: { id: n.id, label: n.name, kind: n.__typename, root: n.id === id ? 1 : 0 } })),
      ...[...g.edges.values()].map((e, i) => ({
        data: { id: `e${i}`, source: e.source, target: e.target, label: e.count > 1 ? `${e.label} ×${e.count}` : e.label },
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
          width: 26,
          height: 26,
        },
      },
      ...Object.entries(kindStyle).map(([k, s]) => ({
        selector: `node[kind = "${k}"]`,
        style: { "background-color": s.colour, shape: s.shape as cytoscape.Css.NodeShape },
      })),
      { selector: "node[root = 1]", style: { width: 40, height: 40, "font-weight": "bold" } },
      {
        selector: "edge",
        style: {
          label: "data(label)",
          "font-size": 9,
          "curve-style": "bezier",
          "target-arrow-shape": "triangle",
          width: 1.5,
          "line-color": "#a0aec0",
          "target-arrow-color": "#a0aec0",
          "text-rotation": "autorotate",
          "text-background-color": "#fff",
          "text-background-opacity": 0.8,
        },
      },
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
  // Tests and curious developers can reach the instance.
  (canvas as unknown as { cy: cytoscape.Core }).cy = cy;
  signal.addEventListener("abort", () => cy.destroy());
}

// href opens a node: an entity's page, or a search for an event's name
// (events have no page of their own yet).
function href(n: Ref): string {
  if (n.__typename === "Event") return formatRoute({ view: "search", q: n.name });
  return entityHref(n.id);
}

function legend(): HTMLElement {
  return h(
    "ul",
    { class: "legend", "aria-label": "Legend" },
    ["Person", "Nation", "Organisation", "Event"].map((k) => h("li", {}, h("span", { class: `dot kind-${kindOf(k)}` }), kindOf(k))),
  );
}
