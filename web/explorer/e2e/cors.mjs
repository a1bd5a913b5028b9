// CORS in a real browser: a page served from another origin calls the API
// with fetch, as a frontend on its own dev server does. Usage:
//   node e2e/cors.mjs API_URL ALLOWED_PAGE_URL BLOCKED_PAGE_URL
// The allowed page's POST (preflighted: JSON and a bearer header) and GET
// must succeed and read the exposed ETag; the blocked page's must fail.
import { chromium } from 'playwright-core';

const [api, allowedPage, blockedPage] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking'],
});
let failed = false;
function check(name, ok, detail) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok ? '' : ': ' + JSON.stringify(detail)}`);
  if (!ok) failed = true;
}

async function tryFetch(pageURL) {
  const page = await browser.newPage();
  await page.goto(pageURL);
  const out = await page.evaluate(async (api) => {
    const query = '{ entity(id: "person:mark-rutte") { name } }';
    const result = {};
    try {
      const r = await fetch(api, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token-just-a-header' },
        body: JSON.stringify({ query }),
      });
      result.post = { status: r.status, body: await r.json() };
    } catch (e) {
      result.post = { error: String(e) };
    }
    try {
      const r = await fetch(api + '?query=' + encodeURIComponent(query));
      result.get = { status: r.status, etag: r.headers.get('etag'), body: await r.json() };
    } catch (e) {
      result.get = { error: String(e) };
    }
    return result;
  }, api);
  await page.close();
  return out;
}

const allowed = await tryFetch(allowedPage);
check('allowed origin: preflighted POST answers', allowed.post.body?.data?.entity?.name === 'Mark Rutte', allowed.post);
check('allowed origin: GET answers', allowed.get.body?.data?.entity?.name === 'Mark Rutte', allowed.get);
check('allowed origin: the ETag header is readable', typeof allowed.get.etag === 'string' && allowed.get.etag.length > 2, allowed.get);

const blocked = await tryFetch(blockedPage);
check('other origin: POST is refused by the browser', typeof blocked.post.error === 'string', blocked.post);
check('other origin: GET is refused by the browser', typeof blocked.get.error === 'string', blocked.get);

await browser.close();
process.exit(failed ? 1 : 0);
