import type { AclBinding, ConsumerLag, CreateTopicsOptions, MessageBusAdmin, TopicDescription } from './message-bus-admin.js';
import type { IncomingMessage, MessageBus, OutgoingMessage, SubscribeOptions, Subscription, TopicDeclaration } from './message-bus.js';

/**
 * A bus whose topics all carry a prefix on the broker (`HUB_KAFKA_TOPIC_PREFIX`): the contracts keep
 * their names (`hub.registration.events.v1`) while a test run, a preview environment or a tenant uses
 * `<prefix>hub.registration.events.v1`. Everything above the bus — outbox, relay, consumers, DLQ,
 * admin — sees the contract's names only: the prefix is added on the way out and removed on the way in.
 * Consumer group ids carry the prefix as well.
 */
export class PrefixedMessageBus implements MessageBus, MessageBusAdmin {
  constructor(
    private readonly inner: MessageBus & MessageBusAdmin,
    readonly prefix: string,
  ) {
    if (!/^[a-zA-Z0-9._-]+$/.test(prefix)) throw new Error(`topic prefix '${prefix}' may use only letters, digits, '.', '_' and '-'`);
  }

  private on = (topic: string): string => `${this.prefix}${topic}`;
  private off = (topic: string): string => (topic.startsWith(this.prefix) ? topic.slice(this.prefix.length) : topic);

  publish(messages: readonly OutgoingMessage[]): Promise<void> {
    return this.inner.publish(messages.map((m) => ({ ...m, topic: this.on(m.topic) })));
  }

  subscribe(options: SubscribeOptions): Promise<Subscription> {
    return this.inner.subscribe({
      ...options,
      // Consumer groups are namespaced too: two runs with different prefixes never share a group.
      groupId: this.on(options.groupId),
      topics: options.topics.map(this.on),
      handle: (m: IncomingMessage) => options.handle({ ...m, topic: this.off(m.topic) }),
      handleBatch: options.handleBatch && ((ms: readonly IncomingMessage[]) => options.handleBatch!(ms.map((m) => ({ ...m, topic: this.off(m.topic) })))),
    });
  }

  ensureTopics(topics: readonly TopicDeclaration[]): Promise<void> {
    return this.inner.ensureTopics(topics.map((t) => ({ ...t, name: this.on(t.name) })));
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  async listTopics(): Promise<string[]> {
    return (await this.inner.listTopics()).filter((t) => t.startsWith(this.prefix)).map(this.off);
  }

  async describeTopics(names: readonly string[]): Promise<TopicDescription[]> {
    return (await this.inner.describeTopics(names.map(this.on))).map((d) => ({ ...d, name: this.off(d.name) }));
  }

  async createTopics(topics: readonly TopicDeclaration[], options?: CreateTopicsOptions): Promise<string[]> {
    return (
      await this.inner.createTopics(
        topics.map((t) => ({ ...t, name: this.on(t.name) })),
        options,
      )
    ).map(this.off);
  }

  increasePartitions(name: string, partitions: number): Promise<void> {
    return this.inner.increasePartitions(this.on(name), partitions);
  }

  deleteTopics(names: readonly string[]): Promise<void> {
    return this.inner.deleteTopics(names.map(this.on));
  }

  async consumerLag(groupId: string, topics: readonly string[]): Promise<ConsumerLag> {
    const lag = await this.inner.consumerLag(this.on(groupId), topics.map(this.on));
    return { ...lag, groupId, partitions: lag.partitions.map((p) => ({ ...p, topic: this.off(p.topic) })) };
  }

  /** Topic and group names carry the prefix on the broker, as they do in subscribe and publish. */
  createAcls(bindings: readonly AclBinding[]): Promise<void> {
    return this.inner.createAcls(bindings.map((b) => ({ ...b, resource: { ...b.resource, name: this.on(b.resource.name) } })));
  }
}
