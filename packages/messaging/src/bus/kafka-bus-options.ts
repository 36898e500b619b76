import type { MessagingLogger } from '../logger.js';

/** What every MessageBus adapter on Kafka is configured with (kafkajs's and @platformatic/kafka's, ADR 0149). */
export interface KafkaBusOptions {
  readonly clientId: string;
  readonly brokers: readonly string[];
  readonly logger?: MessagingLogger;
  /** How long one request may take before the client gives up and retries. */
  readonly requestTimeoutMs?: number;
  /** How long a connection attempt may take (default 3 s). */
  readonly connectionTimeoutMs?: number;
  /** Retries of a failed request (default 10); tools that should fail fast give fewer. */
  readonly retries?: number;
  /** SASL credentials of the context's Kafka user (Strimzi KafkaUser, ACLs per context; issue #19). */
  readonly sasl?: { readonly mechanism: 'scram-sha-512' | 'scram-sha-256' | 'plain'; readonly username: string; readonly password: string };
  /** TLS to the brokers (true: the system's CAs). */
  readonly ssl?: boolean;
}
