// Routes: every view of the explorer has a URL, so a journalist can paste
// a link to exactly what they see. The route lives in the hash
// (#/entity/person:mark-rutte?kind=QUOTE), so the server serves one page
// and links work without it knowing the views.

export type Route =
  | { view: "home" }
  | { view: "search"; q: string }
  | { view: "entity"; id: string; filters: Filters }
  | { view: "graph"; id?: string; filters: Filters }
  | { view: "statements"; filters: StatementsFilters }
  | { view: "paths"; from: string; to: string }
  | { view: "source"; id: string; span?: number }
  | { view: "add" }
  | { view: "review"; source?: string }
  | { view: "sources" };

// Filters narrow an entity's statements; they map one to one onto the
// GraphQL StatementFilter and the export endpoint's query parameters.
export interface Filters {
  speaker?: string;
  topic?: string;
  kind?: "QUOTE" | "PARAPHRASE";
  from?: string;
  to?: string;
}

export const filterKeys = ["speaker", "topic", "kind", "from", "to"] as const;

// StatementsFilters choose the statements of the statements view: the
// entity view's filters plus what they are about, so a bar of "who talks
// about X most" opens exactly the statements it counts.
export interface StatementsFilters extends Filters {
  about?: string;
}

export const statementsKeys = ["speaker", "about", "topic", "kind", "from", "to"] as const;

// The graph's filters: the speaker is the graph's own entity, if any.
export const graphKeys = ["topic", "kind", "from", "to"] as const;

// graphFilters keeps the filters the graph (and the charts) take: topic,
// kind and dates.
export function graphFilters(f: Filters): Filters {
  const out: Record<string, string> = {};
  for (const k of graphKeys) if (f[k]) out[k] = f[k] as string;
  return out as Filters;
}

// readFilters takes the given keys from the query, dropping empty values
// and an unknown kind.
function readFilters<T extends Filters>(params: URLSearchParams, keys: readonly string[]): T {
  const f: Record<string, string> = {};
  for (const k of keys) {
    const v = params.get(k);
    if (v) f[k] = v;
  }
  if (f.kind && f.kind !== "QUOTE" && f.kind !== "PARAPHRASE") delete f.kind;
  return f as unknown as T;
}

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, "");
  const [path, query = ""] = raw.split("?", 2);
  const params = new URLSearchParams(query);
  const parts = path.split("/").map(decodeURIComponent);
  switch (parts[0]) {
    case "search":
      return { view: "search", q: params.get("q") ?? "" };
    case "entity":
      if (parts[1]) return { view: "entity", id: parts[1], filters: readFilters(params, filterKeys) };
      break;
    case "graph":
      // Without an id, the network of the whole graph (for the filters).
      return parts[1] ? { view: "graph", id: parts[1], filters: readFilters(params, graphKeys) } : { view: "graph", filters: readFilters(params, graphKeys) };
    case "statements":
      return { view: "statements", filters: readFilters(params, statementsKeys) };
    case "paths":
      return { view: "paths", from: params.get("from") ?? "", to: params.get("to") ?? "" };
    case "add":
      return { view: "add" };
    case "review":
      return parts[1] ? { view: "review", source: parts[1] } : { view: "review" };
    case "sources":
      return { view: "sources" };
    case "source":
      if (parts[1]) {
        const span = Number(params.get("span"));
        return { view: "source", id: parts[1], span: Number.isInteger(span) && params.has("span") ? span : undefined };
      }
      break;
  }
  return { view: "home" };
}

export function formatRoute(r: Route): string {
  const q = (params: Record<string, string | number | undefined>) => {
    const s = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") s.set(k, String(v));
    const t = s.toString();
    return t ? `?${t}` : "";
  };
  switch (r.view) {
    case "home":
      return "#/";
    case "search":
      return `#/search${q({ q: r.q })}`;
    case "entity":
      return `#/entity/${encodeURIComponent(r.id)}${q({ ...r.filters })}`;
    case "graph":
      return `#/graph${r.id ? `/${encodeURIComponent(r.id)}` : ""}${q({ ...r.filters })}`;
    case "statements":
      return `#/statements${q({ ...r.filters })}`;
    case "paths":
      return `#/paths${q({ from: r.from, to: r.to })}`;
    case "source":
      return `#/source/${encodeURIComponent(r.id)}${q({ span: r.span })}`;
    case "add":
      return "#/add";
    case "review":
      return r.source ? `#/review/${encodeURIComponent(r.source)}` : "#/review";
    case "sources":
      return "#/sources";
  }
}

// entityHref is the link to an entity's page, unfiltered.
export function entityHref(id: string): string {
  return formatRoute({ view: "entity", id, filters: {} });
}

// exportURL is the CSV of the statements an entity view lists: the same
// filter, as the export endpoint's query parameters.
export function exportURL(scope: "speaker" | "about", id: string, f: Filters): string {
  const s = new URLSearchParams();
  s.set(scope, id);
  for (const k of filterKeys) {
    const v = f[k];
    if (v && !(k === scope)) s.set(k, v);
  }
  return `/export/statements.csv?${s.toString()}`;
}

// filterExportURL is the CSV of the statements a filter selects.
export function filterExportURL(f: StatementsFilters): string {
  const s = new URLSearchParams();
  for (const k of statementsKeys) {
    const v = f[k];
    if (v) s.set(k, v);
  }
  return `/export/statements.csv?${s.toString()}`;
}
