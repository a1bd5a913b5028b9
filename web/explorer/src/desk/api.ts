// The review desk's calls: draftSource, validateSource, ingestSource,
// deleteSource, sources and Source.document, all public GraphQL. The
// mutations take the API token; reads do not.
import { gql } from "../api";
import { graphql } from "../gql";
import type { DeleteMutation, SourceDocumentInput, DocumentFieldsFragment, DraftMutation, IngestMutation, SourcesQuery, ValidateMutation } from "../gql/graphql";

export type EntityKind = DraftEntity["kind"];
export type StatementKind = DraftStatement["kind"];

export interface Span {
  start: number;
  end: number;
}

// A source as a document, as draftSource proposes it and Source.document
// gives it back: the desk edits it and publishes it with ingestSource.
export const DocumentFields = graphql(`
  fragment DocumentFields on DraftDocument {
    source { id title publisher url publishedAt text }
    entities { id kind name aliases description existing evidence { start end } }
    roles { person title of evidence { start end } }
    memberships { member organisation role evidence { start end } }
    topics { id name }
    events {
      id
      name
      kind
      description
      date
      endDate
      location
      participants { entity role evidence { start end } }
      evidence { start end }
    }
    statements { ...DraftStatementFields }
  }
`);

export const DraftStatementFields = graphql(`
  fragment DraftStatementFields on DraftStatement {
    kind
    text
    speaker
    attribution
    about
    event
    date
    topics
    evidence { start end }
  }
`);

export type DraftDocument = DocumentFieldsFragment;
export type DraftEntity = DraftDocument["entities"][number];
export type DraftRole = DraftDocument["roles"][number];
export type DraftMembership = DraftDocument["memberships"][number];
export type DraftTopic = DraftDocument["topics"][number];
export type DraftEvent = DraftDocument["events"][number];
export type DraftParticipant = DraftEvent["participants"][number];
export type DraftStatement = DraftDocument["statements"][number];
export type SourceDraft = DraftMutation["draftSource"];

const draftMutation = graphql(`
  mutation Draft($input: SourceDraftInput!) {
    draftSource(input: $input) {
      document { ...DocumentFields }
      report { path rule confidence matched }
      unresolved { ...DraftStatementFields }
    }
  }
`);

const sourceDocumentQuery = graphql(`
  query SourceDocument($id: ID!) {
    node(id: $id) { __typename ... on Source { document { ...DocumentFields } } }
  }
`);

const validateMutation = graphql(`
  mutation Validate($doc: SourceDocumentInput!) {
    validateSource(document: $doc) { valid problems { path message } }
  }
`);

const ingestMutation = graphql(`
  mutation Ingest($doc: SourceDocumentInput!) {
    ingestSource(document: $doc) { source { id title } counts { kind created updated unchanged deleted } }
  }
`);

const deleteMutation = graphql(`
  mutation Delete($id: ID!) {
    deleteSource(id: $id) { counts { kind created updated unchanged deleted } }
  }
`);

const sourcesQuery = graphql(`
  query Sources($first: Int!, $after: String) {
    sources(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id title publisher publishedAt statements(first: 1) { totalCount } entities { id } }
    }
  }
`);

export interface DraftInput {
  text: string;
  title: string;
  publisher?: string;
  url?: string;
  publishedAt?: string;
}

export async function draftSource(input: DraftInput, token: string, signal?: AbortSignal): Promise<SourceDraft> {
  const d = await gql(draftMutation, { input }, signal, token);
  return d.draftSource;
}

// sourceDocument is a source already in the graph as a document, to
// correct and publish again.
export async function sourceDocument(id: string, signal?: AbortSignal): Promise<DraftDocument | null> {
  const d = await gql(sourceDocumentQuery, { id }, signal);
  return d.node?.__typename === "Source" ? d.node.document : null;
}

export type Validation = ValidateMutation["validateSource"];

export async function validateSource(document: SourceDocumentInput, token: string, signal?: AbortSignal): Promise<Validation> {
  const d = await gql(validateMutation, { doc: document }, signal, token);
  return d.validateSource;
}

export type KindCount = DeleteMutation["deleteSource"]["counts"][number];

export async function ingestSource(document: SourceDocumentInput, token: string): Promise<IngestMutation["ingestSource"]> {
  const d = await gql(ingestMutation, { doc: document }, undefined, token);
  return d.ingestSource;
}

export async function deleteSource(id: string, token: string): Promise<KindCount[]> {
  const d = await gql(deleteMutation, { id }, undefined, token);
  return d.deleteSource.counts;
}

export type SourcesPage = SourcesQuery["sources"];
export type SourceRow = SourcesPage["nodes"][number];

export async function sourcesPage(after: string | null, signal?: AbortSignal): Promise<SourcesPage> {
  const d = await gql(sourcesQuery, { first: 20, after }, signal);
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
