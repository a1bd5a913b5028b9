import { ApiError, type Problem } from "../api";
import { h, status } from "../dom";
import { type EntityKind, type KindCount, type StatementKind, ingestSource, sourceDocument, storeToken, storedToken, validateSource } from "../desk/api";
import { type Option, kindLabel, picker } from "../desk/picker";
import { selectionSpan } from "../desk/selection";
import { type At, type Built, Desk, type Item, type StatementItem, byConfidence, fromDraft, nameOf, problemsByRow, toInput } from "../desk/state";
import { tokenForm } from "../desk/token";
import { formatRoute } from "../route";
import { type EvidenceKind, type Highlight, evidenceKinds, highlight, legend } from "./highlight";

// reviewView is the desk's heart: the report's text with every proposed
// fact highlighted beside the facts themselves, statements least sure
// first, each to accept, drop or edit; the draft's new entities to merge,
// mark distinct or rename; and Publish once validateSource finds nothing
// wrong. #/review shows the review in progress (kept in localStorage);
// #/review/<source id> re-opens a source from the graph to correct it.
export async function reviewView(root: HTMLElement, sourceId: string | undefined, signal: AbortSignal): Promise<void> {
  let desk = Desk.load();
  if (sourceId && desk?.review.source.id !== sourceId) {
    if (desk && !confirmReplace(root, desk, sourceId)) return;
    root.replaceChildren(status("loading", "Loading the source's document…"));
    const doc = await sourceDocument(sourceId, signal);
    if (!doc) {
      root.replaceChildren(status("empty", `No source has the id ${sourceId}.`));
      return;
    }
    desk = new Desk(fromDraft({ document: doc }, "source"));
    desk.save();
  }
  if (!desk) {
    root.replaceChildren(
      h("h1", {}, "Review"),
      status("empty", "No review in progress."),
      h("p", {}, h("a", { href: formatRoute({ view: "add" }) }, "Add a report"), " or re-open one from ", h("a", { href: formatRoute({ view: "sources" }) }, "the sources"), "."),
    );
    return;
  }
  new ReviewScreen(root, desk, signal).render();
}

// confirmReplace asks, once, before a source re-opened by link replaces a
// review in progress; it answers whether to go on now.
function confirmReplace(root: HTMLElement, desk: Desk, sourceId: string): boolean {
  if (sessionStorage.getItem("newsgraph.replace") === sourceId) {
    sessionStorage.removeItem("newsgraph.replace");
    return true;
  }
  const replace = h("button", { type: "button" }, "Discard it and correct this source");
  replace.addEventListener("click", () => {
    sessionStorage.setItem("newsgraph.replace", sourceId);
    desk.clear();
    window.dispatchEvent(new HashChangeEvent("hashchange"));
  });
  root.replaceChildren(
    h("h1", {}, "Review"),
    h("p", { class: "status", role: "status" }, `A review of “${desk.review.source.title}” is in progress.`),
    h("p", { class: "actions" }, h("a", { class: "button", href: formatRoute({ view: "review" }) }, "Continue it"), " ", replace),
  );
  return false;
}

type Validation = { version: number; state: "checking" | "done" | "error" | "token"; problems: Problem[]; valid: boolean; message?: string };

const statementKinds: StatementKind[] = ["QUOTE", "PARAPHRASE"];
const entityKinds: EntityKind[] = ["PERSON", "NATION", "ORGANISATION"];

class ReviewScreen {
  private editing = new Set<string>();
  private shown = new Set<EvidenceKind>(evidenceKinds.map((k) => k.kind));
  private version = 0;
  private validation: Validation = { version: -1, state: "checking", problems: [], valid: false };
  private built!: Built;
  private problems = new Map<string, (Problem & At)[]>();
  private placed: (Problem & At)[] = [];
  private owners: string[] = [];
  private focusKey: string | null = null;
  private focusField: string | null = null;
  private timer: number | undefined;
  private tokenWhy = "";
  private textEl = h("div", { class: "source-text review-text", "aria-label": "The report's text" });
  private selBar = h("div", { class: "selection-bar", "aria-live": "polite" });
  private legendEl = h("div", { class: "review-legend" });
  private panel = h("div", { class: "review-panel" });
  private head = h("div", { class: "review-head" });

  constructor(
    private root: HTMLElement,
    private desk: Desk,
    private signal: AbortSignal,
  ) {
    desk.onChange(() => {
      this.version++;
      this.render();
    });
    this.textEl.addEventListener("mouseup", () => this.selected());
    this.textEl.addEventListener("keyup", () => this.selected());
    root.addEventListener("keydown", (ev) => this.key(ev), { signal });
    root.addEventListener(
      "focusin",
      (ev) => {
        const row = (ev.target as HTMLElement).closest<HTMLElement>(".review-row");
        if (row) this.focusRow(row.dataset.key!, false);
      },
      { signal },
    );
  }

  render(): void {
    // Keep the keyboard's place: the focused row and field come back.
    // What is typed in a field but not yet committed (a picker's search,
    // a text being edited) is put back too.
    const active = document.activeElement as HTMLElement | null;
    let typed: { value: string; at: number | null } | null = null;
    if (active && this.root.contains(active)) {
      const row = active.closest<HTMLElement>(".review-row");
      if (row && !this.focusKey) {
        this.focusKey = row.dataset.key!;
        if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) typed = { value: active.value, at: active.selectionStart };
      }
      if (row && !this.focusField) this.focusField = active.dataset.field ?? active.getAttribute("name");
    }
    const scroll = this.textEl.scrollTop;
    this.built = toInput(this.desk.saved);
    // The server's problems stay at their rows until the next check
    // answers; the local ones follow every edit.
    this.problems = problemsByRow(this.built, []);
    for (const p of this.placed) this.problems.set(p.key, [...(this.problems.get(p.key) ?? []), p]);
    this.renderText();
    this.legendEl.replaceChildren(legend(this.highlights(), this.shown, () => this.renderText()));
    this.renderHead();
    this.renderPanel();
    if (!this.root.contains(this.panel)) {
      this.root.replaceChildren(
        this.head,
        h(
          "div",
          { class: "review-layout" },
          h("section", { class: "review-source", "aria-label": "Report" }, this.legendEl, this.selBar, this.textEl),
          this.panel,
        ),
        h("p", { class: "hint keys" }, "Keys: j/k or ↓/↑ move between rows, a accepts, d drops, e edits, u undoes. Select text with the mouse to add a statement or a role."),
      );
    }
    this.textEl.scrollTop = scroll;
    if (this.focusKey) {
      const row = this.row(this.focusKey);
      const name = this.focusField;
      const field = name && row ? [...row.querySelectorAll<HTMLElement>("[name], [data-field]")].find((el) => el.getAttribute("name") === name || el.dataset.field === name) : undefined;
      (field || row)?.focus({ preventScroll: true });
      if (typed && field && (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) && field.value !== typed.value) {
        field.value = typed.value;
        if (typed.at !== null) field.setSelectionRange(typed.at, typed.at);
        field.dispatchEvent(new Event("input"));
      }
      if (row) this.focusRow(this.focusKey, false);
    }
    this.focusKey = null;
    this.focusField = null;
    if (this.validation.version !== this.version) this.scheduleValidation();
  }

  private row(key: string): HTMLElement | undefined {
    return [...this.panel.querySelectorAll<HTMLElement>(".review-row")].find((r) => r.dataset.key === key);
  }

  // highlights are the spans of every fact still in the draft, with the
  // row each belongs to (owners), in the source view's kinds and colours.
  private highlights(): Highlight[] {
    const r = this.desk.review;
    const out: Highlight[] = [];
    this.owners = [];
    const add = (kind: EvidenceKind, owner: string, spans: { start: number; end: number }[]) => {
      for (const s of spans) {
        out.push({ kind, start: s.start, end: s.end });
        this.owners.push(owner);
      }
    };
    for (const x of r.entities) add("MENTION", x.e.id, x.e.evidence);
    for (const x of r.roles) if (x.status !== "dropped") add("ROLE", x.key, x.v.evidence);
    for (const x of r.memberships) if (x.status !== "dropped") add("MEMBERSHIP", x.key, x.v.evidence);
    for (const x of r.events) if (x.status !== "dropped") add("EVENT", x.key, x.v.evidence);
    for (const x of r.participations) if (x.status !== "dropped") add("PARTICIPATION", x.key, x.v.evidence);
    for (const x of r.statements) if (x.status !== "dropped") add("STATEMENT", x.key, [x.v.evidence]);
    return out;
  }

  private renderText(): void {
    highlight(this.textEl, this.desk.text, this.highlights(), this.shown, (ids) => {
      // Choosing a passage goes to its fact's row: a statement first.
      const keys = ids.map((i) => this.owners[i]);
      const key = keys.find((k) => this.row(k)?.dataset.kind === "statement") ?? keys[0];
      const row = this.row(key);
      row?.focus();
      row?.scrollIntoView({ block: "nearest" });
    });
  }

  // focusRow highlights a row's evidence in the text and brings it into
  // the text's view.
  private focusRow(key: string, scrollRow: boolean): void {
    let first: HTMLElement | null = null;
    for (const m of this.textEl.querySelectorAll<HTMLElement>("mark")) {
      const on = (m.dataset.spans ?? "").split(" ").some((i) => this.owners[Number(i)] === key);
      m.classList.toggle("focused", on);
      if (on && !first) first = m;
    }
    if (first && this.textEl.scrollHeight > this.textEl.clientHeight) {
      this.textEl.scrollTop = Math.max(0, first.offsetTop - this.textEl.clientHeight / 3);
    }
    if (scrollRow) this.row(key)?.scrollIntoView({ block: "nearest" });
  }

  private selected(): void {
    const sel = window.getSelection();
    const span = selectionSpan(this.textEl, sel && sel.rangeCount ? sel.getRangeAt(0) : null);
    if (!span) {
      this.selBar.replaceChildren();
      return;
    }
    const words = Array.from(this.desk.text).slice(span.start, span.end).join("");
    const add = (what: "statement" | "role") =>
      h(
        "button",
        {
          type: "button",
          onclick: () => {
            this.selBar.replaceChildren();
            window.getSelection()?.removeAllRanges();
            const key = what === "statement" ? this.desk.addStatement(span) : this.desk.addRole(span);
            this.editing.add(key);
            this.focusKey = key;
            this.focusField = what === "statement" ? "speaker" : "person";
            this.render();
          },
        },
        what === "statement" ? "New statement" : "New role",
      );
    this.selBar.replaceChildren(
      h("span", { class: "selected-words" }, `“${words.length > 80 ? `${words.slice(0, 80)}…` : words}” (${span.start}–${span.end})`),
      add("statement"),
      add("role"),
    );
  }

  private key(ev: KeyboardEvent): void {
    const t = ev.target as HTMLElement;
    if (ev.altKey || ev.metaKey || ev.ctrlKey) {
      if ((ev.ctrlKey || ev.metaKey) && ev.key === "z" && !t.matches("input, textarea, select")) {
        ev.preventDefault();
        this.desk.undo();
      }
      return;
    }
    if (t.matches("input, textarea, select, button") && !(t.matches("button") && ["j", "k", "a", "d", "e", "u"].includes(ev.key))) return;
    const rows = [...this.panel.querySelectorAll<HTMLElement>(".review-row")];
    const row = t.closest<HTMLElement>(".review-row");
    const i = row ? rows.indexOf(row) : -1;
    const move = (d: number) => {
      const next = rows[Math.max(0, Math.min(rows.length - 1, i + d))];
      next?.focus();
      next?.scrollIntoView({ block: "nearest" });
    };
    switch (ev.key) {
      case "j":
      case "ArrowDown":
        if (!row && ev.key === "ArrowDown") return;
        ev.preventDefault();
        move(1);
        break;
      case "k":
      case "ArrowUp":
        if (!row && ev.key === "ArrowUp") return;
        ev.preventDefault();
        move(-1);
        break;
      case "a":
      case "d":
        if (!row || !row.dataset.status) return;
        ev.preventDefault();
        this.focusKey = rows[i + 1]?.dataset.key ?? row.dataset.key!;
        this.desk.setStatus(row.dataset.key!, ev.key === "a" ? "accepted" : row.dataset.status === "dropped" ? "pending" : "dropped");
        break;
      case "e":
        if (!row) return;
        ev.preventDefault();
        this.toggleEdit(row.dataset.key!);
        break;
      case "u":
        ev.preventDefault();
        this.desk.undo();
        break;
    }
  }

  private toggleEdit(key: string): void {
    if (this.editing.has(key)) this.editing.delete(key);
    else this.editing.add(key);
    this.focusKey = key;
    this.render();
  }

  // ---- validation and publishing ----

  private scheduleValidation(): void {
    clearTimeout(this.timer);
    const version = this.version;
    const token = storedToken();
    if (!token) {
      this.validation = { version, state: "token", problems: [], valid: false };
      this.renderHead();
      return;
    }
    if (this.built.local.length) {
      // A statement without a speaker cannot be sent; say what to fix first.
      this.validation = { version, state: "done", problems: [], valid: false };
      this.renderHead();
      return;
    }
    this.validation = { version, state: "checking", problems: [], valid: false };
    this.renderHead();
    this.timer = window.setTimeout(async () => {
      try {
        const v = await validateSource(this.built.doc, token, this.signal);
        if (this.version !== version) return;
        const placed = [...problemsByRow({ ...this.built, local: [] }, v.problems).values()].flat();
        const same = JSON.stringify(placed) === JSON.stringify(this.placed);
        this.placed = placed;
        this.validation = { version, state: "done", problems: v.problems, valid: v.valid };
        if (same) {
          // Nothing new to show at the rows: leave them (and whatever is
          // being typed in them) alone.
          this.renderHead();
          return;
        }
      } catch (e) {
        if (this.signal.aborted || this.version !== version) return;
        if (e instanceof ApiError && e.code === "UNAUTHENTICATED") {
          storeToken("");
          this.tokenWhy = "The server refused the API token. Enter it again; your review is kept.";
          this.validation = { version, state: "token", problems: [], valid: false };
        } else {
          outage(e);
          this.validation = { version, state: "error", problems: [], valid: false, message: e instanceof ApiError ? e.message : "The check failed." };
        }
      }
      this.render();
    }, 350);
  }

  private async publish(button: HTMLButtonElement): Promise<void> {
    const token = storedToken();
    if (!token) return;
    button.disabled = true;
    button.textContent = "Publishing…";
    try {
      const res = await ingestSource(this.built.doc, token);
      this.desk.clear();
      this.root.replaceChildren(published(res.source, res.counts));
      this.root.querySelector("h1")?.focus();
    } catch (e) {
      if (e instanceof ApiError && e.code === "UNAUTHENTICATED") {
        storeToken("");
        this.tokenWhy = "The server refused the API token, so nothing was published. Enter it again; your review is kept.";
        this.validation = { version: this.version, state: "token", problems: [], valid: false };
      } else if (e instanceof ApiError && e.problems.length) {
        this.placed = [...problemsByRow({ ...this.built, local: [] }, e.problems).values()].flat();
        this.validation = { version: this.version, state: "done", problems: e.problems, valid: false };
      } else {
        outage(e);
        this.validation = { version: this.version, state: "error", problems: [], valid: false, message: e instanceof ApiError ? `Publishing failed: ${e.message}; your review is kept.` : "Publishing failed; your review is kept." };
      }
      this.render();
    }
  }

  // ---- the parts of the screen ----

  private renderHead(): void {
    const r = this.desk.review;
    const s = r.statements;
    const reviewed = s.filter((x) => x.status !== "pending").length;
    const dropped = s.filter((x) => x.status === "dropped").length;
    const v = this.validation;
    const count = [...this.problems.values()].reduce((n, l) => n + l.length, 0);
    const ready = v.version === this.version && v.state === "done" && v.valid && !this.built.local.length;
    const publish = h("button", { type: "button", class: "primary", "data-action": "publish", disabled: !ready }, "Publish");
    publish.addEventListener("click", () => this.publish(publish));
    const undo = h("button", { type: "button", disabled: !this.desk.canUndo, title: "Undo (u)" }, "Undo");
    undo.addEventListener("click", () => this.desk.undo());
    const discard = h("button", { type: "button" }, "Discard");
    discard.addEventListener("click", () => {
      if (!confirm("Discard this review? Every edit is lost.")) return;
      this.desk.clear();
      location.hash = formatRoute({ view: "add" });
    });
    let check: HTMLElement;
    if (v.state === "token") check = tokenForm(() => ((this.tokenWhy = ""), this.scheduleValidation()), this.tokenWhy);
    else if (v.version !== this.version || v.state === "checking") check = status("loading", "Checking the draft…");
    else if (v.state === "error") check = status("error", v.message ?? "The check failed.");
    else if (ready) check = h("p", { class: "status status-ok", role: "status" }, "The draft is valid: ready to publish.");
    else check = status("error", `${count} ${count === 1 ? "problem" : "problems"} to fix before publishing; each is shown at its row.`);
    const stray = this.problems.get("") ?? [];
    const meta = (field: "title" | "publisher" | "url" | "publishedAt", label: string) => {
      const input = h("input", { name: `source-${field}`, "data-field": field, value: r.source[field] ?? "" });
      input.addEventListener("change", () => this.desk.setMeta({ [field]: input.value.trim() || null }));
      return h("label", {}, `${label} `, input, fieldProblems(this.problems.get("source"), field));
    };
    this.head.replaceChildren(
      h("p", { class: "kind kind-source" }, this.desk.saved.origin === "source" ? "correcting a source" : "new report"),
      h("h1", { tabindex: "-1" }, `Review: ${r.source.title}`),
      h("div", { class: "meta-fields" }, meta("title", "Title"), meta("publisher", "Publisher"), meta("url", "URL"), meta("publishedAt", "Published")),
      h(
        "div",
        { class: "review-actions" },
        h("span", { class: "count" }, `${reviewed} of ${s.length} statements reviewed, ${dropped} dropped`),
        undo,
        discard,
        publish,
      ),
      h("div", { class: "review-check", "aria-live": "polite" }, check),
      stray.length ? h("ul", { class: "problems" }, stray.map((p) => h("li", {}, `${p.path}: ${p.message}`))) : "",
    );
  }

  private renderPanel(): void {
    const r = this.desk.review;
    const unresolved = r.statements.filter((s) => s.unresolved);
    const statements = byConfidence(r.statements.filter((s) => !s.unresolved));
    const fresh = r.entities.filter((x) => !x.e.existing);
    const known = r.entities.filter((x) => x.e.existing);
    const section = (key: string, title: string, rows: HTMLElement[], hint?: string) =>
      h(
        "section",
        { class: "review-section", "data-section": key, "aria-labelledby": `h-${key}` },
        h("h2", { id: `h-${key}` }, title, " ", h("span", { class: "count" }, String(rows.length))),
        hint ? h("p", { class: "hint" }, hint) : null,
        rows.length ? h("ol", { class: "review-list" }, rows) : status("empty", "None."),
      );
    this.panel.replaceChildren(
      unresolved.length
        ? section("unresolved", "Who said this?", unresolved.map((s) => this.statementRow(s)), "The extractor found these but not who said them: choose a speaker, or drop the statement.")
        : "",
      section("statements", "Statements", statements.map((s) => this.statementRow(s)), "Least sure first."),
      section("entities", "New entities", fresh.map((x) => this.entityRow(x.e.id)), "Not in the graph yet: merge one into an existing entity, mark it distinct, or fix its name and kind."),
      known.length ? h("p", { class: "known" }, "Recognised in the graph: ", known.map((x) => x.e.name).join(", "), ".") : "",
      section("roles", "Roles", r.roles.map((x) => this.factRow("role", x, roleText(r, x.v), roleEdit(this, x))) ),
      section("memberships", "Memberships", r.memberships.map((x) => this.factRow("membership", x, `${nameOf(r, x.v.member)} is a member of ${nameOf(r, x.v.organisation)}${x.v.role ? ` (${x.v.role})` : ""}`, membershipEdit(this, x)))),
      section("events", "Events", r.events.map((x) => this.factRow("event", x, `${x.v.name} (${[x.v.kind, x.v.date, x.v.location].filter(Boolean).join(", ")})`, eventEdit(this, x)))),
      section("participations", "Participations", r.participations.map((x) => this.factRow("participation", x, `${nameOf(r, x.v.entity)} took part in ${nameOf(r, x.v.event)}${x.v.role ? ` (${x.v.role})` : ""}`, h("div", { class: "row-edit" }, textInput(this, x.key, "role", "Role", x.v.role))))),
    );
  }

  options(): Option[] {
    return this.desk.review.entities.map((x) => ({ id: x.e.id, kind: x.e.kind, name: x.e.name, draft: !x.e.existing }));
  }

  get deskRef(): Desk {
    return this.desk;
  }

  private actions(key: string, status: string, editable: boolean): HTMLElement {
    const b = (label: string, title: string, fn: () => void, pressed?: boolean) =>
      h("button", { type: "button", title, "aria-pressed": pressed === undefined ? undefined : String(pressed), onclick: fn }, label);
    return h(
      "span",
      { class: "row-actions" },
      b("Accept", "Accept (a)", () => this.desk.setStatus(key, status === "accepted" ? "pending" : "accepted"), status === "accepted"),
      b("Drop", "Drop (d)", () => this.desk.setStatus(key, status === "dropped" ? "pending" : "dropped"), status === "dropped"),
      editable ? b(this.editing.has(key) ? "Done" : "Edit", "Edit (e)", () => this.toggleEdit(key)) : null,
    );
  }

  private statementRow(s: StatementItem): HTMLElement {
    const r = this.desk.review;
    const v = s.v;
    const probs = this.problems.get(s.key);
    const editing = this.editing.has(s.key) || (s.unresolved && !v.speaker && s.status !== "dropped") || (s.added && !v.speaker);
    const row = h(
      "li",
      {
        class: `review-row statement-row status-${s.status}${probs?.length ? " has-problems" : ""}`,
        tabindex: "0",
        "data-key": s.key,
        "data-kind": "statement",
        "data-status": s.status,
        "aria-label": `${v.kind.toLowerCase()} by ${nameOf(r, v.speaker) || "nobody yet"}: ${v.text}`,
      },
      h(
        "p",
        { class: "meta" },
        h("span", { class: `badge badge-${v.kind.toLowerCase()}` }, v.kind === "QUOTE" ? "quote" : "paraphrase"),
        " ",
        h("span", { class: "confidence", title: s.rule ?? "" }, s.added ? "added" : s.confidence === null ? "" : `${Math.round(s.confidence * 100)}% sure`),
        " · ",
        h("strong", { class: "speaker" }, v.speaker ? nameOf(r, v.speaker) : "speaker?"),
        v.attribution ? ` (${v.attribution})` : "",
        " · ",
        h("time", {}, v.date ?? "undated"),
        v.event ? [" · at ", nameOf(r, v.event)] : "",
        s.status !== "pending" ? h("span", { class: `badge status-badge` }, s.status) : "",
      ),
      h("p", { class: "text" }, v.kind === "QUOTE" ? `“${v.text}”` : v.text),
      v.about.length ? h("p", { class: "about" }, "About: ", v.about.map((a) => nameOf(r, a)).join(", ")) : "",
      v.topics.length ? h("p", { class: "topics" }, v.topics.map((t) => h("span", { class: "topic" }, nameOf(r, t)))) : "",
      probs?.length && !editing ? h("ul", { class: "problems" }, probs.map((p) => h("li", { "data-field": p.field }, `${p.field}: ${p.message}`))) : "",
      this.actions(s.key, s.status, true),
      editing ? this.statementEdit(s, probs) : "",
    );
    return row;
  }

  private statementEdit(s: StatementItem, probs?: (Problem & At)[]): HTMLElement {
    const r = this.desk.review;
    const v = s.v;
    const edit = (patch: Partial<typeof v>, names: Record<string, string> = {}) => {
      this.focusKey = s.key;
      this.desk.editStatement(s.key, patch, names);
    };
    const kind = h("select", { name: "kind" }, statementKinds.map((k) => h("option", { value: k, selected: v.kind === k }, k.toLowerCase())));
    kind.addEventListener("change", () => edit({ kind: kind.value as StatementKind }));
    const text = h("textarea", { name: "text", rows: 3, readonly: v.kind === "QUOTE" }, v.text);
    text.addEventListener("change", () => edit({ text: text.value.trim() }));
    const date = h("input", { name: "date", value: v.date ?? "", placeholder: "2026-01-15", size: 10 });
    date.addEventListener("change", () => edit({ date: date.value.trim() || null }));
    const event = h(
      "select",
      { name: "event" },
      h("option", { value: "" }, "none"),
      r.events.filter((e) => e.status !== "dropped").map((e) => h("option", { value: e.v.id, selected: v.event === e.v.id }, e.v.name)),
    );
    event.addEventListener("change", () => edit({ event: event.value || null }));
    const chips = (ids: string[], field: "about" | "topics") =>
      ids.map((id) =>
        h(
          "span",
          { class: "chip" },
          nameOf(r, id),
          h("button", { type: "button", "aria-label": `Remove ${nameOf(r, id)}`, onclick: () => edit({ [field]: ids.filter((x) => x !== id) }) }, "×"),
        ),
      );
    const topic = h("input", { name: "topic", list: `topics-${s.key}`, placeholder: "Add a topic", size: 14 });
    topic.addEventListener("keydown", (ev) => {
      ev.stopPropagation();
      if (ev.key !== "Enter" || !topic.value.trim()) return;
      ev.preventDefault();
      const name = topic.value.trim();
      const id = r.topics.find((t) => t.name.toLowerCase() === name.toLowerCase())?.id ?? this.desk.addTopic(name);
      if (!v.topics.includes(id)) edit({ topics: [...v.topics, id] });
    });
    const f = (field: string) => fieldProblems(probs, field);
    return h(
      "div",
      { class: "row-edit" },
      picker({
        label: `Speaker${v.speaker ? `: ${nameOf(r, v.speaker)}` : ""}`,
        name: "speaker",
        local: () => this.options(),
        choose: (o) => edit({ speaker: o.id }, { [o.id]: o.name }),
      }),
      f("speaker"),
      h("label", {}, "Kind ", kind),
      h("label", { class: "wide" }, v.kind === "QUOTE" ? "Text (a quote keeps the source's words) " : "Text ", text),
      f("text"),
      h("div", { class: "chips", "aria-label": "About" }, "About: ", chips(v.about, "about")),
      picker({ label: "Add what it is about", name: "about", local: () => this.options(), choose: (o) => edit({ about: [...new Set([...v.about, o.id])] }, { [o.id]: o.name }) }),
      f("about"),
      h("label", {}, "Date ", date),
      f("date"),
      h("label", {}, "Event ", event),
      f("event"),
      h("div", { class: "chips", "aria-label": "Topics" }, "Topics: ", chips(v.topics, "topics")),
      h("label", {}, "Topic ", topic, h("datalist", { id: `topics-${s.key}` }, r.topics.map((t) => h("option", { value: t.name })))),
      f("topics"),
    );
  }

  private entityRow(id: string): HTMLElement {
    const r = this.desk.review;
    const x = r.entities.find((x) => x.e.id === id)!;
    const probs = this.problems.get(id);
    const name = h("input", { name: "name", value: x.e.name, size: 20 });
    const kind = h("select", { name: "entity-kind" }, entityKinds.map((k) => h("option", { value: k, selected: x.e.kind === k }, kindLabel(k))));
    const rename = h("button", { type: "button" }, "Rename");
    rename.addEventListener("click", () => {
      this.focusKey = this.desk.renameEntity(id, name.value, kind.value as EntityKind);
      this.focusField = "name";
    });
    const distinct = h("input", { type: "checkbox", name: "distinct", checked: x.distinct });
    distinct.addEventListener("change", () => {
      this.focusKey = id;
      this.focusField = "distinct";
      this.desk.setDistinct(id, distinct.checked);
    });
    const uses = r.statements.filter((s) => s.v.speaker === id || s.v.about.includes(id)).length;
    return h(
      "li",
      { class: `review-row entity-row${probs?.length ? " flagged" : ""}`, tabindex: "0", "data-key": id, "data-kind": "entity", "aria-label": `New ${kindLabel(x.e.kind)}: ${x.e.name}` },
      h(
        "p",
        { class: "meta" },
        h("span", { class: `dot kind-${x.e.kind.toLowerCase()}` }),
        h("strong", {}, x.e.name),
        ` ${kindLabel(x.e.kind)} · ${x.e.id}`,
        x.e.aliases.length ? ` · also ${x.e.aliases.join(", ")}` : "",
        ` · named ${x.e.evidence.length}×, in ${uses} ${uses === 1 ? "statement" : "statements"}`,
      ),
      probs?.length ? h("ul", { class: "problems" }, probs.map((p) => h("li", { "data-field": p.field }, p.message))) : "",
      h(
        "span",
        { class: "row-actions" },
        h("button", { type: "button", title: "Merge, mark distinct or rename (e)", "data-action": "entity-edit", onclick: () => this.toggleEdit(id) }, this.editing.has(id) ? "Done" : "Merge, distinct, rename…"),
      ),
      (this.editing.has(id) || !!probs?.length) &&
      h(
        "div",
        { class: "row-edit entity-edit" },
        picker({
          label: "Merge into an existing entity",
          name: "merge",
          only: [x.e.kind],
          local: () => this.options().filter((o) => !o.draft && o.id !== id),
          choose: (o) => {
            this.focusKey = o.id;
            this.desk.mergeEntity(id, o);
          },
        }),
        h("label", { class: "inline" }, distinct, " Distinct: not the existing entity of the same name"),
        h("span", { class: "rename" }, h("label", {}, "Name ", name), h("label", {}, "Kind ", kind), rename),
      ),
    );
  }

  factRow<T>(kind: string, x: Item<T>, text: string, edit: HTMLElement | null): HTMLElement {
    const probs = this.problems.get(x.key);
    return h(
      "li",
      { class: `review-row fact-row status-${x.status}${probs?.length ? " has-problems" : ""}`, tabindex: "0", "data-key": x.key, "data-kind": kind, "data-status": x.status, "aria-label": `${kind}: ${text}` },
      h("span", { class: "fact-text" }, x.confidence !== null ? h("span", { class: "confidence" }, `${Math.round(x.confidence * 100)}% `) : "", text || `new ${kind}`),
      x.status !== "pending" ? h("span", { class: "badge status-badge" }, x.status) : "",
      this.actions(x.key, x.status, edit !== null),
      probs?.length ? h("ul", { class: "problems" }, probs.map((p) => h("li", { "data-field": p.field }, `${p.field}: ${p.message}`))) : "",
      edit && (this.editing.has(x.key) || (x as { added?: boolean }).added) ? edit : "",
    );
  }

  edits(key: string, patch: Record<string, unknown>, names: Record<string, string> = {}): void {
    this.focusKey = key;
    this.desk.editFact(key, patch, names);
  }
}

// outage tells the page (main.ts) to check the database and show the
// banner when a desk call failed for want of it.
export function outage(e: unknown): void {
  if (e instanceof ApiError && (e.unavailable || e.code === "NETWORK")) window.dispatchEvent(new Event("newsgraph:outage"));
}

function fieldProblems(probs: (Problem & At)[] | undefined, field: string): HTMLElement | "" {
  const mine = probs?.filter((p) => p.field === field) ?? [];
  return mine.length ? h("ul", { class: "problems", "data-field": field }, mine.map((p) => h("li", {}, p.message))) : "";
}

function roleText(r: Desk["review"], v: { person: string; title: string; of: string }): string {
  if (!v.person && !v.title && !v.of) return "";
  return `${nameOf(r, v.person) || "?"} is ${v.title || "?"} of ${nameOf(r, v.of) || "?"}`;
}

function textInput(screen: ReviewScreen, key: string, field: string, label: string, value: string | null): HTMLElement {
  const input = h("input", { name: field, value: value ?? "", size: 16 });
  input.addEventListener("change", () => screen.edits(key, { [field]: input.value.trim() || null }));
  return h("label", {}, `${label} `, input);
}

function roleEdit(screen: ReviewScreen, x: Item<{ person: string; title: string; of: string }>): HTMLElement {
  const r = screen.deskRef.review;
  return h(
    "div",
    { class: "row-edit" },
    picker({ label: `Person${x.v.person ? `: ${nameOf(r, x.v.person)}` : ""}`, name: "person", only: ["PERSON"], local: () => screen.options(), choose: (o) => screen.edits(x.key, { person: o.id }, { [o.id]: o.name }) }),
    textInput(screen, x.key, "title", "Title", x.v.title),
    picker({ label: `Of${x.v.of ? `: ${nameOf(r, x.v.of)}` : ""}`, name: "of", only: ["NATION", "ORGANISATION"], local: () => screen.options(), choose: (o) => screen.edits(x.key, { of: o.id }, { [o.id]: o.name }) }),
  );
}

function membershipEdit(screen: ReviewScreen, x: Item<{ role: string | null }>): HTMLElement {
  return h("div", { class: "row-edit" }, textInput(screen, x.key, "role", "Role", x.v.role));
}

function eventEdit(screen: ReviewScreen, x: Item<{ name: string; kind: string; date: string | null; location: string | null }>): HTMLElement {
  return h(
    "div",
    { class: "row-edit" },
    textInput(screen, x.key, "name", "Name", x.v.name),
    textInput(screen, x.key, "kind", "Kind", x.v.kind),
    textInput(screen, x.key, "date", "Date", x.v.date),
    textInput(screen, x.key, "location", "Location", x.v.location),
  );
}

// published says what publishing did, kind by kind, and links to the
// new source.
function published(source: { id: string; title: string }, counts: KindCount[]): HTMLElement {
  return h(
    "section",
    { class: "published" },
    h("h1", { tabindex: "-1" }, "Published"),
    h("p", {}, "“", source.title, "” is in the graph. ", h("a", { href: formatRoute({ view: "source", id: source.id }), "data-source": source.id }, "Open the source view")),
    countsTable(counts, ["created", "updated", "unchanged"]),
    h("p", {}, h("a", { href: formatRoute({ view: "add" }) }, "Add another report"), " · ", h("a", { href: formatRoute({ view: "sources" }) }, "All sources")),
  );
}

export function countsTable(counts: KindCount[], cols: ("created" | "updated" | "unchanged" | "deleted")[]): HTMLElement {
  return h(
    "table",
    { class: "counts" },
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "kind"), cols.map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, counts.map((c) => h("tr", { "data-kind": c.kind }, h("th", { scope: "row" }, c.kind), cols.map((k) => h("td", { "data-col": k }, String(c[k])))))),
  );
}
