// GraphQL-over-HTTP conformance: runs every server audit of the graphql-http package against a running Quoteline.
// Usage: node http-audit.mjs http://127.0.0.1:18701/graphql
// Exits 1 when any MUST audit fails; SHOULD and MAY failures are printed (README "GraphQL over HTTP" explains the
// SHOULDs we knowingly fail) but do not fail the run.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node http-audit.mjs <graphql endpoint URL>');
  process.exit(2);
}

const counts = { MUST: { ok: 0, failed: 0 }, SHOULD: { ok: 0, failed: 0 }, MAY: { ok: 0, failed: 0 } };
const failures = [];
for (const audit of serverAudits({ url })) {
  const result = await audit.fn();
  const level = audit.name.split(' ')[0];
  if (result.status === 'ok') {
    counts[level].ok++;
    continue;
  }
  counts[level].failed++;
  let body = '';
  try {
    body = (await result.response.text()).slice(0, 300);
  } catch {
    // the audit may already have consumed the body; the reason says enough then
  }
  failures.push({ level, id: audit.id, name: audit.name, reason: result.reason, status: result.response?.status, body });
}

for (const level of ['MUST', 'SHOULD', 'MAY']) {
  for (const f of failures.filter((x) => x.level === level)) {
    console.log(`${level} failed [${f.id}] ${f.name}\n    reason: ${f.reason}\n    response: HTTP ${f.status} ${f.body}`);
  }
}
for (const [level, c] of Object.entries(counts)) {
  console.log(`${level}: ${c.ok} passed, ${c.failed} failed`);
}
process.exit(counts.MUST.failed > 0 ? 1 : 0);
