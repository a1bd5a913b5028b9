// The review desk's state: a draft (from draftSource, or a source's
// document to correct) and every decision the journalist makes on it.
// Each change is one method that keeps the state before it for undo and
// saves the whole in localStorage, so a reload loses nothing; publishing
// or discarding clears it. toInput turns the state into the
// SourceDocumentInput that validateSource and ingestSource take, and
// remembers which row each of its paths came from, so a problem such as
// "statements[3].speaker" is shown at that row's speaker.
import type { Problem } from "../api";
import type {
  DraftDocument,
  DraftEntity,
  DraftEvent,
  DraftMembership,
  DraftParticipant,
  DraftRole,
  DraftStatement,
  DraftTopic,
  EntityKind,
  SourceDraft,
  Span,
} from "./api";
import type { SourceDocumentInput } from "../gql/graphql";

export type Status = "pending" | "accepted" | "dropped";

// One proposed fact under review. confidence is the extractor's (from
// SourceDraft.report); null for what the journalist added or for a
// source re-opened from the graph.
export interface Item<T> {
  key: string;
  status: Status;
  confidence: number | null;
  rule?: string;
  added?: boolean;
  v: T;
}

export interface StatementItem extends Item<DraftStatement> {
  // An unresolved statement came without a speaker (SourceDraft.unresolved).
  unresolved?: boolean;
}

export interface EntityItem {
  e: DraftEntity;
  distinct: boolean;
  confidence: number | null;
}

export interface Participation extends DraftParticipant {
  event: string;
}

export interface SourceMeta {
  id: string;
  title: string;
  publisher: string | null;
  url: string | null;
  publishedAt: string | null;
}

export interface Review {
  source: SourceMeta;
  entities: EntityItem[];
  topics: DraftTopic[];
  roles: Item<DraftRole>[];
  memberships: Item<DraftMembership>[];
  events: Item<Omit<DraftEvent, "participants">>[];
  participations: Item<Participation>[];
  statements: StatementItem[];
  next: number;
  // The names of graph entities chosen in pickers, to show them by name.
  names?: Record<string, string>;
}

export interface Saved {
  version: 1;
  // "draft" for a new report; "source" for a source re-opened to correct.
  origin: "draft" | "source";
  text: string;
  review: Review;
  undo: Review[];
}

export const storageKey = "newsgraph.desk";
const undoDepth = 30;

// fromDraft builds the state of a new review. Every fact's confidence is
// matched from the report by its path (statements[i], roles[i], …).
export function fromDraft(d: SourceDraft | { document: DraftDocument; report?: SourceDraft["report"]; unresolved?: DraftStatement[] }, origin: Saved["origin"] = "draft"): Saved {
  const doc = d.document;
  const report = new Map((d.report ?? []).map((f) => [f.path, f]));
  const conf = (path: string) => report.get(path)?.confidence ?? null;
  const rule = (path: string) => report.get(path)?.rule;
  const item = <T>(key: string, path: string, v: T): Item<T> => ({ key, status: "pending", confidence: conf(path), rule: rule(path), v });
  const { text, ...source } = doc.source;
  const review: Review = {
    source,
    entities: doc.entities.map((e, i) => ({ e: { ...e, aliases: e.aliases ?? [] }, distinct: false, confidence: conf(`entities[${i}]`) })),
    topics: doc.topics,
    roles: doc.roles.map((r, i) => item(`r${i}`, `roles[${i}]`, r)),
    memberships: doc.memberships.map((m, i) => item(`m${i}`, `memberships[${i}]`, m)),
    events: doc.events.map(({ participants: _p, ...e }, i) => item(`e${i}`, `events[${i}]`, e)),
    participations: doc.events.flatMap((e, i) =>
      e.participants.map((p, j) => item(`p${i}-${j}`, `events[${i}].participants[${j}]`, { ...p, event: e.id })),
    ),
    statements: [
      ...doc.statements.map((s, i) => item(`s${i}`, `statements[${i}]`, s)),
      ...(d.unresolved ?? []).map((s, i) => ({ ...item(`u${i}`, `unresolved[${i}]`, { ...s, speaker: null }), unresolved: true })),
    ],
    next: 0,
  };
  return { version: 1, origin, text, review, undo: [] };
}

// Statements least sure first; what the journalist added before all, as
// it needs a look; equal confidence in text order.
export function byConfidence(items: StatementItem[]): StatementItem[] {
  const rank = (s: StatementItem) => (s.added ? -1 : (s.confidence ?? 2));
  return [...items].sort((a, b) => rank(a) - rank(b) || a.v.evidence.start - b.v.evidence.start);
}

const prefix: Record<EntityKind, string> = { PERSON: "person", NATION: "nation", ORGANISATION: "organisation" };

// slug makes the part of an id after the colon, as the server does for
// names: lower case, accents dropped, anything else a hyphen.
export function slug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export interface Target {
  id: string;
  kind: EntityKind;
  name: string;
}

type Listener = () => void;

export class Desk {
  private listeners: Listener[] = [];
  constructor(
    public saved: Saved,
    private storage: Storage | null = globalThis.localStorage ?? null,
  ) {}

  static load(storage: Storage | null = globalThis.localStorage ?? null): Desk | null {
    try {
      const raw = storage?.getItem(storageKey);
      if (!raw) return null;
      const s = JSON.parse(raw) as Saved;
      if (s.version !== 1 || !s.review) return null;
      return new Desk(s, storage);
    } catch {
      return null;
    }
  }

  get review(): Review {
    return this.saved.review;
  }
  get text(): string {
    return this.saved.text;
  }

  onChange(fn: Listener): void {
    this.listeners.push(fn);
  }

  save(): void {
    if (!this.storage) return;
    try {
      this.storage.setItem(storageKey, JSON.stringify(this.saved));
    } catch {
      // Over quota (a very long report): keep the work, not its history.
      try {
        this.storage.setItem(storageKey, JSON.stringify({ ...this.saved, undo: [] }));
      } catch {
        /* nothing more to do: the page still holds it */
      }
    }
  }

  // clear forgets the review, after publishing or discarding it.
  clear(): void {
    this.storage?.removeItem(storageKey);
  }

  // change applies fn as one undoable step.
  private change(fn: (r: Review) => void): void {
    const before = structuredClone(this.saved.review);
    fn(this.saved.review);
    this.saved.undo.push(before);
    if (this.saved.undo.length > undoDepth) this.saved.undo.shift();
    this.save();
    for (const l of this.listeners) l();
  }

  get canUndo(): boolean {
    return this.saved.undo.length > 0;
  }

  undo(): void {
    const prev = this.saved.undo.pop();
    if (!prev) return;
    this.saved.review = prev;
    this.save();
    for (const l of this.listeners) l();
  }

  setMeta(patch: Partial<SourceMeta>): void {
    this.change((r) => Object.assign(r.source, patch));
  }

  // setStatus accepts, drops or reopens any fact by its key.
  setStatus(key: string, status: Status): void {
    this.change((r) => {
      const it = findItem(r, key);
      if (it) it.status = status;
    });
  }

  // editStatement changes a statement's fields; names are the names of
  // graph entities it now refers to.
  editStatement(key: string, patch: Partial<DraftStatement>, names: Record<string, string> = {}): void {
    this.editFact(key, patch, names);
  }

  editFact(key: string, patch: Record<string, unknown>, names: Record<string, string> = {}): void {
    this.change((r) => {
      const it = findItem(r, key);
      if (it) Object.assign(it.v as object, patch);
      r.names = { ...r.names, ...names };
    });
  }

  // addStatement proposes a statement with the selected span as its
  // evidence and its words as its text; the speaker is to be chosen.
  addStatement(span: Span, speaker: string | null = null): string {
    const key = `n${this.review.next}`;
    const words = Array.from(this.text).slice(span.start, span.end).join("").trim();
    const quoted = /^["“]/.test(words) && /["”][.,]?$/.test(words);
    this.change((r) => {
      r.next++;
      r.statements.push({
        key,
        status: "accepted",
        confidence: null,
        added: true,
        v: {
          kind: quoted ? "QUOTE" : "PARAPHRASE",
          text: quoted ? words.replace(/^["“]|["”][.,]?$/g, "") : words,
          speaker,
          attribution: null,
          about: [],
          event: null,
          date: r.source.publishedAt,
          topics: [],
          evidence: { ...span },
        },
      });
    });
    return key;
  }

  addRole(span: Span): string {
    const key = `n${this.review.next}`;
    this.change((r) => {
      r.next++;
      r.roles.push({ key, status: "accepted", confidence: null, added: true, v: { person: "", title: "", of: "", evidence: [{ ...span }] } });
    });
    return key;
  }

  // addTopic declares a topic by name and returns its id.
  addTopic(name: string): string {
    const id = `topic:${slug(name)}`;
    if (!this.review.topics.some((t) => t.id === id)) this.change((r) => r.topics.push({ id, name: name.trim() }));
    return id;
  }

  // mergeEntity folds a new entity into an existing one: its names become
  // aliases of the existing entity, its evidence is kept, and every
  // reference to it now points at the existing id.
  mergeEntity(id: string, into: Target): void {
    if (id === into.id) return;
    this.change((r) => {
      const i = r.entities.findIndex((x) => x.e.id === id);
      if (i < 0) return;
      const [from] = r.entities.splice(i, 1);
      let to = r.entities.find((x) => x.e.id === into.id);
      if (!to) {
        to = { e: { id: into.id, kind: into.kind, name: into.name, aliases: [], description: null, existing: true, evidence: [] }, distinct: false, confidence: null };
        r.entities.push(to);
      }
      const known = new Set([to.e.name, ...to.e.aliases].map((n) => n.toLowerCase()));
      for (const n of [from.e.name, ...from.e.aliases]) {
        if (!known.has(n.toLowerCase())) {
          to.e.aliases.push(n);
          known.add(n.toLowerCase());
        }
      }
      for (const ev of from.e.evidence) if (!to.e.evidence.some((x) => x.start === ev.start && x.end === ev.end)) to.e.evidence.push(ev);
      rewrite(r, id, into.id);
    });
  }

  setDistinct(id: string, distinct: boolean): void {
    this.change((r) => {
      const x = r.entities.find((x) => x.e.id === id);
      if (x) x.distinct = distinct;
    });
  }

  // renameEntity fixes a new entity's name and kind; its id follows them
  // (person:…, nation:…), and so does every reference to it.
  renameEntity(id: string, name: string, kind: EntityKind): string {
    const base = `${prefix[kind]}:${slug(name) || "unnamed"}`;
    let next = base;
    for (let n = 2; this.review.entities.some((x) => x.e.id === next && x.e.id !== id); n++) next = `${base}-${n}`;
    this.change((r) => {
      const x = r.entities.find((x) => x.e.id === id);
      if (!x) return;
      x.e.name = name.trim();
      x.e.kind = kind;
      x.e.aliases = x.e.aliases.filter((a) => a.toLowerCase() !== name.trim().toLowerCase());
      x.e.id = next;
      rewrite(r, id, next);
    });
    return next;
  }
}

function findItem(r: Review, key: string): Item<unknown> | undefined {
  for (const list of [r.statements, r.roles, r.memberships, r.events, r.participations] as Item<unknown>[][]) {
    const it = list.find((x) => x.key === key);
    if (it) return it;
  }
  return undefined;
}

// rewrite points every reference to entity `from` at `to`.
function rewrite(r: Review, from: string, to: string): void {
  const swap = (id: string) => (id === from ? to : id);
  for (const s of r.statements) {
    if (s.v.speaker === from) s.v.speaker = to;
    s.v.about = [...new Set(s.v.about.map(swap))];
  }
  for (const x of r.roles) {
    x.v.person = swap(x.v.person);
    x.v.of = swap(x.v.of);
  }
  for (const x of r.memberships) {
    x.v.member = swap(x.v.member);
    x.v.organisation = swap(x.v.organisation);
  }
  for (const x of r.participations) x.v.entity = swap(x.v.entity);
}

// Where a problem belongs: a row (its key, or an entity's id, or
// "source") and the field in it.
export interface At {
  key: string;
  field: string;
}

export interface Built {
  doc: SourceDocumentInput;
  // at maps a path of doc (statements[3].speaker) to the row it came from.
  at: (path: string) => At | null;
  // local are the problems found before asking the server: statements
  // without a speaker cannot even be sent.
  local: (Problem & At)[];
}

// compact drops null and undefined fields: the input types take absent
// optional fields, not nulls.
// Its type stays T: a required field left empty is for the server to
// name in its problems, at its path.
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== "")) as T;
}

const spans = (ev: Span[]) => ev.map((e) => ({ start: e.start, end: e.end }));

// toInput is the document to validate and publish: what is not dropped,
// with references to dropped events removed and output-only fields gone.
export function toInput(saved: Saved): Built {
  const r = saved.review;
  const rows = new Map<string, string>();
  const local: (Problem & At)[] = [];
  const keep = <T>(xs: Item<T>[]) => xs.filter((x) => x.status !== "dropped");

  const events = keep(r.events);
  const eventIds = new Set(events.map((e) => e.v.id));
  const statements = keep(r.statements).filter((s) => {
    if (!s.v.speaker) local.push({ key: s.key, field: "speaker", path: "", message: "Choose who said this, or drop the statement." });
    if (!s.v.text.trim()) local.push({ key: s.key, field: "text", path: "", message: "A statement needs its text." });
    return !!s.v.speaker && !!s.v.text.trim();
  });
  const roles = keep(r.roles).filter((x) => {
    for (const f of ["person", "title", "of"] as const) if (!x.v[f].trim()) local.push({ key: x.key, field: f, path: "", message: `A role needs its ${f === "of" ? "nation or organisation" : f}.` });
    return x.v.person && x.v.title.trim() && x.v.of;
  });
  const usedTopics = new Set(statements.flatMap((s) => s.v.topics));

  const doc: SourceDocumentInput = {
    source: compact({ ...r.source, text: saved.text }),
    entities: r.entities.map((x, i) => {
      rows.set(`entities[${i}]`, x.e.id);
      const { existing: _e, evidence, aliases, ...e } = x.e;
      return compact({ ...e, aliases: aliases.length ? aliases : null, evidence: evidence.length ? spans(evidence) : null, distinct: x.distinct || null });
    }),
    roles: roles.map((x, i) => {
      rows.set(`roles[${i}]`, x.key);
      return { ...x.v, title: x.v.title.trim(), evidence: spans(x.v.evidence) };
    }),
    memberships: keep(r.memberships).map((x, i) => {
      rows.set(`memberships[${i}]`, x.key);
      return compact({ ...x.v, evidence: spans(x.v.evidence) });
    }),
    topics: r.topics.filter((t) => usedTopics.has(t.id)),
    events: events.map((x, i) => {
      rows.set(`events[${i}]`, x.key);
      const participants = keep(r.participations)
        .filter((p) => p.v.event === x.v.id)
        .map((p, j) => {
          rows.set(`events[${i}].participants[${j}]`, p.key);
          const { event: _e, ...rest } = p.v;
          return compact({ ...rest, evidence: spans(rest.evidence) });
        });
      return compact({ ...x.v, participants, evidence: spans(x.v.evidence) });
    }),
    statements: statements.map((x, i) => {
      rows.set(`statements[${i}]`, x.key);
      const v = x.v;
      return compact({
        ...v,
        // Statements without a speaker were held back above.
        speaker: v.speaker!,
        about: v.about.filter((a) => !a.startsWith("event:") || eventIds.has(a)),
        event: v.event && eventIds.has(v.event) ? v.event : null,
        evidence: { start: v.evidence.start, end: v.evidence.end },
      });
    }),
  };
  const at = (path: string): At | null => {
    if (path.startsWith("source")) return { key: "source", field: path.split(".")[1] ?? "" };
    // The longest row path that starts the problem's path.
    let best: string | undefined;
    for (const p of rows.keys()) if ((path === p || path.startsWith(`${p}.`)) && (!best || p.length > best.length)) best = p;
    if (!best) return null;
    const rest = path.slice(best.length + 1);
    return { key: rows.get(best)!, field: rest.split(/[.[]/)[0] ?? "" };
  };
  return { doc, at, local };
}

// problemsByRow places each problem at its row, by key; the ones no row
// claims are listed under "".
export function problemsByRow(built: Built, problems: Problem[]): Map<string, (Problem & At)[]> {
  const out = new Map<string, (Problem & At)[]>();
  const add = (p: Problem & At) => {
    const list = out.get(p.key) ?? [];
    list.push(p);
    out.set(p.key, list);
  };
  for (const p of built.local) add(p);
  for (const p of problems) add({ ...p, ...(built.at(p.path) ?? { key: "", field: "" }) });
  return out;
}

// entityName gives a reference's name from the review's entities, events
// and topics, or names it by its id.
export function nameOf(r: Review, id: string | null): string {
  if (!id) return "";
  return r.entities.find((x) => x.e.id === id)?.e.name ?? r.events.find((x) => x.v.id === id)?.v.name ?? r.topics.find((t) => t.id === id)?.name ?? r.names?.[id] ?? id;
}

export type { DraftEntity, DraftEvent, DraftMembership, DraftRole, DraftStatement };
