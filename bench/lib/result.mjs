// How a figure script reports (ADR 0041): it prints human-readable lines as it goes and, last, one
// line `BENCH_RESULT <json>` with its rows. `tools/hub bench` (bench/run.mjs) collects those rows from
// every script into one table. A script run alone prints its own table too.
import http from 'node:http';
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
  if (overallRate) return pacedLoad({ url, connections, amount, duration, rate: overallRate, next, expectStatus });
  // The smoke test runs a few requests, not a duration (a slow first request would leave it empty).
  if (SMOKE && duration) [amount, duration] = [connections * 2, undefined];
  let bad = 0;
  const statuses = new Map();
  const t0 = performance.now();
  let last = t0;
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
        last = performance.now();
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (expectStatus && status !== expectStatus) bad++;
      }),
  });
  // Until the last response, not until autocannon returns: with `amount` it returns at its next
  // one-second tick, which quantised every throughput (4 000 requests in 5.2 s read as 665 req/s).
  const seconds = (last - t0) / 1000;
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

/**
 * An open-loop load at an offered rate (ADR 0041, amended 6 Dec 2026): request i is due at
 * start + i / rate and its latency is counted **from when it was due**, not from when a connection was
 * free to send it — so a slow response that holds the requests behind it back is charged to each of
 * them (coordinated omission), and nothing is charged that did not happen.
 *
 * Why not autocannon's `overallRate`: autocannon 9 spends each connection's share of the rate at the
 * top of every second, back to back, then pauses until the next second (`httpClient.js`,
 * `reqsMadeThisSecond`) — "200 req/s" was a burst of 200 requests at 50 connections once a second, and
 * its p99 was the time to drain that burst (a bare endpoint at 1 200 req/s needs ≈ 170 ms for it).
 * It also corrects coordinated omission with an expected interval of `Math.ceil(1 / rate)` = 1 ms
 * (the rate per connection per *second*, taken as milliseconds), which adds a synthetic sample for
 * every millisecond of a slow response. Both made every offered-rate p99 of the suite (a, c, f) a
 * property of the load generator, as the bare baseline's 151 ms p99 at 200 req/s showed.
 *
 * `connections` caps the sockets (keep-alive); a request due while all are busy waits in the agent's
 * queue, and that wait is part of its latency.
 */
export async function pacedLoad({ url, connections = 50, amount, duration, rate, next, expectStatus }) {
  const total = SMOKE ? connections * 2 : (amount ?? Math.round(rate * duration));
  const [r] = await pacedStreams({ classes: [{ url, next }], connections, total, rate, expectStatus });
  return r;
}

/**
 * Several classes of request interleaved in ONE paced, open-loop stream (ADR 0041 §17): request i of
 * the stream goes to class i mod k and is due at start + i / (k · ratePerClass), so each class is
 * offered `ratePerClass` and the classes alternate request by request. A class is a target (`url`,
 * its own keep-alive agent capped at `connections`) and its requests (`next()`); latency counts from
 * when a request was due, as in `pacedLoad`. Returns one result per class, in order.
 *
 * Why: two sequential passes (first direct, then through the gateway) see different moments of a
 * shared 2-core machine, and a p99 of 1 000 requests is their 10 worst, so the difference of two
 * runs' p99 measured mostly the machine. Interleaved, a stall lands on both classes alike.
 */
export async function interleavedLoad({ classes, connections = 10, duration, ratePerClass, expectStatus }) {
  const total = SMOKE ? connections * 2 * classes.length : Math.round(ratePerClass * duration) * classes.length;
  return pacedStreams({ classes, connections, total, rate: ratePerClass * classes.length, expectStatus });
}

async function pacedStreams({ classes, connections, total, rate, expectStatus }) {
  const interval = 1000 / rate;
  const k = classes.length;
  const targets = classes.map(({ url, next }) => ({
    base: new URL(url),
    next,
    agent: new http.Agent({ keepAlive: true, maxSockets: connections }),
    latencies: [],
    statuses: new Map(),
    bad: 0,
    errors: 0,
  }));
  const t0 = performance.now();
  const start = t0 + 20;
  await new Promise((resolve) => {
    let sent = 0;
    let done = 0;
    const finished = () => {
      if (++done === total) resolve();
    };
    const send = (i, due) => {
      const t = targets[i % k];
      const r = t.next();
      const req = http.request(
        { host: t.base.hostname, port: t.base.port, path: r.path ?? t.base.pathname, method: r.method ?? 'GET', headers: r.headers, agent: t.agent },
        (res) => {
          res.resume();
          res.on('end', () => {
            t.latencies.push(performance.now() - due);
            t.statuses.set(res.statusCode, (t.statuses.get(res.statusCode) ?? 0) + 1);
            if (expectStatus && res.statusCode !== expectStatus) t.bad++;
            finished();
          });
        },
      );
      req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        t.errors++;
        finished();
      });
      req.end(r.body);
    };
    const tick = () => {
      const now = performance.now();
      // every request already due goes now (a late timer catches up; its lateness counts)
      while (sent < total && start + sent * interval <= now) {
        send(sent, start + sent * interval);
        sent++;
      }
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
    };
    setTimeout(tick, Math.max(0, start - performance.now()));
  });
  const seconds = (performance.now() - t0) / 1000;
  return targets.map((t) => {
    t.agent.destroy();
    const s = stats(t.latencies);
    const result = {
      completed: t.latencies.length,
      rps: round(t.latencies.length / seconds, 0),
      p50: s.p50,
      p99: s.p99,
      max: s.max,
      errors: t.errors,
      bad: t.bad,
      statuses: Object.fromEntries(t.statuses),
      paced: true,
    };
    // the raw samples, for a script that wants more than the percentiles (not printed with the result)
    Object.defineProperty(result, 'latencies', { value: t.latencies, enumerable: false });
    return result;
  });
}
