// End-to-end tests of the explorer in headless Chromium (Debian's, driven
// by playwright-core), against the real server and a seeded Neo4j. The Go
// test TestExplorerInBrowser (explorer_e2e_test.go) starts both and runs
//
//   BASE_URL=http://127.0.0.1:PORT SHOTS=dir node e2e/run.mjs main
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

  // Every view fits a 390 px phone screen without sideways scrolling.
  for (const [view, hash, ready] of [
    ["entity", "#/entity/person%3Amark-rutte", 'section[data-list="said"] li.statement'],
    ["graph", "#/graph/person%3Amark-rutte", ".graph-canvas canvas"],
    ["paths", "#/paths?from=person%3Arosen-zhelyazkov&to=person%3Amark-rutte", ".path"],
    ["source", "#/source/source%3Areuters-2025-09-05-coalition-of-the-willing", ".source-text mark"],
    ["search", "#/search?q=Macron", ".results li"],
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
