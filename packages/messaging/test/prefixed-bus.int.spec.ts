import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testKafkaBrokers, uniqueName, waitFor } from '@hub/testing';
import { createMessageBus, PrefixedMessageBus, silentLogger, type IncomingMessage, type KafkaMessageBus } from '../src/index.js';

/**
 * HUB_KAFKA_TOPIC_PREFIX: a whole platform (a test run, a preview) on its own topics and consumer
 * groups of one broker, while every contract keeps its topic name.
 */
describe('PrefixedMessageBus on the real broker', () => {
  let raw: KafkaMessageBus;
  let bus: PrefixedMessageBus;
  // `t.` so that tools/hub test prunes what a failed run leaves behind.
  const prefix = `t.${uniqueName('pfx').replace(/_/g, '-')}.`;
  const topic = 'hub.example.events.v1';

  beforeAll(() => {
    raw = createMessageBus({ clientId: 'prefixed-bus-test', brokers: testKafkaBrokers(), logger: silentLogger });
    bus = new PrefixedMessageBus(raw, prefix);
  });
  afterAll(async () => {
    await raw.deleteTopics([`${prefix}${topic}`]).catch(() => undefined);
    await raw?.close();
  });

  it('publishes to and consumes from <prefix><topic>, and shows callers the contract name only', async () => {
    expect(await bus.createTopics([{ name: topic, partitions: 1 }])).toEqual([topic]);
    expect(await raw.listTopics()).toContain(`${prefix}${topic}`);
    expect(await raw.listTopics()).not.toContain(topic);
    expect(await bus.listTopics()).toEqual([topic]);

    await bus.publish([{ topic, key: 'k1', value: 'v1' }]);
    const seen: IncomingMessage[] = [];
    const groupId = 'example.consumer';
    const sub = await bus.subscribe({ groupId, topics: [topic], fromBeginning: true, handle: (m) => Promise.resolve(void seen.push(m)) });
    try {
      await waitFor('the message', () => seen.length >= 1);
      expect(seen[0]).toMatchObject({ topic, key: 'k1' });
      expect(seen[0]!.value?.toString()).toBe('v1');
    } finally {
      await sub.stop();
    }
    // The group lives under the prefix as well, so another run's "example.consumer" is another group.
    const lag = await bus.consumerLag(groupId, [topic]);
    expect(lag).toMatchObject({ groupId, total: 0 });
    expect(lag.partitions.map((p) => p.topic)).toEqual([topic]);
    expect((await raw.consumerLag(groupId, [`${prefix}${topic}`])).partitions[0]?.committedOffset).toBeNull();
  });

  it('refuses a prefix Kafka would not accept in a topic name', () => {
    expect(() => new PrefixedMessageBus(raw, 'bad prefix/')).toThrow(/may use only/);
  });
});
