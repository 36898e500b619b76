import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTopics, deleteTestTopics, testKafkaBrokers, uniqueName, waitFor, type TestBus } from '@hub/testing';
import { createMessageBus, silentLogger, type MessageBusAdmin, type KafkaMessageBus } from '../src/index.js';

/**
 * The administration port of the bus (topics, consumer lag) on the real broker: what tools/dev-stack,
 * @hub/testing and the platform's consumer-lag metric use instead of a kafkajs client of their own.
 */
describe('MessageBusAdmin on the kafkajs adapter', () => {
  let bus: KafkaMessageBus;

  beforeAll(() => {
    bus = createMessageBus({ clientId: 'bus-admin-test', brokers: testKafkaBrokers(), logger: silentLogger });
    // The test helpers take the platform's bus; this fails to compile if the two drift apart.
    const asTestBus: TestBus = bus;
    const asAdmin: MessageBusAdmin = bus;
    expect([asTestBus, asAdmin]).toHaveLength(2);
  });
  afterAll(async () => {
    await bus?.close();
  });

  it('creates only the missing topics, describes them, adds partitions and deletes them', async () => {
    const name = uniqueName('t_admin').replace(/_/g, '.');
    expect(await bus.createTopics([{ name, partitions: 1, retentionMs: 3_600_000 }])).toEqual([name]);
    expect(await bus.createTopics([{ name, partitions: 1 }])).toEqual([]); // idempotent
    expect(await bus.listTopics()).toContain(name);
    expect(await bus.describeTopics([name, `${name}.missing`])).toEqual([{ name, partitions: 1, retentionMs: 3_600_000 }]);

    await bus.increasePartitions(name, 3);
    await waitFor('3 partitions', async () => ((await bus.describeTopics([name]))[0]?.partitions === 3 ? true : undefined));

    await bus.deleteTopics([name]);
    await waitFor('the topic gone', async () => (!(await bus.listTopics()).includes(name) ? true : undefined));
  });

  it("reports a consumer group's lag per partition: all of it before the group reads, none after, the new messages after that", async () => {
    const { lag: topic } = (await createTestTopics(bus, { lag: 2 })) as { lag: string };
    const groupId = uniqueName('lag_group');
    try {
      await bus.publish(['a', 'b', 'c', 'd', 'e'].map((key) => ({ topic, key, value: key })));

      const before = await bus.consumerLag(groupId, [topic]);
      expect(before.total).toBe(5);
      expect(before.partitions.map((p) => p.partition)).toEqual([0, 1]);
      expect(before.partitions.every((p) => p.committedOffset === null)).toBe(true);

      const seen: string[] = [];
      const subscription = await bus.subscribe({ groupId, topics: [topic], fromBeginning: true, handle: (m) => Promise.resolve(void seen.push(m.key ?? '')) });
      await waitFor('5 messages read', () => seen.length >= 5);
      await subscription.stop(); // commits what was handled
      const caughtUp = await bus.consumerLag(groupId, [topic]);
      expect(caughtUp.total).toBe(0);
      expect(caughtUp.partitions.reduce((s, p) => s + Number(p.endOffset), 0)).toBe(5);

      await bus.publish([
        { topic, key: 'f', value: 'f' },
        { topic, key: 'g', value: 'g' },
      ]);
      expect((await bus.consumerLag(groupId, [topic])).total).toBe(2);
    } finally {
      await deleteTestTopics(bus, [topic]);
    }
  });
});
