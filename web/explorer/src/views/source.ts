import { gql } from "../api";
import { h, status } from "../dom";
import { formatRoute } from "../route";
import { type Span, splitBySpans } from "../text";

interface Ev {
  start: number;
  end: number;
  source: { id: string };
}

interface SourceAnswer {
  node: {
    __typename: string;
    id: string;
    title: string;
    publisher: string | null;
    publishedAt: string | null;
    url: string | null;
    text: string;
    statements: { nodes: { id: string; kind: string; text: string; speaker: { id: string; name: string }; evidence: Ev }[] };
    entities: {
      __typename: string;
      id: string;
      name: string;
      roles?: { title: string; of: { name: string }; evidence: Ev[] }[];
      memberships?: { role: string | null; organisation: { name: string }; evidence: Ev[] }[];
    }[];
  } | null;
}

const sourceQuery = `query Source($id: ID!) {
  node(id: $id) {
    __typename
    ... on Source {
      id title publisher publishedAt url text
      statements(first: 100) { nodes { id kind text speaker { id name } evidence { start end source { id } } } }
      entities {
        __typename id name
        ... on Person { roles { title of { name } evidence { start end source { id } } } }
        ... on Nation { memberships { role organisation { name } evidence { start end source { id } } } }
        ... on Organisation { memberships { role organisation { name } evidence { start end source { id } } } }
      }
    }
  }
}`;

interface Fact {
  span: Span;
  describe: () => HTMLElement;
}

// sourceView shows a source's full text with every evidence span
// highlighted; choosing a span shows the fact it supports.
export async function sourceView(root: HTMLElement, id: string, span: number | undefined, signal: AbortSignal): Promise<void> {
  root.replaceChildren(status("loading", "Loading…"));
  const d = await gql<SourceAnswer>(sourceQuery, { id }, signal);
  const s = d.node;
  if (!s || s.__typename !== "Source") {
    root.replaceChildren(status("empty", `No source has the id ${id}.`));
    return;
  }
  const facts: Fact[] = [];
  const add = (ev: Ev, describe: () => HTMLElement) => {
    if (ev.source.id === s.id) facts.push({ span: { start: ev.start, end: ev.end, id: facts.length }, describe });
  };
  for (const st of s.statements.nodes) {
    add(st.evidence, () =>
      h(
        "div",
        {},
        h("p", { class: "meta" }, st.kind === "QUOTE" ? "Quote by " : "Paraphrase of ", h("a", { href: formatRoute({ view: "entity", id: st.speaker.id, filters: {} }) }, st.speaker.name)),
        h("p", {}, st.text),
      ),
    );
  }
  for (const e of s.entities) {
    for (const r of e.roles ?? []) for (const ev of r.evidence) add(ev, () => h("p", {}, `${e.name} is ${r.title} of ${r.of.name}.`));
    for (const m of e.memberships ?? [])
      for (const ev of m.evidence) add(ev, () => h("p", {}, `${e.name} is a member of ${m.organisation.name}${m.role ? ` (${m.role})` : ""}.`));
  }
  const panel = h("aside", { class: "fact-panel", "aria-live": "polite" }, h("p", { class: "hint" }, "Choose a highlighted passage to see the fact it supports."));
  const show = (ids: number[], mark: HTMLElement) => {
    root.querySelectorAll("mark.selected").forEach((m) => m.classList.remove("selected"));
    mark.classList.add("selected");
    panel.replaceChildren(h("h2", {}, ids.length > 1 ? `${ids.length} facts` : "Fact"), ...ids.map((i) => facts[i].describe()));
  };
  const text = h(
    "div",
    { class: "source-text" },
    splitBySpans(
      s.text,
      facts.map((f) => f.span),
    ).map((p) => {
      if (!p.spans.length) return p.text;
      const start = Math.min(...p.spans.map((i) => facts[i].span.start));
      const m = h("mark", { tabindex: "0", role: "button", "data-start": start, "aria-label": `Evidence: ${p.text}` }, p.text);
      m.addEventListener("click", () => show(p.spans, m));
      m.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter" || ev.key === " ") {
          ev.preventDefault();
          show(p.spans, m);
        }
      });
      return m;
    }),
  );
  root.replaceChildren(
    h(
      "header",
      {},
      h("p", { class: "kind kind-source" }, "source"),
      h("h1", {}, s.title),
      h("p", { class: "meta" }, [s.publisher, s.publishedAt].filter(Boolean).join(", "), s.url ? [" · ", h("a", { href: s.url, rel: "noopener" }, "original")] : null),
      h("p", { class: "hint" }, `${facts.length} highlighted passages of evidence.`),
    ),
    h("div", { class: "source-layout" }, text, panel),
  );
  if (span !== undefined) {
    const target = text.querySelector<HTMLElement>(`mark[data-start="${span}"]`);
    if (target) {
      target.scrollIntoView({ block: "center" });
      target.click();
      target.focus({ preventScroll: true });
    }
  }
}
