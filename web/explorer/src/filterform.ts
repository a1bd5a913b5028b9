// The filter form the entity view and the graph view share: it edits the
// filters in the URL, so a filtered view has a link of its own.
import { h } from "./dom";
import type { Filters } from "./route";

type Option = { id: string; name: string };

// filterForm builds the form: the view's own fields first (such as a
// speaker list), then topic, kind and dates, then Apply and the links in
// after. Submitting navigates to go(filters), with only the keys given and
// non-empty values.
export function filterForm(
  label: string,
  f: Filters,
  topics: Option[],
  keys: readonly string[],
  go: (next: Filters) => string,
  before: (HTMLElement | null)[],
  after: (HTMLElement | null)[],
): HTMLFormElement {
  const form = h(
    "form",
    { class: "filters", "aria-label": label },
    ...before,
    h(
      "label",
      {},
      "Topic ",
      h("select", { name: "topic" }, h("option", { value: "" }, "any"), ...topics.map((t) => h("option", { value: t.id, selected: f.topic === t.id }, t.name))),
    ),
    h(
      "label",
      {},
      "Kind ",
      h(
        "select",
        { name: "kind" },
        h("option", { value: "" }, "any"),
        h("option", { value: "QUOTE", selected: f.kind === "QUOTE" }, "quote"),
        h("option", { value: "PARAPHRASE", selected: f.kind === "PARAPHRASE" }, "paraphrase"),
      ),
    ),
    h("label", {}, "From ", h("input", { name: "from", value: f.from ?? "", placeholder: "2025-09-01", size: 10 })),
    h("label", {}, "To ", h("input", { name: "to", value: f.to ?? "", placeholder: "2025-09-30", size: 10 })),
    h("button", { type: "submit" }, "Apply"),
    ...after,
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const next: Record<string, string> = {};
    for (const k of keys) {
      const v = String(data.get(k) ?? "").trim();
      if (v) next[k] = v;
    }
    location.hash = go(next as Filters);
  });
  return form;
}
