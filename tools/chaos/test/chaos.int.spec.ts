import { describe, expect, it } from 'vitest';
import { type ChaosOptions, formatTable, runChaos, type Scenario } from '../src/chaos.js';

const LONG = process.env.HUB_CHAOS_MODE === 'long';

/**
 * The bounded run (in `tools/hub test`, under 3 minutes): each context's API process, the outbox relay
 * and the gateway SIGKILLed once under load, on the shared broker, then the suite's OWN PostgreSQL
 * server crashed and restarted (when the time budget allows; `HUB_CHAOS_ONLY=postgres` runs it alone).
 * The long run (`tools/hub chaos`, HUB_CHAOS_MODE=long) also kills participation's consumer during its
 * backlog and stops the suite's OWN broker for 20 s, with longer phases (ADR 0043). The databases live
 * on a server the suite starts (`pg_ctl`, own port and directory) — never the shared one on 5432.
 */
const BOUNDED: ChaosOptions = {
  scenarios: [
    { name: 'kill registration', target: 'registration', downMs: 2_000 },
    { name: 'kill relay', target: 'registration-relay', downMs: 2_000 },
    { name: 'kill participation', target: 'participation', downMs: 2_000 },
    { name: 'kill gateway', target: 'admin-gateway', downMs: 2_000 },
    { name: 'restart postgres', target: 'postgres', downMs: 3_000 },
  ],
  warmMs: 4_000,
  afterMs: 1_000,
  concurrency: 3,
  broker: 'shared',
  database: 'own',
  drainMs: 60_000,
  // Measured 104 s for all four on this machine; under heavy load (6 agents on 2 cores) the fleet took
  // 91 s to boot and a process 30 s+, so after the first fault the later ones are skipped (and said so)
  // rather than the run overrunning its 3 minutes.
  budgetMs: 110_000,
};

const LONG_SCENARIOS: Scenario[] = [
  { name: 'kill registration', target: 'registration', downMs: 5_000 },
  { name: 'kill relay', target: 'registration-relay', downMs: 5_000 },
  { name: 'kill participation', target: 'participation', downMs: 5_000 },
  { name: 'kill consumer', target: 'participation-consumer', downMs: 5_000 },
  { name: 'kill gateway', target: 'admin-gateway', downMs: 5_000 },
  { name: 'stop broker 20 s', target: 'broker', downMs: 20_000 },
  { name: 'crash postgres 10 s', target: 'postgres', downMs: 10_000 },
  { name: 'kill registration again', target: 'registration', downMs: 1_000 },
];

const LONG_RUN: ChaosOptions = {
  scenarios: LONG_SCENARIOS,
  warmMs: Number(process.env.HUB_CHAOS_WARM_MS ?? 15_000),
  afterMs: 5_000,
  concurrency: Number(process.env.HUB_CHAOS_CONCURRENCY ?? 4),
  broker: 'own',
  database: 'own',
  drainMs: 120_000,
};

/** HUB_CHAOS_ONLY=registration-relay,broker: run only the scenarios on these targets. */
const only = process.env.HUB_CHAOS_ONLY?.split(',').map((x) => x.trim());
const chosen = (o: ChaosOptions): ChaosOptions => (only ? { ...o, scenarios: o.scenarios.filter((s) => only.includes(s.target)) } : o);
const OPTIONS = chosen(LONG ? LONG_RUN : BOUNDED);

describe(`chaos under load (issue #18, ADR 0043) — ${LONG ? 'long run' : 'bounded run'}`, () => {
  it('every 2xx command has its effect exactly once downstream; nothing is lost or doubled; each part recovers', async () => {
    const started = Date.now();
    const run = await runChaos({ ...OPTIONS, log: (line) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`) });
    const table = formatTable(run.results);
    process.stdout.write(
      `chaos ${LONG ? 'long' : 'bounded'} run in ${Math.round((Date.now() - started) / 1000)} s\n${table}\nHTTP statuses seen: ${JSON.stringify(run.statuses)}\n`,
    );
    for (const r of run.results) if (r.details.length > 0) process.stdout.write(`${r.scenario}:\n  ${r.details.slice(0, 20).join('\n  ')}\n`);
    for (const r of run.results) {
      expect({ scenario: r.scenario, lost: r.lost, doubled: r.doubled }).toEqual({ scenario: r.scenario, lost: 0, doubled: 0 });
    }
    const faults = run.results.filter((r) => OPTIONS.scenarios.some((s) => s.name === r.scenario));
    if (run.skipped.length > 0) process.stdout.write(`skipped (time budget): ${run.skipped.join(', ')}\n`);
    expect(faults.length).toBeGreaterThanOrEqual(Math.min(LONG ? OPTIONS.scenarios.length : 1, OPTIONS.scenarios.length));
    for (const r of faults) {
      // The load really ran through the fault, and the part came back within the drain time.
      expect(r.commands, `${r.scenario}: commands`).toBeGreaterThan(0);
      expect(r.recoveryS, `${r.scenario}: recovery`).not.toBeNull();
    }
    // Journeys reached the contract, and participation started from them (the effects are real).
    const contracts = run.results.reduce((n, r) => n + r.contractsOk, 0);
    expect(contracts).toBeGreaterThan(0);
    expect(run.results.reduce((n, r) => n + r.effects, 0)).toBeGreaterThanOrEqual(contracts);
  });
});
