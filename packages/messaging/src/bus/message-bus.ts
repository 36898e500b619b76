/**
 * The messaging port. kafkajs stays behind it (bus/kafkajs-message-bus.ts), so that a maintained
 * client can replace it without touching contexts.
 */
export interface OutgoingMessage {
  readonly topic: string;
  readonly key: string;
  readonly value: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface IncomingMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
}

export interface SubscribeOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Where a new group starts; an existing group always resumes from its committed offsets. */
  readonly fromBeginning?: boolean;
  /** Partitions handled in parallel (order holds within a partition, i.e. per key). Default 1. */
  readonly partitionsConcurrently?: number;
  /**
   * Called once per message, in order within a partition. The offset is committed only after the
   * returned promise resolves; a rejection is treated as fatal for the subscription (the consumer
   * layer is responsible for retries and dead-lettering, and never rejects for a bad message).
   */
  readonly handle: (message: IncomingMessage) => Promise<void>;
  /**
   * Optional (ADR 0126): when given, the adapter calls it instead of `handle` with a partition's
   * messages in order, at most `maxBatch` at a time, and commits their offsets only after it
   * resolves. Same rejection semantics as `handle`. An adapter without batches may ignore it.
   */
  readonly handleBatch?: (messages: readonly IncomingMessage[]) => Promise<void>;
  /** The most messages given to one `handleBatch` call. Default 100. */
  readonly maxBatch?: number;
  /**
   * Called once when the subscription has stopped for good and will not restart by itself: the
   * broker refused it (the group or a topic is not authorised — not retriable) or the adapter gave
   * up. The subscription is then dead; a new `subscribe` is the only way back. Without it the
   * error is only logged.
   */
  readonly onCrash?: (error: Error) => void;
}

export interface Subscription {
  stop(): Promise<void>;
}

export interface TopicDeclaration {
  readonly name: string;
  readonly partitions: number;
  readonly retentionMs?: number;
}

export interface MessageBus {
  /** Publishes and resolves only once every message is acknowledged by all in-sync replicas. */
  publish(messages: readonly OutgoingMessage[]): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  ensureTopics(topics: readonly TopicDeclaration[]): Promise<void>;
  /** Throws when the broker cannot be reached (readiness checks). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
