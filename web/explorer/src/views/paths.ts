import { type Evidence, gql, search } from "../api";
import { h, status } from "../dom";
import { kindOf } from "../kinds";
import { formatRoute } from "../route";

interface PathNode {
  __typename: string;
  id: string;
  name?: string;
  text?: string;
}

interface PathAnswer {
  paths: {
    length: number;
    nodes: PathNode[];
    links: { type: string; from: { id: string }; to: { id: string }; evidence: Evidence[] }[];
  }[];
}

const pathsQuery = `query Paths($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, first: 5) {
    length
    nodes { __typename id ... on Entity { name } ... on Event { name } ... on Statement { text } }
    links { type from { id } to { id } evidence { start end excerpt source { id title } } }
  }
}`;

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
  const d = await gql<PathAnswer>(pathsQuery, { from, to }, signal);
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
  if (n.__typename === "Statement") return h("q", { class: "kind-statement" }, n.text ?? n.id);
  if (n.__typename === "Event") return h("strong", { class: "kind-event" }, n.name ?? n.id);
  return h("a", { href: formatRoute({ view: "entity", id: n.id, filters: {} }), class: `kind-${kindOf(n.__typename)}` }, n.name ?? n.id);
}

// picker is a type-ahead over search, limited to entities; it keeps the
// chosen id.
function picker(name: string, label: string, initial: string): { el: HTMLElement; value: () => string } {
  let chosen = initial;
  const input = h("input", { name, value: initial, autocomplete: "off", role: "combobox", "aria-expanded": "false", "aria-controls": `${name}-options`, placeholder: "Type a name" });
  const options = h("ul", { id: `${name}-options`, role: "listbox", class: "options" });
  let ctl: AbortController | undefined;
  input.addEventListener("input", async () => {
    chosen = input.value.includes(":") ? input.value.trim() : "";
    ctl?.abort();
    ctl = new AbortController();
    const q = input.value.trim();
    if (q.length < 2 || q.includes(":")) {
      options.replaceChildren();
      return;
    }
    try {
      const hits = (await search(q, ctl.signal)).filter((x) => ["Person", "Nation", "Organisation"].includes(x.node.__typename));
      options.replaceChildren(
        ...hits.map((x) => {
          const li = h("li", { role: "option", tabindex: "0", "data-id": x.node.id }, `${x.node.name} (${kindOf(x.node.__typename)})`);
          const choose = () => {
            chosen = x.node.id;
            input.value = x.node.id;
            options.replaceChildren();
            input.setAttribute("aria-expanded", "false");
          };
          li.addEventListener("click", choose);
          li.addEventListener("keydown", (ev) => {
            if (ev.key === "Enter") {
              ev.preventDefault();
              choose();
            }
          });
          return li;
        }),
      );
      input.setAttribute("aria-expanded", String(hits.length > 0));
    } catch {
      /* a failed suggestion is not worth an error */
    }
  });
  return { el: h("label", { class: "picker" }, `${label} `, input, options), value: () => chosen || input.value.trim() };
}
