import { gql } from "../api";
import { entityLink, h, status } from "../dom";
import { graphql } from "../gql";
import type { SourceQuery } from "../gql/graphql";
import { type EvidenceKind, evidenceKinds, highlight, legend } from "./highlight";

// The fact a span supports: one of the Fact union's types.
type SourceNode = Extract<NonNullable<SourceQuery["node"]>, { __typename: "Source" }>;
type Fact = SourceNode["evidence"][number]["fact"];

// One query: the text and every span of evidence in it, each with its
// fact (Source.evidence), however many facts the source supports.
const sourceQuery = graphql(`
  query Source($id: ID!) {
    node(id: $id) {
      __typename
      ... on Source {
        id
        title
        publisher
        publishedAt
        url
        text
        evidence {
          kind
          start
          end
          excerpt
          fact {
            __typename
            ... on Statement { id kind text speaker { id name } }
            ... on Event { id name date location }
            ... on Role { title person { id name } of { id name } }
            ... on Membership { role member { id name } organisation { id name } }
            ... on Participation { role entity { id name } event { id name } }
            ... on Entity { id name }
          }
        }
      }
    }
  }
`);

// describeFact says in a sentence what a span supports, linking the
// entities it names.
function describeFact(f: Fact): HTMLElement {
  switch (f.__typename) {
    case "Statement":
      return h("div", {}, h("p", { class: "meta" }, f.kind === "QUOTE" ? "Quote by " : "Paraphrase of ", entityLink(f.speaker)), h("p", {}, f.text));
    case "Event": {
      const when = [f.date, f.location].filter(Boolean).join(", ");
      return h("p", {}, "Event: ", h("strong", {}, f.name), when ? ` (${when})` : "", ".");
    }
    case "Role":
      return h("p", {}, entityLink(f.person), ` is ${f.title} of `, entityLink(f.of), ".");
    case "Membership":
      return h("p", {}, entityLink(f.member), " is a member of ", entityLink(f.organisation), f.role ? ` (${f.role})` : "", ".");
    case "Participation":
      return h("p", {}, entityLink(f.entity), " took part in ", h("strong", {}, f.event.name), f.role ? ` (${f.role})` : "", ".");
    default:
      return h("p", {}, "Names ", entityLink(f), ".");
  }
}

// sourceView shows a source's full text with every evidence span
// highlighted, by kind; choosing a span shows the facts it supports. The
// legend turns kinds on and off (names overlap most other evidence).
export async function sourceView(root: HTMLElement, id: string, span: number | undefined, signal: AbortSignal): Promise<void> {
  root.replaceChildren(status("loading", "Loading…"));
  const d = await gql(sourceQuery, { id }, signal);
  const s = d.node;
  if (!s || s.__typename !== "Source") {
    root.replaceChildren(status("empty", `No source has the id ${id}.`));
    return;
  }
  const shown = new Set<EvidenceKind>(evidenceKinds.map((k) => k.kind));
  const panel = h("aside", { class: "fact-panel", "aria-live": "polite" }, h("p", { class: "hint" }, "Choose a highlighted passage to see the facts it supports."));
  const text = h("div", { class: "source-text" });
  const show = (ids: number[], mark: HTMLElement) => {
    text.querySelectorAll("mark.selected").forEach((m) => m.classList.remove("selected"));
    mark.classList.add("selected");
    const facts = ids.map((i) => s.evidence[i]);
    panel.replaceChildren(
      h("h2", {}, facts.length > 1 ? `${facts.length} facts` : "Fact"),
      ...facts.map((e) => h("div", { class: "fact", "data-kind": e.kind }, h("p", { class: "evidence-kind" }, e.kind.toLowerCase()), describeFact(e.fact))),
    );
  };
  const render = () => highlight(text, s.text, s.evidence, shown, show);
  render();
  root.replaceChildren(
    h(
      "header",
      {},
      h("p", { class: "kind kind-source" }, "source"),
      h("h1", {}, s.title),
      h("p", { class: "meta" }, [s.publisher, s.publishedAt].filter(Boolean).join(", "), s.url ? [" · ", h("a", { href: s.url, rel: "noopener" }, "original")] : null),
      h("p", { class: "hint" }, `${s.evidence.length} passages of evidence.`),
      legend(s.evidence, shown, render),
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
