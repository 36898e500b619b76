import type { KafkaBusOptions } from './kafka-bus-options.js';
import { KafkaJsMessageBus } from './kafkajs-message-bus.js';
import type { MessageBusAdmin } from './message-bus-admin.js';
import type { MessageBus } from './message-bus.js';
import { PlatformaticMessageBus } from './platformatic-message-bus.js';

/** The Kafka clients behind the MessageBus port (ADR 0149). */
export const KAFKA_CLIENTS = ['kafkajs', 'platformatic'] as const;
export type KafkaClientName = (typeof KAFKA_CLIENTS)[number];

/** The client named by `HUB_KAFKA_CLIENT` (default kafkajs); any other value is refused, not ignored. */
export function kafkaClientFromEnv(env: NodeJS.ProcessEnv = process.env): KafkaClientName {
  const value = env.HUB_KAFKA_CLIENT?.trim() || 'kafkajs';
  if (!(KAFKA_CLIENTS as readonly string[]).includes(value)) {
    throw new Error(`HUB_KAFKA_CLIENT must be one of ${KAFKA_CLIENTS.join(', ')}; got "${value}"`);
  }
  return value as KafkaClientName;
}

export type KafkaMessageBus = MessageBus & MessageBusAdmin;

/** The MessageBus (and its administration port) on the client chosen by `client` or `HUB_KAFKA_CLIENT`. */
export function createMessageBus(options: KafkaBusOptions & { readonly client?: KafkaClientName }): KafkaMessageBus {
  const { client = kafkaClientFromEnv(), ...rest } = options;
  return client === 'platformatic' ? new PlatformaticMessageBus(rest) : new KafkaJsMessageBus(rest);
}
