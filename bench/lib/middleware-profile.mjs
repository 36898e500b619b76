// Where the platform's per-request HTTP layer spends its time (issue #17, ADR 0139): reads a V8
// .cpuprofile (node --cpu-prof, e.g. `BENCH_CPU_PROF=dir node bench/command-path.bench.mjs`) and
// charges every sample to the platform frame it runs under — each Express middleware of
// `configureHttp`, its `finish` listener, the auth guard, the body/param validation — stopping at
// the frames that hand over to the rest of the pipeline (the router's `next`, the token's signature
// check, the route handler and the unit of work): what a middleware costs itself, not what runs after it.
//
//   PROFILE_REQUESTS=<requests the app served> node bench/lib/middleware-profile.mjs dir/*.cpuprofile
//
// Prints µs per request per item (when PROFILE_REQUESTS is given) and the share of busy samples.
import { readFileSync } from 'node:fs';

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const requests = Number(process.env.PROFILE_REQUESTS ?? 0);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Samples from the first one under a token check (start-up excluded), as profile-summary.mjs does.
const underRequest = (id) => {
  for (let x = id; x !== undefined; x = parent.get(x)) if (byId.get(x).callFrame.functionName === 'jwtVerify') return true;
  return false;
};
const first = Math.max(0, profile.samples.findIndex(underRequest));
const dt = new Map();
for (let i = first; i < profile.samples.length; i++) dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
const self = (n) => (dt.get(n.id) ?? 0) / 1000; // ms

const NC = /nest-commons\/(?:dist|src)\/(.+?)\.[jt]s$/;
/** The platform's HTTP files: a frame in one of them opens an item (when no item is open). */
const HTTP_FILES = /^(bootstrap|tracing\/tracing|logging\/correlation\.middleware|logging\/logger|metrics\/metrics|auth\/[^/]+|http\/[^/]+)$/;
const file = (n) => NC.exec(n.callFrame.url)?.[1];
/** Frames that hand over to something that is not the platform's per-request layer. */
const boundary = (n) => {
  const { functionName: f, url } = n.callFrame;
  if (f === 'next' && /\/router\/(index|lib\/route)\.js$/.test(url)) return 'the rest of the pipeline';
  if (f === 'jwtVerify' || (f === 'verify' && url.includes('token-verifier'))) return 'token signature check (jose; the baseline pays it too)';
  if (f === 'safeParse' && url.includes('zod')) return 'zod (claims, body)';
  if (file(n) === 'database/unit-of-work') return null;
  if (/\/apps\/[^/]+\/dist\//.test(url)) return null;
  return undefined;
};
const names = (n) => {
  const f = file(n);
  const fn = n.callFrame.functionName || '(anonymous)';
  return `${f}.js:${n.callFrame.lineNumber + 1} ${fn}`;
};

const items = new Map();
const add = (k, ms) => items.set(k, (items.get(k) ?? 0) + ms);
let busy = 0;
const walk = (id, owner) => {
  const n = byId.get(id);
  if (n.callFrame.functionName === '(idle)') return;
  busy += self(n);
  const b = boundary(n);
  let o = owner;
  if (b === null) o = undefined;
  else if (b !== undefined) o = b.startsWith('the rest') ? undefined : b;
  else if (o === undefined && file(n) && HTTP_FILES.test(file(n))) o = names(n);
  if (o !== undefined) add(o, self(n));
  for (const c of n.children ?? []) walk(c, o);
};
walk(profile.nodes[0].id, undefined);

console.log(
  `busy ${(busy / 1000).toFixed(1)} s from sample ${first}${requests ? `, ${requests} requests (${((1000 * busy) / requests).toFixed(0)} µs busy per request)` : ''}`,
);
let platform = 0;
for (const [k, v] of [...items].sort((a, b) => b[1] - a[1])) {
  if (!k.startsWith('token') && !k.startsWith('zod')) platform += v;
  console.log(`  ${requests ? `${((1000 * v) / requests).toFixed(1).padStart(7)} µs` : ''}  ${((100 * v) / busy).toFixed(2).padStart(6)} %  ${k}`);
}
console.log(
  `platform HTTP layer (without the signature check and zod): ${requests ? `${((1000 * platform) / requests).toFixed(1)} µs per request, ` : ''}${((100 * platform) / busy).toFixed(2)} % of busy`,
);
