import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMessageBus } from '@hub/messaging';
import { testKafkaBrokers, uniqueName } from '@hub/testing';
import { type ScenarioResult, verify } from './chaos.js';
import { createTopics, Fleet, freePort, sleep, withDb } from './fleet.js';
import { LoadGenerator } from './load.js';

/**
 * A Kubernetes Service in miniature (issue #19, ADR 0112): an HTTP proxy on a free port that sends
 * each request to the next of its targets in turn, and counts per target what it forwarded
 * (commands — anything but GET — and reads). Connection errors answer 502, as a Service with a pod
 * that is not ready would leave the caller to retry.
 */
export class RoundRobin {
  readonly commands: number[];
  readonly reads: number[];
  private next = 0;
  private server: Server | undefined;

  constructor(private readonly targets: readonly string[]) {
    this.commands = targets.map(() => 0);
    this.reads = targets.map(() => 0);
  }

  async listen(): Promise<string> {
    this.server = createServer((req, res) => {
      const i = this.next++ % this.targets.length;
      (req.method === 'GET' ? this.reads : this.commands)[i]! += 1;
      const target = new URL(this.targets[i]!);
      const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/problem+json' });
        res.end(JSON.stringify({ type: 'about:blank', title: 'replica unreachable', status: 502 }));
      });
      req.pipe(upstream);
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

export interface ReplicaOptions {
  /** How long the load runs against the two replicas of each context. */
  readonly loadMs: number;
  /**
   * …and longer (up to `maxLoadMs`) until this many journeys began: with companies spread over the
   * topic's partitions by BIN, a dozen make it all but certain that both consumers get messages.
   */
  readonly minJourneys?: number;
  readonly maxLoadMs?: number;
  readonly concurrency: number;
  /** Longest wait for the backlog (outbox, consumers, timers) after the load. */
  readonly drainMs: number;
  readonly log?: (line: string) => void;
}

/** What each instance did (from the proxies' counts and the instance's own /metrics). */
export interface InstanceShare {
  readonly instance: string;
  readonly httpCommands: number;
  readonly httpReads: number;
  /** `hub_consumer_messages_total{outcome="handled"|"skipped"}` of the instance: its consumers' share of the group. */
  readonly consumed: number;
  /** `…{outcome="duplicate"}`: redeliveries its inbox recognised and skipped. */
  readonly duplicates: number;
}

export interface ReplicaRun {
  readonly result: ScenarioResult;
  readonly shares: readonly InstanceShare[];
  /** Published outbox rows of registration, and those not seen on the topic by an independent reader. */
  readonly outboxPublished: number;
  readonly outboxUnseen: number;
  /** Messages read from registration's topic, distinct event ids among them, and the repeats. */
  readonly topicMessages: number;
  readonly topicDuplicates: number;
  /** participant-registered events published, and those participation's inbox does not hold exactly once. */
  readonly participantRegistered: number;
  readonly inboxMissing: number;
  /** Deadline timers made due while both registration replicas polled. */
  readonly timers: {
    readonly due: number;
    readonly firedOnce: number;
    readonly notFired: number;
    /** Fired with more than one attempt: claimed twice. */
    readonly reclaimed: number;
    /** `registration.deadline-missed` events per timer: exactly one each. */
    readonly effectsMissing: number;
    readonly effectsDoubled: number;
  };
  readonly statuses: Record<string, number>;
  readonly details: string[];
}

export const REPLICA_SCENARIO = 'two replicas each';

/**
 * Two replicas of registration and of participation against one database each and one broker
 * (issue #19, ADR 0112). Each replica is a whole app process (`HUB_RUN_WORKERS=true`: HTTP API,
 * outbox relay, timer poller and the consumers, which join ONE consumer group per context), behind
 * a round-robin proxy the gateway calls. The load generator drives registration journeys to the
 * contract through the gateway; afterwards the registration deadlines still open are made due so
 * that both timer pollers race for them. Counted: lost / doubled per company (chaos.ts `verify`),
 * outbox rows against what an independent reader sees on the topic (duplicates counted, not hidden),
 * participation's inbox against the participant-registered events, timers fired exactly once with
 * exactly one effect, and each instance's share of the commands and of the consumed messages.
 */
export async function runReplicas(options: ReplicaOptions): Promise<ReplicaRun> {
  const log = options.log ?? (() => undefined);
  const fleet = new Fleet();
  const topicPrefix = `t.${uniqueName('replicas').replace(/_/g, '-')}.`;
  const brokers = testKafkaBrokers().join(',');
  const proxies: RoundRobin[] = [];
  let load: LoadGenerator | undefined;
  try {
    await fleet.init();
    const started = Date.now();
    await createTopics(brokers, topicPrefix);
    const [regDb, partDb, gwDb] = await Promise.all([
      fleet.createDatabase('registration'),
      fleet.createDatabase('participation'),
      fleet.createDatabase('gateway'),
    ]);
    await Promise.all([fleet.migrate('registration', regDb), fleet.migrate('participation', partDb), fleet.migrate('admin-gateway', gwDb)]);
    const common = { HUB_KAFKA_BROKERS: brokers, HUB_KAFKA_TOPIC_PREFIX: topicPrefix, HUB_TIMER_POLL_MS: '300', HUB_RUN_WORKERS: 'true', ...fleet.authEnv };
    // Both replicas of a context share its PII key ring (one Secret per context in the manifests).
    const pii = { HUB_PII_KEYS: `replicas:${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64')}`, HUB_PII_ACTIVE_KEY: 'replicas' };
    const ports = {
      'registration-a': await freePort(),
      'registration-b': await freePort(),
      'participation-a': await freePort(),
      'participation-b': await freePort(),
    };
    const url = (name: keyof typeof ports) => `http://127.0.0.1:${ports[name]}`;
    const regService = new RoundRobin([url('registration-a'), url('registration-b')]);
    const partService = new RoundRobin([url('participation-a'), url('participation-b')]);
    proxies.push(regService, partService);
    const [regUrl, partUrl] = [await regService.listen(), await partService.listen()];
    await Promise.all([
      fleet.start('registration-a', 'registration', { ...common, DATABASE_URL: regDb }, ports['registration-a']),
      fleet.start('registration-b', 'registration', { ...common, DATABASE_URL: regDb }, ports['registration-b']),
      fleet.start('participation-a', 'participation', { ...common, ...pii, DATABASE_URL: partDb }, ports['participation-a']),
      fleet.start('participation-b', 'participation', { ...common, ...pii, DATABASE_URL: partDb }, ports['participation-b']),
      fleet.start('admin-gateway', 'admin-gateway', {
        ...fleet.authEnv,
        DATABASE_URL: gwDb,
        REGISTRATION_URL: regUrl,
        PARTICIPATION_URL: partUrl,
        // Many companies from one machine: the per-client limits are not under test here.
        HUB_GATEWAY_RATE_PER_MINUTE: '1000000',
        HUB_GATEWAY_RATE_BURST: '100000',
        HUB_GATEWAY_IP_RATE_PER_MINUTE: '1000000',
        HUB_GATEWAY_IP_RATE_BURST: '100000',
        HUB_GATEWAY_UPSTREAM_TIMEOUT_MS: '8000',
      }),
    ]);
    log(`fleet up in ${((Date.now() - started) / 1000).toFixed(1)} s: 2 × registration, 2 × participation, gateway (topics ${topicPrefix}*)`);

    load = new LoadGenerator(
      () => fleet.url('admin-gateway'),
      (s, r, c) => fleet.token(s, r, c),
      { concurrency: options.concurrency, binYear: 2019 },
    );
    load.scenario = REPLICA_SCENARIO;
    await load.start();
    const loadStarted = Date.now();
    await sleep(options.loadMs);
    while (load.journeys.length < (options.minJourneys ?? 0) && Date.now() - loadStarted < (options.maxLoadMs ?? options.loadMs)) await sleep(500);
    await load.stop(); // journeys under way finish, and count in the same tally
    log(`load stopped: ${load.commands.length} commands, ${load.journeys.filter((j) => j.contractOk).length} contracts`);

    const drainUntil = Date.now() + options.drainMs;
    const drained = async () => (await missingParticipations(regDb, partDb)) === 0 && (await unpublished(regDb)) === 0;
    while (Date.now() < drainUntil && !(await drained())) await sleep(300);

    // Timers: the deadlines still open (F-19 and the like, weeks ahead) are made due now; both
    // registration replicas poll every 300 ms and race for them.
    const due = await withDb(
      regDb,
      async (c) =>
        (
          await c.query<{ id: string; timer_key: string }>(
            `update hub_timer set due_at = now() - interval '1 second' where status = 'scheduled' and kind = 'registration.deadline-due' returning id, timer_key`,
          )
        ).rows,
    );
    const timerIds = due.map((t) => t.id);
    const timerDeadline = Date.now() + Math.max(10_000, drainUntil - Date.now());
    const stillScheduled = () =>
      withDb(regDb, async (c) =>
        Number((await c.query<{ n: string }>(`select count(*)::text as n from hub_timer where id = any($1) and status = 'scheduled'`, [timerIds])).rows[0]!.n),
      );
    while (Date.now() < timerDeadline && (await stillScheduled()) > 0) await sleep(300);
    while (Date.now() < timerDeadline && (await unpublished(regDb)) > 0) await sleep(300);
    log(`${due.length} deadline timers made due; backlog drained`);

    const details: string[] = [];
    const timers = await withDb(regDb, async (c) => {
      const rows = (
        await c.query<{ id: string; timer_key: string; status: string; attempts: number }>(
          `select id, timer_key, status, attempts from hub_timer where id = any($1)`,
          [timerIds],
        )
      ).rows;
      const effects = new Map(
        (
          await c.query<{ k: string; n: string }>(
            `select (envelope->'payload'->>'applicationId') || ':' || (envelope->'payload'->>'kind') as k, count(*)::text as n
               from hub_outbox where event_type = 'registration.deadline-missed' group by 1`,
          )
        ).rows.map((r) => [r.k, Number(r.n)]),
      );
      let effectsMissing = 0;
      let effectsDoubled = 0;
      for (const t of rows) {
        const n = effects.get(t.timer_key) ?? 0;
        if (n === 0) effectsMissing += 1;
        if (n > 1) effectsDoubled += 1;
        if (n !== 1 || t.status !== 'fired' || t.attempts !== 1)
          details.push(`timer ${t.timer_key}: ${t.status}, attempts ${t.attempts}, deadline-missed events ${n}`);
      }
      return {
        due: due.length,
        firedOnce: rows.filter((t) => t.status === 'fired' && t.attempts === 1).length,
        notFired: rows.filter((t) => t.status !== 'fired').length,
        reclaimed: rows.filter((t) => t.attempts > 1).length,
        effectsMissing,
        effectsDoubled,
      };
    });

    // Outbox → topic: an independent reader (its own group) reads registration's topic from the start.
    const outbox = await withDb(
      regDb,
      async (c) =>
        (
          await c.query<{ event_id: string; topic: string; event_type: string }>(
            `select event_id, topic, event_type from hub_outbox where published_at is not null`,
          )
        ).rows,
    );
    const seen = await readTopics(
      [...new Set(outbox.map((r) => (r.topic.startsWith(topicPrefix) ? r.topic : `${topicPrefix}${r.topic}`)))],
      new Set(outbox.map((r) => r.event_id)),
    );
    const outboxUnseen = outbox.filter((r) => !seen.ids.has(r.event_id));
    for (const r of outboxUnseen.slice(0, 10)) details.push(`outbox row ${r.event_id} (${r.event_type}) published but not on the topic`);
    const registered = outbox.filter((r) => r.event_type === 'registration.participant-registered').map((r) => r.event_id);
    const inbox = await withDb(
      partDb,
      async (c) =>
        new Map(
          (
            await c.query<{ event_id: string; n: string }>(
              `select event_id::text, count(*)::text as n from hub_inbox where event_id = any($1::uuid[]) group by 1`,
              [registered],
            )
          ).rows.map((r) => [r.event_id, Number(r.n)]),
        ),
    );
    const inboxMissing = registered.filter((id) => inbox.get(id) !== 1);
    for (const id of inboxMissing.slice(0, 10)) details.push(`participant-registered ${id}: in participation's inbox ${inbox.get(id) ?? 0} times`);

    const shares: InstanceShare[] = [];
    for (const [name, proxy, i] of [
      ['registration-a', regService, 0],
      ['registration-b', regService, 1],
      ['participation-a', partService, 0],
      ['participation-b', partService, 1],
    ] as const) {
      const m = await consumed(fleet.url(name));
      shares.push({ instance: name, httpCommands: proxy.commands[i]!, httpReads: proxy.reads[i]!, consumed: m.handled, duplicates: m.duplicate });
    }
    const [result] = (await verify(load, regDb, partDb, [{ name: REPLICA_SCENARIO, target: 'registration', downMs: 0 }], new Map())).filter(
      (r) => r.scenario === REPLICA_SCENARIO,
    );
    return {
      result: result!,
      shares,
      outboxPublished: outbox.length,
      outboxUnseen: outboxUnseen.length,
      topicMessages: seen.messages,
      topicDuplicates: seen.messages - seen.ids.size,
      participantRegistered: registered.length,
      inboxMissing: inboxMissing.length,
      timers,
      statuses: Object.fromEntries([...load.statuses.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => [String(s), n])),
      details: [...result!.details, ...details],
    };
  } finally {
    if (load) await load.stop(1_000);
    await fleet.stopAll();
    for (const p of proxies) await p.close();
    await fleet.close();
  }
}

/** Reads `topics` from the beginning in a group of its own until every id of `expect` was seen (or 30 s). */
async function readTopics(topics: string[], expect: ReadonlySet<string>): Promise<{ messages: number; ids: Set<string> }> {
  const bus = createMessageBus({ clientId: 'replicas-reader', brokers: testKafkaBrokers() });
  const ids = new Set<string>();
  let messages = 0;
  const sub = await bus.subscribe({
    groupId: uniqueName('replicas_reader'),
    topics,
    fromBeginning: true,
    handle: async (msg) => {
      try {
        const id = (JSON.parse(msg.value?.toString() ?? '{}') as { id?: string }).id;
        if (id && expect.has(id)) {
          messages += 1;
          ids.add(id);
        }
      } catch {
        // not an envelope: not the outbox's
      }
    },
  });
  const until = Date.now() + 30_000;
  while (Date.now() < until && ids.size < expect.size) await sleep(250);
  await sleep(1_000); // repeats of the last ones, if any
  await sub.stop();
  await bus.close();
  return { messages, ids };
}

/** The instance's consumed messages by outcome, from its own /metrics. */
async function consumed(base: string): Promise<{ handled: number; duplicate: number }> {
  const text = await fetch(`${base}/metrics`, { signal: AbortSignal.timeout(10_000) }).then((r) => r.text());
  const sum = (outcome: string) =>
    [...text.matchAll(new RegExp(`^hub_consumer_messages_total\\{[^}]*outcome="${outcome}"[^}]*\\} (\\d+)`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0);
  return { handled: sum('handled') + sum('skipped'), duplicate: sum('duplicate') };
}

async function missingParticipations(regDb: string, partDb: string): Promise<number> {
  const bins = await withDb(regDb, async (c) =>
    (
      await c.query<{ bin: string }>(
        `select distinct bin from registration_application where kind = 'registration' and status in ('contract-signed', 'certificate-issued', 'listed')`,
      )
    ).rows.map((r) => r.bin),
  );
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

/** The figures table of the run: one row per instance and a totals row. */
export function formatReplicaTable(run: ReplicaRun): string {
  const r = run.result;
  const totals = [
    ['commands', r.commands],
    ['2xx', r.ok2xx],
    ['contracts', r.contractsOk],
    ['events (participant-registered)', r.events],
    ['effects (participations)', r.effects],
    ['lost', r.lost],
    ['doubled', r.doubled],
    ['outbox rows published', run.outboxPublished],
    ['  not seen on the topic', run.outboxUnseen],
    ['topic repeats (inbox dedupes)', run.topicDuplicates],
    ['inbox missing / not once', run.inboxMissing],
    ['timers made due', run.timers.due],
    ['  fired exactly once', run.timers.firedOnce],
    ['  effects missing / doubled', `${run.timers.effectsMissing} / ${run.timers.effectsDoubled}`],
  ].map(([k, v]) => `${String(k).padEnd(34)}${String(v).padStart(8)}`);
  const head = ['instance', 'commands', 'reads', 'consumed', 'dupes'];
  const rows = run.shares.map((s) => [s.instance, String(s.httpCommands), String(s.httpReads), String(s.consumed), String(s.duplicates)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((x) => x[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [...totals, '', line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
