// End-to-end tests of the explorer in headless Chromium (Debian's, driven
// by playwright-core), against the real server and a seeded Neo4j. The Go
// test TestExplorerInBrowser (explorer_e2e_test.go) starts both and runs
//
//   BASE_URL=http://127.0.0.1:PORT SHOTS=dir node e2e/run.mjs main
//   BASE_URL=… TOKEN=<the server's API token>  node e2e/run.mjs desk
//   BASE_URL=…                                 node e2e/run.mjs outage   (after stopping Neo4j)
//
// Each check prints "ok <name>" or throws; screenshots of every view go to
// SHOTS.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const base = process.env.BASE_URL;
const shots = process.env.SHOTS ?? "e2e/screenshots";
const phase = process.argv[2] ?? "main";
if (!base) throw new Error("BASE_URL is required");
mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-background-networking"],
});
const failures = [];
async function check(name, width, fn) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const offsite = [];
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.origin !== new URL(base).origin && u.protocol !== "data:" && u.protocol !== "blob:") offsite.push(r.url());
  });
  try {
    await fn(page);
    if (offsite.length) throw new Error(`requests left the server: ${offsite.join(", ")}`);
    console.log(`ok ${name}`);
  } catch (e) {
    failures.push(name);
    console.log(`FAIL ${name}: ${e.stack ?? e}`);
    await page.screenshot({ path: join(shots, `FAIL-${name}.png`), fullPage: true }).catch(() => {});
  } finally {
    await context.close();
  }
}
// parseCSV reads RFC 4180 CSV: quoted fields may hold commas, quotes and
// line breaks.
function parseCSV(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function expect(cond, msg) {
  if (!cond) throw new Error(msg);
}

// api asks the server directly, not through the page: what the page shows
// is compared with what the API answers. Mutations pass the API token.
async function api(query, variables = {}, token = "") {
  const headers = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${base}/graphql`, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

if (phase === "main") {
  await check("search-rutte-three-quotes", 1280, async (page) => {
    await page.goto(`${base}/`);
    await page.locator("#search").fill("Rutte");
    const suggestion = page.locator("#suggestions li", { hasText: "Mark Rutte" }).first();
    await suggestion.waitFor();
    await page.screenshot({ path: join(shots, "search.png") });
    await page.locator("#search").press("ArrowDown");
    await page.locator("#search").press("Enter");
    await page.waitForURL(/#\/entity\/person%3Amark-rutte/);
    const said = page.locator('section[data-list="said"] li.statement');
    await said.first().waitFor();
    const quotes = page.locator('section[data-list="said"] li.statement:has(.badge-quote)');
    expect((await quotes.count()) === 3, `Rutte has ${await quotes.count()} quotes on his page, want 3`);
    // Each quote's evidence is highlighted inside its paragraph of the source.
    await page.locator('section[data-list="said"] li.statement:has(.badge-quote) mark[data-evidence]').nth(2).waitFor();
    for (let i = 0; i < 3; i++) {
      const mark = quotes.nth(i).locator("mark[data-evidence]");
      const text = (await mark.textContent()) ?? "";
      const quote = ((await quotes.nth(i).locator(".text").textContent()) ?? "").replace(/^“|”$/g, "");
      expect(text.includes(quote.slice(0, 20)), `highlight "${text}" does not hold the quote "${quote}"`);
      const passage = (await quotes.nth(i).locator(".passage").textContent()) ?? "";
      expect(passage.length > text.length, "the highlight is not inside a longer paragraph");
    }
    await page.screenshot({ path: join(shots, "entity.png"), fullPage: true });
  });

  await check("graph-click-putin", 1280, async (page) => {
    await page.goto(`${base}/#/graph/person%3Amark-rutte`);
    await page.locator(".graph-canvas canvas").first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(shots, "graph.png") });
    const pos = await page.evaluate(() => {
      const el = document.querySelector(".graph-canvas");
      const n = el.cy.getElementById("person:vladimir-putin");
      if (n.empty()) return null;
      const p = n.renderedPosition();
      const box = el.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    expect(pos, "Putin is not in Rutte's graph");
    await page.mouse.click(pos.x, pos.y);
    await page.waitForURL(/#\/entity\/person%3Avladimir-putin/);
    const about = page.locator('section[data-list="about"] li.statement');
    await about.first().waitFor();
    const speakers = await page.locator('section[data-list="about"] li.statement .meta a').allTextContents();
    for (const who of ["Mark Rutte", "Donald Trump"]) {
      expect(speakers.includes(who), `no statement by ${who} about Putin; speakers: ${speakers.join(", ")}`);
    }
  });

  await check("connection-zhelyazkov-rutte", 1280, async (page) => {
    await page.goto(`${base}/#/paths`);
    for (const [name, text, option] of [["from", "Zhelyazkov", "Rosen Zhelyazkov"], ["to", "Rutte", "Mark Rutte"]]) {
      await page.locator(`input[name="${name}"]`).fill(text);
      await page.locator(`#${name}-options li`, { hasText: option }).first().click();
    }
    await page.getByRole("button", { name: "Find connection" }).click();
    await page.waitForURL(/#\/paths\?from=person%3Arosen-zhelyazkov&to=person%3Amark-rutte/);
    const path = page.locator("section.path").first();
    await path.waitFor();
    const links = path.locator("li.link");
    expect((await links.count()) >= 1, "no links in the path");
    expect((await path.locator(".passage mark").count()) >= (await links.count()), "a link has no evidence");
    await page.screenshot({ path: join(shots, "paths.png"), fullPage: true });
  });

  await check("filter-by-speaker", 1280, async (page) => {
    await page.goto(`${base}/#/entity/person%3Avladimir-putin`);
    await page.locator('section[data-list="about"] li.statement').first().waitFor();
    await page.locator('select[name="speaker"]').selectOption("person:mark-rutte");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/speaker=person%3Amark-rutte/);
    await page.locator('section[data-list="about"] li.statement').first().waitFor();
    const speakers = await page.locator('section[data-list="about"] li.statement .meta a').allTextContents();
    expect(speakers.length > 0 && speakers.every((s) => s === "Mark Rutte"), `filtered by Rutte, the list shows ${speakers.join(", ")}`);
  });

  await check("csv-equals-list", 1280, async (page) => {
    await page.goto(`${base}/#/entity/person%3Avladimir-putin`);
    await page.locator('section[data-list="about"] li.statement').first().waitFor();
    const listed = await page.locator('section[data-list="about"] li.statement').evaluateAll((els) => els.map((e) => e.dataset.id));
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('a[data-csv="about"]').click()]);
    const rows = parseCSV(readFileSync(await download.path(), "utf8"));
    const idCol = rows[0].indexOf("id");
    expect(idCol >= 0, `no id column in ${rows[0]}`);
    const ids = rows.slice(1).map((r) => r[idCol]);
    expect(JSON.stringify(ids) === JSON.stringify(listed), `CSV ids ${ids} differ from the list ${listed}`);
  });

  await check("source-view", 1280, async (page) => {
    await page.goto(`${base}/#/entity/person%3Amark-rutte`);
    await page.locator('section[data-list="said"] .source a').first().click();
    await page.waitForURL(/#\/source\//);
    await page.locator(".source-text mark.selected").waitFor();
    const fact = (await page.locator(".fact-panel").textContent()) ?? "";
    expect(fact.includes("Mark Rutte"), `the chosen span's fact does not name Rutte: ${fact}`);
    await page.screenshot({ path: join(shots, "source.png"), fullPage: true });
    // Every kind of evidence the report gives is highlighted, each with its fact.
    const legend = await page.locator(".evidence-legend label").allTextContents();
    for (const kind of ["Statements", "Events", "Participations", "Roles", "Memberships", "Names"]) {
      expect(legend.some((l) => l.includes(kind)), `the legend lacks ${kind}: ${legend}`);
    }
    for (const [kind, says] of [
      ["EVENT", "Event: "],
      ["PARTICIPATION", " took part in "],
      ["ROLE", "Volodymyr Zelensky is President of Ukraine."],
      ["MEMBERSHIP", " is a member of "],
    ]) {
      await page.locator(`.source-text mark[data-kinds~="${kind}"]`).first().click();
      const panel = (await page.locator(".fact-panel").textContent()) ?? "";
      expect(panel.includes(says), `a ${kind} span shows ${panel}`);
    }
    // Names can be turned off: no mark is then a name alone.
    await page.locator('.evidence-legend input[value="MENTION"]').uncheck();
    expect((await page.locator('.source-text mark[data-kinds="MENTION"]').count()) === 0, "names still highlighted when turned off");
  });

  // The home page's figures are the API's: totals, latest sources, the
  // bars and the months (the test loads a second source, months later).
  await check("home-figures-equal-api", 1280, async (page) => {
    const d = await api(`{
      sources(first: 5) { totalCount nodes { id } }
      statements(first: 1) { totalCount }
      entities(first: 1) { totalCount }
      people: statementCounts(filter: { speakerKinds: [PERSON] }, by: SPEAKER, first: 10) { key count node { __typename ... on Entity { name } } }
      mentioned: statementCounts(by: ABOUT, first: 10) { key count }
      months: statementCounts(by: MONTH, first: 100) { key count }
    }`);
    expect(d.people.length >= 5 && d.mentioned.length >= 5 && d.sources.nodes.length >= 2, "the seeded graph is too small for this test");
    expect(d.people.every((b) => b.node.__typename === "Person"), "the API's most quoted people are not all people");
    await page.goto(`${base}/`);
    await page.locator('[data-chart="people"] a.bar').first().waitFor();
    await page.screenshot({ path: join(shots, "home.png"), fullPage: true });
    const total = async (k) => Number(((await page.locator(`[data-total="${k}"] .figure`).textContent()) ?? "").replace(/,/g, ""));
    for (const [k, want] of [["sources", d.sources.totalCount], ["statements", d.statements.totalCount], ["entities", d.entities.totalCount]]) {
      expect((await total(k)) === want, `the home page shows ${await total(k)} ${k}, the API ${want}`);
    }
    const latest = await page.locator(".latest-sources li").evaluateAll((els) => els.map((e) => e.dataset.id));
    expect(same(latest, d.sources.nodes.map((s) => s.id)), `latest sources ${latest}, the API ${d.sources.nodes.map((s) => s.id)}`);
    for (const chart of ["people", "mentioned"]) {
      // The key and count of each bar, and the count its text shows.
      const bars = await page.locator(`[data-chart="${chart}"] a.bar`).evaluateAll((els) =>
        els.map((a) => ({ key: a.dataset.key, count: Number(a.dataset.count), shown: Number(a.querySelector(".bar-count").textContent) })),
      );
      const want = d[chart].map((b) => ({ key: b.key, count: b.count, shown: b.count }));
      expect(same(bars, want), `the ${chart} bars ${JSON.stringify(bars)} differ from the API ${JSON.stringify(want)}`);
    }
    // The months: a column per month with statements, oldest first; the
    // undated ones as a figure.
    const cols = await page.locator('[data-chart="months"] rect').evaluateAll((els) => els.map((r) => ({ key: r.dataset.month, count: Number(r.dataset.count) })));
    const months = d.months.filter((b) => b.key !== "undated").sort((a, b) => a.key.localeCompare(b.key));
    expect(months.length >= 2, "the graph has fewer than two months");
    expect(same(cols, months), `the months chart ${JSON.stringify(cols)} differs from the API ${JSON.stringify(months)}`);
    const undated = d.months.find((b) => b.key === "undated")?.count ?? 0;
    const shownUndated = Number((await page.locator("[data-undated]").getAttribute("data-undated")) ?? 0);
    expect(undated > 0 && shownUndated === undated, `undated: the page ${shownUndated}, the API ${undated}`);
    // A bar opens its entity, by the keyboard too.
    await page.locator('[data-chart="people"] a.bar').first().focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`#/entity/${encodeURIComponent(d.people[0].key)}$`));
    await page.locator("h1", { hasText: d.people[0].node.name }).waitFor();
  });

  // A bar of "who talks about X most" opens exactly the statements it
  // counts, with the entity view's filters (here: quotes only, which
  // changes the counts).
  await check("bar-opens-its-statements", 1280, async (page) => {
    const counts = await api(
      `query($f: StatementFilter, $all: StatementFilter) {
        quotes: statementCounts(filter: $f, by: SPEAKER, first: 10) { key count statements(first: 100) { totalCount nodes { id } } }
        all: statementCounts(filter: $all, by: SPEAKER, first: 10) { key count }
      }`,
      { f: { about: "nation:ukraine", kind: "QUOTE" }, all: { about: "nation:ukraine" } },
    );
    await page.goto(`${base}/#/entity/nation%3Aukraine?kind=QUOTE`);
    await page.locator('[data-chart="talkers"] a.bar').first().waitFor();
    const bars = await page.locator('[data-chart="talkers"] a.bar').evaluateAll((els) => els.map((a) => ({ key: a.dataset.key, count: Number(a.dataset.count) })));
    expect(same(bars, counts.quotes.map((b) => ({ key: b.key, count: b.count }))), `the bars ${JSON.stringify(bars)} differ from the API ${JSON.stringify(counts.quotes)}`);
    // The bucket to open: one the filter changes, so a bar that dropped it would fail.
    const bucket = counts.quotes.find((b) => b.count > 1 && counts.all.find((a) => a.key === b.key).count !== b.count);
    expect(bucket, "no bucket that the kind filter changes");
    await page.screenshot({ path: join(shots, "entity-charts.png") });
    await page.locator(`[data-chart="talkers"] a.bar[data-key="${bucket.key}"]`).click();
    await page.waitForURL(/#\/statements\?/);
    await page.locator('section[data-list="statements"] li.statement').first().waitFor();
    const ids = await page.locator('section[data-list="statements"] li.statement').evaluateAll((els) => els.map((e) => e.dataset.id));
    const want = bucket.statements.nodes.map((n) => n.id);
    expect(bucket.statements.totalCount === bucket.count, "the API's bucket count is not its statements' count");
    expect(same(ids, want), `the bar of ${bucket.key} (${bucket.count}) lists ${JSON.stringify(ids)}, its statements are ${JSON.stringify(want)}`);
    const total = Number(await page.locator('section[data-list="statements"] [data-total]').getAttribute("data-total"));
    expect(total === bucket.count, `the list says ${total} statements, the bar ${bucket.count}`);
    await page.screenshot({ path: join(shots, "statements.png"), fullPage: true });
  });

  // An entity's statements per month follow the view's filters.
  await check("entity-months-equal-api", 1280, async (page) => {
    const d = await api(`{ statementCounts(filter: { speaker: "person:mark-rutte", kind: QUOTE }, by: MONTH, first: 100) { key count } }`);
    const months = d.statementCounts.filter((b) => b.key !== "undated").sort((a, b) => a.key.localeCompare(b.key));
    expect(months.length > 0, "Rutte has no dated quotes");
    await page.goto(`${base}/#/entity/person%3Amark-rutte?kind=QUOTE`);
    await page.locator('[data-chart="months"] rect').first().waitFor();
    const cols = await page.locator('[data-chart="months"] rect').evaluateAll((els) => els.map((r) => ({ key: r.dataset.month, count: Number(r.dataset.count) })));
    expect(same(cols, months), `Rutte's months ${JSON.stringify(cols)} differ from the API ${JSON.stringify(months)}`);
  });

  // Clicking an edge of the network lists that edge's statements, as the
  // API's network has them: the heaviest with the mouse on the canvas, and
  // one from the statements about Putin to another target (those also
  // about him only) with the keyboard from the list of links.
  await check("edge-lists-its-statements", 1280, async (page) => {
    const net = `edges { from { id } to { id } count statements(first: 10) { totalCount nodes { id } } }`;
    const d = await api(`{ said: network(filter: { speaker: "person:vladimir-putin" }, first: 30) { ${net} } about: network(filter: { about: "person:vladimir-putin" }, first: 30) { ${net} } }`);
    expect(d.said.edges.length < 30 && d.about.edges.length < 30 && [...d.said.edges, ...d.about.edges].every((e) => e.count <= 10), "the network is larger than this test reads");
    const edgeOf = (from, to) => d.said.edges.find((e) => e.from.id === from && e.to.id === to) ?? d.about.edges.find((e) => e.from.id === from && e.to.id === to);
    await page.goto(`${base}/#/graph/person%3Avladimir-putin`);
    await page.locator(".graph-canvas canvas").first().waitFor();
    await page.waitForTimeout(300);
    const edges = await page.evaluate(() =>
      document.querySelector(".graph-canvas").cy.edges("[role = 0]").map((e) => ({ id: e.id(), from: e.source().id(), to: e.target().id(), label: e.data("label"), width: e.data("width") })),
    );
    // Every statement edge is the API's, with its count; wider when heavier.
    for (const e of edges) {
      const a = edgeOf(e.from, e.to);
      expect(a && String(a.count) === e.label, `edge ${e.from} > ${e.to} (${e.label}) is not the API's (${a?.count})`);
    }
    expect(edges.length === new Set([...d.said.edges, ...d.about.edges].map((e) => `${e.from.id}>${e.to.id}`)).size, "the graph lacks some of the API's edges");
    const heaviest = [...edges].sort((a, b) => Number(b.label) - Number(a.label))[0];
    const lightest = [...edges].sort((a, b) => Number(a.label) - Number(b.label))[0];
    expect(heaviest.width > lightest.width, "a heavier edge is not wider");
    const listed = async (e) => {
      await page.locator(`.edge-panel[data-edge="${e.id}"] li.statement`).first().waitFor();
      const ids = await page.locator(".edge-panel li.statement").evaluateAll((els) => els.map((x) => x.dataset.id));
      const total = Number(await page.locator(".edge-panel [data-total]").getAttribute("data-total"));
      const a = edgeOf(e.from, e.to);
      const want = a.statements.nodes.map((n) => n.id);
      expect(same(ids, want) && total === a.count, `edge ${e.from} > ${e.to} lists ${JSON.stringify(ids)} (${total}), the API ${JSON.stringify(want)} (${a.count})`);
      // Each with its evidence, highlighted, and a link to its source.
      expect((await page.locator(".edge-panel li.statement .passage mark").count()) === ids.length, "a statement of the edge has no highlighted evidence");
      expect((await page.locator('.edge-panel li.statement .source a[href^="#/source/"]').count()) === ids.length, "a statement of the edge has no link to its source");
    };
    const pos = await page.evaluate((id) => {
      const el = document.querySelector(".graph-canvas");
      const p = el.cy.getElementById(id).renderedMidpoint();
      const box = el.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    }, heaviest.id);
    await page.mouse.click(pos.x, pos.y);
    await listed(heaviest);
    await page.screenshot({ path: join(shots, "graph-edge.png"), fullPage: true });
    // Rutte about Ukraine, in statements about Putin: fewer than all Rutte said about Ukraine.
    const other = edges.find((e) => e.from === "person:mark-rutte" && e.to === "nation:ukraine");
    expect(other, "no edge from Rutte to Ukraine around Putin");
    const all = await api(`{ statements(filter: { speaker: "person:mark-rutte", about: "nation:ukraine" }, first: 1) { totalCount } }`);
    expect(all.statements.totalCount > edgeOf(other.from, other.to).count, "the edge's count does not depend on the statements being about Putin");
    await page.locator(`button[data-edge="${other.id}"]`).focus();
    await page.keyboard.press("Enter");
    await listed(other);
  });

  // The network of the whole graph, for a filter in the URL.
  await check("network-for-a-filter", 1280, async (page) => {
    const d = await api(`{ network(filter: { kind: PARAPHRASE, from: "2025-09" }, first: 60) { edges { from { id } to { id } count } } }`);
    await page.goto(`${base}/#/graph?kind=PARAPHRASE&from=2025-09`);
    await page.locator(".graph-canvas canvas").first().waitFor();
    expect((await page.locator('select[name="kind"]').inputValue()) === "PARAPHRASE", "the form does not show the URL's filter");
    const edges = await page.evaluate(() => document.querySelector(".graph-canvas").cy.edges().map((e) => `${e.source().id()}>${e.target().id()}:${e.data("label")}`));
    const want = d.network.edges.map((e) => `${e.from.id}>${e.to.id}:${e.count}`);
    expect(want.length > 3 && same([...edges].sort(), [...want].sort()), `the page's edges ${edges} differ from the API's ${want}`);
  });

  // Every view fits a 390 px phone screen without sideways scrolling.
  for (const [view, hash, ready] of [
    ["entity", "#/entity/person%3Amark-rutte", 'section[data-list="said"] li.statement'],
    ["graph", "#/graph/person%3Amark-rutte", ".graph-canvas canvas"],
    ["paths", "#/paths?from=person%3Arosen-zhelyazkov&to=person%3Amark-rutte", ".path"],
    ["source", "#/source/source%3Areuters-2025-09-05-coalition-of-the-willing", ".source-text mark"],
    ["search", "#/search?q=Macron", ".results li"],
    ["home", "#/", '[data-chart="people"] a.bar'],
    ["statements", "#/statements?about=nation%3Aukraine", "li.statement"],
  ]) {
    await check(`narrow-screen-${view}`, 390, async (page) => {
      await page.goto(`${base}/${hash}`);
      await page.locator(ready).first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow <= 1, `the ${view} view is ${overflow}px wider than a 390px screen`);
      await page.screenshot({ path: join(shots, `${view}-390.png`), fullPage: true });
    });
  }

  await check("keyboard", 1280, async (page) => {
    await page.goto(`${base}/`);
    // The skip link, the home link, then the search box.
    for (let i = 0; i < 3 && !(await page.evaluate(() => document.activeElement?.id === "search")); i++) {
      await page.keyboard.press("Tab");
    }
    expect(await page.evaluate(() => document.activeElement?.id === "search"), "the search box is not reachable by Tab");
    await page.keyboard.type("Macron");
    await page.locator("#suggestions li").first().waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForURL(/#\/entity\//);
  });
}

// The review desk, as a journalist uses it: paste a report the seed does
// not contain, draft it, fix it, publish it, find its statements, delete it.
if (phase === "desk") {
  const token = process.env.TOKEN;
  if (!token) throw new Error("TOKEN is required for the desk phase");
  const report = readFileSync("e2e/desk-report.txt", "utf8");
  // gql asks the server directly (not through the page), for the counts
  // the round must leave as they were.
  const gql = async (query, variables = {}) => {
    const res = await fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
    const body = await res.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const totals = async () => {
    const d = await gql(`{ statements(first: 1) { totalCount } entities(first: 1) { totalCount } sources(first: 1) { totalCount } }`);
    return { statements: d.statements.totalCount, entities: d.entities.totalCount, sources: d.sources.totalCount };
  };
  // selectText selects the first occurrence of words in the review's text
  // with a DOM range, as a mouse would, and releases the button.
  const selectText = (page, words) =>
    page.evaluate((words) => {
      const root = document.querySelector(".review-text");
      const nodes = [];
      const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let all = "";
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        nodes.push([n, all.length]);
        all += n.data;
      }
      const at = all.indexOf(words);
      if (at < 0) throw new Error(`"${words}" is not in the text`);
      const place = (i) => {
        const [n, from] = nodes.filter(([, from]) => from <= i).pop();
        return [n, i - from];
      };
      const r = document.createRange();
      r.setStart(...place(at));
      r.setEnd(...place(at + words.length));
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(r);
      root.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
    }, words);
  const row = (page, text) => page.locator(".review-row", { hasText: text });

  await check("desk-round", 1280, async (page) => {
    const before = await totals();
    const t0 = Date.now();
    // 1. Paste the report: title, publisher and date come from its headline and dateline.
    await page.goto(`${base}/#/add`);
    await page.locator("textarea[name=text]").fill(report);
    expect((await page.locator("input[name=title]").inputValue()) === "Allies promise air defence for Ukraine's winter", "no title suggested from the headline");
    expect((await page.locator("input[name=publisher]").inputValue()) === "Reuters", "no publisher suggested from the dateline");
    expect(/^\d{4}-02-03$/.test(await page.locator("input[name=publishedAt]").inputValue()), "no date suggested from the dateline");
    await page.locator("input[name=publishedAt]").fill("2026-02-03");
    await page.screenshot({ path: join(shots, "add-report.png") });
    // 2. Draft. A wrong token is refused and the text stays; then the right one.
    await page.getByRole("button", { name: "Draft" }).click();
    await page.locator("input[name=token]").fill("not-the-token-at-all-0000");
    await page.getByRole("button", { name: "Use this token" }).click();
    await page.getByText("The server refused the API token").waitFor();
    expect((await page.locator("textarea[name=text]").inputValue()) === report, "the text was lost after a wrong token");
    await page.locator("input[name=token]").fill(token);
    await page.getByRole("button", { name: "Use this token" }).click();
    await page.waitForURL(/#\/review$/);
    await page.locator('.review-row[data-kind="statement"]').first().waitFor();
    expect(!page.url().includes(token), "the token is in the URL");
    expect(await page.evaluate((t) => !JSON.stringify(localStorage).includes(t), token), "the token is in localStorage");
    // Least sure first: the confidences never go down the list.
    const sure = await page.locator('[data-section="statements"] .confidence').allTextContents();
    const pct = sure.map((s) => parseInt(s, 10));
    expect(pct.length >= 5 && pct.every((p, i) => i === 0 || p >= pct[i - 1]), `statements are not least sure first: ${sure}`);
    // Choosing a row highlights its evidence in the text.
    await row(page, "We will not let the grid go dark").first().focus();
    expect(((await page.locator(".review-text mark.focused").allTextContents()).join("")).includes("We will not let the grid go dark"), "the focused statement's evidence is not highlighted");

    // 3a. Fix a speaker: the unresolved statement is Zelenskyy's (the draft's new entity).
    const batteries = row(page, "ten more batteries");
    await batteries.locator('input[name="speaker"]').fill("Zelenskyy");
    await batteries.locator('li[data-id="person:volodymyr-zelenskyy"]').waitFor();
    await batteries.locator('input[name="speaker"]').press("Enter");
    await batteries.locator(".speaker", { hasText: "Volodymyr Zelenskyy" }).waitFor();
    // The other one, "a spokesman", is dropped with the keyboard; the
    // Kremlin's with the keyboard too, after moving down with j.
    await row(page, "first deliveries could arrive").focus();
    await page.keyboard.press("d");
    await row(page, "first deliveries could arrive").and(page.locator(".status-dropped")).waitFor();
    await row(page, "We will not let the grid go dark").first().focus();
    await page.keyboard.press("a");
    await row(page, "We will not let the grid go dark").and(page.locator(".status-accepted")).waitFor();
    await row(page, "prolong the war").focus();
    await page.keyboard.press("d");
    await row(page, "prolong the war").and(page.locator(".status-dropped")).waitFor();
    // 3b. Merge the new "Volodymyr Zelenskyy" into the graph's Volodymyr Zelensky, by keyboard.
    const zel = page.locator('.entity-row[data-key="person:volodymyr-zelenskyy"]');
    await zel.locator('[data-action="entity-edit"]').click();
    await zel.locator('input[name="merge"]').fill("Zelensky");
    await zel.locator('li[data-id="person:volodymyr-zelensky"]').waitFor();
    const options = await zel.locator('li[role="option"]').evaluateAll((els) => els.map((e) => e.dataset.id));
    for (let i = 0; i <= options.indexOf("person:volodymyr-zelensky"); i++) await zel.locator('input[name="merge"]').press(i === 0 ? "Home" : "ArrowDown");
    await zel.locator('input[name="merge"]').press("Enter");
    await zel.waitFor({ state: "detached" });
    await batteries.locator(".speaker", { hasText: "Volodymyr Zelensky" }).waitFor();
    // 3c. Add a statement by selecting its words in the text.
    const words = "Zelenskyy thanked the allies in a video address";
    await selectText(page, words);
    await page.getByRole("button", { name: "New statement" }).click();
    const added = page.locator('.statement-row[data-key^="n"]');
    await added.waitFor();
    await added.locator('input[name="speaker"]').fill("Zelensky");
    await added.locator('li[data-id="person:volodymyr-zelensky"]').waitFor();
    await added.locator('li[data-id="person:volodymyr-zelensky"]').click();
    await added.locator(".speaker", { hasText: "Volodymyr Zelensky" }).waitFor();
    await added.locator('textarea[name="text"]').fill("Zelensky thanked the allies.");
    await added.locator('textarea[name="text"]').blur();
    await added.locator(".text", { hasText: "Zelensky thanked the allies." }).waitFor();
    // Its evidence counts code points, as the API does.
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("newsgraph.desk")).review.statements.find((s) => s.added).v.evidence);
    const cps = Array.from(report);
    const start = Array.from(report.slice(0, report.indexOf(words))).length;
    expect(stored.start === start && stored.end === start + Array.from(words).length, `evidence ${JSON.stringify(stored)}, want [${start}, ${start + words.length})`);

    // A reload in the middle of the review loses nothing.
    const snapshot = await page.evaluate(() => localStorage.getItem("newsgraph.desk"));
    await page.reload();
    await page.locator('.review-row[data-kind="statement"]').first().waitFor();
    expect((await page.evaluate(() => localStorage.getItem("newsgraph.desk"))) === snapshot, "the review changed across a reload");
    await row(page, "prolong the war").and(page.locator(".status-dropped")).waitFor();
    await page.locator('.statement-row[data-key^="n"]', { hasText: "Zelensky thanked the allies." }).waitFor();
    expect((await page.locator('.entity-row[data-key="person:volodymyr-zelenskyy"]').count()) === 0, "the merge was lost in the reload");

    // 4. validateSource finds nothing wrong, so Publish is enabled.
    const publish = page.locator('button[data-action="publish"]');
    await page.getByText("The draft is valid: ready to publish.").waitFor();
    expect(await publish.isEnabled(), "Publish is disabled for a valid draft");
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(shots, "review.png") });
    // A wrong token at publishing says so, and the work stays.
    await page.evaluate(() => sessionStorage.setItem("newsgraph.token", "wrong-token-0000000000000"));
    await publish.click();
    await page.getByText("The server refused the API token").waitFor();
    expect((await page.evaluate(() => localStorage.getItem("newsgraph.desk"))) !== null, "the review was lost after a wrong token");
    await page.locator("input[name=token]").fill(token);
    await page.getByRole("button", { name: "Use this token" }).click();
    await page.getByText("The draft is valid: ready to publish.").waitFor();
    // Every statement not dropped is published (here 6 drafted - 1 dropped + 1 resolved + 1 added).
    const kept = await page.locator(".statement-row:not(.status-dropped)").count();
    await publish.click();
    await page.locator("section.published").waitFor();
    const created = Number(await page.locator('.counts tr[data-kind="statements"] td[data-col="created"]').textContent());
    expect(created === kept, `published ${created} statements, want the ${kept} not dropped`);
    expect((await page.evaluate(() => localStorage.getItem("newsgraph.desk"))) === null, "the review is still stored after publishing");
    const sourceId = await page.locator("a[data-source]").getAttribute("data-source");
    await page.locator("a[data-source]").click();
    await page.waitForURL(/#\/source\//);
    await page.locator(".source-text mark").first().waitFor();

    // 5. The new statements, from the page of a person the graph already had.
    await page.goto(`${base}/#/entity/person%3Avolodymyr-zelensky`);
    const said = page.locator('section[data-list="said"] li.statement').filter({ has: page.locator(".text", { hasText: "ten more batteries" }) });
    await said.locator("mark[data-evidence]").waitFor();
    expect(((await said.locator("mark[data-evidence]").textContent()) ?? "").includes("ten more batteries"), "the evidence is not highlighted");
    await page.locator('section[data-list="said"] li.statement', { hasText: "Zelensky thanked the allies." }).waitFor();
    await page.goto(`${base}/#/entity/person%3Amark-rutte`);
    await page.locator('section[data-list="said"] li.statement').filter({ has: page.locator(".text", { hasText: "We will not let the grid go dark" }) }).locator("mark[data-evidence]").waitFor();

    // 6. Delete it from the sources page; the graph's counts are back.
    await page.goto(`${base}/#/sources`);
    const src = page.locator(`.source-row[data-id="${sourceId}"]`);
    await src.waitFor();
    await page.screenshot({ path: join(shots, "sources.png") });
    await src.locator('[data-action="delete"]').click();
    const confirmText = (await src.locator(".confirm").textContent()) ?? "";
    expect(confirmText.includes(`${kept} statements`) && /\d+ entities/.test(confirmText), `the confirmation does not name what goes: ${confirmText}`);
    await src.locator('[data-action="confirm-delete"]').click();
    await page.locator('.sources-note .counts tr[data-kind="statements"]').waitFor();
    const deleted = Number(await page.locator('.sources-note .counts tr[data-kind="statements"] td[data-col="deleted"]').textContent());
    expect(deleted === kept, `deleted ${deleted} statements, want ${kept}`);
    await src.waitFor({ state: "detached" });
    const round = (Date.now() - t0) / 1000;
    const after = await totals();
    expect(JSON.stringify(after) === JSON.stringify(before), `counts after the round ${JSON.stringify(after)} differ from before ${JSON.stringify(before)}`);
    console.log(`desk round: ${round.toFixed(1)} s`);
  });

  // The seed report re-opened for correction: 38 statements render and
  // scroll without lag, and validate as they are.
  await check("desk-seed-review", 1280, async (page) => {
    await page.goto(`${base}/#/sources`);
    await page.evaluate((t) => sessionStorage.setItem("newsgraph.token", t), token);
    const seed = page.locator('.source-row[data-id="source:reuters-2025-09-05-coalition-of-the-willing"]');
    await seed.locator('[data-action="correct"]').click();
    await page.waitForURL(/#\/review\//);
    const t0 = Date.now();
    await page.locator('.review-row[data-kind="statement"]').nth(37).waitFor();
    const shown = Date.now() - t0;
    expect((await page.locator('.review-row[data-kind="statement"]').count()) === 38, "the seed's review does not list 38 statements");
    await page.getByText("The draft is valid: ready to publish.").waitFor();
    // Scrolling the whole list, and moving down it with j, stay smooth.
    const frames = await page.evaluate(async () => {
      const gaps = [];
      let last = performance.now();
      for (let y = 0; y < document.body.scrollHeight; y += 300) {
        window.scrollTo(0, y);
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        gaps.push(now - last);
        last = now;
      }
      return gaps;
    });
    const worst = Math.max(...frames);
    await page.locator('.review-row[data-kind="statement"]').first().focus();
    const j0 = Date.now();
    for (let i = 0; i < 10; i++) await page.keyboard.press("j");
    const perKey = (Date.now() - j0) / 10;
    console.log(`seed review: shown in ${shown} ms, worst scroll frame ${worst.toFixed(0)} ms, ${perKey.toFixed(0)} ms per j`);
    expect(shown < 3000 && worst < 250 && perKey < 250, "the seed's review lags");
    await page.evaluate(() => localStorage.removeItem("newsgraph.desk"));
  });

  await check("desk-narrow-screen", 390, async (page) => {
    await page.goto(`${base}/#/add`);
    await page.evaluate((t) => sessionStorage.setItem("newsgraph.token", t), token);
    await page.locator("textarea[name=text]").fill(report);
    const wide = async (view) => {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow <= 1, `the ${view} view is ${overflow}px wider than a 390px screen`);
      await page.screenshot({ path: join(shots, `${view}-390.png`), fullPage: true });
    };
    await wide("add");
    await page.getByRole("button", { name: "Draft" }).click();
    await page.locator('.review-row[data-kind="statement"]').first().waitFor();
    if (await page.locator('[data-action="entity-edit"]').count()) await page.locator('[data-action="entity-edit"]').first().click();
    await row(page, "ten more batteries").locator('input[name="speaker"]').waitFor();
    await wide("review");
    await page.evaluate(() => localStorage.removeItem("newsgraph.desk"));
    await page.goto(`${base}/#/sources`);
    await page.locator(".source-row").first().waitFor();
    await wide("sources");
  });
}

if (phase === "live") {
  const token = process.env.TOKEN;
  if (!token) throw new Error("TOKEN is required for the live phase");
  const doc = JSON.parse(readFileSync("../../seed/examples/varno-accord.json", "utf8"));
  const src = doc.source.id;
  const mutate = (query, variables = {}) => api(query, variables, token);
  const ingest = () => mutate(`mutation ($d: SourceDocumentInput!) { ingestSource(document: $d) { source { id } } }`, { d: doc });
  // subscribed waits until the server counts n live subscriptions: the
  // page's WebSockets are open and subscribed.
  const subscribed = async (n) => {
    for (let i = 0; i < 200; i++) {
      const m = await (await fetch(`${base}/metrics`)).text();
      if (m.includes(`\nnewsgraph_subscriptions ${n}\n`)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`the server never counted ${n} subscriptions`);
  };
  await check("live-home", 1280, async (page) => {
    await page.goto(`${base}/#/`);
    await page.locator(".just-in").waitFor();
    await subscribed(2);
    const statementsFigure = async () => Number(((await page.locator('[data-total="statements"] .figure').textContent()) ?? "").replace(/\D/g, ""));
    const before = await statementsFigure();
    await ingest();
    const fresh = page.locator(".just-in li.statement.new");
    await fresh.nth(doc.statements.length - 1).waitFor({ timeout: 10000 });
    expect((await fresh.count()) === doc.statements.length, `${await fresh.count()} new statements on the home page, want ${doc.statements.length}`);
    expect((await fresh.first().locator(".badge-new").textContent()) === "new", "a new statement is not marked new");
    await page.locator(`.latest-sources li.new[data-id="${src}"]`).waitFor({ timeout: 10000 });
    const after = await statementsFigure();
    expect(after === before + doc.statements.length, `the statements figure went from ${before} to ${after}`);
    await page.screenshot({ path: join(shots, "live-home.png"), fullPage: true });
    // Leaving the page ends its subscriptions; the next check counts its own.
    await page.goto("about:blank");
    await subscribed(0);
  });
  await check("live-entity", 1280, async (page) => {
    // Piet Andrin said two of the report's three statements.
    await page.goto(`${base}/#/entity/person%3Apiet-andrin`);
    await page.locator('section[data-list="said"]').waitFor();
    await subscribed(2);
    await mutate(`mutation { deleteSource(id: "${src}") { id } }`);
    await ingest(); // the same statements again: new to the graph once more
    const fresh = page.locator('section[data-list="said"] li.statement.new');
    await fresh.nth(1).waitFor({ timeout: 10000 });
    expect((await fresh.count()) === 2, `${await fresh.count()} new statements in what Piet Andrin said, want 2`);
    expect((await page.locator('section[data-list="about"] li.statement.new').count()) === 0, "a statement by him was added to what others said about him");
    await page.screenshot({ path: join(shots, "live-entity.png"), fullPage: true });
  });
  await mutate(`mutation { deleteSource(id: "${src}") { id } }`);
}

if (phase === "outage") {
  await check("outage-message", 1280, async (page) => {
    await page.goto(`${base}/#/entity/person%3Amark-rutte`);
    const banner = page.locator("#banner");
    await banner.waitFor({ state: "visible" });
    const text = (await banner.textContent()) ?? "";
    expect(/unavailable/i.test(text), `banner says: ${text}`);
    await page.locator(".status-error").waitFor();
    await page.screenshot({ path: join(shots, "outage.png") });
  });
}

await browser.close();
if (failures.length) {
  console.log(`${failures.length} failed: ${failures.join(", ")}`);
  process.exit(1);
}
