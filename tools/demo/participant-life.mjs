#!/usr/bin/env node
// Demo data that needs more than one context (issue #9): after `tools/hub up` has seeded registration
// and the apps run, two of registration's listed participants live on in participation — through the
// admin gateway, with dev-issuer tokens, the same HTTP calls a user makes — and their facts travel
// back over Kafka to the public registry:
//   Steppe Games LLP     an extension filed and approved (F-25) → the registry shows the new end and
//                        the Annex 3 certificate number
//   Baiterek Secure LLP  early termination by the Commission, ground (2) planned results achieved
//                        (F-28(2), F-30) → the registry shows it terminated
// Idempotent: a participant already extended or terminated is left alone. Exits 0 with a message when
// a step cannot be taken yet (e.g. the participation has not started), so `tools/hub up` never fails
// on demo data; every refusal is printed.
//
//   node tools/demo/participant-life.mjs [--gateway http://127.0.0.1:3100] [--wait-ms 60000]
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

const say = (line) => process.stdout.write(`demo: ${line}\n`);
const token = (sub, role, company) =>
  execFileSync(process.execPath, [join(ROOT, 'tools/dev-issuer/token.mjs'), '--sub', sub, '--role', role, ...(company ? ['--company', company] : [])], {
    encoding: 'utf8',
  }).trim();

async function call(method, path, bearer, body) {
  const res = await fetch(`${GW}${path}`, {
    method,
    headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
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

async function waitFor(what, probe) {
  const until = Date.now() + WAIT_MS;
  for (;;) {
    const found = await probe();
    if (found) return found;
    if (Date.now() > until) return null;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The company's entry in the public registry (anonymous, as anyone sees it). */
async function registryEntry(companyName) {
  const r = await call('GET', `/api/registration/registry?q=${encodeURIComponent(companyName)}`);
  return r.status === 200 ? (r.body.items ?? []).find((e) => e.companyName === companyName) : undefined;
}

const officer = token('demo-officer', 'fund-officer');
const secretary = token('demo-secretary', 'commission-secretary');
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

async function participationOf(bin) {
  return waitFor(`participation of ${bin}`, async () => {
    const r = await call('GET', `/api/participation/participations?bin=${bin}`, officer);
    return r.status === 200 ? (r.body.items ?? []).find((p) => p.status === 'active' || p.status === 'terminated' || p.status === 'ended') : undefined;
  });
}

async function extend(companyName) {
  const entry = await registryEntry(companyName);
  if (!entry) return say(`${companyName} is not in the registry — skipped`);
  if ((entry.extensions ?? []).length > 0) return say(`${companyName} already extended to ${entry.validTo}`);
  const p = await participationOf(entry.bin);
  if (!p || p.status !== 'active') return say(`${companyName}: no active participation yet — extension skipped`);
  const existing = await call('GET', `/api/participation/participations/${p.id}/extensions`, officer);
  let extension = (existing.body ?? []).find?.((x) => x.status === 'submitted');
  if (!extension) {
    const [y, m, d] = p.termEnd.split('-');
    const requestedTermEnd = `${Number(y) + 1}-${m}-${m === '02' && d === '29' ? '28' : d}`;
    const filed = await call('POST', `/api/participation/participations/${p.id}/extensions`, officer, { requestedTermEnd });
    if (filed.status !== 201) return say(`${companyName}: extension refused ${filed.status} ${JSON.stringify(filed.body)}`);
    extension = filed.body;
  }
  const decided = await call('POST', `/api/participation/participations/${p.id}/extensions/${extension.id}/decision`, officer, { decision: 'approve' });
  if (decided.status !== 200) return say(`${companyName}: approval refused ${decided.status} ${JSON.stringify(decided.body)}`);
  const shown = await waitFor('the registry shows the extension', async () => {
    const e = await registryEntry(companyName);
    return (e?.extensions ?? []).length > 0 ? e : undefined;
  });
  say(
    shown
      ? `${companyName} extended (F-25): valid to ${shown.validTo}, certificate ${shown.extensions[0].certificateNumber}`
      : `${companyName}: extension approved; the registry has not shown it yet`,
  );
}

async function terminateEarly(companyName) {
  const entry = await registryEntry(companyName);
  if (!entry) return say(`${companyName} is not in the registry — skipped`);
  if (entry.status === 'terminated') return say(`${companyName} already terminated on ${entry.termination?.terminatedOn}`);
  const p = await participationOf(entry.bin);
  if (!p || p.status !== 'active') return say(`${companyName}: no active participation yet — termination skipped`);
  const opened = await call('POST', `/api/participation/participations/${p.id}/early-terminations`, officer, {
    ground: 'planned-results-achieved',
    reason: 'Demo: the planned results of the business plan were achieved ahead of the term',
  });
  if (opened.status !== 201) return say(`${companyName}: early termination refused ${opened.status} ${JSON.stringify(opened.body)}`);
  const decided = await call('POST', `/api/participation/early-terminations/${opened.body.id}/commission-decision`, secretary, {
    decision: 'terminate',
    protocolNumber: `DEMO-${entry.bin}`,
    decidedOn: today,
  });
  if (decided.status !== 200) return say(`${companyName}: Commission decision refused ${decided.status} ${JSON.stringify(decided.body)}`);
  const shown = await waitFor('the registry shows the termination', async () => {
    const e = await registryEntry(companyName);
    return e?.status === 'terminated' ? e : undefined;
  });
  say(
    shown
      ? `${companyName} terminated early (F-28(2), F-30) on ${shown.termination.terminatedOn}`
      : `${companyName}: terminated; the registry has not shown it yet`,
  );
}

await extend('Steppe Games LLP');
await terminateEarly('Baiterek Secure LLP');
