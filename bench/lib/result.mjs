// How a figure script reports (ADR 0041): it prints human-readable lines as it goes and, last, one
// line `BENCH_RESULT <json>` with its rows. `tools/hub bench` (bench/run.mjs) collects those rows from
// every script into one table. A script run alone prints its own table too.
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

export const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
export const round = (v, digits = 1) => (v === null || v === undefined || Number.isNaN(v) ? null : +Number(v).toFixed(digits));

/** Milliseconds statistics of a list of samples. */
export function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: round(quantile(s, 0.5)), p99: round(quantile(s, 0.99)), max: round(s.at(-1)) };
}

/**
 * One row of the table.
 * @param {{figure: string, value: number|null, unit: string, baseline?: number|null, baselineLabel?: string,
 *          ratio?: number|null, goal: string, met: boolean|null, note?: string}} row
 */
export const row = (r) => ({ baseline: null, baselineLabel: '', ratio: null, note: '', ...r });

export function report(script, rows) {
  console.table(
    rows.map((r) => ({
      figure: r.figure,
      value: `${r.value ?? '—'} ${r.unit}`,
      baseline: r.baseline === null ? '—' : `${r.baseline} ${r.unit} (${r.baselineLabel})`,
      ratio: r.ratio === null ? '—' : `${Math.round(r.ratio * 100)} %`,
      goal: r.goal,
      met: r.met === null ? '—' : r.met ? 'yes' : 'NO',
    })),
  );
  process.stdout.write(`BENCH_RESULT ${JSON.stringify({ script, rows })}\n`);
}

/** Small runs for the smoke test (BENCH_SMOKE=1): every script runs its code path with tiny counts. */
export const SMOKE = process.env.BENCH_SMOKE === '1';
export const scaled = (full, smoke) => (SMOKE ? smoke : Number(full));

/**
 * Runs autocannon (programmatically) and returns throughput and latency. `next()` gives each
 * request's {path, method, headers, body} (a token and a BIN per request, say).
 */
export async function load({ url, connections = 10, amount, duration, overallRate, next, expectStatus }) {
  // The smoke test runs a few requests, not a duration (a slow first request would leave it empty).
  if (SMOKE && duration) [amount, duration] = [connections * 2, undefined];
  let bad = 0;
  const statuses = new Map();
  const t0 = performance.now();
  const result = await autocannon({
    url,
    connections,
    ...(amount ? { amount } : {}),
    ...(duration ? { duration } : {}),
    ...(overallRate ? { overallRate } : {}),
    timeout: 30,
    requests: [{ setupRequest: (req) => ({ ...req, ...next() }) }],
    setupClient: (client) =>
      client.on('response', (status) => {
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (expectStatus && status !== expectStatus) bad++;
      }),
  });
  const seconds = (performance.now() - t0) / 1000;
  const completed = result.requests.total;
  return {
    completed,
    rps: round(completed / seconds, 0),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts,
    bad,
    statuses: Object.fromEntries(statuses),
  };
}
