// A type-ahead over the graph's entities (the search query) and the
// draft's own new ones, for speakers, what a statement is about, merge
// targets and roles. Arrow keys move, Enter chooses, Escape closes; the
// keys stay in the picker, so the review's row keys do not fire.
import { type SearchHit, nameOf } from "../api";
import { h } from "../dom";
import { kindOf } from "../kinds";
import { suggest } from "../views/search";
import type { EntityKind } from "./api";
import type { Target } from "./state";

const kinds: Record<string, EntityKind> = { Person: "PERSON", Nation: "NATION", Organisation: "ORGANISATION" };

export interface Option extends Target {
  draft?: boolean;
}

let pickers = 0;

export function picker(opts: { label: string; name: string; local: () => Option[]; choose: (t: Option) => void; only?: EntityKind[]; value?: string }): HTMLElement {
  const id = `picker-${++pickers}`;
  const input = h("input", {
    name: opts.name,
    autocomplete: "off",
    role: "combobox",
    "aria-expanded": "false",
    "aria-controls": `${id}-options`,
    "aria-autocomplete": "list",
    placeholder: "Type a name",
    value: opts.value ?? "",
  });
  const list = h("ul", { id: `${id}-options`, role: "listbox", class: "options" });
  let shown: Option[] = [];
  let active = -1;
  const fits = (o: Option) => !opts.only || opts.only.includes(o.kind);
  const render = () => {
    list.replaceChildren(
      ...shown.map((o, i) => {
        const li = h(
          "li",
          { role: "option", id: `${id}-${i}`, "data-id": o.id, "aria-selected": String(i === active), class: i === active ? "active" : "" },
          h("span", { class: `dot kind-${o.kind.toLowerCase()}` }),
          o.name,
          " ",
          h("small", {}, o.draft ? `new in this draft · ${o.id}` : o.id),
        );
        li.addEventListener("mousedown", (ev) => {
          ev.preventDefault();
          pick(o);
        });
        return li;
      }),
    );
    input.setAttribute("aria-expanded", String(shown.length > 0));
    if (active >= 0) input.setAttribute("aria-activedescendant", `${id}-${active}`);
    else input.removeAttribute("aria-activedescendant");
  };
  const close = () => {
    shown = [];
    active = -1;
    render();
  };
  const pick = (o: Option) => {
    close();
    input.value = "";
    opts.choose(o);
  };
  const local = (q: string): Option[] => {
    const f = q.toLowerCase();
    return opts.local().filter((o) => fits(o) && (o.name.toLowerCase().includes(f) || o.id.includes(f)));
  };
  input.addEventListener("input", () => {
    const q = input.value.trim();
    shown = q ? local(q) : [];
    active = shown.length ? 0 : -1;
    render();
  });
  suggest(
    input,
    (hits: SearchHit[]) => {
      const q = input.value.trim();
      const mine = local(q);
      const seen = new Set(mine.map((o) => o.id));
      const graph = hits
        .filter((x) => kinds[x.node.__typename] && !seen.has(x.node.id))
        .map((x) => ({ id: x.node.id, kind: kinds[x.node.__typename], name: nameOf(x.node) }))
        .filter(fits);
      shown = [...mine, ...graph];
      active = shown.length ? Math.max(0, active) : -1;
      render();
    },
    () => {},
  );
  input.addEventListener("keydown", (ev) => {
    ev.stopPropagation();
    if (ev.key === "ArrowDown" && shown.length) {
      active = (active + 1) % shown.length;
      render();
      ev.preventDefault();
    } else if (ev.key === "ArrowUp" && shown.length) {
      active = (active - 1 + shown.length) % shown.length;
      render();
      ev.preventDefault();
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      if (active >= 0 && shown[active]) pick(shown[active]);
    } else if (ev.key === "Escape" && shown.length) {
      ev.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
  return h("label", { class: "picker desk-picker" }, h("span", { class: "picker-label" }, opts.label), input, list);
}

export function kindLabel(k: EntityKind): string {
  return kindOf(k.charAt(0) + k.slice(1).toLowerCase());
}
