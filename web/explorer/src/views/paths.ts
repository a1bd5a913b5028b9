import { type SearchHit, gql, nameOf } from "../api";
import { entityLink, h, onActivate, status } from "../dom";
import { graphql } from "../gql";
import type { PathsQuery } from "../gql/graphql";
import { kindOf } from "../kinds";
import { formatRoute } from "../route";
import { suggest } from "./search";

type PathNode = PathsQuery["paths"][number]["nodes"][number];

const pathsQuery = graphql(`
  query Paths($from: ID!, $to: ID!) {
    paths(from: $from, to: $to, first: 5) {
      length
      nodes { __typename id ... on Entity { name } ... on Event { name } ... on Statement { text } }
      links { type from { id } to { id } evidence { start end excerpt source { id title } } }
    }
  }
`);

const linkWords: Record<string, string> = {
  HOLDS_ROLE: "holds a role in",
  MEMBER_OF: "is a member of",
  PARTICIPATED_IN: "took part in",
  SAID: "said",
  ABOUT: "is about",
};

// pathsView: two pickers, then the shortest paths between the two, each
// link with the evidence that supports it.
export async function pathsView(root: HTMLElement, from: string, to: string, signal: AbortSignal): Promise<void> {
  const results = h("div", { class: "paths", "aria-live": "polite" });
  const fromPicker = picker("from", "From", from);
  const toPicker = picker("to", "To", to);
  const form = h(
    "form",
    { class: "path-form", "aria-label": "Find a connection" },
    fromPicker.el,
    toPicker.el,
    h("button", { type: "submit" }, "Find connection"),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    location.hash = formatRoute({ view: "paths", from: fromPicker.value(), to: toPicker.value() });
  });
  root.replaceChildren(h("h1", {}, "Connection finder"), form, results);
  if (!from || !to) {
    results.replaceChildren(status("empty", "Pick two entities to see how they are connected."));
    return;
  }
  results.replaceChildren(status("loading", "Looking for paths…"));
  const d = await gql(pathsQuery, { from, to }, signal);
  if (!d.paths.length) {
    results.replaceChildren(status("empty", "No connection within four links."));
    return;
  }
  results.replaceChildren(
    h("p", {}, `${d.paths.length} shortest ${d.paths.length === 1 ? "path" : "paths"}, ${d.paths[0].length} links each.`),
    ...d.paths.map((p, i) =>
      h(
        "section",
        { class: "path", "aria-label": `Path ${i + 1}` },
        h("h2", {}, `Path ${i + 1}`),
        h(
          "ol",
          {},
          p.links.map((l) => {
            const a = p.nodes.find((n) => n.id === l.from.id)!;
            const b = p.nodes.find((n) => n.id === l.to.id)!;
            return h(
              "li",
              { class: "link" },
              h("p", {}, nodeLabel(a), ` ${linkWords[l.type] ?? l.type} `, nodeLabel(b)),
              ...l.evidence.map((e) =>
                h(
                  "blockquote",
                  { class: "passage" },
                  h("mark", {}, e.excerpt),
                  " — ",
                  h("a", { href: formatRoute({ view: "source", id: e.source.id, span: e.start }) }, e.source.title),
                ),
              ),
            );
          }),
        ),
      ),
    ),
  );
}

function nodeLabel(n: PathNode): HTMLElement {
  if (n.__typename === "Statement") return h("q", { class: "kind-statement" }, n.text);
  if (n.__typename === "Event") return h("strong", { class: "kind-event" }, n.name);
  return entityLink({ id: n.id, name: nameOf(n) }, { class: `kind-${kindOf(n.__typename)}` });
}

// picker is a type-ahead over search, limited to entities; choosing one
// puts its id in the box, and the box's text is the picker's value (so an
// id typed or pasted in works too).
function picker(name: string, label: string, initial: string): { el: HTMLElement; value: () => string } {
  const input = h("input", { name, value: initial, autocomplete: "off", role: "combobox", "aria-expanded": "false", "aria-controls": `${name}-options`, placeholder: "Type a name" });
  const options = h("ul", { id: `${name}-options`, role: "listbox", class: "options" });
  const close = () => {
    options.replaceChildren();
    input.setAttribute("aria-expanded", "false");
  };
  const show = (found: SearchHit[]) => {
    const hits = found.filter((x) => ["Person", "Nation", "Organisation"].includes(x.node.__typename));
    options.replaceChildren(
      ...hits.map((x) => {
        const li = h("li", { role: "option", tabindex: "0", "data-id": x.node.id }, `${nameOf(x.node)} (${kindOf(x.node.__typename)})`);
        onActivate(
          li,
          () => {
            input.value = x.node.id;
            close();
          },
          ["Enter"],
        );
        return li;
      }),
    );
    input.setAttribute("aria-expanded", String(hits.length > 0));
  };
  // Text with a colon is an id already: nothing to suggest.
  suggest(input, show, () => options.replaceChildren(), (q) => q.includes(":"));
  return { el: h("label", { class: "picker" }, `${label} `, input, options), value: () => input.value.trim() };
}
