// Loads @hub/messaging (the platform's MessageBus port and its kafkajs adapter) for the dev-stack
// scripts, which talk to Kafka only through it: kafkajs stays inside the adapter (issue #8).
//
// Resolved as a workspace dependency when tools/dev-stack/package.json declares it; until then,
// from the repository's built package (packages/messaging/dist, after `pnpm build`).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export class MessagingNotAvailable extends Error {}

export async function loadMessaging() {
  try {
    return await import('@hub/messaging');
  } catch (e) {
    if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes("'@hub/messaging'")) throw e;
  }
  const dist = path.join(repoRoot, 'packages', 'messaging', 'dist', 'index.js');
  if (!existsSync(dist)) {
    throw new MessagingNotAvailable(`@hub/messaging is not built (${dist} is missing): build first: pnpm exec turbo run build --filter=@hub/messaging`);
  }
  return import(pathToFileURL(dist).href);
}

/** A bus for a tool: quiet, and failing fast when the broker is not there. */
export async function toolBus(clientId, brokers, { retries = 6 } = {}) {
  const { createMessageBus, PrefixedMessageBus, silentLogger } = await loadMessaging();
  // HUB_KAFKA_CLIENT picks the client, as in the apps (ADR 0149).
  const bus = createMessageBus({ clientId, brokers, logger: silentLogger, connectionTimeoutMs: 5_000, requestTimeoutMs: 30_000, retries });
  // The same HUB_KAFKA_TOPIC_PREFIX the apps read: the tool then works on that platform's topics.
  const prefix = process.env.HUB_KAFKA_TOPIC_PREFIX;
  return prefix ? new PrefixedMessageBus(bus, prefix) : bus;
}

// kafkajs 2.2.4 on Node 24 emits a harmless TimeoutNegativeWarning per connection
// (tulios/kafkajs#1751, unreleased fix); print every other warning as usual.
export function quietKafkaWarnings() {
  process.removeAllListeners('warning');
  process.on('warning', (w) => {
    if (w.name !== 'TimeoutNegativeWarning') process.stderr.write(`${w.name}: ${w.message}\n`);
  });
}
