// The bench's smoke check (issue #17), run by `pnpm --filter @hub/bench test` and so by `tools/hub
// test`: every figure script and helper parses (`node --check`), the runner knows every script, and
// the result helpers compute what the table shows. It measures nothing and starts nothing (< 2 s);
// `BENCH_SMOKE=1 node bench/run.mjs` runs the scripts themselves with tiny counts.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { row, stats } from './lib/result.mjs';

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
console.log(`bench check: ${files.length} files parse, ${scripts.length} figure scripts report`);
