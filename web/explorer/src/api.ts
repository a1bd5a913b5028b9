// The explorer speaks only the public GraphQL API (and the export
// endpoint): it is the reference client for frontend developers.

import { graphql } from "./gql";
import type { SearchQuery, StatementFieldsFragment, TypedDocumentString } from "./gql/graphql";

// A problem with a document, at its path (statements[3].speaker), as
// validateSource and ingestSource report them.
export interface Problem {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
  // unavailable is true when the server could not reach its database.
  get unavailable(): boolean {
    return this.code === "UNAVAILABLE";
  }
}

// gql sends one operation: a typed document written with graphql(`…`),
// whose answer and variables types GraphQL Code Generator derives from
// the schema (src/gql, `tools/web codegen`). Mutations need the API token:
// it goes in the Authorization header, never in the URL.
export async function gql<T, V>(query: TypedDocumentString<T, V>, variables: V, signal?: AbortSignal, token?: string): Promise<T> {
  let res: Response;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    res = await fetch("/graphql", {
      method: "POST",
      headers,
      body: JSON.stringify({ query: query.toString(), variables }),
      signal,
    });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError("The newsgraph server cannot be reached.", "NETWORK");
  }
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string; problems?: Problem[] } }[] };
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`The server answered ${res.status} without JSON.`, "HTTP");
  }
  if (body.errors?.length) {
    const e = body.errors[0];
    throw new ApiError(e.message, e.extensions?.code ?? "ERROR", e.extensions?.problems ?? []);
  }
  if (!body.data) throw new ApiError("The server answered without data.", "ERROR");
  return body.data;
}

// The statement as every list shows it: its words, who said them about
// whom, and the span of the source that supports it.
export const StatementFields = graphql(`
  fragment StatementFields on Statement {
    id
    kind
    text
    date
    attribution
    speaker { __typename id name }
    about { __typename id ... on Entity { name } ... on Event { name } }
    event { id name }
    topics { id name }
    evidence { start end excerpt source { id title publisher publishedAt } }
  }
`);

export type Statement = StatementFieldsFragment;
export type SearchHit = SearchQuery["search"][number];

// nameOf is what a node is called: its name, or its id for the kinds of
// node that have none (a source, a statement).
export function nameOf(n: { id: string; name?: string }): string {
  return n.name ?? n.id;
}

const searchQuery = graphql(`
  query Search($q: String!) {
    search(query: $q, first: 10) {
      score
      snippet
      node {
        __typename
        id
        ... on Entity { name }
        ... on Event { name }
        ... on Statement { text speaker { name } }
      }
    }
  }
`);

export async function search(q: string, signal?: AbortSignal): Promise<SearchHit[]> {
  const d = await gql(searchQuery, { q }, signal);
  return d.search;
}

const sourceTextQuery = graphql(`
  query SourceText($id: ID!) {
    node(id: $id) { __typename ... on Source { text } }
  }
`);

// sourceTexts caches source texts: many statements quote one source.
const sourceTexts = new Map<string, Promise<string>>();

export function sourceText(id: string): Promise<string> {
  let p = sourceTexts.get(id);
  if (!p) {
    p = gql(sourceTextQuery, { id }).then((d) => (d.node?.__typename === "Source" ? d.node.text : ""));
    p.catch(() => sourceTexts.delete(id));
    sourceTexts.set(id, p);
  }
  return p;
}
