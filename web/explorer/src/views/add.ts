import { ApiError } from "../api";
import { h, status } from "../dom";
import { draftSource, storedToken } from "../desk/api";
import { Desk, fromDraft } from "../desk/state";
import { suggestMeta } from "../desk/suggest";
import { tokenForm } from "../desk/token";
import { formatRoute } from "../route";
import { outage } from "./review";

// addView: paste a report or open a .txt file; title, publisher, URL and
// date are suggested from its headline and dateline; "Draft" asks
// draftSource and opens the review.
export function addView(root: HTMLElement): void {
  const text = h("textarea", { name: "text", rows: 14, required: true, placeholder: "Paste the report's text here", "aria-describedby": "text-hint" });
  const file = h("input", { type: "file", name: "file", accept: ".txt,text/plain" });
  const field = (name: string, label: string, attrs: Record<string, string | boolean> = {}) => {
    const input = h("input", { name, ...attrs });
    // A field the journalist typed in is never overwritten by a suggestion.
    input.addEventListener("input", () => (input.dataset.touched = "1"));
    return { input, el: h("label", {}, `${label} `, input) };
  };
  const title = field("title", "Title", { required: true });
  const publisher = field("publisher", "Publisher");
  const url = field("url", "URL", { type: "url", placeholder: "https://…" });
  const date = field("publishedAt", "Published", { placeholder: "2026-01-15", pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?", size: "10" });
  const found = h("p", { class: "hint", "aria-live": "polite" });
  const suggestFromText = () => {
    const s = suggestMeta(text.value);
    const fill = (f: { input: HTMLInputElement }, v?: string) => {
      if (v && !f.input.dataset.touched) f.input.value = v;
    };
    fill(title, s.title);
    fill(publisher, s.publisher);
    fill(date, s.publishedAt);
    const got = [s.title && "title", s.publisher && "publisher", s.publishedAt && "date"].filter(Boolean);
    found.textContent = got.length ? `Suggested from the text: ${got.join(", ")}. Check them.` : "";
  };
  text.addEventListener("input", suggestFromText);
  file.addEventListener("change", async () => {
    const f = file.files?.[0];
    if (!f) return;
    text.value = await f.text();
    suggestFromText();
  });
  const out = h("div", { class: "add-status", "aria-live": "polite" });
  const button = h("button", { type: "submit", class: "primary" }, "Draft");
  const form = h(
    "form",
    { class: "add-form", "aria-label": "Add a report" },
    h("label", { class: "wide" }, "Report ", text),
    h("p", { class: "hint", id: "text-hint" }, "Paste the text as published, or ", h("label", { class: "file" }, "open a .txt file ", file), "."),
    h("div", { class: "meta-fields" }, title.el, publisher.el, url.el, date.el),
    found,
    button,
    out,
  );
  const draft = async () => {
    const token = storedToken();
    if (!token) {
      out.replaceChildren(tokenForm(() => draft()));
      out.querySelector("input")?.focus();
      return;
    }
    button.disabled = true;
    out.replaceChildren(status("loading", "Drafting… the extractor reads the report."));
    try {
      const d = await draftSource(
        {
          text: text.value,
          title: title.input.value.trim(),
          publisher: publisher.input.value.trim() || undefined,
          url: url.input.value.trim() || undefined,
          publishedAt: date.input.value.trim() || undefined,
        },
        token,
      );
      new Desk(fromDraft(d)).save();
      location.hash = formatRoute({ view: "review" });
    } catch (e) {
      button.disabled = false;
      if (e instanceof ApiError && e.code === "UNAUTHENTICATED") {
        out.replaceChildren(tokenForm(() => draft(), "The server refused the API token. Enter it again; your text is kept."));
        out.querySelector("input")?.focus();
        return;
      }
      outage(e);
      out.replaceChildren(status("error", e instanceof ApiError ? `The draft failed: ${e.message}` : "The draft failed."));
    }
  };
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    if (!text.value.trim() || !title.input.value.trim()) {
      out.replaceChildren(status("error", "A report needs its text and a title."));
      return;
    }
    draft();
  });
  const pending = Desk.load();
  root.replaceChildren(
    h(
      "section",
      { class: "desk-add" },
    h("h1", {}, "Add a report"),
    h("p", {}, "The extractor drafts the statements, people, nations and organisations in it; you review the draft, then publish it to the graph."),
    pending
      ? h(
          "p",
          { class: "status", role: "status" },
          `A review is in progress (“${pending.review.source.title}”). `,
          h("a", { href: formatRoute({ view: "review" }) }, "Continue it"),
          "; drafting a new report replaces it.",
        )
      : null,
    form,
    h("p", {}, h("a", { href: formatRoute({ view: "sources" }) }, "The sources in the graph")),
    ),
  );
}
