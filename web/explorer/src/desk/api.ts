// The review desk's calls: draftSource, validateSource, ingestSource,
// deleteSource, sources and Source.document, all public GraphQL. The
// mutations take the API token; reads do not.
import { type Problem, gql } from "../api";

export type EntityKind = "PERSON" | "NATION" | "ORGANISATION";
export type StatementKind = "QUOTE" | "PARAPHRASE";

export interface Span {
  start: number;
  end: number;
}

export interface DraftSource {
  id: string;
  title: string;
  publisher: string | null;
  url: string | null;
  publishedAt: string | null;
  text: string;
}

export interface DraftEntity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  description?: string | null;
  existing: boolean;
  evidence: Span[];
}

export interface DraftRole {
  person: string;
  title: string;
  of: string;
  evidence: Span[];
}

export interface DraftMembership {
  member: string;
  organisation: string;
  role: string | null;
  evidence: Span[];
}

export interface DraftTopic {
  id: string;
  name: string;
}

export interface DraftParticipant {
  entity: string;
  role: string | null;
  evidence: Span[];
}

export interface DraftEvent {
  id: string;
  name: string;
  kind: string;
  description?: string | null;
  date: string | null;
  endDate?: string | null;
  location: string | null;
  participants: DraftParticipant[];
  evidence: Span[];
}

export interface DraftStatement {
  kind: StatementKind;
  text: string;
  speaker: string | null;
  attribution: string | null;
  about: string[];
  event: string | null;
  date: string | null;
  topics: string[];
  evidence: Span;
}

export interface DraftDocument {
  source: DraftSource;
  entities: DraftEntity[];
  roles: DraftRole[];
  memberships: DraftMembership[];
  topics: DraftTopic[];
  events: DraftEvent[];
  statements: DraftStatement[];
}

export interface DraftFact {
  path: string;
  rule: string;
  confidence: number;
  matched: string[];
}

export interface SourceDraft {
  document: DraftDocument;
  report: DraftFact[];
  unresolved: DraftStatement[];
}

const ev = "evidence { start end }";
const documentFields = `
  source { id title publisher url publishedAt text }
  entities { id kind name aliases description existing ${ev} }
  roles { person title of ${ev} }
  memberships { member organisation role ${ev} }
  topics { id name }
  events { id name kind description date endDate location participants { entity role ${ev} } ${ev} }
  statements { kind text speaker attribution about event date topics ${ev} }`;

export interface DraftInput {
  text: string;
  title: string;
  publisher?: string;
  url?: string;
  publishedAt?: string;
}

export async function draftSource(input: DraftInput, token: string, signal?: AbortSignal): Promise<SourceDraft> {
  const d = await gql<{ draftSource: SourceDraft }>(
    `mutation Draft($input: SourceDraftInput!) { draftSource(input: $input) {
      document { ${documentFields} }
      report { path rule confidence matched }
      unresolved { kind text speaker attribution about event date topics ${ev} } } }`,
    { input },
    signal,
    token,
  );
  return d.draftSource;
}

// sourceDocument is a source already in the graph as a document, to
// correct and publish again.
export async function sourceDocument(id: string, signal?: AbortSignal): Promise<DraftDocument | null> {
  const d = await gql<{ node: { __typename: string; document?: DraftDocument } | null }>(
    `query SourceDocument($id: ID!) { node(id: $id) { __typename ... on Source { document { ${documentFields} } } } }`,
    { id },
    signal,
  );
  return d.node?.document ?? null;
}

export interface Validation {
  valid: boolean;
  problems: Problem[];
}

export async function validateSource(document: unknown, token: string, signal?: AbortSignal): Promise<Validation> {
  const d = await gql<{ validateSource: Validation }>(
    `mutation Validate($doc: SourceDocumentInput!) { validateSource(document: $doc) { valid problems { path message } } }`,
    { doc: document },
    signal,
    token,
  );
  return d.validateSource;
}

export interface KindCount {
  kind: string;
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

export async function ingestSource(document: unknown, token: string): Promise<{ source: { id: string; title: string }; counts: KindCount[] }> {
  const d = await gql<{ ingestSource: { source: { id: string; title: string }; counts: KindCount[] } }>(
    `mutation Ingest($doc: SourceDocumentInput!) { ingestSource(document: $doc) { source { id title } counts { kind created updated unchanged deleted } } }`,
    { doc: document },
    undefined,
    token,
  );
  return d.ingestSource;
}

export async function deleteSource(id: string, token: string): Promise<KindCount[]> {
  const d = await gql<{ deleteSource: { counts: KindCount[] } }>(
    `mutation Delete($id: ID!) { deleteSource(id: $id) { counts { kind created updated unchanged deleted } } }`,
    { id },
    undefined,
    token,
  );
  return d.deleteSource.counts;
}

export interface SourceRow {
  id: string;
  title: string;
  publisher: string | null;
  publishedAt: string | null;
  statements: { totalCount: number };
  entities: { id: string }[];
}

export interface SourcesPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: SourceRow[];
}

export async function sourcesPage(after: string | null, signal?: AbortSignal): Promise<SourcesPage> {
  const d = await gql<{ sources: SourcesPage }>(
    `query Sources($after: String) { sources(first: 20, after: $after) { totalCount pageInfo { hasNextPage endCursor }
      nodes { id title publisher publishedAt statements(first: 1) { totalCount } entities { id } } } }`,
    { after },
    signal,
  );
  return d.sources;
}

// The token is asked once per browser session and kept in sessionStorage
// only: never in the URL, never in localStorage.
const tokenKey = "newsgraph.token";

export function storedToken(): string {
  try {
    return sessionStorage.getItem(tokenKey) ?? "";
  } catch {
    return "";
  }
}

export function storeToken(token: string): void {
  if (token) sessionStorage.setItem(tokenKey, token);
  else sessionStorage.removeItem(tokenKey);
}
