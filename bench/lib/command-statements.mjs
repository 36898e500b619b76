// Statements per command on the command path (figure (a), issue #17): starts registration with
// lib/sql-trace.mjs, sends BENCH_COMMANDS (5) `POST /applications` one after another, each for a new
// company, and prints the SQL each request sent — the count a command pays in round trips, which no
// load on the machine changes. Statements of the app's background loops (timer poller, outbox relay,
// readiness) — told apart by connection ([cN], lib/sql-trace.mjs) and transaction — are listed apart, not counted.
//
//   node bench/lib/command-statements.mjs        (after building registration; the dev stack must be up)
import { join } from 'node:path';
import { makeBin } from '@hub/identifiers';
import { BenchFleet, REPO } from './fleet.mjs';

const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 5);
const BACKGROUND = /hub_timer|hub_outbox|pg_try_advisory|pg_advisory|^select 1$|hub_inbox|hub_consumer/i;

const fleet = new BenchFleet();
try {
  await fleet.startIssuer();
  await fleet.createTopics();
  const db = await fleet.database('registration');
  const reg = await fleet.startApp('registration', { DATABASE_URL: db }, { nodeArgs: ['--import', join(REPO, 'bench/lib/sql-trace.mjs')] });
  const counts = [];
  for (let i = 0; i < COMMANDS; i++) {
    const bin = makeBin({ year: 2003, month: 1 + i, serial: 7 });
    const token = await fleet.token(`statements-${i}`, ['applicant'], [bin]);
    const before = fleet.logs('registration').length;
    const res = await fetch(`${reg.url}/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ kind: 'registration', bin, companyName: 'ТОО «Бенч»', address: 'Алматы, пр. Абая, 1', language: 'ru' }),
    });
    if (res.status !== 201) throw new Error(`POST /applications answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
    await new Promise((r) => setTimeout(r, 50)); // the trace lines are written before the reply; let stderr drain
    const lines = fleet
      .logs('registration')
      .slice(before)
      .split('\n')
      .filter((l) => l.startsWith('SQL#'))
      .map((l) => /^SQL#\d+ \[(c\d+)\] (.*)$/.exec(l))
      .filter((m) => m !== null)
      .map(([, conn, text]) => ({ conn, text }));
    // Per connection, statements group into transactions (begin … commit/rollback) and single
    // statements; a group with any background statement is a background loop's (the pool hands one
    // connection to a request and to the relay in turn).
    const groups = new Map();
    const open = new Map();
    for (const l of lines) {
      let g = open.get(l.conn);
      if (!g) {
        g = { lines: [], background: false };
        groups.set(groups.size, g);
        if (/^begin/i.test(l.text)) open.set(l.conn, g);
      }
      g.lines.push(l);
      if (BACKGROUND.test(l.text.trim())) g.background = true;
      if (/^(commit|rollback)/i.test(l.text)) open.delete(l.conn);
    }
    const mine = [...groups.values()].filter((g) => !g.background).flatMap((g) => g.lines);
    const background = new Set([...groups.values()].filter((g) => g.background).flatMap((g) => g.lines));
    counts.push(mine.length);
    console.log(`POST /applications #${i + 1}: ${mine.length} statements`);
    for (const l of mine) console.log(`  [${l.conn}] ${l.text}`);
    for (const l of lines.filter((l) => background.has(l))) console.log(`  (background, not counted) [${l.conn}] ${l.text}`);
  }
  console.log(`statements per POST /applications: ${counts.join(', ')} (bare endpoint: 1)`);
} finally {
  await fleet.close();
}
