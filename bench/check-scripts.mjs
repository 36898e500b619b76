// The bench's smoke check (issue #17), run by `pnpm --filter @hub/bench test` and so by `tools/hub
// test`: every figure script and helper parses (`node --check`), the runner knows every script, and
// the result helpers compute what the table shows. It measures nothing and starts nothing (< 2 s);
// `BENCH_SMOKE=1 node bench/run.mjs` runs the scripts themselves with tiny counts.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import http from 'node:http';
import { interleavedLoad, pacedLoad, row, stats } from './lib/result.mjs';

const here = import.meta.dirname;
const files = [...readdirSync(here).filter((f) => f.endsWith('.mjs')), ...readdirSync(join(here, 'lib')).map((f) => `lib/${f}`)];
for (const f of files) execFileSync(process.execPath, ['--check', join(here, f)]);
const scripts = readdirSync(here).filter((f) => f.endsWith('.bench.mjs'));
for (const s of scripts) assert.match(readFileSync(join(here, s), 'utf8'), /report\('[a-z-]+', /, `${s} must end with report(...)`);
assert.ok(scripts.length >= 7, `expected the seven figure scripts (a)–(g), found ${scripts.join(', ')}`);
assert.deepEqual(stats([5, 1, 3, 2, 4]), { n: 5, p50: 3, p99: 5, max: 5 });
assert.deepEqual(row({ figure: 'f', value: 1, unit: 'ms', goal: 'g', met: true }), {
  baseline: null,
  baselineLabel: '',
  ratio: null,
  note: '',
  figure: 'f',
  value: 1,
  unit: 'ms',
  goal: 'g',
  met: true,
});
// ADR 0041 §12: an offered rate is paced — 30 requests at 100/s arrive spread over ≈ 290 ms, not as a
// burst at the top of a second (autocannon's overallRate), and every one is counted.
const arrivals = [];
const server = http.createServer((req, res) => {
  arrivals.push(performance.now());
  res.end('ok');
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const paced = await pacedLoad({
  url: `http://127.0.0.1:${server.address().port}/`,
  connections: 10,
  amount: 30,
  rate: 100,
  next: () => ({ path: '/' }),
  expectStatus: 200,
});
server.close();
assert.equal(paced.completed, 30);
assert.equal(paced.bad + paced.errors, 0);
const spread = arrivals.at(-1) - arrivals[0];
assert.ok(
  spread >= 150,
  `30 requests at 100/s must arrive spread over ≈ 290 ms (a late timer catches up), not in a burst (arrived over ${spread.toFixed(1)} ms)`,
);
// ADR 0041 §17: two classes interleaved in one stream alternate request by request (a, b, a, b, …),
// each offered its own rate, each counted on its own.
const order = [];
const servers = ['a', 'b'].map((name) => http.createServer((req, res) => (order.push(name), res.end('ok'))));
await Promise.all(servers.map((s) => new Promise((resolve) => s.listen(0, '127.0.0.1', resolve))));
const [ra, rb] = await interleavedLoad({
  classes: servers.map((s) => ({ url: `http://127.0.0.1:${s.address().port}/`, next: () => ({ path: '/' }) })),
  connections: 4,
  duration: 0.2,
  ratePerClass: 50,
  expectStatus: 200,
});
for (const s of servers) s.close();
assert.deepEqual([ra.completed, rb.completed], [10, 10]);
assert.equal(ra.bad + ra.errors + rb.bad + rb.errors, 0);
assert.deepEqual(order.slice(0, 6), ['a', 'b', 'a', 'b', 'a', 'b']);
console.log(`bench check: ${files.length} files parse, ${scripts.length} figure scripts report`);
