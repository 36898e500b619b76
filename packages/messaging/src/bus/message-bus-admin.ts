import type { TopicDeclaration } from './message-bus.js';

/**
 * The broker-administration port, next to the MessageBus port and implemented by the same adapter
 * (bus/kafkajs-message-bus.ts). Tools (tools/dev-stack), tests (@hub/testing) and the platform's
 * metrics (consumer lag) go through it, so that kafkajs stays confined to the adapter.
 */
export interface TopicDescription {
  readonly name: string;
  readonly partitions: number;
  /** `retention.ms` of the topic as the broker reports it (undefined when it could not be read). */
  readonly retentionMs?: number;
}

export interface PartitionLag {
  readonly topic: string;
  readonly partition: number;
  /** The group's committed offset, or null when the group has committed nothing on the partition. */
  readonly committedOffset: string | null;
  /** The partition's end (high-water mark): the offset the next message will get. */
  readonly endOffset: string;
  /** Messages the group has yet to read: end − committed (end − start when nothing is committed). */
  readonly lag: number;
}

export interface ConsumerLag {
  readonly groupId: string;
  /** Sum of the partitions' lag. */
  readonly total: number;
  readonly partitions: readonly PartitionLag[];
}

export interface CreateTopicsOptions {
  /** Wait until every new partition has a leader (default true), so that a publish right after succeeds. */
  readonly waitForLeaders?: boolean;
  readonly timeoutMs?: number;
}

/**
 * One ACL entry: allow `principal` an operation on a topic or consumer group (by its literal name
 * or a name prefix). The same shape as Strimzi's `simple` authorisation entries, one operation each.
 */
export interface AclBinding {
  readonly principal: string;
  readonly resource: { readonly type: 'topic' | 'group'; readonly name: string; readonly patternType: 'literal' | 'prefix' };
  readonly operation: 'Read' | 'Write' | 'Describe';
  /** Host the principal may connect from; default every host. */
  readonly host?: string;
}

export interface MessageBusAdmin {
  /** Every topic name on the cluster, the broker's internal ones (`__…`) included. */
  listTopics(): Promise<string[]>;
  /** Partitions and retention of existing topics; a name that does not exist is left out. */
  describeTopics(names: readonly string[]): Promise<TopicDescription[]>;
  /** Creates the topics that do not exist yet; returns the names it created. */
  createTopics(topics: readonly TopicDeclaration[], options?: CreateTopicsOptions): Promise<string[]>;
  /** Raises a topic's partition count to `partitions` (Kafka cannot lower it). */
  increasePartitions(name: string, partitions: number): Promise<void>;
  deleteTopics(names: readonly string[]): Promise<void>;
  /** How far a consumer group is behind on the given topics, per partition. */
  consumerLag(groupId: string, topics: readonly string[]): Promise<ConsumerLag>;
  /**
   * Adds ALLOW bindings on a broker with an authorizer (the connecting principal must be allowed to
   * alter ACLs). Production brokers get theirs from the rendered KafkaUsers (Strimzi); this is for
   * tests and tools that stand up their own broker. Resolves once the broker enforces them, not when
   * the controller has merely recorded them (a client refused in between would be a false refusal).
   */
  createAcls(bindings: readonly AclBinding[]): Promise<void>;
}
