// The GraphQL-over-HTTP audit: graphql-http's own server audits, run
// against a live newsgraph. Usage: node e2e/http-audit.mjs URL
//
// It prints every audit and exits 1 when any MUST fails (error) or any
// SHOULD fails (warn); the MAY items are printed as notices.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node e2e/http-audit.mjs http://host:port/graphql');
  process.exit(2);
}
const results = await auditServer({ url });
const count = { ok: 0, notice: 0, warn: 0, error: 0 };
for (const r of results) {
  count[r.status]++;
  if (r.status === 'ok') {
    console.log(`ok     ${r.id} ${r.name}`);
    continue;
  }
  let body = '';
  try {
    body = r.response ? ` (${r.response.status}: ${(await r.response.text()).slice(0, 200)})` : '';
  } catch {
    // the body was read by the audit itself
  }
  console.log(`${r.status.padEnd(6)} ${r.id} ${r.name}: ${r.reason}${body}`);
}
console.log(`audit: ${count.ok} ok, ${count.notice} notice, ${count.warn} warn, ${count.error} error`);
process.exit(count.warn + count.error > 0 ? 1 : 0);
