// The benchmark's peer: the Neo4j GraphQL Library (@neo4j/graphql) with
// Apollo Server, over newsgraph's graph on the same Neo4j, with type
// definitions for the same model (typeDefs.graphql).
//
// Besides POST /graphql it answers GET /stats (Cypher queries run so far)
// and GET /profile (PROFILE of the Cypher the last GraphQL request ran, as
// total db hits), so that the harness can compare round trips and db hits.
// Apollo is mounted with its documented integration API
// (executeHTTPGraphQLRequest) on node:http, the leanest way to serve it.
//
//   NEO4J_URI=bolt://… NEO4J_PASSWORD=… PORT=4000 node server.js
import { readFileSync } from "node:fs";
import http from "node:http";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const typeDefs = readFileSync(new URL("./typeDefs.graphql", import.meta.url), "utf8");
const driver = neo4j.driver(
  process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687",
  neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? ""),
  { disableLosslessIntegers: false },
);
const database = process.env.NEO4J_DATABASE || undefined;

// Every Cypher query the library sends passes through here: counted, and
// the last request's kept for /profile.
let queries = 0;
let lastRequest = [];
function record(query, params) {
  queries++;
  lastRequest.push({ query, params });
}
// intercept wraps target so that the named methods are replaced and every
// other property reads through (methods bound to target).
function intercept(target, overrides) {
  return new Proxy(target, {
    get(t, prop) {
      if (Object.hasOwn(overrides, prop)) return overrides[prop];
      const v = t[prop];
      return typeof v === "function" ? v.bind(t) : v;
    },
  });
}
const wrapTx = (tx) =>
  intercept(tx, {
    run: (query, params, config) => {
      record(query, params);
      return tx.run(query, params, config);
    },
  });
const wrapSession = (session) =>
  intercept(session, {
    executeRead: (work, config) => session.executeRead((tx) => work(wrapTx(tx)), config),
    executeWrite: (work, config) => session.executeWrite((tx) => work(wrapTx(tx)), config),
  });
const recordingDriver = intercept(driver, { session: (config) => wrapSession(driver.session(config)) });

// String comparisons (gte, lte) are off by default in v7; Q7's date range
// on dateStart/dateEnd (ISO strings, as newsgraph stores them) needs them.
const features = { filters: { String: { GTE: true, LTE: true } } };
const schema = await new Neo4jGraphQL({ typeDefs, driver: recordingDriver, features }).getSchema();
const server = new ApolloServer({ schema, introspection: true });
await server.start();

function dbHits(plan) {
  if (!plan) return 0;
  return (plan.dbHits ?? 0) + (plan.children ?? []).reduce((n, c) => n + dbHits(c), 0);
}

async function profile() {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const out = [];
    for (const { query, params } of lastRequest) {
      // A leading "CYPHER …" options clause must stay first.
      const m = /^(\s*CYPHER[^\n]*\n)?([\s\S]*)$/.exec(query);
      const res = await session.run(`${m[1] ?? ""}PROFILE ${m[2]}`, params);
      out.push({ query, dbHits: dbHits(res.summary.profile) });
    }
    return out;
  } finally {
    await session.close();
  }
}

function send(res, status, body) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

const httpServer = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, "http://localhost");
    if (url.pathname === "/stats") return send(res, 200, { queries });
    if (url.pathname === "/profile") return send(res, 200, await profile());
    if (url.pathname !== "/graphql") return send(res, 404, { error: "not found" });
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers)) {
      if (typeof v === "string") headers.set(k, v);
    }
    lastRequest = [];
    const result = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method.toUpperCase(),
        headers,
        search: url.search,
        body: chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : undefined,
      },
      context: async () => ({}),
    });
    for (const [k, v] of result.headers) res.setHeader(k, v);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === "complete") {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  } catch (err) {
    send(res, 500, { error: String(err?.message ?? err) });
  }
});
const port = Number(process.env.PORT ?? 4000);
httpServer.keepAliveTimeout = 65_000;
httpServer.listen(port, "127.0.0.1", () => {
  console.log(`peer ready on http://127.0.0.1:${port}/graphql`);
});
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, async () => {
    httpServer.close();
    await server.stop();
    await driver.close();
    process.exit(0);
  });
}
