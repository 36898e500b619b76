import { OwnBroker } from './broker.js';
import { OwnPostgres } from './postgres.js';
import { createTopics, Fleet, freePort, sleep, withDb } from './fleet.js';
import { type CommandRecord, type JourneyRecord, LoadGenerator } from './load.js';
import { uniqueName, testKafkaBrokers } from '@hub/testing';

/** One fault, injected while the load runs. */
export interface Scenario {
  readonly name: string;
  /**
   * What is killed (SIGKILL) and started again, `broker` (the suite's own broker stopped) or
   * `postgres` (the suite's own PostgreSQL server crashed — `pg_ctl stop -m immediate`, no checkpoint —
   * and started again, replaying its WAL; every context's and the gateway's database is on it).
   */
  readonly target: 'registration' | 'registration-relay' | 'participation' | 'participation-consumer' | 'admin-gateway' | 'broker' | 'postgres';
  /** How long the part stays down. */
  readonly downMs: number;
}

export interface ChaosOptions {
  readonly scenarios: readonly Scenario[];
  /** Load before each fault, and after recovery. */
  readonly warmMs: number;
  readonly afterMs: number;
  readonly concurrency: number;
  /** `own`: the suite starts its own broker (required for the broker scenario); `shared`: the dev stack's. */
  readonly broker: 'own' | 'shared';
  /** `own`: the databases live on a PostgreSQL server the suite starts (required for the postgres scenario); `shared` (default): the dev stack's. */
  readonly database?: 'own' | 'shared';
  /** Longest wait for the platform to catch up after a fault, and at the end. */
  readonly drainMs: number;
  /** No new fault is injected once the run (fleet start included) is this old: the bounded run stays bounded on a loaded machine. */
  readonly budgetMs?: number;
  readonly log?: (line: string) => void;
}

export interface ScenarioResult {
  scenario: string;
  commands: number;
  ok2xx: number;
  events: number;
  effects: number;
  lost: number;
  doubled: number;
  recoveryS: number | null;
  /** Answers ≥ 500 the clients saw (502/503 while a context is down are expected and retried). */
  fiveXx: number;
  contractsOk: number;
  details: string[];
}

export interface ChaosRun {
  results: ScenarioResult[];
  statuses: Record<string, number>;
  fleet: Fleet;
  databases: { registration: string; participation: string; gateway: string };
  topicPrefix: string;
  brokers: string;
  /** Scenarios not run because the time budget was spent. */
  skipped: string[];
}

const SCENARIO_PHASE = (name: string) => name;

/**
 * Chaos under load (issue #18, ADR 0043). Starts the suite's own fleet — registration's API and its
 * worker process (the outbox relay), participation's API and its consumer process, the gateway — on
 * fresh databases and topics, runs the load generator, and injects one fault at a time: SIGKILL a
 * part, keep it down, start it again (or stop the suite's own broker). It measures the time until
 * the platform serves and has caught up again; at the end it stops the load, waits for the backlog,
 * and counts per scenario: commands, 2xx, participant-registered events, participations (effects),
 * lost (a 2xx contract, or a signed application, without exactly one participation) and doubled.
 * A command counts in the scenario running when it was sent; a company in the one running when its
 * contract was sent.
 */
export async function runChaos(options: ChaosOptions, keepFleet = false): Promise<ChaosRun> {
  const log = options.log ?? (() => undefined);
  const fleet = new Fleet();
  const broker = options.broker === 'own' ? new OwnBroker(fleet.stateDir) : undefined;
  const postgres = options.database === 'own' ? new OwnPostgres() : undefined;
  if (options.scenarios.some((s) => s.target === 'postgres') && !postgres)
    throw new Error("the postgres scenario needs database: 'own' (never the shared server)");
  if (options.scenarios.some((s) => s.target === 'broker') && !broker) throw new Error("the broker scenario needs broker: 'own' (never the shared broker)");
  const topicPrefix = `t.${uniqueName('chaos').replace(/_/g, '-')}.`;
  let load: LoadGenerator | undefined;
  const runStarted = Date.now();
  const skipped: string[] = [];
  try {
    await fleet.init();
    const started = Date.now();
    if (broker) await broker.start();
    if (postgres) {
      await postgres.start();
      fleet.pgUrl = postgres.adminUrl;
    }
    const brokers = broker ? broker.brokers : testKafkaBrokers().join(',');
    await createTopics(brokers, topicPrefix);
    const [regDb, partDb, gwDb] = await Promise.all([
      fleet.createDatabase('registration'),
      fleet.createDatabase('participation'),
      fleet.createDatabase('gateway'),
    ]);
    await Promise.all([fleet.migrate('registration', regDb), fleet.migrate('participation', partDb), fleet.migrate('admin-gateway', gwDb)]);
    const kafka = { HUB_KAFKA_BROKERS: brokers, HUB_KAFKA_TOPIC_PREFIX: topicPrefix, HUB_TIMER_POLL_MS: '500', ...fleet.authEnv };
    const pii = { HUB_PII_KEYS: `chaos:${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64')}`, HUB_PII_ACTIVE_KEY: 'chaos' };
    // API processes serve HTTP only; the worker processes run the outbox relay, timers and consumers.
    // All five boot at once (the gateway is told the contexts' ports before they listen).
    const [regPort, partPort] = [await freePort(), await freePort()];
    await Promise.all([
      fleet.start('registration', 'registration', { ...kafka, DATABASE_URL: regDb, HUB_RUN_WORKERS: 'false' }, regPort),
      fleet.start('participation', 'participation', { ...kafka, ...pii, DATABASE_URL: partDb, HUB_RUN_WORKERS: 'false' }, partPort),
      fleet.start('registration-relay', 'registration', { ...kafka, DATABASE_URL: regDb, HUB_RUN_WORKERS: 'true' }),
      fleet.start('participation-consumer', 'participation', { ...kafka, ...pii, DATABASE_URL: partDb, HUB_RUN_WORKERS: 'true' }),
      fleet.start('admin-gateway', 'admin-gateway', {
        ...fleet.authEnv,
        DATABASE_URL: gwDb,
        REGISTRATION_URL: `http://127.0.0.1:${regPort}`,
        PARTICIPATION_URL: `http://127.0.0.1:${partPort}`,
        // The load is many companies from one machine: the per-client limits are not under test here.
        HUB_GATEWAY_RATE_PER_MINUTE: '1000000',
        HUB_GATEWAY_RATE_BURST: '100000',
        HUB_GATEWAY_IP_RATE_PER_MINUTE: '1000000',
        HUB_GATEWAY_IP_RATE_BURST: '100000',
        HUB_GATEWAY_UPSTREAM_TIMEOUT_MS: '5000',
      }),
    ]);
    log(`fleet up in ${((Date.now() - started) / 1000).toFixed(1)} s (broker: ${brokers}, topics ${topicPrefix}*)`);

    load = new LoadGenerator(
      () => fleet.url('admin-gateway'),
      (s, r, c) => fleet.token(s, r, c),
      { concurrency: options.concurrency, binYear: 2018 },
    );
    await load.start();
    const recovery = new Map<string, number | null>();
    for (const sc of options.scenarios) {
      if (options.budgetMs !== undefined && sc !== options.scenarios[0] && Date.now() - runStarted > options.budgetMs) {
        log(`scenario ${sc.name}: SKIPPED (time budget of ${options.budgetMs / 1000} s spent)`);
        skipped.push(sc.name);
        continue;
      }
      load.scenario = SCENARIO_PHASE(sc.name);
      await sleep(options.warmMs);
      log(`scenario ${sc.name}: ${sc.target} down for ${sc.downMs} ms`);
      if (sc.target === 'broker') await broker!.stop();
      else if (sc.target === 'postgres') await postgres!.stop('immediate');
      else await fleet.kill(sc.target);
      await sleep(sc.downMs);
      const healedAt = Date.now();
      if (sc.target === 'broker') await broker!.start();
      else if (sc.target === 'postgres') await postgres!.start();
      else await fleet.restart(sc.target);
      log(`scenario ${sc.name}: ${sc.target} started again in ${((Date.now() - healedAt) / 1000).toFixed(1)} s`);
      // What was signed until now must reach participation; the part must serve again.
      const signed = await signedBins(regDb);
      const servingSince = (upstream: 'registration' | 'participation') => () => load!.okAt[upstream].some((t) => t > healedAt);
      const serving =
        sc.target === 'participation'
          ? servingSince('participation')
          : sc.target === 'registration' || sc.target === 'admin-gateway' || sc.target === 'postgres'
            ? servingSince('registration')
            : () => true;
      const deadline = Date.now() + options.drainMs;
      let recovered: number | null = null;
      // When each part of the recovery happened (seconds after the restart): serving, outbox drained, effects caught up.
      const marks: Record<string, number> = {};
      const mark = (what: string, done: boolean) => {
        if (done && marks[what] === undefined) marks[what] = (Date.now() - healedAt) / 1000;
      };
      while (Date.now() < deadline) {
        mark('serving', serving());
        mark('outbox drained', (await unpublished(regDb)) === 0);
        mark('effects caught up', (await missingParticipations(partDb, signed)) === 0);
        if (marks.serving !== undefined && marks['effects caught up'] !== undefined) {
          recovered = (Date.now() - healedAt) / 1000;
          break;
        }
        await sleep(250);
      }
      log(
        `scenario ${sc.name}: ${Object.entries(marks)
          .map(([k, v]) => `${k} at ${v.toFixed(1)} s`)
          .join(', ')} (${signed.length} signed so far)`,
      );
      recovery.set(sc.name, recovered);
      log(`scenario ${sc.name}: recovered in ${recovered === null ? 'NEVER' : `${recovered.toFixed(1)} s`} after the restart`);
      await sleep(options.afterMs);
    }
    load.scenario = 'cool-down';
    await load.stop();
    // Drain: every signed application has its participation, the relay published everything.
    const drainDeadline = Date.now() + options.drainMs;
    while (Date.now() < drainDeadline) {
      if ((await missingParticipations(partDb, await signedBins(regDb))) === 0 && (await unpublished(regDb)) === 0) break;
      await sleep(500);
    }
    const results = await verify(
      load,
      regDb,
      partDb,
      options.scenarios.filter((s) => !skipped.includes(s.name)),
      recovery,
    );
    return {
      results,
      statuses: Object.fromEntries([...load.statuses.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => [String(s), n])),
      fleet,
      databases: { registration: regDb, participation: partDb, gateway: gwDb },
      topicPrefix,
      brokers,
      skipped,
    };
  } finally {
    if (load) await load.stop(1_000);
    if (!keepFleet) {
      // The apps first, then the suite's broker (its pid file lives in the fleet's state directory), then the rest.
      await fleet.stopAll();
      await broker?.stop().catch(() => undefined);
      await fleet.close();
      await postgres?.remove().catch(() => undefined);
    }
  }
}

async function signedBins(regDb: string): Promise<string[]> {
  return withDb(regDb, async (c) =>
    (
      await c.query<{ bin: string }>(
        `select distinct bin from registration_application where kind = 'registration' and status in ('contract-signed', 'certificate-issued', 'listed')`,
      )
    ).rows.map((r) => r.bin),
  );
}

async function missingParticipations(partDb: string, bins: string[]): Promise<number> {
  if (bins.length === 0) return 0;
  return withDb(partDb, async (c) => {
    const have = await c.query<{ n: string }>(`select count(distinct bin)::text as n from participation where bin = any($1)`, [bins]);
    return bins.length - Number(have.rows[0]?.n ?? 0);
  });
}

async function unpublished(regDb: string): Promise<number> {
  return withDb(regDb, async (c) =>
    Number((await c.query<{ n: string }>(`select count(*)::text as n from hub_outbox where published_at is null`)).rows[0]?.n ?? 0),
  );
}

const countBy = (rows: { bin: string; n: string }[]) => new Map(rows.map((r) => [r.bin, Number(r.n)]));

/** The tally of a run from the databases (also used by the replicas run, replicas.ts). */
export async function verify(
  load: LoadGenerator,
  regDb: string,
  partDb: string,
  scenarios: readonly Scenario[],
  recovery: Map<string, number | null>,
): Promise<ScenarioResult[]> {
  const [apps, signed, events] = await withDb(regDb, async (c) => [
    countBy(
      (await c.query<{ bin: string; n: string }>(`select bin, count(*)::text as n from registration_application where kind = 'registration' group by bin`))
        .rows,
    ),
    new Set(
      (await c.query<{ bin: string }>(`select bin from registration_application where status in ('contract-signed', 'certificate-issued', 'listed')`)).rows.map(
        (r) => r.bin,
      ),
    ),
    countBy(
      (
        await c.query<{ bin: string; n: string }>(
          `select envelope->'payload'->>'bin' as bin, count(*)::text as n from hub_outbox where event_type = 'registration.participant-registered' group by 1`,
        )
      ).rows,
    ),
  ]);
  const effects = await withDb(partDb, async (c) =>
    countBy((await c.query<{ bin: string; n: string }>(`select bin, count(*)::text as n from participation group by bin`)).rows),
  );
  return tally({ journeys: load.journeys, commands: load.commands, applications: apps, signed, events, effects }, scenarios, recovery);
}

/** What the downstream databases hold, per company (BIN). */
export interface Observed {
  readonly journeys: readonly JourneyRecord[];
  readonly commands: readonly CommandRecord[];
  /** Registration applications per BIN (a retried create must not make two). */
  readonly applications: ReadonlyMap<string, number>;
  /** BINs whose application reached contract-signed (or later). */
  readonly signed: ReadonlySet<string>;
  /** `registration.participant-registered` events in registration's outbox per BIN. */
  readonly events: ReadonlyMap<string, number>;
  /** Participations per BIN (participation's consumer effect). */
  readonly effects: ReadonlyMap<string, number>;
}

/**
 * Counts per scenario. Lost: a contract answered 2xx (or an application that is signed) without
 * exactly the chain signed application → one event → one participation. Doubled: a company with two
 * applications, two events or two participations.
 */
export function tally(o: Observed, scenarios: readonly Scenario[], recovery: ReadonlyMap<string, number | null>): ScenarioResult[] {
  const names = ['warm-up', ...scenarios.map((s) => s.name), 'cool-down'];
  return names
    .map((name) => {
      const journeys = o.journeys.filter((j) => j.scenario === name);
      const commands = o.commands.filter((c) => c.scenario === name);
      const details: string[] = [];
      let lost = 0;
      let doubled = 0;
      let ev = 0;
      let ef = 0;
      for (const j of journeys) {
        const e = o.events.get(j.bin) ?? 0;
        const p = o.effects.get(j.bin) ?? 0;
        const a = o.applications.get(j.bin) ?? 0;
        ev += e;
        ef += p;
        const mustHave = j.contractOk || o.signed.has(j.bin);
        if (mustHave && (p === 0 || e === 0 || !o.signed.has(j.bin))) {
          lost += 1;
          details.push(`lost ${j.bin}: contract 2xx=${j.contractOk}, signed=${o.signed.has(j.bin)}, events=${e}, participations=${p}`);
        }
        if (!mustHave && p > 0) details.push(`unexpected participation for ${j.bin} (not signed)`);
        if (p > 1 || e > 1 || a > 1) {
          doubled += 1;
          details.push(`doubled ${j.bin}: applications=${a}, events=${e}, participations=${p}`);
        }
      }
      for (const c of commands.filter((x) => !x.ok))
        details.push(`no 2xx: ${c.step} ${c.bin} → ${c.status || 'no answer'} ${c.outcome ?? ''} (${c.retries} retries)`);
      return {
        scenario: name,
        commands: commands.length,
        ok2xx: commands.filter((c) => c.ok).length,
        events: ev,
        effects: ef,
        lost,
        doubled,
        recoveryS: recovery.has(name) ? recovery.get(name)! : null,
        fiveXx: commands.filter((c) => c.status >= 500).length,
        contractsOk: journeys.filter((j) => j.contractOk).length,
        details,
      };
    })
    .filter((r) => r.commands > 0 || scenarios.some((s) => s.name === r.scenario));
}

/** The summary table of issue #18: scenario, commands, 2xx, events, effects, lost, doubled, recovery s. */
export function formatTable(results: readonly ScenarioResult[]): string {
  const head = ['scenario', 'commands', '2xx', 'events', 'effects', 'lost', 'doubled', 'recovery s'];
  const rows = results.map((r) => [
    r.scenario,
    String(r.commands),
    String(r.ok2xx),
    String(r.events),
    String(r.effects),
    String(r.lost),
    String(r.doubled),
    r.recoveryS === null ? '-' : r.recoveryS.toFixed(1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
