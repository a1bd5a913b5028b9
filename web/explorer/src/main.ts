// The explorer: a single page over newsgraph's public GraphQL API, for
// journalists who would rather look than write GraphQL. Every view has a
// URL (route.ts); loading, empty and error states are always shown; when
// the database is down, the page says so.
import "./style.css";
import { ApiError } from "./api";
import { h, status } from "./dom";
import { kindStyle } from "./kinds";
import { type Route, parseRoute } from "./route";
import { addView } from "./views/add";
import { entityView } from "./views/entity";
import { graphView } from "./views/graph";
import { homeView } from "./views/home";
import { pathsView } from "./views/paths";
import { reviewView } from "./views/review";
import { searchView, typeahead } from "./views/search";
import { sourceView } from "./views/source";
import { sourcesView } from "./views/sources";
import { statementsView } from "./views/statements";

// One palette for the graph (Cytoscape reads kinds.ts) and the page (CSS
// variables): --person, --nation, …
for (const s of Object.values(kindStyle)) document.documentElement.style.setProperty(`--${s.label}`, s.colour);

const main = document.querySelector<HTMLElement>("#main")!;
const banner = document.querySelector<HTMLElement>("#banner")!;
const box = document.querySelector<HTMLInputElement>("#search")!;
typeahead(box, document.querySelector<HTMLElement>("#suggestions")!);

let current: AbortController | undefined;

// render shows the view the URL names. After a navigation (not the first
// load) focus moves to the new content, so keyboard and screen-reader
// users start there.
async function render(navigated = false): Promise<void> {
  current?.abort();
  const ctl = new AbortController();
  current = ctl;
  const route = parseRoute(location.hash);
  document.title = title(route);
  if (route.view === "search") box.value = route.q;
  try {
    switch (route.view) {
      case "home":
        return await homeView(main, ctl.signal);
      case "search":
        return await searchView(main, route.q, ctl.signal);
      case "entity":
        return await entityView(main, route.id, route.filters, ctl.signal);
      case "graph":
        return await graphView(main, route.id, route.filters, ctl.signal);
      case "statements":
        return await statementsView(main, route.filters, ctl.signal);
      case "paths":
        return await pathsView(main, route.from, route.to, ctl.signal);
      case "source":
        return await sourceView(main, route.id, route.span, ctl.signal);
      case "add":
        return addView(main);
      case "review":
        return await reviewView(main, route.source, ctl.signal);
      case "sources":
        return await sourcesView(main, ctl.signal);
    }
  } catch (e) {
    if (ctl.signal.aborted) return;
    main.replaceChildren(status("error", message(e)));
    if (e instanceof ApiError && (e.unavailable || e.code === "NETWORK")) await checkHealth();
  } finally {
    if (navigated && !ctl.signal.aborted) main.focus({ preventScroll: true });
  }
}

function message(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.unavailable) return "The graph database is unavailable right now, so nothing can be shown. Try again in a moment.";
    if (e.code === "BAD_USER_INPUT") return `That does not work: ${e.message}`;
    return e.message;
  }
  return "Something went wrong while loading this view.";
}

function title(r: Route): string {
  const names: Record<Route["view"], string> = {
    home: "newsgraph explorer",
    search: "Search",
    entity: "Entity",
    graph: "Graph",
    paths: "Connection finder",
    source: "Source",
    add: "Add a report",
    review: "Review",
    sources: "Sources",
    statements: "Statements",
  };
  return r.view === "home" ? names.home : `${names[r.view]} · newsgraph explorer`;
}

// checkHealth asks /readyz whether the database answers and shows, or
// clears, the outage banner; while it is down it asks again every 5 s.
let healthTimer: number | undefined;
async function checkHealth(): Promise<void> {
  let ok = false;
  try {
    const res = await fetch("/readyz", { cache: "no-store" });
    ok = res.ok;
  } catch {
    ok = false;
  }
  if (ok) {
    if (!banner.hidden) {
      banner.hidden = true;
      banner.replaceChildren();
      render();
    }
    return;
  }
  banner.hidden = false;
  banner.replaceChildren(
    h("strong", {}, "The graph database is unavailable. "),
    "newsgraph is running but cannot reach Neo4j; views will load again when it is back.",
  );
  clearTimeout(healthTimer);
  healthTimer = window.setTimeout(checkHealth, 5000);
}

window.addEventListener("hashchange", () => render(true));
// The desk's own calls (checks, publishing, deleting) report outages too.
window.addEventListener("newsgraph:outage", () => checkHealth());
render();
checkHealth();
