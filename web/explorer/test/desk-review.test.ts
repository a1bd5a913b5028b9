import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SourceDraft } from "../src/desk/api";
import { Desk, fromDraft } from "../src/desk/state";
import { reviewView } from "../src/views/review";

// Component tests of the review screen: fetch answers validateSource with
// canned problems; the real server is exercised by e2e/run.mjs (desk).
const text = 'Rutte said allies would help. "We will," Zelenskyy said. A spokesman said more would come.';
const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
const draft: SourceDraft = {
  document: {
    source: { id: "source:t", title: "Allies", publisher: "Reuters", url: null, publishedAt: "2026-02-03", text },
    entities: [
      { id: "person:mark-rutte", kind: "PERSON", name: "Mark Rutte", aliases: [], description: null, existing: true, evidence: [at("Rutte")] },
      { id: "person:volodymyr-zelenskyy", kind: "PERSON", name: "Volodymyr Zelenskyy", aliases: [], description: null, existing: false, evidence: [at("Zelenskyy")] },
    ],
    roles: [],
    memberships: [],
    topics: [],
    events: [],
    statements: [
      { kind: "PARAPHRASE", text: "Allies would help.", speaker: "person:mark-rutte", attribution: null, about: [], event: null, date: null, topics: [], evidence: at("Rutte said allies would help.") },
      { kind: "QUOTE", text: "We will,", speaker: "person:volodymyr-zelenskyy", attribution: null, about: [], event: null, date: null, topics: [], evidence: at('"We will," Zelenskyy said.') },
    ],
  },
  report: [
    { path: "statements[0]", rule: "r", confidence: 0.9, matched: [] },
    { path: "statements[1]", rule: "r", confidence: 0.5, matched: [] },
  ],
  unresolved: [{ kind: "PARAPHRASE", text: "More would come.", speaker: null, attribution: "A spokesman", about: [], event: null, date: null, topics: [], evidence: at("A spokesman said more would come.") }],
};

let validations: unknown[] = [];
function answer(result: (doc: any) => unknown) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async (_url: string, init: RequestInit) => {
      const { query, variables } = JSON.parse(String(init.body));
      expect(query).toContain("validateSource");
      expect((init.headers as Record<string, string>).authorization).toBe("Bearer secret-token-0123456789");
      validations.push(variables.doc);
      return new Response(JSON.stringify({ data: { validateSource: result(variables.doc) } }), { headers: { "content-type": "application/json" } });
    }),
  );
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  validations = [];
  sessionStorage.setItem("newsgraph.token", "secret-token-0123456789");
  new Desk(fromDraft(draft)).save();
});
afterEach(() => vi.unstubAllGlobals());

const rowOf = (root: HTMLElement, key: string) => root.querySelector<HTMLElement>(`.review-row[data-key="${key}"]`)!;

describe("reviewView", () => {
  it("lists statements least sure first and asks for the unresolved speaker", async () => {
    answer(() => ({ valid: true, problems: [] }));
    const root = document.createElement("main");
    document.body.append(root);
    await reviewView(root, undefined, new AbortController().signal);
    const keys = [...root.querySelectorAll<HTMLElement>('[data-section="statements"] .review-row')].map((r) => r.dataset.key);
    expect(keys).toEqual(["s1", "s0"]);
    expect(rowOf(root, "u0").textContent).toContain("Choose who said this, or drop the statement.");
    // The statement without a speaker cannot be sent: no check, no Publish.
    expect(root.querySelector<HTMLButtonElement>('[data-action="publish"]')!.disabled).toBe(true);
    // Its evidence lights up in the text when the row is focused.
    rowOf(root, "s1").focus();
    expect([...root.querySelectorAll(".review-text mark.focused")].map((m) => m.textContent).join("")).toBe('"We will," Zelenskyy said.');
    root.remove();
  });

  it("shows the server's problems at their fields, and enables Publish once valid", async () => {
    answer((doc) =>
      doc.statements.length === 3
        ? { valid: false, problems: [{ path: "statements[1].speaker", message: "no such speaker" }, { path: "entities[1].name", message: "did you mean person:volodymyr-zelensky?" }] }
        : { valid: true, problems: [] },
    );
    const root = document.createElement("main");
    document.body.append(root);
    const first = new AbortController();
    await reviewView(root, undefined, first.signal);
    // Keyboard: d on the unresolved row drops it; the draft can then be sent.
    rowOf(root, "u0").focus();
    rowOf(root, "u0").dispatchEvent(new KeyboardEvent("keydown", { key: "d", bubbles: true }));
    expect(rowOf(root, "u0").dataset.status).toBe("dropped");
    await vi.waitFor(() => expect(validations).toHaveLength(1));
    // The spokesman resolved instead (as after a reload): three statements
    // go, and the server finds problems in them.
    first.abort();
    const desk = Desk.load()!;
    desk.setStatus("u0", "pending");
    desk.editStatement("u0", { speaker: "person:mark-rutte" });
    await reviewView(root, undefined, new AbortController().signal);
    await vi.waitFor(() => expect(root.querySelector('.review-row[data-key="s1"] .problems')).not.toBeNull());
    expect(root.querySelector('.review-row[data-key="s1"] .problems li')!.textContent).toBe("speaker: no such speaker");
    expect(rowOf(root, "person:volodymyr-zelenskyy").classList.contains("flagged")).toBe(true);
    expect(rowOf(root, "person:volodymyr-zelenskyy").textContent).toContain("did you mean person:volodymyr-zelensky?");
    expect(root.querySelector(".review-check")!.textContent).toContain("2 problems to fix");
    expect(root.querySelector<HTMLButtonElement>('[data-action="publish"]')!.disabled).toBe(true);
    // Dropping the spokesman again makes the draft valid.
    rowOf(root, "u0").focus();
    rowOf(root, "u0").dispatchEvent(new KeyboardEvent("keydown", { key: "d", bubbles: true }));
    await vi.waitFor(() => expect(root.querySelector<HTMLButtonElement>('[data-action="publish"]')!.disabled).toBe(false));
    expect(root.querySelector(".review-check")!.textContent).toContain("ready to publish");
    root.remove();
  });

  it("asks for the token when none is kept, and says when there is no review", async () => {
    sessionStorage.clear();
    answer(() => ({ valid: true, problems: [] }));
    const root = document.createElement("main");
    await reviewView(root, undefined, new AbortController().signal);
    expect(root.querySelector('input[name="token"]')).not.toBeNull();
    localStorage.clear();
    await reviewView(root, undefined, new AbortController().signal);
    expect(root.textContent).toContain("No review in progress.");
  });
});
