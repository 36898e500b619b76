#!/usr/bin/env node
// Demo data for premises (issue #14, F-57, F-58): after `tools/hub up` has seeded housing's building
// (apps/housing/src/cli/seed.ts: production premises P-01) and registration's listed participants have
// reached housing over Kafka (`registration.participant-registered` — housing's own seed cannot invent
// registration's participant id), a listed participant — Alatau Analytics LLP — asks for production
// premises through the admin gateway with a dev-issuer token, and the housing manager allocates P-01:
// the same HTTP calls the screens make (/my/premises, /staff/housing), through the real handlers,
// outbox and timers. Idempotent: a company that already has a lease is left alone. Exits 0 with a
// message when a step cannot be taken yet, so `tools/hub up` never fails on demo data.
//
//   node tools/demo/housing-premises.mjs [--gateway http://127.0.0.1:3100] [--wait-ms 60000]
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({
  options: { gateway: { type: 'string', default: 'http://127.0.0.1:3100' }, 'wait-ms': { type: 'string', default: '60000' } },
  strict: true,
});
const GW = values.gateway.replace(/\/$/, '');
const WAIT_MS = Number(values['wait-ms']);
const COMPANY = 'Alatau Analytics LLP';

const say = (line) => process.stdout.write(`demo: ${line}\n`);
const token = (sub, role, company) =>
  execFileSync(process.execPath, [join(ROOT, 'tools/dev-issuer/token.mjs'), '--sub', sub, '--role', role, ...(company ? ['--company', company] : [])], {
    encoding: 'utf8',
  }).trim();

async function call(method, path, bearer, body) {
  const res = await fetch(`${GW}${path}`, {
    method,
    headers: {
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...(body ? { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { raw: text.slice(0, 300) };
  }
  return { status: res.status, body: json };
}

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

async function main() {
  const manager = token('demo-housing-manager', 'housing-manager');
  const units = await call('GET', '/api/housing/units', manager);
  const premises = (units.body ?? []).find?.((u) => u.kind === 'premises' && u.premisesKind === 'production');
  if (!premises) return say(`housing: no production premises in housing's seed (GET /units ${units.status}) — premises demo skipped`);
  const registry = await call('GET', `/api/registration/registry?q=${encodeURIComponent(COMPANY)}`);
  const entry = registry.status === 200 ? (registry.body.items ?? []).find((e) => e.companyName === COMPANY) : undefined;
  if (!entry) return say(`housing: ${COMPANY} is not in the registry — premises demo skipped`);
  const rep = token(`demo-rep-${entry.bin}`, 'applicant', entry.bin);
  const mine = await call('GET', '/api/housing/premises-leases', rep);
  if ((mine.body ?? []).length > 0) return say(`housing: ${COMPANY} already has premises (${mine.body.map((l) => l.status).join(', ')})`);
  // F-57: housing accepts the request once registration's participant-registered has reached it over Kafka
  const body = { bin: entry.bin, premisesKind: 'production', from: today };
  const until = Date.now() + WAIT_MS;
  let asked;
  for (;;) {
    asked = await call('POST', '/api/housing/premises-leases', rep, body);
    if (asked.status === 201) break;
    if (Date.now() > until || !(asked.status === 422 && JSON.stringify(asked.body).includes('F-57'))) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  if (asked.status !== 201) return say(`housing: ${COMPANY}'s premises request refused ${asked.status} ${JSON.stringify(asked.body)}`);
  const allocated = await call('POST', `/api/housing/premises-leases/${asked.body.id}/allocate`, manager, { unitId: premises.id });
  if (allocated.status !== 200) return say(`housing: allocating ${premises.code} to ${COMPANY} refused ${allocated.status} ${JSON.stringify(allocated.body)}`);
  say(`housing: ${COMPANY} uses ${premises.code} (production premises) from ${today} to ${allocated.body.endsOn} (F-57, F-58)`);
}

await main();
