import { type SearchHit, nameOf, search } from "../api";
import { h, status } from "../dom";
import { kindOf } from "../kinds";
import { entityHref, formatRoute } from "../route";

// hitLink is where a search hit leads: an entity's page; for a statement
// or an event, a search for its words (neither has a page of its own).
function hitLink(x: SearchHit): string {
  switch (x.node.__typename) {
    case "Person":
    case "Nation":
    case "Organisation":
      return entityHref(x.node.id);
    case "Statement":
      return formatRoute({ view: "search", q: x.node.text ?? "" });
    default:
      return formatRoute({ view: "search", q: nameOf(x.node) });
  }
}

function hitLabel(x: SearchHit): HTMLElement {
  const n = x.node;
  return h(
    "span",
    { class: "hit" },
    h("span", { class: `badge kind-${kindOf(n.__typename)}` }, kindOf(n.__typename)),
    " ",
    n.__typename === "Statement" ? `${n.speaker?.name ?? ""}: “${n.text}”` : nameOf(n),
  );
}

// snippet renders the server's snippet, whose matches are marked **so**.
function snippet(s: string): (string | HTMLElement)[] {
  return s.split(/\*\*(.+?)\*\*/g).map((part, i) => (i % 2 ? h("mark", {}, part) : part));
}

// searchView lists the results of a search, with snippets.
export async function searchView(root: HTMLElement, q: string, signal: AbortSignal): Promise<void> {
  if (!q.trim()) {
    root.replaceChildren(status("empty", "Type a name or words from a statement."));
    return;
  }
  root.replaceChildren(status("loading", "Searching…"));
  const hits = await search(q, signal);
  root.replaceChildren(
    h("h1", {}, `Results for “${q}”`),
    hits.length
      ? h(
          "ol",
          { class: "results" },
          hits.map((x) => h("li", {}, h("a", { href: hitLink(x) }, hitLabel(x)), x.snippet ? h("p", { class: "snippet" }, snippet(x.snippet)) : null)),
        )
      : status("empty", `Nothing matches “${q}”.`),
  );
}

// typeahead wires the header's search box: suggestions as you type,
// arrow keys and Enter to choose, Enter on the text for the full results.
export function typeahead(input: HTMLInputElement, list: HTMLElement): void {
  let active = -1;
  let hits: SearchHit[] = [];
  const close = () => {
    hits = [];
    list.replaceChildren();
    input.setAttribute("aria-expanded", "false");
    active = -1;
  };
  const render = () => {
    list.replaceChildren(
      ...hits.map((x, i) =>
        h(
          "li",
          { role: "option", id: `suggestion-${i}`, "aria-selected": String(i === active), class: i === active ? "active" : "" },
          h("a", { href: hitLink(x), tabindex: "-1" }, hitLabel(x)),
        ),
      ),
    );
    input.setAttribute("aria-expanded", String(hits.length > 0));
    if (active >= 0) input.setAttribute("aria-activedescendant", `suggestion-${active}`);
    else input.removeAttribute("aria-activedescendant");
  };
  const cancel = suggest(
    input,
    (found) => {
      hits = found;
      active = -1;
      render();
    },
    close,
  );
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" && hits.length) {
      active = (active + 1) % hits.length;
      render();
      ev.preventDefault();
    } else if (ev.key === "ArrowUp" && hits.length) {
      active = (active - 1 + hits.length) % hits.length;
      render();
      ev.preventDefault();
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      location.hash = active >= 0 && hits[active] ? hitLink(hits[active]) : formatRoute({ view: "search", q: input.value.trim() });
      cancel();
      close();
    } else if (ev.key === "Escape") {
      close();
    }
  });
  list.addEventListener("click", () => close());
}

// suggest searches as the user types into input and hands the hits to
// show, after a short pause (typing a name sends one request, not six),
// abandoning the search before; for fewer than two letters, or text that
// skip refuses, it calls clear instead. Suggestions are best effort: a
// failed search shows nothing. It returns a function that cancels the
// pending search.
export function suggest(input: HTMLInputElement, show: (hits: SearchHit[]) => void, clear: () => void, skip = (_q: string) => false): () => void {
  let ctl: AbortController | undefined;
  input.addEventListener("input", () => {
    ctl?.abort();
    const q = input.value.trim();
    if (q.length < 2 || skip(q)) return clear();
    ctl = new AbortController();
    const signal = ctl.signal;
    setTimeout(async () => {
      if (signal.aborted) return;
      try {
        show(await search(q, signal));
      } catch {
        /* best effort */
      }
    }, 120);
  });
  return () => ctl?.abort();
}
