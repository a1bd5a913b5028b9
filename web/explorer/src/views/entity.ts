import { type Statement, gql } from "../api";
import { barList, monthChart } from "../charts";
import { entityLink as link, h, status } from "../dom";
import { graphql } from "../gql";
import { kindOf } from "../kinds";
import { type Filters, entityHref, exportURL, filterKeys, formatRoute, graphFilters } from "../route";
import { nodeBars } from "./home";
import { filterForm } from "../filterform";
import { subscribe } from "../live";
import { prependNew, statementItem } from "./statements";

const entityQuery = graphql(`
  query Entity($id: ID!, $said: StatementFilter, $about: StatementFilter) {
    entity(id: $id) {
      __typename
      id
      name
      aliases
      description
      ... on Person { roles { title of { id name } } }
      ... on Nation { leaders { title person { id name } } memberships { role organisation { id name } } }
      ... on Organisation { leaders { title person { id name } } members { role member { id name } } }
      statements(filter: $said, first: 40) { totalCount nodes { ...StatementFields } }
      mentions(filter: $about, first: 40) { totalCount nodes { ...StatementFields } }
      speakers: mentions(first: 100) { nodes { speaker { id name } } }
    }
    topics { id name }
  }
`);

// The charts are a second request, sent at the same time: with the lists
// in one, the operation would cost more than the server allows.
const chartsQuery = graphql(`
  query EntityCharts($talkers: StatementFilter, $months: StatementFilter) {
    talkers: statementCounts(filter: $talkers, by: SPEAKER, first: 10) {
      key
      count
      node { __typename id ... on Entity { name } }
    }
    months: statementCounts(filter: $months, by: MONTH, first: 100) { key count }
  }
`);

// chartFilters are the view's filters that apply to its charts: who talks
// about the entity compares speakers, so the speaker filter is left out
// there (the chosen speaker's bar is marked instead).
export function chartFilters(id: string, f: Filters): { talkers: Filters & { about: string }; months: Filters } {
  const rest = graphFilters(f);
  return { talkers: { ...rest, about: id }, months: { ...rest, speaker: id } };
}

// entityView shows an entity: its name, aliases and roles; what it said
// and what others said about it, filtered; and links to its graph and to
// the CSV of each list.
export async function entityView(root: HTMLElement, id: string, filters: Filters, signal: AbortSignal): Promise<void> {
  root.replaceChildren(status("loading", "Loading…"));
  // A speaker's own list is by the entity: the speaker filter applies to
  // what others said.
  const said = { ...filters, speaker: undefined };
  const charts = chartFilters(id, filters);
  const [d, c] = await Promise.all([gql(entityQuery, { id, said, about: filters }, signal), gql(chartsQuery, charts, signal)]);
  const e = d.entity;
  if (!e) {
    root.replaceChildren(status("empty", `Nothing in the graph has the id ${id}.`));
    return;
  }
  const facts: HTMLElement[] = [];
  // Each kind of entity has its own facts.
  if ("roles" in e) for (const r of e.roles) facts.push(h("li", {}, `${r.title} of `, link(r.of)));
  if ("leaders" in e) for (const r of e.leaders) facts.push(h("li", {}, link(r.person), `: ${r.title}`));
  if ("memberships" in e) for (const m of e.memberships) facts.push(h("li", {}, "Member of ", link(m.organisation), m.role ? ` (${m.role})` : ""));
  if ("members" in e) for (const m of e.members) facts.push(h("li", {}, "Member: ", link(m.member), m.role ? ` (${m.role})` : ""));

  root.replaceChildren(
    h(
      "header",
      { class: "entity-head" },
      h("p", { class: `kind kind-${kindOf(e.__typename)}` }, kindOf(e.__typename)),
      h("h1", {}, e.name),
      e.aliases.length ? h("p", { class: "aliases" }, "Also: ", e.aliases.join(", ")) : null,
      e.description ? h("p", { class: "description" }, e.description) : null,
      facts.length ? h("ul", { class: "facts" }, facts) : null,
      h(
        "p",
        { class: "actions" },
        h("a", { href: formatRoute({ view: "graph", id: e.id, filters: graphFilters(filters) }), class: "button" }, "Graph view"),
        " ",
        h("a", { href: formatRoute({ view: "paths", from: e.id, to: "" }), class: "button" }, "Find a connection"),
      ),
    ),
    entityFilters(e.id, filters, d.topics, speakers(e.speakers.nodes.map((n) => n.speaker), filters.speaker)),
    h(
      "div",
      { class: "charts" },
      barList(
        "talkers",
        `Who talks about ${e.name} most`,
        // Each bar opens exactly the statements it counts.
        nodeBars(c.talkers, (b) => formatRoute({ view: "statements", filters: { ...charts.talkers, speaker: b.key } })).map((b) => ({ ...b, current: b.key === filters.speaker })),
        "Nobody talks about them in these statements.",
      ),
      monthChart("months", `${e.name}'s statements per month`, c.months),
    ),
    list("said", `What ${e.name} said`, e.statements, exportURL("speaker", e.id, said)),
    list("about", `What others said about ${e.name}`, e.mentions, exportURL("about", e.id, filters)),
  );
  // New statements by or about the entity, matching the page's filters,
  // join the top of their list as they arrive.
  for (const [key, filter] of [
    ["said", { ...said, speaker: id }],
    ["about", { ...filters, about: id }],
  ] as const) {
    subscribe(
      liveQuery,
      { filter },
      (d) => prependNew(root.querySelector(`section[data-list="${key}"]`), d.statementAdded),
      signal,
    );
  }
}

const liveQuery = graphql(`
  subscription EntityLive($filter: StatementFilter) {
    statementAdded(filter: $filter) { ...StatementFields }
  }
`);

function list(key: string, title: string, conn: { totalCount: number; nodes: Statement[] }, csv: string): HTMLElement {
  const shown = conn.nodes.length;
  return h(
    "section",
    { class: "statements", "aria-labelledby": `h-${key}`, "data-list": key },
    h(
      "div",
      { class: "list-head" },
      h("h2", { id: `h-${key}` }, title),
      h("span", { class: "count" }, shown < conn.totalCount ? `${shown} of ${conn.totalCount}` : `${conn.totalCount}`),
      h("a", { href: csv, download: "", class: "button csv", "data-csv": key }, "Download CSV"),
    ),
    shown ? h("ol", {}, conn.nodes.map(statementItem)) : status("empty", "No statements match."),
  );
}

// speakers lists who spoke about the entity, by name, once each; a speaker
// named in the URL but not among them (a link from elsewhere) is kept.
function speakers(list: { id: string; name: string }[], chosen?: string): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const s of list) seen.set(s.id, s.name);
  if (chosen && !seen.has(chosen)) seen.set(chosen, chosen);
  return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

// entityFilters edits the entity view's filters: whose statements about X,
// then the filters every view shares.
function entityFilters(id: string, f: Filters, topics: { id: string; name: string }[], who: { id: string; name: string }[]): HTMLElement {
  const speaker = h(
    "label",
    {},
    "Speaker (of what others said) ",
    h("select", { name: "speaker" }, h("option", { value: "" }, "anyone"), ...who.map((s) => h("option", { value: s.id, selected: f.speaker === s.id }, s.name))),
  );
  return filterForm("Filter statements", f, topics, filterKeys, (next) => formatRoute({ view: "entity", id, filters: next }), [speaker], [
    h("a", { href: entityHref(id) }, "Clear"),
  ]);
}
