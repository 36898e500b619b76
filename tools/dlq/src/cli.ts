#!/usr/bin/env node
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOPICS, dlqTopicOf } from '@hub/contracts';
import { createMessageBus, silentLogger, type KafkaMessageBus } from '@hub/messaging';
import { type DeadLetter, findDeadLetter, outboxFailures, readDeadLetters, replayDeadLetter } from './dead-letters.js';

/**
 * tools/hub dlq (ADR 0103, runbooks dead-letters.md and outbox-stuck.md):
 *
 *   tools/hub dlq list [--context <name>] [--json]     dead letters per context, and outbox rows failing to publish
 *   tools/hub dlq show <dlq-topic> <partition> <offset>    one dead letter: reason, detail, headers, value
 *   tools/hub dlq replay <dlq-topic> <partition> <offset>  after the fix: back to its source topic (the inbox keeps it single)
 *
 * Kafka: HUB_KAFKA_BROKERS (and HUB_KAFKA_SASL_* / HUB_KAFKA_SSL as the apps read them). A context's
 * database: HUB_DLQ_DATABASE_URL_<CONTEXT> (e.g. …_REGISTRATION), else HUB_PG_URL/<its database>.
 */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const USAGE = `usage: tools/hub dlq list [--context <name>] [--json]
       tools/hub dlq show <dlq-topic> <partition> <offset>
       tools/hub dlq replay <dlq-topic> <partition> <offset>`;

interface ContextDb {
  readonly context: string;
  readonly database: string;
}

/** The contexts: apps with a database and a topic of their own (package.json `hub` block + TOPICS). */
function contexts(): ContextDb[] {
  const appsDir = join(REPO_ROOT, 'apps');
  return readdirSync(appsDir)
    .filter((d) => existsSync(join(appsDir, d, 'package.json')) && d in TOPICS)
    .flatMap((d) => {
      const pkg = JSON.parse(readFileSync(join(appsDir, d, 'package.json'), 'utf8')) as { hub?: { database?: string } };
      return pkg.hub?.database ? [{ context: d, database: pkg.hub.database }] : [];
    })
    .sort((a, b) => a.context.localeCompare(b.context));
}

function databaseUrl(c: ContextDb): string {
  const own = process.env[`HUB_DLQ_DATABASE_URL_${c.context.toUpperCase().replace(/-/g, '_')}`];
  if (own) return own;
  return `${(process.env.HUB_PG_URL ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, '')}/${c.database}`;
}

function bus(): KafkaMessageBus {
  const mechanism = process.env.HUB_KAFKA_SASL_MECHANISM as 'scram-sha-512' | 'scram-sha-256' | 'plain' | undefined;
  // HUB_KAFKA_CLIENT too: the client the apps run (ADR 0149).
  return createMessageBus({
    clientId: 'hub-dlq-tool',
    brokers: (process.env.HUB_KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim()),
    logger: silentLogger,
    retries: 2,
    ...(mechanism ? { sasl: { mechanism, username: process.env.HUB_KAFKA_SASL_USERNAME ?? '', password: process.env.HUB_KAFKA_SASL_PASSWORD ?? '' } } : {}),
    ...(process.env.HUB_KAFKA_SSL === 'true' ? { ssl: true } : {}),
  });
}

const line = (l: DeadLetter): string =>
  `  ${l.dlqTopic} ${l.partition} ${l.offset}  ${l.reason}  ${l.eventType ?? '(not an envelope)'} ${l.eventId ?? ''}  group ${l.consumerGroup}\n      ${l.detail.slice(0, 300)}`;

async function list(args: string[]): Promise<number> {
  const ci = args.indexOf('--context');
  const only = ci >= 0 ? args[ci + 1] : undefined;
  const all = contexts();
  if (only && !all.some((c) => c.context === only)) throw new Error(`unknown context ${only} (one of ${all.map((c) => c.context).join(', ')})`);
  const b = bus();
  try {
    const letters = await readDeadLetters(
      b,
      Object.values(TOPICS).map((t) => dlqTopicOf(t.name)),
    );
    const report = [];
    for (const c of all.filter((x) => !only || x.context === only)) {
      const mine = letters.filter((l) => l.context === c.context);
      let outbox: Awaited<ReturnType<typeof outboxFailures>> | { error: string };
      try {
        outbox = await outboxFailures(databaseUrl(c));
      } catch (e) {
        outbox = { error: (e as Error).message };
      }
      report.push({ context: c.context, deadLetters: mine, outbox });
    }
    if (args.includes('--json')) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return 0;
    }
    for (const r of report) {
      const o = 'error' in r.outbox ? `outbox: not readable (${r.outbox.error})` : `outbox: ${r.outbox.pending} pending, ${r.outbox.failing.length} failing`;
      process.stdout.write(`${r.context}: ${r.deadLetters.length} dead letter(s); ${o}\n`);
      for (const l of r.deadLetters) process.stdout.write(`${line(l)}\n`);
      if (!('error' in r.outbox))
        for (const f of r.outbox.failing)
          process.stdout.write(`  outbox #${f.position} ${f.eventType} ${f.eventId} → ${f.topic}: ${f.attempts} attempt(s), ${f.lastError.slice(0, 300)}\n`);
    }
    return 0;
  } finally {
    await b.close();
  }
}

function position(args: string[]): [string, number, string] {
  const [topic, partition, offset] = args;
  if (!topic || partition === undefined || !/^\d+$/.test(partition) || !offset || !/^\d+$/.test(offset)) throw new Error(USAGE);
  return [topic, Number(partition), offset];
}

async function show(args: string[]): Promise<number> {
  const b = bus();
  try {
    const l = await findDeadLetter(b, ...position(args));
    process.stdout.write(`${JSON.stringify(l, null, 2)}\n`);
    return 0;
  } finally {
    await b.close();
  }
}

async function replay(args: string[]): Promise<number> {
  const b = bus();
  try {
    const l = await findDeadLetter(b, ...position(args));
    const to = await replayDeadLetter(b, l);
    process.stdout.write(
      `replayed ${l.eventType ?? 'message'} ${l.eventId ?? ''} from ${l.dlqTopic} ${l.partition} ${l.offset} to ${to.topic} (key ${to.key}); ` +
        `group ${l.consumerGroup} handles it again, groups that handled it already see a duplicate\n`,
    );
    return 0;
  } finally {
    await b.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'list':
      return list(args);
    case 'show':
      return show(args);
    case 'replay':
      return replay(args);
    case undefined:
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`dlq: ${(e as Error).message}\n`);
    process.exit(1);
  },
);
