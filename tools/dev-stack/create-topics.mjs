#!/usr/bin/env node
// Creates the Kafka topics the platform declares, idempotently.
//
//   node tools/dev-stack/create-topics.mjs [TOPICS.json] [--brokers host:port,...]
//   node tools/dev-stack/create-topics.mjs --list [--brokers ...]      (prints existing topic names)
//
// Topics come from `topicSpecs()` of @hub/contracts (the published language owns the topic names
// and partition counts), or from TOPICS.json with the same shape:
//   [{ "name": "hub.registration.events.v1", "partitions": 6, "retentionMs": 2592000000 }, ...]
// Missing topics are created (waiting for their leaders); an existing topic with fewer partitions
// than declared gets more (increasePartitions); anything else that differs is reported, not changed.
// Brokers: --brokers, else HUB_KAFKA_BROKERS, else 127.0.0.1:9092.

// Kafka is reached through @hub/messaging's admin port (MessageBusAdmin), never a client of its own.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessagingNotAvailable, quietKafkaWarnings, toolBus } from './load-messaging.mjs';

quietKafkaWarnings();

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');

class UsageError extends Error {}

function fail(message) {
  process.stderr.write(`create-topics: error: ${message}\n`);
  process.exit(1);
}

function parseArgs(argv) {
  const args = { file: undefined, list: false, brokers: process.env.HUB_KAFKA_BROKERS || '127.0.0.1:9092' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--list') args.list = true;
    else if (a === '--brokers') args.brokers = argv[++i] ?? '';
    else if (a.startsWith('--brokers=')) args.brokers = a.slice('--brokers='.length);
    else if (a === '-h' || a === '--help') {
      process.stdout.write('usage: create-topics.mjs [TOPICS.json] [--brokers host:port,...] | --list\n');
      process.exit(0);
    } else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else if (args.file === undefined) args.file = a;
    else throw new UsageError(`unexpected argument ${a}`);
  }
  const brokers = args.brokers
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (brokers.length === 0) throw new UsageError('no brokers given (--brokers or HUB_KAFKA_BROKERS)');
  return { ...args, brokers };
}

const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

function validateSpecs(specs, source) {
  if (!Array.isArray(specs)) throw new UsageError(`${source}: expected an array of { name, partitions, retentionMs? }`);
  const seen = new Set();
  return specs.map((s, i) => {
    const where = `${source}[${i}]`;
    if (s === null || typeof s !== 'object') throw new UsageError(`${where}: expected an object`);
    if (typeof s.name !== 'string' || !TOPIC_NAME.test(s.name) || s.name === '.' || s.name === '..')
      throw new UsageError(`${where}: invalid topic name ${JSON.stringify(s.name)}`);
    if (!Number.isInteger(s.partitions) || s.partitions < 1)
      throw new UsageError(`${where} (${s.name}): partitions must be an integer >= 1, got ${JSON.stringify(s.partitions)}`);
    if (s.retentionMs !== undefined && !(Number.isInteger(s.retentionMs) && (s.retentionMs > 0 || s.retentionMs === -1)))
      throw new UsageError(`${where} (${s.name}): retentionMs must be a positive integer or -1, got ${JSON.stringify(s.retentionMs)}`);
    if (seen.has(s.name)) throw new UsageError(`${where}: topic ${s.name} declared twice`);
    seen.add(s.name);
    return { name: s.name, partitions: s.partitions, retentionMs: s.retentionMs };
  });
}

async function loadSpecs(file) {
  if (file !== undefined) {
    let text;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read ${file}: ${e.message}`);
    }
    let json;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new UsageError(`${file} is not valid JSON: ${e.message}`);
    }
    return { specs: validateSpecs(json, file), source: file };
  }
  // In the repository, packages/contracts/dist exists only after `pnpm build`.
  const contractsDir = path.join(repoRoot, 'packages', 'contracts');
  if (existsSync(path.join(contractsDir, 'package.json')) && !existsSync(path.join(contractsDir, 'dist'))) {
    throw new UsageError(`@hub/contracts is not built (${path.join(contractsDir, 'dist')} is missing): build first: pnpm build`);
  }
  let contracts;
  try {
    contracts = await import('@hub/contracts');
  } catch (e) {
    if (e?.code === 'ERR_MODULE_NOT_FOUND' || e?.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') {
      throw new UsageError(
        `cannot load @hub/contracts (${e.message.split('\n')[0]}): build first: pnpm build ` +
          '(and pnpm install, so that tools/dev-stack/node_modules links it); or pass a TOPICS.json file',
      );
    }
    throw new UsageError(`loading @hub/contracts failed: ${e?.message ?? e}`);
  }
  if (typeof contracts.topicSpecs !== 'function') {
    throw new UsageError('@hub/contracts does not export topicSpecs(): { name, partitions, retentionMs? }[] (rebuild it: pnpm build)');
  }
  return { specs: validateSpecs(contracts.topicSpecs(), '@hub/contracts topicSpecs()'), source: '@hub/contracts' };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const specs = args.list ? [] : (await loadSpecs(args.file)).specs;
  let bus;
  try {
    bus = await toolBus('hub-dev-stack', args.brokers);
  } catch (e) {
    if (e instanceof MessagingNotAvailable) throw new UsageError(e.message);
    throw e;
  }
  try {
    let existing;
    try {
      existing = new Set(await bus.listTopics());
    } catch (e) {
      throw new UsageError(`cannot reach Kafka at ${args.brokers.join(',')} (${e.message}); start it: tools/kafka/broker.sh start`);
    }
    if (args.list) {
      for (const n of [...existing].filter((t) => !t.startsWith('__')).sort()) process.stdout.write(`${n}\n`);
      return;
    }

    const missing = specs.filter((s) => !existing.has(s.name));
    const present = specs.filter((s) => existing.has(s.name));
    const report = [];

    if (missing.length > 0) {
      await bus.createTopics(missing, { waitForLeaders: true, timeoutMs: 30_000 });
      for (const s of missing) report.push([s.name, s.partitions, 'created']);
    }

    if (present.length > 0) {
      const described = new Map((await bus.describeTopics(present.map((s) => s.name))).map((t) => [t.name, t]));
      for (const s of present) {
        const have = described.get(s.name)?.partitions ?? 0;
        if (have < s.partitions) {
          await bus.increasePartitions(s.name, s.partitions);
          report.push([s.name, s.partitions, `partitions ${have} -> ${s.partitions}`]);
        } else if (have > s.partitions) {
          report.push([s.name, have, `exists with ${have} partitions (declared ${s.partitions}; Kafka cannot shrink)`]);
        } else {
          report.push([s.name, have, 'exists']);
        }
        // Retention is reported, never altered: AlterConfigs would replace the topic's other overrides.
        const actual = described.get(s.name)?.retentionMs;
        if (s.retentionMs !== undefined && actual !== undefined && actual !== s.retentionMs) {
          report.at(-1)[2] += ` (retention.ms is ${actual}, declared ${s.retentionMs}: not changed)`;
        }
      }
    }

    const width = Math.max(5, ...report.map((r) => r[0].length));
    process.stdout.write(`${'topic'.padEnd(width)}  partitions  result\n`);
    for (const [name, partitions, result] of report.sort((a, b) => a[0].localeCompare(b[0])))
      process.stdout.write(`${name.padEnd(width)}  ${String(partitions).padStart(10)}  ${result}\n`);
    const created = report.filter((r) => r[2] === 'created').length;
    process.stdout.write(`${specs.length} topics declared on ${args.brokers.join(',')}: ${created} created, ${specs.length - created} already there\n`);
  } finally {
    await bus.close().catch(() => {});
  }
}

main().catch((e) => {
  if (e instanceof UsageError) fail(e.message);
  const cause = e?.originalError?.message ? ` (${e.originalError.message})` : '';
  fail(`${e?.name ?? 'Error'}: ${e?.message ?? e}${cause}`);
});
