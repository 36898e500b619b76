#!/usr/bin/env node
// Demo data for ICT training (issue #13): after `tools/hub up` has seeded training's announced intake
// (apps/training/src/cli/seed.ts) and participation has started the listed participants, an active
// participant — Steppe Games LLP — files a provider application to the open intake through the admin
// gateway with a dev-issuer token, the same HTTP call a provider's representative makes (F-65 … F-67,
// F-77 checked by training against the participation it learned over Kafka). Idempotent: a company
// that has already applied to the intake is left alone. Exits 0 with a message when a step cannot be
// taken yet, so `tools/hub up` never fails on demo data; every refusal is printed.
//
//   node tools/demo/training-intake.mjs [--gateway http://127.0.0.1:3100] [--wait-ms 60000]
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
const COMPANY = 'Steppe Games LLP';

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

/** A six-month course with every week's topics and hours (F-65(1); complete for F-68(6), (7)). */
const course = {
  name: 'Backend engineering in TypeScript',
  description: 'Services, databases and messaging for junior developers',
  curriculum: Array.from({ length: 24 }, (_, i) => ({ week: i + 1, topics: `Week ${i + 1}: lectures and a lab`, academicHours: 12 })),
  durationMonths: 6,
  studentSelectionCriteria: 'An entrance test in programming basics and an interview',
  priceTiyn: 45_000_000,
};

async function main() {
  const intakes = await call('GET', '/api/training/intakes', token('demo-training-officer', 'training-officer'));
  const intake = (intakes.body ?? []).find?.((i) => i.opensOn <= today && today <= i.closesOn);
  if (!intake) return say(`training: no intake open on ${today} — provider application skipped`);
  const registry = await call('GET', `/api/registration/registry?q=${encodeURIComponent(COMPANY)}`);
  const entry = registry.status === 200 ? (registry.body.items ?? []).find((e) => e.companyName === COMPANY) : undefined;
  if (!entry) return say(`training: ${COMPANY} is not in the registry — provider application skipped`);
  const rep = token(`demo-rep-${entry.bin}`, 'applicant', entry.bin);
  const mine = await call('GET', '/api/training/provider-applications', rep);
  if ((mine.body ?? []).some?.((a) => a.intakeId === intake.id)) return say(`training: ${COMPANY} has already applied to “${intake.title}”`);
  const body = { intakeId: intake.id, bin: entry.bin, language: 'ru', courses: [course], attachments: [], declarationOfAccuracy: true };
  // F-77: training accepts the filing once participation's participation-started has reached it over Kafka
  const until = Date.now() + WAIT_MS;
  let last;
  for (;;) {
    last = await call('POST', '/api/training/provider-applications', rep, body);
    if (last.status === 201) break;
    if (Date.now() > until || !(last.status === 422 && JSON.stringify(last.body).includes('F-77'))) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  if (last.status !== 201) return say(`training: ${COMPANY}'s provider application refused ${last.status} ${JSON.stringify(last.body)}`);
  say(`training: ${COMPANY} filed a provider application to “${intake.title}” (F-65); completeness review due ${last.body.reviewDueOn} (F-68)`);
}

await main();
