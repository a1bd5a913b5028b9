import { describe, expect, it } from "vitest";
import type { SourceDraft } from "../src/desk/api";
import { Desk, byConfidence, fromDraft, problemsByRow, slug, storageKey, toInput } from "../src/desk/state";

// A small draft in the shape draftSource answers.
const text = 'BRUSSELS (Reuters) - Rutte said allies would help. "We will," Zelenskyy said. A spokesman said more would come.';
const at = (s: string) => {
  const i = Array.from(text).join("").indexOf(s);
  return { start: i, end: i + s.length };
};
function draft(): SourceDraft {
  return {
    document: {
      source: { id: "source:t", title: "T", publisher: "Reuters", url: null, publishedAt: "2026-02-03", text },
      entities: [
        { id: "person:mark-rutte", kind: "PERSON", name: "Mark Rutte", aliases: ["Rutte"], description: null, existing: true, evidence: [at("Rutte")] },
        { id: "person:volodymyr-zelenskyy", kind: "PERSON", name: "Volodymyr Zelenskyy", aliases: [], description: null, existing: false, evidence: [at("Zelenskyy")] },
      ],
      roles: [{ person: "person:volodymyr-zelenskyy", title: "President", of: "nation:ukraine", evidence: [at("Zelenskyy")] }],
      memberships: [],
      topics: [{ id: "topic:aid", name: "Aid" }],
      events: [{ id: "event:meeting", name: "Meeting", kind: "meeting", description: null, date: null, endDate: null, location: null, participants: [{ entity: "person:volodymyr-zelenskyy", role: null, evidence: [at("Zelenskyy")] }], evidence: [at("said")] }],
      statements: [
        { kind: "PARAPHRASE", text: "Allies would help.", speaker: "person:mark-rutte", attribution: null, about: [], event: "event:meeting", date: "2026-02-03", topics: ["topic:aid"], evidence: at("Rutte said allies would help.") },
        { kind: "QUOTE", text: "We will,", speaker: "person:volodymyr-zelenskyy", attribution: null, about: ["person:mark-rutte", "event:meeting"], event: null, date: null, topics: [], evidence: at('"We will," Zelenskyy said.') },
      ],
    },
    report: [
      { path: "statements[0]", rule: "reported-speech/named", confidence: 0.76, matched: [] },
      { path: "statements[1]", rule: "quote-then-attribution/named", confidence: 0.9, matched: [] },
      { path: "unresolved[0]", rule: "reported-speech/unresolved", confidence: 0.16, matched: [] },
    ],
    unresolved: [{ kind: "PARAPHRASE", text: "More would come.", speaker: null, attribution: "A spokesman", about: [], event: null, date: null, topics: [], evidence: at("A spokesman said more would come.") }],
  };
}

function memory(): Storage {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
    clear: () => m.clear(),
    key: (i) => [...m.keys()][i] ?? null,
    get length() {
      return m.size;
    },
  };
}

describe("the desk's state", () => {
  it("takes each fact's confidence from the report and sorts least sure first", () => {
    const s = fromDraft(draft());
    const sorted = byConfidence(s.review.statements).map((x) => [x.key, x.confidence]);
    expect(sorted).toEqual([
      ["u0", 0.16],
      ["s0", 0.76],
      ["s1", 0.9],
    ]);
    expect(s.review.statements.find((x) => x.key === "u0")?.unresolved).toBe(true);
  });

  it("edits, drops and undoes, and survives a reload", () => {
    const storage = memory();
    const desk = new Desk(fromDraft(draft()), storage);
    desk.editStatement("s0", { text: "Allies would help Ukraine." });
    desk.setStatus("s1", "dropped");
    desk.editStatement("u0", { speaker: "person:mark-rutte" });
    // A reload: the same state from storage.
    const again = Desk.load(storage)!;
    expect(again.review.statements.find((x) => x.key === "s0")?.v.text).toBe("Allies would help Ukraine.");
    expect(again.review.statements.find((x) => x.key === "s1")?.status).toBe("dropped");
    expect(again.canUndo).toBe(true);
    again.undo();
    expect(again.review.statements.find((x) => x.key === "u0")?.v.speaker).toBeNull();
    again.undo();
    expect(again.review.statements.find((x) => x.key === "s1")?.status).toBe("pending");
    expect(Desk.load(storage)!.review.statements.find((x) => x.key === "s1")?.status).toBe("pending");
    again.clear();
    expect(storage.getItem(storageKey)).toBeNull();
    expect(Desk.load(storage)).toBeNull();
  });

  it("merges a new entity into an existing one: alias, evidence and every reference", () => {
    const desk = new Desk(fromDraft(draft()), memory());
    desk.mergeEntity("person:volodymyr-zelenskyy", { id: "person:volodymyr-zelensky", kind: "PERSON", name: "Volodymyr Zelensky" });
    const r = desk.review;
    expect(r.entities.map((x) => x.e.id)).toEqual(["person:mark-rutte", "person:volodymyr-zelensky"]);
    const z = r.entities[1].e;
    expect(z.aliases).toEqual(["Volodymyr Zelenskyy"]);
    expect(z.existing).toBe(true);
    expect(z.evidence).toEqual([at("Zelenskyy")]);
    expect(r.statements.find((x) => x.key === "s1")?.v.speaker).toBe("person:volodymyr-zelensky");
    expect(r.roles[0].v.person).toBe("person:volodymyr-zelensky");
    expect(r.participations[0].v.entity).toBe("person:volodymyr-zelensky");
    desk.undo();
    expect(desk.review.entities.map((x) => x.e.id)).toContain("person:volodymyr-zelenskyy");
  });

  it("renames an entity with its kind, and its id follows", () => {
    const desk = new Desk(fromDraft(draft()), memory());
    const id = desk.renameEntity("person:volodymyr-zelenskyy", "Zelenskyy Office", "ORGANISATION");
    expect(id).toBe("organisation:zelenskyy-office");
    expect(desk.review.roles[0].v.person).toBe("organisation:zelenskyy-office");
    expect(slug("Émmanuel  Macron!")).toBe("emmanuel-macron");
  });

  it("adds a statement from a selected span", () => {
    const desk = new Desk(fromDraft(draft()), memory());
    const key = desk.addStatement(at('"We will,"'));
    const s = desk.review.statements.find((x) => x.key === key)!;
    expect(s.v).toMatchObject({ kind: "QUOTE", text: "We will,", speaker: null, evidence: at('"We will,"') });
    expect(byConfidence(desk.review.statements)[0].key).toBe(key);
  });

  it("builds the input document: dropped facts out, nulls out, output-only fields out", () => {
    const desk = new Desk(fromDraft(draft()), memory());
    desk.setStatus("e0", "dropped");
    desk.setDistinct("person:volodymyr-zelenskyy", true);
    const built = toInput(desk.saved);
    const doc = built.doc as any;
    expect(doc.source).toEqual({ id: "source:t", title: "T", publisher: "Reuters", publishedAt: "2026-02-03", text });
    expect(doc.entities[0]).toEqual({ id: "person:mark-rutte", kind: "PERSON", name: "Mark Rutte", aliases: ["Rutte"], evidence: [at("Rutte")] });
    expect(doc.entities[1].distinct).toBe(true);
    expect(doc.events).toEqual([]);
    // The unresolved statement has no speaker yet: it cannot be sent.
    expect(doc.statements).toHaveLength(2);
    expect(doc.statements[0]).not.toHaveProperty("event");
    expect(doc.statements[1].about).toEqual(["person:mark-rutte"]);
    expect(doc.statements[1]).not.toHaveProperty("attribution");
    expect(built.local).toEqual([{ key: "u0", field: "speaker", path: "", message: "Choose who said this, or drop the statement." }]);
  });

  it("places the server's problems at their rows and fields", () => {
    const desk = new Desk(fromDraft(draft()), memory());
    desk.setStatus("s0", "dropped"); // statements[0] is now s1
    desk.editStatement("u0", { speaker: "person:mark-rutte" });
    const built = toInput(desk.saved);
    const byRow = problemsByRow(built, [
      { path: "statements[0].speaker", message: "unknown speaker" },
      { path: "statements[1].about[0]", message: "unknown id" },
      { path: "entities[1].name", message: "did you mean person:volodymyr-zelensky?" },
      { path: "events[0].participants[0].entity", message: "bad" },
      { path: "source.publishedAt", message: "not a date" },
      { path: "somewhere", message: "elsewhere" },
    ]);
    expect(byRow.get("s1")).toMatchObject([{ field: "speaker", message: "unknown speaker" }]);
    expect(byRow.get("u0")).toMatchObject([{ field: "about" }]);
    expect(byRow.get("person:volodymyr-zelenskyy")).toMatchObject([{ field: "name" }]);
    expect(byRow.get("p0-0")).toMatchObject([{ field: "entity" }]);
    expect(byRow.get("source")).toMatchObject([{ field: "publishedAt" }]);
    expect(byRow.get("")).toMatchObject([{ message: "elsewhere" }]);
  });
});
