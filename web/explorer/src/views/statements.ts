import { type Statement, gql, nameOf, sourceText } from "../api";
import { entityLink, h, status } from "../dom";
import { graphql } from "../gql";
import type { StatementPageFragment } from "../gql/graphql";
import { kindOf } from "../kinds";
import { type StatementsFilters, entityHref, filterExportURL, formatRoute, statementsKeys } from "../route";
import { paragraphAround } from "../text";

// prependNew puts a statement that just arrived at the top of a list
// section, marked "new"; the section's "no statements" note gives way to
// the list. A statement the list showed already (deleted and ingested
// again since) moves to the top.
export function prependNew(section: Element | null, st: Statement): void {
  if (!section) return;
  section.querySelector(`li.statement[data-id="${CSS.escape(st.id)}"]`)?.remove();
  let list = section.querySelector("ol");
  if (!list) {
    list = h("ol", {});
    section.querySelector(".status-empty")?.replaceWith(list);
    if (!list.isConnected) section.append(list);
  }
  const li = statementItem(st);
  li.classList.add("new");
  li.querySelector(".meta")?.prepend(h("span", { class: "badge badge-new", title: "Arrived while this page was open" }, "new"), " ");
  list.prepend(li);
}

// statementItem shows one statement: kind, date, speaker, event, topics,
// and its evidence highlighted inside its paragraph of the source, with a
// link to the source view at that span.
export function statementItem(st: Statement): HTMLElement {
  const passage = h("blockquote", { class: "passage" }, h("mark", {}, st.evidence.excerpt));
  // The paragraph comes from the source text, fetched once per source.
  sourceText(st.evidence.source.id)
    .then((text) => {
      if (!text) return;
      const p = paragraphAround(text, st.evidence.start, st.evidence.end);
      passage.replaceChildren(p.before, h("mark", { "data-evidence": st.id }, p.match), p.after);
    })
    .catch(() => {
      /* the excerpt alone still stands */
    });
  const src = st.evidence.source;
  return h(
    "li",
    { class: "statement", "data-id": st.id },
    h(
      "p",
      { class: "meta" },
      h("span", { class: `badge badge-${st.kind.toLowerCase()}` }, st.kind === "QUOTE" ? "quote" : "paraphrase"),
      " ",
      h("time", {}, st.date ?? "undated"),
      " · ",
      entityLink(st.speaker, { class: `kind-${kindOf(st.speaker.__typename)}` }),
      st.attribution ? ` (${st.attribution})` : "",
      st.event ? [" · at ", h("span", { class: "event" }, st.event.name)] : null,
    ),
    h("p", { class: "text" }, st.kind === "QUOTE" ? `“${st.text}”` : st.text),
    st.about.length
      ? h(
          "p",
          { class: "about" },
          "About: ",
          ...st.about.flatMap((a, i) => [
            i ? ", " : "",
            a.__typename === "Event" ? a.name : entityLink({ id: a.id, name: nameOf(a) }),
          ]),
        )
      : null,
    st.topics.length ? h("p", { class: "topics" }, ...st.topics.map((t) => h("span", { class: "topic" }, t.name))) : null,
    passage,
    h(
      "p",
      { class: "source" },
      "Source: ",
      h("a", { href: formatRoute({ view: "source", id: src.id, span: st.evidence.start }) }, src.title),
      src.publisher ? `, ${src.publisher}` : "",
      src.publishedAt ? `, ${src.publishedAt}` : "",
      ` (characters ${st.evidence.start}–${st.evidence.end})`,
    ),
  );
}

// describe names a filter in words: "by Mark Rutte about Vladimir Putin,
// quotes, on Sanctions, from 2025-09-01".
export function describe(f: StatementsFilters, names: Map<string, string>): string {
  const name = (id: string) => names.get(id) ?? id;
  const parts: string[] = [];
  if (f.speaker) parts.push(`by ${name(f.speaker)}`);
  if (f.about) parts.push(`about ${name(f.about)}`);
  if (f.kind) parts.push(f.kind === "QUOTE" ? "quotes only" : "paraphrases only");
  if (f.topic) parts.push(`on ${name(f.topic)}`);
  if (f.from) parts.push(`from ${f.from}`);
  if (f.to) parts.push(`to ${f.to}`);
  return parts.join(", ");
}

const pageSize = 50;

export const StatementPage = graphql(`
  fragment StatementPage on StatementConnection {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { ...StatementFields }
  }
`);

export const NamedNode = graphql(`
  fragment NamedNode on Node {
    __typename
    id
    ... on Entity { name }
    ... on Event { name }
    ... on Topic { name }
  }
`);

// The first page, with the names of the filter's ids in the same request;
// an id the filter does not use is skipped.
const statementsQuery = graphql(`
  query Statements(
    $filter: StatementFilter
    $first: Int!
    $speaker: ID!
    $withSpeaker: Boolean!
    $about: ID!
    $withAbout: Boolean!
    $topic: ID!
    $withTopic: Boolean!
  ) {
    speaker: node(id: $speaker) @include(if: $withSpeaker) { ...NamedNode }
    about: node(id: $about) @include(if: $withAbout) { ...NamedNode }
    topic: node(id: $topic) @include(if: $withTopic) { ...NamedNode }
    statements(filter: $filter, first: $first) { ...StatementPage }
  }
`);

const nextQuery = graphql(`
  query StatementsPage($filter: StatementFilter, $first: Int!, $after: String) {
    statements(filter: $filter, first: $first, after: $after) { ...StatementPage }
  }
`);

// statementsView lists the statements of a filter, a page at a time: the
// evidence behind a bar of a chart, or an edge of the network.
export async function statementsView(root: HTMLElement, f: StatementsFilters, signal: AbortSignal): Promise<void> {
  root.replaceChildren(status("loading", "Loading…"));
  const filter = statementFilter(f);
  const d = await gql(
    statementsQuery,
    {
      filter,
      first: pageSize,
      speaker: f.speaker ?? "",
      withSpeaker: !!f.speaker,
      about: f.about ?? "",
      withAbout: !!f.about,
      topic: f.topic ?? "",
      withTopic: !!f.topic,
    },
    signal,
  );
  const names = new Map<string, string>();
  for (const n of [d.speaker, d.about, d.topic]) if (n && "name" in n) names.set(n.id, n.name);
  const list = h("ol", {});
  const count = h("span", { class: "count", "data-total": d.statements.totalCount });
  const more = h("button", { type: "button" }, "Load more");
  const error = h("div", { "aria-live": "polite" });
  let page = d.statements;
  let shown = 0;
  const add = (p: StatementPage) => {
    list.append(...p.nodes.map(statementItem));
    shown += p.nodes.length;
    count.textContent = shown < p.totalCount ? `${shown} of ${p.totalCount}` : `${p.totalCount}`;
    more.hidden = !p.pageInfo.hasNextPage;
  };
  more.addEventListener("click", async () => {
    more.disabled = true;
    try {
      const next = await gql(nextQuery, { filter, first: pageSize, after: page.pageInfo.endCursor }, signal);
      page = next.statements;
      add(page);
      error.replaceChildren();
    } catch (e) {
      error.replaceChildren(status("error", e instanceof Error ? e.message : "The next page did not load."));
    } finally {
      more.disabled = false;
    }
  });
  add(page);
  const what = describe(f, names);
  root.replaceChildren(
    h("h1", {}, "Statements", what ? ` ${what}` : ""),
    h(
      "p",
      { class: "actions" },
      ...[f.speaker, f.about].filter((x): x is string => !!x && !x.startsWith("event:")).flatMap((id) => [h("a", { href: entityHref(id), class: "button" }, names.get(id) ?? id), " "]),
    ),
    h(
      "section",
      { class: "statements", "aria-labelledby": "h-list", "data-list": "statements" },
      h(
        "div",
        { class: "list-head" },
        h("h2", { id: "h-list" }, "Statements, newest first"),
        count,
        h("a", { href: filterExportURL(f), download: "", class: "button csv", "data-csv": "statements" }, "Download CSV"),
      ),
      page.nodes.length ? list : status("empty", "No statements match."),
      more,
      error,
    ),
  );
}

type StatementPage = StatementPageFragment;

// statementFilter is the GraphQL StatementFilter of the route's filters.
export function statementFilter(f: StatementsFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of statementsKeys) {
    const v = f[k];
    if (v) out[k] = v;
  }
  return out;
}
