/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/**
 * A person, nation or organisation the source names, new to the graph or
 * already in it.
 */
export type EntityInput = {
  /**
   * Other names the source uses for the entity, such as another spelling or a
   * surname alone; none may be blank or repeat the name or another alias.
   * Aliases from all sources are merged.
   */
  aliases?: Array<string> | null | undefined;
  /** A short description, e.g. 'President of Ukraine'; when omitted, an existing entity keeps its own. */
  description?: string | null | undefined;
  /**
   * True when this is not the existing entity of the same kind with the same
   * name or alias. Without it, a new entity whose name or an alias (ignoring
   * case and accents) is already an entity's of the same kind is refused.
   */
  distinct?: boolean | null | undefined;
  /** Where the source names the entity; optional. */
  evidence?: Array<EvidenceInput> | null | undefined;
  /**
   * The entity's id: `person:<slug>`, `nation:<slug>` or
   * `organisation:<slug>` matching `kind` (lower-case letters, digits and single
   * hyphens), e.g. `person:emmanuel-macron`.
   */
  id: string | number;
  /** Whether the entity is a person, a nation or an organisation. */
  kind: EntityKind;
  /**
   * The name the entity is best known by, e.g. Emmanuel Macron; must not be
   * blank. Declaring an entity already in the graph sets its name to this one.
   */
  name: string;
};

/** The kinds of actor the graph knows: people, nations and organisations. */
export type EntityKind =
  /** A country, or its government acting as a whole; the id starts with `nation:`. */
  | 'NATION'
  /** An organisation, alliance, coalition or institution; the id starts with `organisation:`. */
  | 'ORGANISATION'
  /** A named person; the id starts with `person:`. */
  | 'PERSON';

/** An event the source reports, with who took part. */
export type EventInput = {
  /**
   * When the event took place, or began: an ISO 8601 date, partial (2025-09,
   * 2022) where the source is only that precise.
   */
  date?: string | null | undefined;
  /** A short description of the event. */
  description?: string | null | undefined;
  /** When an event of several days ended, in the same format; needs `date`, and must not be before it. */
  endDate?: string | null | undefined;
  /** Where the source reports the event: at least one piece of evidence. */
  evidence: Array<EvidenceInput>;
  /**
   * The event's id, of the form `event:<slug>`, e.g.
   * `event:2025-09-04-coalition-of-the-willing-summit`.
   */
  id: string | number;
  /**
   * The kind of event, one of: summit, meeting, call, press conference,
   * conference, invasion, commemoration, talks, visit, speech, interview,
   * election, attack, agreement, ceasefire, war, other.
   */
  kind: string;
  /** Where the event took place, as the source names it, e.g. Paris. */
  location?: string | null | undefined;
  /** The event's name, e.g. Coalition of the Willing summit; must not be blank. */
  name: string;
  /** Who took part, each entity at most once. */
  participants?: Array<ParticipantInput> | null | undefined;
};

/**
 * A verbatim `quote` from the source text (with `occurrence`, from 1, when it
 * occurs more than once), or explicit `start` and `end` code-point offsets.
 */
export type EvidenceInput = {
  /**
   * Where the span ends: the offset just after its last character, in Unicode
   * code points, so the span is text[start:end]. Must be greater than `start`
   * and at most the length of the text.
   */
  end?: number | null | undefined;
  /**
   * Which occurrence of `quote` is meant, counting from 1 in text order;
   * required when the quote occurs more than once. Only with `quote`.
   */
  occurrence?: number | null | undefined;
  /**
   * Words copied exactly from the source text, case and punctuation included.
   * It must occur exactly once in the text, unless `occurrence` picks one. Not
   * allowed together with `start` and `end`.
   */
  quote?: string | null | undefined;
  /**
   * Where the span starts: the offset of its first character in the source's
   * `text`, in Unicode code points, counting from 0. Give it with `end`.
   */
  start?: number | null | undefined;
};

/** What a span of a source's text supports. */
export type EvidenceKind =
  /** A passage that reports an event; the fact is the Event. */
  | 'EVENT'
  /** A passage that places a member in an organisation; the fact is the Membership. */
  | 'MEMBERSHIP'
  /** A place where the source names an entity; the fact is the entity. */
  | 'MENTION'
  /** A passage that puts an entity at an event; the fact is the Participation. */
  | 'PARTICIPATION'
  /** A passage that gives a person's title; the fact is the Role. */
  | 'ROLE'
  /** A statement's passage; the fact is the Statement. */
  | 'STATEMENT';

/** A nation's or organisation's membership of an organisation. */
export type MembershipInput = {
  /** Where the source places the member in the organisation: at least one piece of evidence. */
  evidence: Array<EvidenceInput>;
  /**
   * The member: a `nation:` or `organisation:` id declared in the document or
   * already in the graph.
   */
  member: string | number;
  /**
   * The organisation it belongs to: an `organisation:` id declared in the
   * document or already in the graph, other than the member's own.
   */
  organisation: string | number;
  /** The member's role in the organisation as the source gives it, e.g. co-chair. */
  role?: string | null | undefined;
};

/** An entity's part in the event that lists it. */
export type ParticipantInput = {
  /**
   * The person, nation or organisation that took part: an id declared in the
   * document or already in the graph.
   */
  entity: string | number;
  /** Where the source puts the entity at the event: at least one piece of evidence. */
  evidence: Array<EvidenceInput>;
  /** How it took part, in the source's words, e.g. host or by video link. */
  role?: string | null | undefined;
};

/** A title that a person holds in a nation or organisation, e.g. President of France. */
export type RoleInput = {
  /** Where the source gives the title: at least one piece of evidence. */
  evidence: Array<EvidenceInput>;
  /**
   * The nation or organisation the title belongs to: a `nation:` or
   * `organisation:` id declared in the document or already in the graph.
   */
  of: string | number;
  /** The person who holds the title: a `person:` id declared in the document or already in the graph. */
  person: string | number;
  /** The title as the source gives it, e.g. President or Secretary General; must not be blank. */
  title: string;
};

/** What happened to a source. */
export type SourceChangeKind =
  /** A source was deleted, with every fact only it supported. */
  | 'DELETED'
  /** A source the graph did not hold was added. */
  | 'INGESTED'
  /** A source the graph held was loaded again, replacing what it contributed before. */
  | 'REPLACED';

/**
 * One source and every fact it supports: the same format as the JSON ingestion
 * documents (see the README). References are ids, declared in the document or
 * already in the graph. Evidence quotes the source text verbatim, or gives
 * start and end offsets in code points. A document may hold at most 20,000
 * facts (entities, topics, events, participants, roles, memberships and
 * statements together).
 */
export type SourceDocumentInput = {
  /**
   * The people, nations and organisations the document declares. An entity
   * already in the graph can be referred to by its id without being declared.
   */
  entities?: Array<EntityInput> | null | undefined;
  /** The events the source reports, with who took part; existing events can be referred to by id. */
  events?: Array<EventInput> | null | undefined;
  /** Nations' and organisations' memberships of organisations. */
  memberships?: Array<MembershipInput> | null | undefined;
  /** Titles that people hold in nations or organisations, e.g. President of France. */
  roles?: Array<RoleInput> | null | undefined;
  /** The source itself, with its full text. */
  source: SourceInput;
  /** What the source reports people, nations and organisations said. */
  statements?: Array<StatementInput> | null | undefined;
  /** The topics the document's statements are on; existing topics can be referred to by id. */
  topics?: Array<TopicInput> | null | undefined;
};

/** A news report's raw text and what is known of it, for draftSource. */
export type SourceDraftInput = {
  /**
   * The source's id, of the form source:<slug>; derived from the publisher,
   * the date and the title when absent (e.g.
   * source:reuters-2025-09-05-twenty-six-nations-pledge-postwar-security-guarantees).
   */
  id?: string | number | null | undefined;
  /**
   * When the report was published, an ISO 8601 date that may be partial
   * ("2025", "2025-09"). Weekdays in the text ("on Thursday"), "yesterday"
   * and "today" are resolved against this date when it is a full day, and
   * speech reported as recent is dated to its month.
   */
  publishedAt?: string | null | undefined;
  /** Who published the report, e.g. "Reuters"; it goes into a derived id. */
  publisher?: string | null | undefined;
  /** The report's full text: valid UTF-8, not blank, up to 1,000,000 characters (Unicode code points). */
  text: string;
  /** The report's headline; required, and its first six words go into a derived id. */
  title: string;
  /** Where the report can be read, kept as given. */
  url?: string | null | undefined;
};

/** The source to add or replace: a news report and its full text. */
export type SourceInput = {
  /**
   * The source's id, of the form `source:<slug>` (lower-case letters, digits
   * and single hyphens, at most 200 characters in all), e.g.
   * `source:reuters-2025-09-05-coalition-of-the-willing`. Loading a document
   * with the id of a source already in the graph replaces that source.
   */
  id: string | number;
  /** When the report was published: an ISO 8601 date, partial (2025-09, 2025) if need be. */
  publishedAt?: string | null | undefined;
  /** Who published the report, e.g. Reuters. */
  publisher?: string | null | undefined;
  /**
   * The full text; every piece of evidence points into it. Must not be blank,
   * and may hold at most 1,000,000 Unicode code points: split a longer report
   * into several sources.
   */
  text: string;
  /** The headline or title of the report; must not be blank. */
  title: string;
  /** Where the report can be read: an http or https URL. */
  url?: string | null | undefined;
};

/**
 * Every field narrows the list; fields combine with AND. Ids must be of the
 * form `<kind>:<slug>` and of a kind the field takes, or the query is refused;
 * an id that names nothing matches no statement.
 */
export type StatementFilter = {
  /** About this entity or event: a person, nation, organisation or event id. */
  about?: string | number | null | undefined;
  /**
   * About any of these entities or events (1 to 100 ids). `about` keeps its
   * single id, so that queries and variables written for it stay valid.
   */
  aboutAny?: Array<string | number> | null | undefined;
  /** Said during this event: an event id. */
  event?: string | number | null | undefined;
  /**
   * Dated on or after this date; a partial date overlaps it (2025-09 is on or
   * after 2025-09-30). ISO 8601, possibly partial. Undated statements are left out.
   */
  from?: string | null | undefined;
  /** Only quotes (QUOTE) or only paraphrases (PARAPHRASE). */
  kind?: StatementKind | null | undefined;
  /** Said by this entity: a person, nation or organisation id, e.g. person:mark-rutte. */
  speaker?: string | number | null | undefined;
  /** Said by entities of these kinds, e.g. [NATION] for positions of nations. */
  speakerKinds?: Array<EntityKind> | null | undefined;
  /**
   * Said by any of these entities (1 to 100 ids). Like every field, it is
   * combined with the others by AND: with `speaker` as well, a statement must
   * satisfy both.
   */
  speakers?: Array<string | number> | null | undefined;
  /**
   * Words that the statement's text must contain (full-text), ignoring case
   * and accents. Each word also matches as the start of a word, so "troop"
   * finds "troops" and "Putin" finds "Putin's". At most 500 bytes; only
   * letters and digits count, so search syntax is read as plain words.
   */
  text?: string | null | undefined;
  /**
   * Dated on or before this date; a partial date overlaps it. ISO 8601, possibly
   * partial; must not be before `from`. Undated statements are left out.
   */
  to?: string | null | undefined;
  /** On this topic: a topic id, e.g. topic:sanctions. */
  topic?: string | number | null | undefined;
};

/** Something the source reports a person, nation or organisation said. */
export type StatementInput = {
  /** The entities and events the statement is about, by id, each at most once. */
  about?: Array<string | number> | null | undefined;
  /** How the source names an unnamed speaker, e.g. 'a White House official'. */
  attribution?: string | null | undefined;
  /** When it was said: an ISO 8601 date, partial (2025-09, 2022) where the source is only that precise. */
  date?: string | null | undefined;
  /** The event during which it was said: an `event:` id. */
  event?: string | number | null | undefined;
  /** The passage of the source that supports the statement: exactly one span. */
  evidence: EvidenceInput;
  /**
   * Optional; derived from the source and the evidence's position when omitted,
   * so that loading the document again gives the same id. When given, a
   * `statement:<slug>` id used once in the document.
   */
  id?: string | number | null | undefined;
  /** QUOTE for the speaker's exact words, PARAPHRASE for reported content. */
  kind: StatementKind;
  /**
   * Who said it: a `person:`, `nation:` or `organisation:` id declared in the
   * document or already in the graph. For an unnamed speaker, the body the
   * source attributes the words to, with `attribution` saying how.
   */
  speaker: string | number;
  /**
   * For a QUOTE, the exact words, which must stand verbatim inside the
   * evidence; for a PARAPHRASE, the reported content. Must not be blank.
   */
  text: string;
  /** The topics the statement is on: `topic:` ids, each at most once. */
  topics?: Array<string | number> | null | undefined;
};

/** Whether a statement gives the speaker's own words or reports what was said. */
export type StatementKind =
  /** Reported content, in the reporter's words. */
  | 'PARAPHRASE'
  /** The speaker's exact words; `text` stands verbatim in the evidence. */
  | 'QUOTE';

/** A topic the document's statements can be on, such as sanctions. */
export type TopicInput = {
  /** The topic's id, of the form `topic:<slug>`, e.g. `topic:security-guarantees`. */
  id: string | number;
  /** The topic's name, e.g. Security guarantees; must not be blank. */
  name: string;
};

export type StatementFieldsFragment = { id: string, kind: StatementKind, text: string, date: string | null, attribution: string | null, speaker:
    | { __typename: 'Nation', id: string, name: string }
    | { __typename: 'Organisation', id: string, name: string }
    | { __typename: 'Person', id: string, name: string }
  , about: Array<
    | { __typename: 'Event', name: string, id: string }
    | { __typename: 'Nation', name: string, id: string }
    | { __typename: 'Organisation', name: string, id: string }
    | { __typename: 'Person', name: string, id: string }
    | { __typename: 'Source', id: string }
    | { __typename: 'Statement', id: string }
    | { __typename: 'Topic', id: string }
  >, event: { id: string, name: string } | null, topics: Array<{ id: string, name: string }>, evidence: { start: number, end: number, excerpt: string, source: { id: string, title: string, publisher: string | null, publishedAt: string | null } } };

export type SearchQueryVariables = Exact<{
  q: string;
}>;


export type SearchQuery = { search: Array<{ score: number, snippet: string | null, node:
      | { __typename: 'Event', name: string, id: string }
      | { __typename: 'Nation', name: string, id: string }
      | { __typename: 'Organisation', name: string, id: string }
      | { __typename: 'Person', name: string, id: string }
      | { __typename: 'Source', id: string }
      | { __typename: 'Statement', text: string, id: string, speaker:
          | { name: string }
          | { name: string }
          | { name: string }
         }
      | { __typename: 'Topic', id: string }
     }> };

export type SourceTextQueryVariables = Exact<{
  id: string | number;
}>;


export type SourceTextQuery = { node:
    | { __typename: 'Event' }
    | { __typename: 'Nation' }
    | { __typename: 'Organisation' }
    | { __typename: 'Person' }
    | { __typename: 'Source', text: string }
    | { __typename: 'Statement' }
    | { __typename: 'Topic' }
   | null };

export type DocumentFieldsFragment = { source: { id: string, title: string, publisher: string | null, url: string | null, publishedAt: string | null, text: string }, entities: Array<{ id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, existing: boolean, evidence: Array<{ start: number, end: number }> }>, roles: Array<{ person: string, title: string, of: string, evidence: Array<{ start: number, end: number }> }>, memberships: Array<{ member: string, organisation: string, role: string | null, evidence: Array<{ start: number, end: number }> }>, topics: Array<{ id: string, name: string }>, events: Array<{ id: string, name: string, kind: string, description: string | null, date: string | null, endDate: string | null, location: string | null, participants: Array<{ entity: string, role: string | null, evidence: Array<{ start: number, end: number }> }>, evidence: Array<{ start: number, end: number }> }>, statements: Array<{ kind: StatementKind, text: string, speaker: string | null, attribution: string | null, about: Array<string>, event: string | null, date: string | null, topics: Array<string>, evidence: { start: number, end: number } }> };

export type DraftStatementFieldsFragment = { kind: StatementKind, text: string, speaker: string | null, attribution: string | null, about: Array<string>, event: string | null, date: string | null, topics: Array<string>, evidence: { start: number, end: number } };

export type DraftMutationVariables = Exact<{
  input: SourceDraftInput;
}>;


export type DraftMutation = { draftSource: { document: { source: { id: string, title: string, publisher: string | null, url: string | null, publishedAt: string | null, text: string }, entities: Array<{ id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, existing: boolean, evidence: Array<{ start: number, end: number }> }>, roles: Array<{ person: string, title: string, of: string, evidence: Array<{ start: number, end: number }> }>, memberships: Array<{ member: string, organisation: string, role: string | null, evidence: Array<{ start: number, end: number }> }>, topics: Array<{ id: string, name: string }>, events: Array<{ id: string, name: string, kind: string, description: string | null, date: string | null, endDate: string | null, location: string | null, participants: Array<{ entity: string, role: string | null, evidence: Array<{ start: number, end: number }> }>, evidence: Array<{ start: number, end: number }> }>, statements: Array<{ kind: StatementKind, text: string, speaker: string | null, attribution: string | null, about: Array<string>, event: string | null, date: string | null, topics: Array<string>, evidence: { start: number, end: number } }> }, report: Array<{ path: string, rule: string, confidence: number, matched: Array<string> }>, unresolved: Array<{ kind: StatementKind, text: string, speaker: string | null, attribution: string | null, about: Array<string>, event: string | null, date: string | null, topics: Array<string>, evidence: { start: number, end: number } }> } };

export type SourceDocumentQueryVariables = Exact<{
  id: string | number;
}>;


export type SourceDocumentQuery = { node:
    | { __typename: 'Event' }
    | { __typename: 'Nation' }
    | { __typename: 'Organisation' }
    | { __typename: 'Person' }
    | { __typename: 'Source', document: { source: { id: string, title: string, publisher: string | null, url: string | null, publishedAt: string | null, text: string }, entities: Array<{ id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, existing: boolean, evidence: Array<{ start: number, end: number }> }>, roles: Array<{ person: string, title: string, of: string, evidence: Array<{ start: number, end: number }> }>, memberships: Array<{ member: string, organisation: string, role: string | null, evidence: Array<{ start: number, end: number }> }>, topics: Array<{ id: string, name: string }>, events: Array<{ id: string, name: string, kind: string, description: string | null, date: string | null, endDate: string | null, location: string | null, participants: Array<{ entity: string, role: string | null, evidence: Array<{ start: number, end: number }> }>, evidence: Array<{ start: number, end: number }> }>, statements: Array<{ kind: StatementKind, text: string, speaker: string | null, attribution: string | null, about: Array<string>, event: string | null, date: string | null, topics: Array<string>, evidence: { start: number, end: number } }> } }
    | { __typename: 'Statement' }
    | { __typename: 'Topic' }
   | null };

export type ValidateMutationVariables = Exact<{
  doc: SourceDocumentInput;
}>;


export type ValidateMutation = { validateSource: { valid: boolean, problems: Array<{ path: string, message: string }> } };

export type IngestMutationVariables = Exact<{
  doc: SourceDocumentInput;
}>;


export type IngestMutation = { ingestSource: { source: { id: string, title: string }, counts: Array<{ kind: string, created: number, updated: number, unchanged: number, deleted: number }> } };

export type DeleteMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteMutation = { deleteSource: { counts: Array<{ kind: string, created: number, updated: number, unchanged: number, deleted: number }> } };

export type SourcesQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type SourcesQuery = { sources: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, title: string, publisher: string | null, publishedAt: string | null, statements: { totalCount: number }, entities: Array<
        | { id: string }
        | { id: string }
        | { id: string }
      > }> } };

export type EntityQueryVariables = Exact<{
  id: string | number;
  said?: StatementFilter | null | undefined;
  about?: StatementFilter | null | undefined;
}>;


export type EntityQuery = { entity:
    | { __typename: 'Nation', id: string, name: string, aliases: Array<string>, description: string | null, leaders: Array<{ title: string, person: { id: string, name: string } }>, memberships: Array<{ role: string | null, organisation: { id: string, name: string } }>, statements: { totalCount: number, nodes: Array<{ id: string, kind: StatementKind, text: string, date: string | null, attribution: string | null, speaker:
            | { __typename: 'Nation', id: string, name: string }
            | { __typename: 'Organisation', id: string, name: string }
            | { __typename: 'Person', id: string, name: string }
          , about: Array<
            | { __typename: 'Event', name: string, id: string }
            | { __typename: 'Nation', name: string, id: string }
            | { __typename: 'Organisation', name: string, id: string }
            | { __typename: 'Person', name: string, id: string }
            | { __typename: 'Source', id: string }
            | { __typename: 'Statement', id: string }
            | { __typename: 'Topic', id: string }
          >, event: { id: string, name: string } | null, topics: Array<{ id: string, name: string }>, evidence: { start: number, end: number, excerpt: string, source: { id: string, title: string, publisher: string | null, publishedAt: string | null } } }> }, mentions: { totalCount: number, nodes: Array<{ id: string, kind: StatementKind, text: string, date: string | null, attribution: string | null, speaker:
            | { __typename: 'Nation', id: string, name: string }
            | { __typename: 'Organisation', id: string, name: string }
            | { __typename: 'Person', id: string, name: string }
          , about: Array<
            | { __typename: 'Event', name: string, id: string }
            | { __typename: 'Nation', name: string, id: string }
            | { __typename: 'Organisation', name: string, id: string }
            | { __typename: 'Person', name: string, id: string }
            | { __typename: 'Source', id: string }
            | { __typename: 'Statement', id: string }
            | { __typename: 'Topic', id: string }
          >, event: { id: string, name: string } | null, topics: Array<{ id: string, name: string }>, evidence: { start: number, end: number, excerpt: string, source: { id: string, title: string, publisher: string | null, publishedAt: string | null } } }> }, speakers: { nodes: Array<{ speaker:
            | { id: string, name: string }
            | { id: string, name: string }
            | { id: string, name: string }
           }> } }
    | { __typename: 'Organisation', id: string, name: string, aliases: Array<string>, description: string | null, leaders: Array<{ title: string, person: { id: string, name: string } }>, members: Array<{ role: string | null, member:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         }>, statements: { totalCount: number, nodes: Array<{ id: string, kind: StatementKind, text: string, date: string | null, attribution: string | null, speaker:
            | { __typename: 'Nation', id: string, name: string }
            | { __typename: 'Organisation', id: string, name: string }
            | { __typename: 'Person', id: string, name: string }
          , about: Array<
            | { __typename: 'Event', name: string, id: string }
            | { __typename: 'Nation', name: string, id: string }
            | { __typename: 'Organisation', name: string, id: string }
            | { __typename: 'Person', name: string, id: string }
            | { __typename: 'Source', id: string }
            | { __typename: 'Statement', id: string }
            | { __typename: 'Topic', id: string }
          >, event: { id: string, name: string } | null, topics: Array<{ id: string, name: string }>, evidence: { start: number, end: number, excerpt: string, source: { id: string, title: string, publisher: string | null, publishedAt: string | null } } }> }, mentions: { totalCount: number, nodes: Array<{ id: string, kind: StatementKind, text: string, date: string | null, attribution: string | null, speaker:
            | { __typename: 'Nation', id: string, name: string }
            | { __typename: 'Organisation', id: string, name: string }
            | { __typename: 'Person', id: string, name: string }
          , about: Array<
            | { __typename: 'Event', name: string, id: string }
            | { __typename: 'Nation', name: string, id: string }
            | { __typename: 'Organisation', name: string, id: string }
            | { __typename: 'Person', name: string, id: string }
            | { __typename: 'Source', id: string }
            | { __typename: 'Statement', id: string }
            | { __typename: 'Topic', id: string }
          >, event: { id: string, name: string } | null, topics: Array<{ id: string, name: string }>, evidence: { start: number, end: number, excerpt: string, source: { id: string, title: string, publisher: string | null, publishedAt: string | null } } }> }, speakers: { nodes: Array<{ speaker:
            | { id: string, name: string }
            | { id: string, name: string }
            | { id: string, name: string }
           }> } }
    | { __typename: 'Person', id: string, name: string, aliases: Array<string>, description: string | null, roles: Array<{ title: string, of:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         }>, statements: { totalCount: number, nodes: Array<{ id: string, kind: StatementKind, text: string, date: string | null, attribution: string | null, speaker:
            | { __typename: 'Nation', id: string, name: string }
            | { __typename: 'Organisation', id: string, name: string }
            | { __typename: 'Person', id: string, name: string }
          , about: Array<
            | { __typename: 'Event', name: string, id: string }
            | { __typename: 'Nation', name: string, id: string }
            | { __typename: 'Organisation', name: string, id: string }
            | { __typename: 'Person', name: string, id: string }
            | { __typename: 'Source', id: string }
            | { __typename: 'Statement', id: string }
            | { __typename: 'Topic', id: string }
          >, event: { id: string, name: string } | null, topics: Array<{ id: string, name: string }>, evidence: { start: number, end: number, excerpt: string, source: { id: string, title: string, publisher: string | null, publishedAt: string | null } } }> }, mentions: { totalCount: number, nodes: Array<{ id: string, kind: StatementKind, text: string, date: string | null, attribution: string | null, speaker:
            | { __typename: 'Nation', id: string, name: string }
            | { __typename: 'Organisation', id: string, name: string }
            | { __typename: 'Person', id: string, name: string }
          , about: Array<
            | { __typename: 'Event', name: string, id: string }
            | { __typename: 'Nation', name: string, id: string }
            | { __typename: 'Organisation', name: string, id: string }
            | { __typename: 'Person', name: string, id: string }
            | { __typename: 'Source', id: string }
            | { __typename: 'Statement', id: string }
            | { __typename: 'Topic', id: string }
          >, event: { id: string, name: string } | null, topics: Array<{ id: string, name: string }>, evidence: { start: number, end: number, excerpt: string, source: { id: string, title: string, publisher: string | null, publishedAt: string | null } } }> }, speakers: { nodes: Array<{ speaker:
            | { id: string, name: string }
            | { id: string, name: string }
            | { id: string, name: string }
           }> } }
   | null, topics: Array<{ id: string, name: string }> };

export type EntityChartsQueryVariables = Exact<{
  talkers?: StatementFilter | null | undefined;
  months?: StatementFilter | null | undefined;
}>;


export type EntityChartsQuery = { talkers: Array<{ key: string, count: number, node:
      | { __typename: 'Event', id: string }
      | { __typename: 'Nation', name: string, id: string }
      | { __typename: 'Organisation', name: string, id: string }
      | { __typename: 'Person', name: string, id: string }
      | { __typename: 'Source', id: string }
      | { __typename: 'Statement', id: string }
      | { __typename: 'Topic', id: string }
     | null }>, months: Array<{ key: string, count: number }> };

export type EntityLiveSubscriptionVariables = Exact<{
  filter?: StatementFilter | null | undefined;
}>;


export type EntityLiveSubscription = { statementAdded: { id: string, kind: StatementKind, text: string, date: string | null, attribution: string | null, speaker:
      | { __typename: 'Nation', id: string, name: string }
      | { __typename: 'Organisation', id: string, name: string }
      | { __typename: 'Person', id: string, name: string }
    , about: Array<
      | { __typename: 'Event', name: string, id: string }
      | { __typename: 'Nation', name: string, id: string }
      | { __typename: 'Organisation', name: string, id: string }
      | { __typename: 'Person', name: string, id: string }
      | { __typename: 'Source', id: string }
      | { __typename: 'Statement', id: string }
      | { __typename: 'Topic', id: string }
    >, event: { id: string, name: string } | null, topics: Array<{ id: string, name: string }>, evidence: { start: number, end: number, excerpt: string, source: { id: string, title: string, publisher: string | null, publishedAt: string | null } } } };

export type NetworkEdgesFragment = { edges: Array<{ count: number, kinds: Array<{ kind: StatementKind, count: number }>, from:
      | { __typename: 'Nation', id: string, name: string }
      | { __typename: 'Organisation', id: string, name: string }
      | { __typename: 'Person', id: string, name: string }
    , to:
      | { __typename: 'Event', name: string, id: string }
      | { __typename: 'Nation', name: string, id: string }
      | { __typename: 'Organisation', name: string, id: string }
      | { __typename: 'Person', name: string, id: string }
      | { __typename: 'Source', id: string }
      | { __typename: 'Statement', id: string }
      | { __typename: 'Topic', id: string }
     }> };

type EntityRoles_Nation_Fragment = { leaders: Array<{ title: string, person: { __typename: 'Person', id: string, name: string } }>, memberships: Array<{ role: string | null, organisation: { __typename: 'Organisation', id: string, name: string } }> };

type EntityRoles_Organisation_Fragment = { leaders: Array<{ title: string, person: { __typename: 'Person', id: string, name: string } }>, members: Array<{ role: string | null, member:
      | { __typename: 'Nation', id: string, name: string }
      | { __typename: 'Organisation', id: string, name: string }
      | { __typename: 'Person', id: string, name: string }
     }> };

type EntityRoles_Person_Fragment = { roles: Array<{ title: string, of:
      | { __typename: 'Nation', id: string, name: string }
      | { __typename: 'Organisation', id: string, name: string }
      | { __typename: 'Person', id: string, name: string }
     }> };

export type EntityRolesFragment =
  | EntityRoles_Nation_Fragment
  | EntityRoles_Organisation_Fragment
  | EntityRoles_Person_Fragment
;

export type GraphQueryVariables = Exact<{
  id: string | number;
  said?: StatementFilter | null | undefined;
  about?: StatementFilter | null | undefined;
  first: number;
}>;


export type GraphQuery = { entity:
    | { __typename: 'Nation', id: string, name: string, leaders: Array<{ title: string, person: { __typename: 'Person', id: string, name: string } }>, memberships: Array<{ role: string | null, organisation: { __typename: 'Organisation', id: string, name: string } }> }
    | { __typename: 'Organisation', id: string, name: string, leaders: Array<{ title: string, person: { __typename: 'Person', id: string, name: string } }>, members: Array<{ role: string | null, member:
          | { __typename: 'Nation', id: string, name: string }
          | { __typename: 'Organisation', id: string, name: string }
          | { __typename: 'Person', id: string, name: string }
         }> }
    | { __typename: 'Person', id: string, name: string, roles: Array<{ title: string, of:
          | { __typename: 'Nation', id: string, name: string }
          | { __typename: 'Organisation', id: string, name: string }
          | { __typename: 'Person', id: string, name: string }
         }> }
   | null, said: { edges: Array<{ count: number, kinds: Array<{ kind: StatementKind, count: number }>, from:
        | { __typename: 'Nation', id: string, name: string }
        | { __typename: 'Organisation', id: string, name: string }
        | { __typename: 'Person', id: string, name: string }
      , to:
        | { __typename: 'Event', name: string, id: string }
        | { __typename: 'Nation', name: string, id: string }
        | { __typename: 'Organisation', name: string, id: string }
        | { __typename: 'Person', name: string, id: string }
        | { __typename: 'Source', id: string }
        | { __typename: 'Statement', id: string }
        | { __typename: 'Topic', id: string }
       }> }, about: { edges: Array<{ count: number, kinds: Array<{ kind: StatementKind, count: number }>, from:
        | { __typename: 'Nation', id: string, name: string }
        | { __typename: 'Organisation', id: string, name: string }
        | { __typename: 'Person', id: string, name: string }
      , to:
        | { __typename: 'Event', name: string, id: string }
        | { __typename: 'Nation', name: string, id: string }
        | { __typename: 'Organisation', name: string, id: string }
        | { __typename: 'Person', name: string, id: string }
        | { __typename: 'Source', id: string }
        | { __typename: 'Statement', id: string }
        | { __typename: 'Topic', id: string }
       }> }, topics: Array<{ id: string, name: string }> };

export type NetworkQueryVariables = Exact<{
  filter?: StatementFilter | null | undefined;
  first: number;
}>;


export type NetworkQuery = { network: { edges: Array<{ count: number, kinds: Array<{ kind: StatementKind, count: number }>, from:
        | { __typename: 'Nation', id: string, name: string }
        | { __typename: 'Organisation', id: string, name: string }
        | { __typename: 'Person', id: string, name: string }
      , to:
        | { __typename: 'Event', name: string, id: string }
        | { __typename: 'Nation', name: string, id: string }
        | { __typename: 'Organisation', name: string, id: string }
        | { __typename: 'Person', name: string, id: string }
        | { __typename: 'Source', id: string }
        | { __typename: 'Statement', id: string }
        | { __typename: 'Topic', id: string }
       }> }, topics: Array<{ id: string, name: string }> };

export type EdgeStatementsQueryVariables = Exact<{
  filter?: StatementFilter | null | undefined;
  first: number;
}>;


export type EdgeStatementsQuery = { statements: { totalCount: number, nodes: Array<{ id: string, kind: StatementKind, text: string, date: string | null, attribution: string | null, speaker:
        | { __typename: 'Nation', id: string, name: string }
        | { __typename: 'Organisation', id: string, name: string }
        | { __typename: 'Person', id: string, name: string }
      , about: Array<
        | { __typename: 'Event', name: string, id: string }
        | { __typename: 'Nation', name: string, id: string }
        | { __typename: 'Organisation', name: string, id: string }
        | { __typename: 'Person', name: string, id: string }
        | { __typename: 'Source', id: string }
        | { __typename: 'Statement', id: string }
        | { __typename: 'Topic', id: string }
      >, event: { id: string, name: string } | null, topics: Array<{ id: string, name: string }>, evidence: { start: number, end: number, excerpt: string, source: { id: string, title: string, publisher: string | null, publishedAt: string | null } } }> } };

export type HomeQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeQuery = { sources: { totalCount: number, nodes: Array<{ id: string, title: string, publisher: string | null, publishedAt: string | null }> }, statements: { totalCount: number }, entities: { totalCount: number }, people: Array<{ key: string, count: number, node:
      | { __typename: 'Event', id: string }
      | { __typename: 'Nation', name: string, id: string }
      | { __typename: 'Organisation', name: string, id: string }
      | { __typename: 'Person', name: string, id: string }
      | { __typename: 'Source', id: string }
      | { __typename: 'Statement', id: string }
      | { __typename: 'Topic', id: string }
     | null }>, mentioned: Array<{ key: string, count: number, node:
      | { __typename: 'Event', name: string, id: string }
      | { __typename: 'Nation', name: string, id: string }
      | { __typename: 'Organisation', name: string, id: string }
      | { __typename: 'Person', name: string, id: string }
      | { __typename: 'Source', id: string }
      | { __typename: 'Statement', id: string }
      | { __typename: 'Topic', id: string }
     | null }>, months: Array<{ key: string, count: number }> };

export type HomeStatementsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type HomeStatementsSubscription = { statementAdded: { id: string, kind: StatementKind, text: string, date: string | null, attribution: string | null, speaker:
      | { __typename: 'Nation', id: string, name: string }
      | { __typename: 'Organisation', id: string, name: string }
      | { __typename: 'Person', id: string, name: string }
    , about: Array<
      | { __typename: 'Event', name: string, id: string }
      | { __typename: 'Nation', name: string, id: string }
      | { __typename: 'Organisation', name: string, id: string }
      | { __typename: 'Person', name: string, id: string }
      | { __typename: 'Source', id: string }
      | { __typename: 'Statement', id: string }
      | { __typename: 'Topic', id: string }
    >, event: { id: string, name: string } | null, topics: Array<{ id: string, name: string }>, evidence: { start: number, end: number, excerpt: string, source: { id: string, title: string, publisher: string | null, publishedAt: string | null } } } };

export type HomeSourcesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type HomeSourcesSubscription = { sourceChanged: { kind: SourceChangeKind, sourceId: string, source: { id: string, title: string, publisher: string | null, publishedAt: string | null } | null } };

export type PathsQueryVariables = Exact<{
  from: string | number;
  to: string | number;
}>;


export type PathsQuery = { paths: Array<{ length: number, nodes: Array<
      | { __typename: 'Event', name: string, id: string }
      | { __typename: 'Nation', name: string, id: string }
      | { __typename: 'Organisation', name: string, id: string }
      | { __typename: 'Person', name: string, id: string }
      | { __typename: 'Source', id: string }
      | { __typename: 'Statement', text: string, id: string }
      | { __typename: 'Topic', id: string }
    >, links: Array<{ type: string, from:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      , to:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      , evidence: Array<{ start: number, end: number, excerpt: string, source: { id: string, title: string } }> }> }> };

export type SourceQueryVariables = Exact<{
  id: string | number;
}>;


export type SourceQuery = { node:
    | { __typename: 'Event' }
    | { __typename: 'Nation' }
    | { __typename: 'Organisation' }
    | { __typename: 'Person' }
    | { __typename: 'Source', id: string, title: string, publisher: string | null, publishedAt: string | null, url: string | null, text: string, evidence: Array<{ kind: EvidenceKind, start: number, end: number, excerpt: string, fact:
          | { __typename: 'Event', id: string, name: string, date: string | null, location: string | null }
          | { __typename: 'Membership', role: string | null, member:
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
            , organisation: { id: string, name: string } }
          | { __typename: 'Nation', id: string, name: string }
          | { __typename: 'Organisation', id: string, name: string }
          | { __typename: 'Participation', role: string | null, entity:
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
            , event: { id: string, name: string } }
          | { __typename: 'Person', id: string, name: string }
          | { __typename: 'Role', title: string, person: { id: string, name: string }, of:
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
             }
          | { __typename: 'Statement', id: string, kind: StatementKind, text: string, speaker:
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
             }
         }> }
    | { __typename: 'Statement' }
    | { __typename: 'Topic' }
   | null };

export type StatementPageFragment = { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, kind: StatementKind, text: string, date: string | null, attribution: string | null, speaker:
      | { __typename: 'Nation', id: string, name: string }
      | { __typename: 'Organisation', id: string, name: string }
      | { __typename: 'Person', id: string, name: string }
    , about: Array<
      | { __typename: 'Event', name: string, id: string }
      | { __typename: 'Nation', name: string, id: string }
      | { __typename: 'Organisation', name: string, id: string }
      | { __typename: 'Person', name: string, id: string }
      | { __typename: 'Source', id: string }
      | { __typename: 'Statement', id: string }
      | { __typename: 'Topic', id: string }
    >, event: { id: string, name: string } | null, topics: Array<{ id: string, name: string }>, evidence: { start: number, end: number, excerpt: string, source: { id: string, title: string, publisher: string | null, publishedAt: string | null } } }> };

type NamedNode_Event_Fragment = { __typename: 'Event', name: string, id: string };

type NamedNode_Nation_Fragment = { __typename: 'Nation', name: string, id: string };

type NamedNode_Organisation_Fragment = { __typename: 'Organisation', name: string, id: string };

type NamedNode_Person_Fragment = { __typename: 'Person', name: string, id: string };

type NamedNode_Source_Fragment = { __typename: 'Source', id: string };

type NamedNode_Statement_Fragment = { __typename: 'Statement', id: string };

type NamedNode_Topic_Fragment = { __typename: 'Topic', name: string, id: string };

export type NamedNodeFragment =
  | NamedNode_Event_Fragment
  | NamedNode_Nation_Fragment
  | NamedNode_Organisation_Fragment
  | NamedNode_Person_Fragment
  | NamedNode_Source_Fragment
  | NamedNode_Statement_Fragment
  | NamedNode_Topic_Fragment
;

export type StatementsQueryVariables = Exact<{
  filter?: StatementFilter | null | undefined;
  first: number;
  speaker: string | number;
  withSpeaker: boolean;
  about: string | number;
  withAbout: boolean;
  topic: string | number;
  withTopic: boolean;
}>;


export type StatementsQuery = { speaker?:
    | { __typename: 'Event', name: string, id: string }
    | { __typename: 'Nation', name: string, id: string }
    | { __typename: 'Organisation', name: string, id: string }
    | { __typename: 'Person', name: string, id: string }
    | { __typename: 'Source', id: string }
    | { __typename: 'Statement', id: string }
    | { __typename: 'Topic', name: string, id: string }
   | null, about?:
    | { __typename: 'Event', name: string, id: string }
    | { __typename: 'Nation', name: string, id: string }
    | { __typename: 'Organisation', name: string, id: string }
    | { __typename: 'Person', name: string, id: string }
    | { __typename: 'Source', id: string }
    | { __typename: 'Statement', id: string }
    | { __typename: 'Topic', name: string, id: string }
   | null, topic?:
    | { __typename: 'Event', name: string, id: string }
    | { __typename: 'Nation', name: string, id: string }
    | { __typename: 'Organisation', name: string, id: string }
    | { __typename: 'Person', name: string, id: string }
    | { __typename: 'Source', id: string }
    | { __typename: 'Statement', id: string }
    | { __typename: 'Topic', name: string, id: string }
   | null, statements: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, kind: StatementKind, text: string, date: string | null, attribution: string | null, speaker:
        | { __typename: 'Nation', id: string, name: string }
        | { __typename: 'Organisation', id: string, name: string }
        | { __typename: 'Person', id: string, name: string }
      , about: Array<
        | { __typename: 'Event', name: string, id: string }
        | { __typename: 'Nation', name: string, id: string }
        | { __typename: 'Organisation', name: string, id: string }
        | { __typename: 'Person', name: string, id: string }
        | { __typename: 'Source', id: string }
        | { __typename: 'Statement', id: string }
        | { __typename: 'Topic', id: string }
      >, event: { id: string, name: string } | null, topics: Array<{ id: string, name: string }>, evidence: { start: number, end: number, excerpt: string, source: { id: string, title: string, publisher: string | null, publishedAt: string | null } } }> } };

export type StatementsPageQueryVariables = Exact<{
  filter?: StatementFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type StatementsPageQuery = { statements: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, kind: StatementKind, text: string, date: string | null, attribution: string | null, speaker:
        | { __typename: 'Nation', id: string, name: string }
        | { __typename: 'Organisation', id: string, name: string }
        | { __typename: 'Person', id: string, name: string }
      , about: Array<
        | { __typename: 'Event', name: string, id: string }
        | { __typename: 'Nation', name: string, id: string }
        | { __typename: 'Organisation', name: string, id: string }
        | { __typename: 'Person', name: string, id: string }
        | { __typename: 'Source', id: string }
        | { __typename: 'Statement', id: string }
        | { __typename: 'Topic', id: string }
      >, event: { id: string, name: string } | null, topics: Array<{ id: string, name: string }>, evidence: { start: number, end: number, excerpt: string, source: { id: string, title: string, publisher: string | null, publishedAt: string | null } } }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const DraftStatementFieldsFragmentDoc = new TypedDocumentString(`
    fragment DraftStatementFields on DraftStatement {
  kind
  text
  speaker
  attribution
  about
  event
  date
  topics
  evidence {
    start
    end
  }
}
    `, {"fragmentName":"DraftStatementFields"}) as unknown as TypedDocumentString<DraftStatementFieldsFragment, unknown>;
export const DocumentFieldsFragmentDoc = new TypedDocumentString(`
    fragment DocumentFields on DraftDocument {
  source {
    id
    title
    publisher
    url
    publishedAt
    text
  }
  entities {
    id
    kind
    name
    aliases
    description
    existing
    evidence {
      start
      end
    }
  }
  roles {
    person
    title
    of
    evidence {
      start
      end
    }
  }
  memberships {
    member
    organisation
    role
    evidence {
      start
      end
    }
  }
  topics {
    id
    name
  }
  events {
    id
    name
    kind
    description
    date
    endDate
    location
    participants {
      entity
      role
      evidence {
        start
        end
      }
    }
    evidence {
      start
      end
    }
  }
  statements {
    ...DraftStatementFields
  }
}
    fragment DraftStatementFields on DraftStatement {
  kind
  text
  speaker
  attribution
  about
  event
  date
  topics
  evidence {
    start
    end
  }
}`, {"fragmentName":"DocumentFields"}) as unknown as TypedDocumentString<DocumentFieldsFragment, unknown>;
export const NetworkEdgesFragmentDoc = new TypedDocumentString(`
    fragment NetworkEdges on Network {
  edges {
    count
    kinds {
      kind
      count
    }
    from {
      __typename
      id
      name
    }
    to {
      __typename
      id
      ... on Entity {
        name
      }
      ... on Event {
        name
      }
    }
  }
}
    `, {"fragmentName":"NetworkEdges"}) as unknown as TypedDocumentString<NetworkEdgesFragment, unknown>;
export const EntityRolesFragmentDoc = new TypedDocumentString(`
    fragment EntityRoles on Entity {
  ... on Person {
    roles {
      title
      of {
        __typename
        id
        name
      }
    }
  }
  ... on Nation {
    leaders {
      title
      person {
        __typename
        id
        name
      }
    }
    memberships {
      role
      organisation {
        __typename
        id
        name
      }
    }
  }
  ... on Organisation {
    leaders {
      title
      person {
        __typename
        id
        name
      }
    }
    members {
      role
      member {
        __typename
        id
        name
      }
    }
  }
}
    `, {"fragmentName":"EntityRoles"}) as unknown as TypedDocumentString<EntityRolesFragment, unknown>;
export const StatementFieldsFragmentDoc = new TypedDocumentString(`
    fragment StatementFields on Statement {
  id
  kind
  text
  date
  attribution
  speaker {
    __typename
    id
    name
  }
  about {
    __typename
    id
    ... on Entity {
      name
    }
    ... on Event {
      name
    }
  }
  event {
    id
    name
  }
  topics {
    id
    name
  }
  evidence {
    start
    end
    excerpt
    source {
      id
      title
      publisher
      publishedAt
    }
  }
}
    `, {"fragmentName":"StatementFields"}) as unknown as TypedDocumentString<StatementFieldsFragment, unknown>;
export const StatementPageFragmentDoc = new TypedDocumentString(`
    fragment StatementPage on StatementConnection {
  totalCount
  pageInfo {
    hasNextPage
    endCursor
  }
  nodes {
    ...StatementFields
  }
}
    fragment StatementFields on Statement {
  id
  kind
  text
  date
  attribution
  speaker {
    __typename
    id
    name
  }
  about {
    __typename
    id
    ... on Entity {
      name
    }
    ... on Event {
      name
    }
  }
  event {
    id
    name
  }
  topics {
    id
    name
  }
  evidence {
    start
    end
    excerpt
    source {
      id
      title
      publisher
      publishedAt
    }
  }
}`, {"fragmentName":"StatementPage"}) as unknown as TypedDocumentString<StatementPageFragment, unknown>;
export const NamedNodeFragmentDoc = new TypedDocumentString(`
    fragment NamedNode on Node {
  __typename
  id
  ... on Entity {
    name
  }
  ... on Event {
    name
  }
  ... on Topic {
    name
  }
}
    `, {"fragmentName":"NamedNode"}) as unknown as TypedDocumentString<NamedNodeFragment, unknown>;
export const SearchDocument = new TypedDocumentString(`
    query Search($q: String!) {
  search(query: $q, first: 10) {
    score
    snippet
    node {
      __typename
      id
      ... on Entity {
        name
      }
      ... on Event {
        name
      }
      ... on Statement {
        text
        speaker {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const SourceTextDocument = new TypedDocumentString(`
    query SourceText($id: ID!) {
  node(id: $id) {
    __typename
    ... on Source {
      text
    }
  }
}
    `) as unknown as TypedDocumentString<SourceTextQuery, SourceTextQueryVariables>;
export const DraftDocument = new TypedDocumentString(`
    mutation Draft($input: SourceDraftInput!) {
  draftSource(input: $input) {
    document {
      ...DocumentFields
    }
    report {
      path
      rule
      confidence
      matched
    }
    unresolved {
      ...DraftStatementFields
    }
  }
}
    fragment DocumentFields on DraftDocument {
  source {
    id
    title
    publisher
    url
    publishedAt
    text
  }
  entities {
    id
    kind
    name
    aliases
    description
    existing
    evidence {
      start
      end
    }
  }
  roles {
    person
    title
    of
    evidence {
      start
      end
    }
  }
  memberships {
    member
    organisation
    role
    evidence {
      start
      end
    }
  }
  topics {
    id
    name
  }
  events {
    id
    name
    kind
    description
    date
    endDate
    location
    participants {
      entity
      role
      evidence {
        start
        end
      }
    }
    evidence {
      start
      end
    }
  }
  statements {
    ...DraftStatementFields
  }
}
fragment DraftStatementFields on DraftStatement {
  kind
  text
  speaker
  attribution
  about
  event
  date
  topics
  evidence {
    start
    end
  }
}`) as unknown as TypedDocumentString<DraftMutation, DraftMutationVariables>;
export const SourceDocumentDocument = new TypedDocumentString(`
    query SourceDocument($id: ID!) {
  node(id: $id) {
    __typename
    ... on Source {
      document {
        ...DocumentFields
      }
    }
  }
}
    fragment DocumentFields on DraftDocument {
  source {
    id
    title
    publisher
    url
    publishedAt
    text
  }
  entities {
    id
    kind
    name
    aliases
    description
    existing
    evidence {
      start
      end
    }
  }
  roles {
    person
    title
    of
    evidence {
      start
      end
    }
  }
  memberships {
    member
    organisation
    role
    evidence {
      start
      end
    }
  }
  topics {
    id
    name
  }
  events {
    id
    name
    kind
    description
    date
    endDate
    location
    participants {
      entity
      role
      evidence {
        start
        end
      }
    }
    evidence {
      start
      end
    }
  }
  statements {
    ...DraftStatementFields
  }
}
fragment DraftStatementFields on DraftStatement {
  kind
  text
  speaker
  attribution
  about
  event
  date
  topics
  evidence {
    start
    end
  }
}`) as unknown as TypedDocumentString<SourceDocumentQuery, SourceDocumentQueryVariables>;
export const ValidateDocument = new TypedDocumentString(`
    mutation Validate($doc: SourceDocumentInput!) {
  validateSource(document: $doc) {
    valid
    problems {
      path
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ValidateMutation, ValidateMutationVariables>;
export const IngestDocument = new TypedDocumentString(`
    mutation Ingest($doc: SourceDocumentInput!) {
  ingestSource(document: $doc) {
    source {
      id
      title
    }
    counts {
      kind
      created
      updated
      unchanged
      deleted
    }
  }
}
    `) as unknown as TypedDocumentString<IngestMutation, IngestMutationVariables>;
export const DeleteDocument = new TypedDocumentString(`
    mutation Delete($id: ID!) {
  deleteSource(id: $id) {
    counts {
      kind
      created
      updated
      unchanged
      deleted
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteMutation, DeleteMutationVariables>;
export const SourcesDocument = new TypedDocumentString(`
    query Sources($first: Int!, $after: String) {
  sources(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      title
      publisher
      publishedAt
      statements(first: 1) {
        totalCount
      }
      entities {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SourcesQuery, SourcesQueryVariables>;
export const EntityDocument = new TypedDocumentString(`
    query Entity($id: ID!, $said: StatementFilter, $about: StatementFilter) {
  entity(id: $id) {
    __typename
    id
    name
    aliases
    description
    ... on Person {
      roles {
        title
        of {
          id
          name
        }
      }
    }
    ... on Nation {
      leaders {
        title
        person {
          id
          name
        }
      }
      memberships {
        role
        organisation {
          id
          name
        }
      }
    }
    ... on Organisation {
      leaders {
        title
        person {
          id
          name
        }
      }
      members {
        role
        member {
          id
          name
        }
      }
    }
    statements(filter: $said, first: 40) {
      totalCount
      nodes {
        ...StatementFields
      }
    }
    mentions(filter: $about, first: 40) {
      totalCount
      nodes {
        ...StatementFields
      }
    }
    speakers: mentions(first: 100) {
      nodes {
        speaker {
          id
          name
        }
      }
    }
  }
  topics {
    id
    name
  }
}
    fragment StatementFields on Statement {
  id
  kind
  text
  date
  attribution
  speaker {
    __typename
    id
    name
  }
  about {
    __typename
    id
    ... on Entity {
      name
    }
    ... on Event {
      name
    }
  }
  event {
    id
    name
  }
  topics {
    id
    name
  }
  evidence {
    start
    end
    excerpt
    source {
      id
      title
      publisher
      publishedAt
    }
  }
}`) as unknown as TypedDocumentString<EntityQuery, EntityQueryVariables>;
export const EntityChartsDocument = new TypedDocumentString(`
    query EntityCharts($talkers: StatementFilter, $months: StatementFilter) {
  talkers: statementCounts(filter: $talkers, by: SPEAKER, first: 10) {
    key
    count
    node {
      __typename
      id
      ... on Entity {
        name
      }
    }
  }
  months: statementCounts(filter: $months, by: MONTH, first: 100) {
    key
    count
  }
}
    `) as unknown as TypedDocumentString<EntityChartsQuery, EntityChartsQueryVariables>;
export const EntityLiveDocument = new TypedDocumentString(`
    subscription EntityLive($filter: StatementFilter) {
  statementAdded(filter: $filter) {
    ...StatementFields
  }
}
    fragment StatementFields on Statement {
  id
  kind
  text
  date
  attribution
  speaker {
    __typename
    id
    name
  }
  about {
    __typename
    id
    ... on Entity {
      name
    }
    ... on Event {
      name
    }
  }
  event {
    id
    name
  }
  topics {
    id
    name
  }
  evidence {
    start
    end
    excerpt
    source {
      id
      title
      publisher
      publishedAt
    }
  }
}`) as unknown as TypedDocumentString<EntityLiveSubscription, EntityLiveSubscriptionVariables>;
export const GraphDocument = new TypedDocumentString(`
    query Graph($id: ID!, $said: StatementFilter, $about: StatementFilter, $first: Int!) {
  entity(id: $id) {
    __typename
    id
    name
    ...EntityRoles
  }
  said: network(filter: $said, first: $first) {
    ...NetworkEdges
  }
  about: network(filter: $about, first: $first) {
    ...NetworkEdges
  }
  topics {
    id
    name
  }
}
    fragment NetworkEdges on Network {
  edges {
    count
    kinds {
      kind
      count
    }
    from {
      __typename
      id
      name
    }
    to {
      __typename
      id
      ... on Entity {
        name
      }
      ... on Event {
        name
      }
    }
  }
}
fragment EntityRoles on Entity {
  ... on Person {
    roles {
      title
      of {
        __typename
        id
        name
      }
    }
  }
  ... on Nation {
    leaders {
      title
      person {
        __typename
        id
        name
      }
    }
    memberships {
      role
      organisation {
        __typename
        id
        name
      }
    }
  }
  ... on Organisation {
    leaders {
      title
      person {
        __typename
        id
        name
      }
    }
    members {
      role
      member {
        __typename
        id
        name
      }
    }
  }
}`) as unknown as TypedDocumentString<GraphQuery, GraphQueryVariables>;
export const NetworkDocument = new TypedDocumentString(`
    query Network($filter: StatementFilter, $first: Int!) {
  network(filter: $filter, first: $first) {
    ...NetworkEdges
  }
  topics {
    id
    name
  }
}
    fragment NetworkEdges on Network {
  edges {
    count
    kinds {
      kind
      count
    }
    from {
      __typename
      id
      name
    }
    to {
      __typename
      id
      ... on Entity {
        name
      }
      ... on Event {
        name
      }
    }
  }
}`) as unknown as TypedDocumentString<NetworkQuery, NetworkQueryVariables>;
export const EdgeStatementsDocument = new TypedDocumentString(`
    query EdgeStatements($filter: StatementFilter, $first: Int!) {
  statements(filter: $filter, first: $first) {
    totalCount
    nodes {
      ...StatementFields
    }
  }
}
    fragment StatementFields on Statement {
  id
  kind
  text
  date
  attribution
  speaker {
    __typename
    id
    name
  }
  about {
    __typename
    id
    ... on Entity {
      name
    }
    ... on Event {
      name
    }
  }
  event {
    id
    name
  }
  topics {
    id
    name
  }
  evidence {
    start
    end
    excerpt
    source {
      id
      title
      publisher
      publishedAt
    }
  }
}`) as unknown as TypedDocumentString<EdgeStatementsQuery, EdgeStatementsQueryVariables>;
export const HomeDocument = new TypedDocumentString(`
    query Home {
  sources(first: 5) {
    totalCount
    nodes {
      id
      title
      publisher
      publishedAt
    }
  }
  statements(first: 1) {
    totalCount
  }
  entities(first: 1) {
    totalCount
  }
  people: statementCounts(
    filter: {speakerKinds: [PERSON]}
    by: SPEAKER
    first: 10
  ) {
    key
    count
    node {
      __typename
      id
      ... on Entity {
        name
      }
    }
  }
  mentioned: statementCounts(by: ABOUT, first: 10) {
    key
    count
    node {
      __typename
      id
      ... on Entity {
        name
      }
      ... on Event {
        name
      }
    }
  }
  months: statementCounts(by: MONTH, first: 100) {
    key
    count
  }
}
    `) as unknown as TypedDocumentString<HomeQuery, HomeQueryVariables>;
export const HomeStatementsDocument = new TypedDocumentString(`
    subscription HomeStatements {
  statementAdded {
    ...StatementFields
  }
}
    fragment StatementFields on Statement {
  id
  kind
  text
  date
  attribution
  speaker {
    __typename
    id
    name
  }
  about {
    __typename
    id
    ... on Entity {
      name
    }
    ... on Event {
      name
    }
  }
  event {
    id
    name
  }
  topics {
    id
    name
  }
  evidence {
    start
    end
    excerpt
    source {
      id
      title
      publisher
      publishedAt
    }
  }
}`) as unknown as TypedDocumentString<HomeStatementsSubscription, HomeStatementsSubscriptionVariables>;
export const HomeSourcesDocument = new TypedDocumentString(`
    subscription HomeSources {
  sourceChanged {
    kind
    sourceId
    source {
      id
      title
      publisher
      publishedAt
    }
  }
}
    `) as unknown as TypedDocumentString<HomeSourcesSubscription, HomeSourcesSubscriptionVariables>;
export const PathsDocument = new TypedDocumentString(`
    query Paths($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, first: 5) {
    length
    nodes {
      __typename
      id
      ... on Entity {
        name
      }
      ... on Event {
        name
      }
      ... on Statement {
        text
      }
    }
    links {
      type
      from {
        id
      }
      to {
        id
      }
      evidence {
        start
        end
        excerpt
        source {
          id
          title
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PathsQuery, PathsQueryVariables>;
export const SourceDocument = new TypedDocumentString(`
    query Source($id: ID!) {
  node(id: $id) {
    __typename
    ... on Source {
      id
      title
      publisher
      publishedAt
      url
      text
      evidence {
        kind
        start
        end
        excerpt
        fact {
          __typename
          ... on Statement {
            id
            kind
            text
            speaker {
              id
              name
            }
          }
          ... on Event {
            id
            name
            date
            location
          }
          ... on Role {
            title
            person {
              id
              name
            }
            of {
              id
              name
            }
          }
          ... on Membership {
            role
            member {
              id
              name
            }
            organisation {
              id
              name
            }
          }
          ... on Participation {
            role
            entity {
              id
              name
            }
            event {
              id
              name
            }
          }
          ... on Entity {
            id
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SourceQuery, SourceQueryVariables>;
export const StatementsDocument = new TypedDocumentString(`
    query Statements($filter: StatementFilter, $first: Int!, $speaker: ID!, $withSpeaker: Boolean!, $about: ID!, $withAbout: Boolean!, $topic: ID!, $withTopic: Boolean!) {
  speaker: node(id: $speaker) @include(if: $withSpeaker) {
    ...NamedNode
  }
  about: node(id: $about) @include(if: $withAbout) {
    ...NamedNode
  }
  topic: node(id: $topic) @include(if: $withTopic) {
    ...NamedNode
  }
  statements(filter: $filter, first: $first) {
    ...StatementPage
  }
}
    fragment StatementFields on Statement {
  id
  kind
  text
  date
  attribution
  speaker {
    __typename
    id
    name
  }
  about {
    __typename
    id
    ... on Entity {
      name
    }
    ... on Event {
      name
    }
  }
  event {
    id
    name
  }
  topics {
    id
    name
  }
  evidence {
    start
    end
    excerpt
    source {
      id
      title
      publisher
      publishedAt
    }
  }
}
fragment StatementPage on StatementConnection {
  totalCount
  pageInfo {
    hasNextPage
    endCursor
  }
  nodes {
    ...StatementFields
  }
}
fragment NamedNode on Node {
  __typename
  id
  ... on Entity {
    name
  }
  ... on Event {
    name
  }
  ... on Topic {
    name
  }
}`) as unknown as TypedDocumentString<StatementsQuery, StatementsQueryVariables>;
export const StatementsPageDocument = new TypedDocumentString(`
    query StatementsPage($filter: StatementFilter, $first: Int!, $after: String) {
  statements(filter: $filter, first: $first, after: $after) {
    ...StatementPage
  }
}
    fragment StatementFields on Statement {
  id
  kind
  text
  date
  attribution
  speaker {
    __typename
    id
    name
  }
  about {
    __typename
    id
    ... on Entity {
      name
    }
    ... on Event {
      name
    }
  }
  event {
    id
    name
  }
  topics {
    id
    name
  }
  evidence {
    start
    end
    excerpt
    source {
      id
      title
      publisher
      publishedAt
    }
  }
}
fragment StatementPage on StatementConnection {
  totalCount
  pageInfo {
    hasNextPage
    endCursor
  }
  nodes {
    ...StatementFields
  }
}`) as unknown as TypedDocumentString<StatementsPageQuery, StatementsPageQueryVariables>;