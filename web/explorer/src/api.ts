// The explorer speaks only the public GraphQL API (and the export
// endpoint): it is the reference client for frontend developers.

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

// gql sends one operation. Mutations need the API token: it goes in the
// Authorization header, never in the URL.
export async function gql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal, token?: string): Promise<T> {
  let res: Response;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    res = await fetch("/graphql", {
      method: "POST",
      headers,
      body: JSON.stringify({ query, variables }),
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

// Shapes of the answers the views ask for.

export interface EntityRef {
  __typename: string;
  id: string;
  name: string;
}

export interface SourceRef {
  id: string;
  title: string;
  publisher?: string | null;
  publishedAt?: string | null;
}

export interface Evidence {
  start: number;
  end: number;
  excerpt: string;
  source: SourceRef;
}

export interface Statement {
  id: string;
  kind: "QUOTE" | "PARAPHRASE";
  text: string;
  date: string | null;
  attribution: string | null;
  speaker: EntityRef;
  about: { __typename: string; id: string; name: string }[];
  event: { id: string; name: string } | null;
  topics: { id: string; name: string }[];
  evidence: Evidence;
}

export const statementFields = `
  id kind text date attribution
  speaker { __typename id name }
  about { __typename id ... on Entity { name } ... on Event { name } }
  event { id name }
  topics { id name }
  evidence { start end excerpt source { id title publisher publishedAt } }`;

export interface SearchHit {
  score: number;
  snippet: string | null;
  node: { __typename: string; id: string; name?: string; text?: string; speaker?: { name: string } };
}

export async function search(q: string, signal?: AbortSignal): Promise<SearchHit[]> {
  const d = await gql<{ search: SearchHit[] }>(
    `query Search($q: String!) { search(query: $q, first: 10) { score snippet node { __typename id
      ... on Entity { name } ... on Event { name } ... on Statement { text speaker { name } } } } }`,
    { q },
    signal,
  );
  return d.search;
}

// sourceTexts caches source texts: many statements quote one source.
const sourceTexts = new Map<string, Promise<string>>();

export function sourceText(id: string): Promise<string> {
  let p = sourceTexts.get(id);
  if (!p) {
    p = gql<{ node: { text: string } | null }>(`query($id: ID!) { node(id: $id) { ... on Source { text } } }`, { id }).then(
      (d) => d.node?.text ?? "",
    );
    p.catch(() => sourceTexts.delete(id));
    sourceTexts.set(id, p);
  }
  return p;
}
