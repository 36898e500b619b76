// Summarises a V8 .cpuprofile (node --cpu-prof) of an app under the command-path bench: self time by
// package, the heaviest functions, and inclusive time under chosen frames (token verification,
// validation, unit of work, the follow-up read, the outbox insert, logging), as shares of busy time.
//
//   node bench/lib/profile-summary.mjs /tmp/prof/CPU….cpuprofile
import { readFileSync } from 'node:fs';

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
// The app's start-up (module loading, the ORM's metadata discovery, Nest's scan) is not the command
// path: samples count from the first one taken under a request's token check (PROFILE_ALL=1: all).
// A public endpoint has no token check: PROFILE_FROM=<function name> starts at the first sample under
// that frame instead (the registry page: `search`), PROFILE_UNTIL=<function name> stops at the first
// sample under another (the registry bench's export after the page: `registryExport`).
const under = (name) => (id) => {
  for (let x = id; x !== undefined; x = parent.get(x)) if (byId.get(x).callFrame.functionName === name) return true;
  return false;
};
const first = process.env.PROFILE_ALL ? 0 : Math.max(0, profile.samples.findIndex(under(process.env.PROFILE_FROM ?? 'jwtVerify')));
const untilAt = process.env.PROFILE_UNTIL ? profile.samples.findIndex(under(process.env.PROFILE_UNTIL)) : -1;
const last = untilAt > first ? untilAt : profile.samples.length;
const dt = new Map();
for (let i = first; i < last; i++) dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
const self = (n) => (dt.get(n.id) ?? 0) / 1000; // ms

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
console.log(
  `profile: ${(total / 1000).toFixed(1)} s sampled${first ? ` from the first request (sample ${first})` : ''}${last < profile.samples.length ? ` until sample ${last}` : ''}, busy ${(busy / 1000).toFixed(1)} s (idle ${pct(idle)} of busy)`,
);
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
  // The public registry's page (issue #17, figure (c)).
  'registry page query (RegistrationQueries.registry)': fn('registry', 'queries'),
  'registry: ORM find + hydration (EntityManager.find)': fn('find', '@mikro-orm'),
  'registry: entries (RegistrationQueries.registryEntry)': fn('registryEntry', 'queries'),
  'registry: "today" (almatyDate)': fn('almatyDate'),
  'JSON serialisation (JSON.stringify)': fn('stringify'),
};
console.log('\ninclusive time under (share of busy CPU):');
for (const [k, t] of Object.entries(groups)) console.log(`  ${pct(inclusive(t)).padStart(7)}  ${k}`);

// Issue #17 (ADR 0136): self time grouped by what it pays for — every sample counted once, in the
// first category whose test its frame passes (order matters: the outbox before the rest of @hub).
const pkgIs =
  (...names) =>
  (n) =>
    names.includes(where(n));
const urlHas =
  (...parts) =>
  (n) =>
    parts.some((p) => n.callFrame.url.includes(p));
const categories = [
  ['jose (token signature, claims)', pkgIs('jose')],
  ['zod (claims, body, contracts)', pkgIs('zod')],
  ['CQRS bus (@nestjs/cqrs)', pkgIs('@nestjs/cqrs')],
  [
    'NestJS / Express framework (router, body-parser, rxjs, reflect-metadata)',
    (n) =>
      where(n).startsWith('@nestjs/') ||
      pkgIs('express', 'router', 'body-parser', 'raw-body', 'finalhandler', 'on-finished', 'type-is', 'content-type', 'iconv-lite', 'qs', 'send')(n) ||
      pkgIs('path-to-regexp', 'rxjs', 'reflect-metadata', 'fast-safe-stringify', 'http-errors', 'depd', 'mime-types', 'vary', 'etag', 'fresh', 'statuses')(n) ||
      pkgIs(
        'media-typer',
        'parseurl',
        'encodeurl',
        'cookie',
        'accepts',
        'negotiator',
        'proxy-addr',
        'forwarded',
        'ipaddr.js',
        'range-parser',
        'utils-merge',
      )(n),
  ],
  ['MikroORM unit of work, hydration, SQL building (@mikro-orm, kysely)', (n) => where(n).startsWith('@mikro-orm/') || pkgIs('kysely', 'knex')(n)],
  ['pg driver (pg, pg-protocol, pg-pool, pg-types)', (n) => /^pg(-|$)|^postgres-/.test(where(n))],
  [
    'logging (pino, sonic-boom, the platform logger)',
    (n) =>
      pkgIs('pino', 'sonic-boom', 'pino-std-serializers', 'fast-redact', '@pinojs/redact', 'quick-format-unescaped', 'thread-stream')(n) ||
      urlHas('/logging/')(n),
  ],
  ['metrics + tracing (prom-client, @opentelemetry)', (n) => pkgIs('prom-client', 'tdigest', 'bintrees')(n) || where(n).startsWith('@opentelemetry/')],
  ['outbox (@hub/messaging outbox)', urlHas('/messaging/dist/outbox/', '/messaging/src/outbox/')],
  ['the platform and the app (@hub/*)', (n) => where(n).startsWith('@hub/')],
  ['node internals (http, net, streams, timers, async hooks)', pkgIs('node:internal')],
  ['garbage collector', (n) => n.callFrame.functionName === '(garbage collector)'],
  ['native (WebCrypto, JSON, builtins)', (n) => where(n) === '(native)' || n.callFrame.functionName === '(program)'],
];
const requests = Number(process.env.PROFILE_REQUESTS ?? 0);
const categoryOf = (n) => categories.find(([, t]) => t(n))?.[0] ?? 'other';
const printCategories = (title, key) => {
  const sums = new Map();
  for (const n of profile.nodes) if (n.callFrame.functionName !== '(idle)') sums.set(key(n), (sums.get(key(n)) ?? 0) + self(n));
  console.log(`\n${title} (share of busy samples${requests ? `; ms per request over ${requests} requests` : ''}):`);
  for (const [k, v] of [...sums].sort((a, b) => b[1] - a[1]))
    console.log(`  ${pct(v).padStart(7)}${requests ? `  ${(v / requests).toFixed(3).padStart(6)} ms` : ''}  ${k}`);
};
printCategories('self time by category', categoryOf);
// The same with node's internals and native frames (socket writes, WebCrypto, JSON) charged to the
// nearest calling frame of a package: a sample in the pg socket's write is the pg driver's, one in
// RSA verification jose's. On a loaded machine a socket write also holds the samples during which
// the kernel ran the woken reader (PostgreSQL) on this core: the profile samples wall time.
const INTERNAL = new Set(['node internals (http, net, streams, timers, async hooks)', 'native (WebCrypto, JSON, builtins)']);
const charged = new Map();
const chargedOf = (n) => {
  if (charged.has(n.id)) return charged.get(n.id);
  let k = categoryOf(n);
  if (INTERNAL.has(k)) {
    const p = parent.get(n.id);
    const up = p === undefined ? k : chargedOf(byId.get(p));
    if (!INTERNAL.has(up) && up !== 'other' && up !== 'garbage collector') k = up;
  }
  charged.set(n.id, k);
  return k;
};
printCategories('self time by category, internals charged to their caller', chargedOf);
if (process.env.PROFILE_OTHER) {
  const other = new Map();
  for (const n of profile.nodes)
    if (n.callFrame.functionName !== '(idle)' && !categories.some(([, t]) => t(n))) other.set(where(n), (other.get(where(n)) ?? 0) + self(n));
  console.log('\n"other" by package:');
  for (const [k, v] of [...other].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${pct(v).padStart(7)}  ${k}`);
}
