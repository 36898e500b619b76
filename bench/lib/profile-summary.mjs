// Summarises a V8 .cpuprofile (node --cpu-prof) of an app under the command-path bench: self time by
// package, the heaviest functions, and inclusive time under chosen frames (token verification,
// validation, unit of work, the follow-up read, the outbox insert, logging), as shares of busy time.
//
//   node bench/lib/profile-summary.mjs /tmp/prof/CPU….cpuprofile
import { readFileSync } from 'node:fs';

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = new Map();
for (let i = 0; i < profile.samples.length; i++) dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
const self = (n) => (dt.get(n.id) ?? 0) / 1000; // ms
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const where = (n) => {
  const url = n.callFrame.url || '';
  const m = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  const p = /\/(packages|apps)\/([^/]+)\//.exec(url);
  if (p) return `@hub/${p[2]}`;
  if (url.startsWith('node:')) return 'node:internal';
  return n.callFrame.functionName.startsWith('(') ? n.callFrame.functionName : url ? 'other' : '(native)';
};

const total = profile.nodes.reduce((s, n) => s + self(n), 0);
const idle = profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').reduce((s, n) => s + self(n), 0);
const busy = total - idle;
const pct = (ms) => `${((100 * ms) / busy).toFixed(1)} %`;

const byPkg = new Map();
for (const n of profile.nodes) if (n.callFrame.functionName !== '(idle)') byPkg.set(where(n), (byPkg.get(where(n)) ?? 0) + self(n));
console.log(`profile: ${(total / 1000).toFixed(1)} s sampled, busy ${(busy / 1000).toFixed(1)} s (idle ${pct(idle)} of busy)`);
console.log('\nself time by package:');
for (const [k, v] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 18)) console.log(`  ${pct(v).padStart(7)}  ${k}`);

const byFn = new Map();
for (const n of profile.nodes) {
  const k = `${n.callFrame.functionName || '(anonymous)'}  ${where(n)}:${n.callFrame.lineNumber + 1}`;
  byFn.set(k, (byFn.get(k) ?? 0) + self(n));
}
console.log('\nheaviest functions (self):');
for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${pct(v).padStart(7)}  ${k}`);

// Inclusive time under frames matching a test, not counting a matching frame nested in another.
const inclusive = (test) => {
  let sum = 0;
  for (const n of profile.nodes) {
    if (!test(n)) continue;
    let p = parent.get(n.id);
    let nested = false;
    while (p !== undefined) {
      if (test(byId.get(p))) {
        nested = true;
        break;
      }
      p = parent.get(p);
    }
    if (nested) continue;
    const stack = [n.id];
    while (stack.length) {
      const x = byId.get(stack.pop());
      sum += self(x);
      stack.push(...(x.children ?? []));
    }
  }
  return sum;
};
const fn =
  (name, urlPart = '') =>
  (n) =>
    n.callFrame.functionName === name && n.callFrame.url.includes(urlPart);
const any =
  (...tests) =>
  (n) =>
    tests.some((t) => t(n));
const groups = {
  'token verification (jwtVerify, jose)': fn('jwtVerify', 'jose'),
  'claims + body validation (zod safeParse/parse)': any(fn('safeParse', 'zod'), fn('parse', 'zod'), fn('_parse', 'zod')),
  'unit of work (UnitOfWork.run: handler, ORM, flush, commit)': fn('run', 'unit-of-work'),
  'ORM flush (EntityManager.flush)': fn('flush', '@mikro-orm'),
  'outbox insert (Outbox.add)': fn('add', 'outbox'),
  'follow-up read (RegistrationQueries.application)': fn('application', 'queries'),
  'logging (pino)': (n) => n.callFrame.url.includes('/pino'),
  'express + Nest routing/pipeline': (n) => n.callFrame.url.includes('/express/') || n.callFrame.url.includes('/router/'),
  'pg driver (pg, pg-protocol)': (n) => /node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?pg(-protocol)?\//.test(n.callFrame.url),
  'garbage collection': fn('(garbage collector)'),
};
console.log('\ninclusive time under (share of busy CPU):');
for (const [k, t] of Object.entries(groups)) console.log(`  ${pct(inclusive(t)).padStart(7)}  ${k}`);
