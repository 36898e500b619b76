// The benchmark suite's runner (`tools/hub bench`, issue #17, ADR 0041): runs every figure script
// under bench/ as its own process, one after the other (a 2-core machine: figures measured side by
// side would measure each other), and prints ONE table — figure, value, the baseline measured in the
// same run, the ratio, the goal, met yes/no. A script that fails is reported as FAILED with the tail
// of its output; the others still run. Exit code 1 if any script failed (not if a goal is missed:
// figures are not tests).
//
//   node bench/run.mjs                         every script
//   node bench/run.mjs command-path cold-start  only these (names without .bench.mjs)
//   BENCH_SMOKE=1 node bench/run.mjs           every script with tiny counts (the smoke test)
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

// In priority order (issue #17); a script not listed here runs after them.
const ORDER = ['command-path', 'outbox-path', 'registry', 'deadlines-board', 'timers', 'gateway-overhead', 'cold-start', 'kafka-clients'];
const here = import.meta.dirname;
const available = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .map((f) => f.slice(0, -'.bench.mjs'.length))
  .sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99));
const wanted = process.argv.slice(2);
for (const w of wanted) if (!available.includes(w)) throw new Error(`no bench/${w}.bench.mjs (have: ${available.join(', ')})`);
const scripts = wanted.length ? available.filter((s) => wanted.includes(s)) : available;

function runScript(name) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(here, `${name}.bench.mjs`)], { cwd: here, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let out = '';
    const onData = (d) => {
      out += d;
      // Progress lines go through, the script's own table and result line do not (the runner prints one table).
      for (const line of String(d).split('\n'))
        if (line && !line.startsWith('BENCH_RESULT ') && !/^[│┌├└]/.test(line)) process.stdout.write(`  [${name}] ${line}\n`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      const seconds = Math.round((performance.now() - started) / 1000);
      if (code === 0 && line) resolve({ name, seconds, rows: JSON.parse(line.slice('BENCH_RESULT '.length)).rows });
      else resolve({ name, seconds, failed: `exit ${code}: ${out.trim().split('\n').slice(-6).join(' | ').slice(-600)}` });
    });
  });
}

console.log(`hub bench: ${scripts.join(', ')}${process.env.BENCH_SMOKE === '1' ? ' (smoke: tiny counts, goals not judged)' : ''}; node ${process.version}`);
const results = [];
for (const s of scripts) {
  console.log(`\n▶ ${s}`);
  results.push(await runScript(s));
}

const fmt = (v, unit) => (v === null || v === undefined ? '—' : `${v} ${unit}`);
const table = results.flatMap((r) =>
  r.failed
    ? [{ figure: `${r.name}: FAILED`, value: '—', baseline: '—', ratio: '—', goal: '—', met: 'FAILED', note: r.failed }]
    : r.rows.map((x) => ({
        figure: x.figure,
        value: fmt(x.value, x.unit),
        baseline: x.baseline === null ? '—' : `${fmt(x.baseline, x.unit)} (${x.baselineLabel})`,
        ratio: x.ratio === null ? '—' : `${Math.round(x.ratio * 100)} %`,
        goal: x.goal,
        met: x.met === null ? '—' : x.met ? 'yes' : 'no',
        note: x.note,
      })),
);
console.log('\nhub bench — figures of this run (baselines measured in the same run; see bench/README.md)');
console.table(table);
for (const r of results) console.log(`  ${r.name}: ${r.failed ? 'FAILED' : 'ok'} in ${r.seconds} s`);
process.exitCode = results.some((r) => r.failed) ? 1 : 0;
