import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTopics, testKafkaBrokers, waitFor } from '@hub/testing';
import {
  createMessageBus,
  isRefusal,
  kafkaClientFromEnv,
  silentLogger,
  type IncomingMessage,
  type KafkaMessageBus,
  type OutgoingMessage,
  type Subscription,
} from '../src/index.js';

/**
 * The MessageBus port's own promises, on the adapter this run selects (HUB_KAFKA_CLIENT, ADR 0149 —
 * the package's suite runs once per adapter), below the inbox that would hide a broken one: a
 * partition's offset is committed only after its handler resolved, a rejected handler's message comes
 * again, a group's partitions move between members without a message lost, and a key lands on the
 * same partition whichever adapter wrote it.
 */
const client = kafkaClientFromEnv();

describe(`the MessageBus port on ${client} (ADR 0149)`, () => {
  let bus: KafkaMessageBus;
  const others: KafkaMessageBus[] = [];
  let topics: Record<string, string>;

  beforeAll(async () => {
    bus = createMessageBus({ clientId: `bus-port-${client}`, brokers: testKafkaBrokers(), logger: silentLogger });
    topics = await createTestTopics(bus, { keys: 12, redo: 1, group: 4, lag: 2, mixed: 4 });
  });
  afterAll(async () => {
    await Promise.allSettled(others.map((b) => b.close()));
    await bus?.close();
  });

  const messages = (topic: string, n: number, keyOf = (i: number) => `k-${i}`): OutgoingMessage[] =>
    Array.from({ length: n }, (_, i) => ({ topic, key: keyOf(i), value: JSON.stringify({ i }), headers: { 'x-n': String(i) } }));
  const nOf = (m: IncomingMessage): number => (JSON.parse(m.value!.toString()) as { i: number }).i;
  const another = (name: string, which = client): KafkaMessageBus => {
    const b = createMessageBus({ client: which, clientId: `bus-port-${name}`, brokers: testKafkaBrokers(), logger: silentLogger });
    others.push(b);
    return b;
  };

  it('a key goes to the same partition from either adapter (the Java-compatible murmur2 partitioner)', async () => {
    const kafkajs = another('kafkajs-writer', 'kafkajs');
    const platformatic = another('platformatic-writer', 'platformatic');
    const keyOf = (i: number) => `application-${i * 7919}`;
    await kafkajs.publish(messages(topics.keys!, 200, keyOf).map((m) => ({ ...m, headers: { writer: 'kafkajs' } })));
    await platformatic.publish(messages(topics.keys!, 200, keyOf).map((m) => ({ ...m, headers: { writer: 'platformatic' } })));
    const seen: IncomingMessage[] = [];
    const sub = await bus.subscribe({ groupId: `keys-${client}`, topics: [topics.keys!], partitionsConcurrently: 4, handle: async (m) => void seen.push(m) });
    try {
      await waitFor('400 messages', () => (seen.length >= 400 ? true : undefined));
    } finally {
      await sub.stop();
    }
    const partitionOf = new Map<string, Map<string, number>>();
    for (const m of seen) {
      const byWriter = partitionOf.get(m.key!) ?? new Map<string, number>();
      byWriter.set(m.headers.writer!, m.partition);
      partitionOf.set(m.key!, byWriter);
    }
    expect(partitionOf.size).toBe(200);
    const differ = [...partitionOf].filter(([, w]) => w.get('kafkajs') !== w.get('platformatic'));
    expect(differ).toEqual([]);
    expect(new Set(seen.map((m) => m.partition)).size).toBeGreaterThan(6); // spread, not all on one partition
  });

  it('a rejected handler: that message comes again, after what was handled and committed before it is not', async () => {
    await bus.publish(messages(topics.redo!, 20, () => 'same-key'));
    const handled: number[] = [];
    const attempts = new Map<number, number>();
    const sub = await bus.subscribe({
      groupId: `redo-${client}`,
      topics: [topics.redo!],
      handle: async (m) => {
        const n = nOf(m);
        attempts.set(n, (attempts.get(n) ?? 0) + 1);
        if (n === 12 && attempts.get(n) === 1) throw new Error('first attempt of 12 fails (test)');
        handled.push(n);
      },
    });
    try {
      await waitFor('all 20 handled', () => (new Set(handled).size === 20 ? true : undefined), { timeoutMs: 40_000 });
    } finally {
      await sub.stop();
    }
    expect(attempts.get(12)).toBe(2);
    // In offset order; nothing before 12 handled twice only if its commit had landed — at least once each.
    const firstTimes = [...new Set(handled)];
    expect(firstTimes).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(handled.indexOf(12)).toBeGreaterThan(handled.lastIndexOf(11));
    for (let i = 1; i < handled.length; i++) {
      if (handled[i]! < handled[i - 1]!) expect(handled[i]).toBeLessThan(12); // a redelivery starts at or before 12
    }
  });

  it('offsets are committed only after the handler resolved: a stop mid-handler leaves that message to the next member', async () => {
    await bus.publish(messages(topics.lag!, 10, (i) => `k${i % 2}`));
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const firstRun: IncomingMessage[] = [];
    const groupId = `lag-${client}`;
    const sub = await bus.subscribe({
      groupId,
      topics: [topics.lag!],
      handle: async (m) => {
        firstRun.push(m);
        if (firstRun.length === 3) await held; // the third message is still being handled at stop
      },
    });
    await waitFor('three messages taken', () => (firstRun.length >= 3 ? true : undefined));
    const stopping = sub.stop();
    release();
    await stopping;
    const lag = await bus.consumerLag(groupId, [topics.lag!]);
    // Handled and committed: the three (the third resolved before the stop returned); nothing taken later.
    expect(10 - lag.total).toBe(firstRun.length);
    const secondRun: IncomingMessage[] = [];
    const again = await bus.subscribe({ groupId, topics: [topics.lag!], handle: async (m) => void secondRun.push(m) });
    try {
      await waitFor('the rest', () => (firstRun.length + secondRun.length >= 10 ? true : undefined));
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      await again.stop();
    }
    const key = (m: IncomingMessage) => `${m.partition}/${m.offset}`;
    expect(new Set([...firstRun, ...secondRun].map(key)).size).toBe(10);
    expect(secondRun.filter((m) => firstRun.some((f) => key(f) === key(m)))).toEqual([]); // none twice
    expect((await bus.consumerLag(groupId, [topics.lag!])).total).toBe(0);
  });

  it('two members of one group, the second joining and then leaving mid-stream: every message handled, in order per partition', async () => {
    const groupId = `group-${client}`;
    const handled: { member: string; m: IncomingMessage }[] = [];
    const slow = async () => new Promise((r) => setTimeout(r, 2));
    const member = async (name: string, b: KafkaMessageBus): Promise<Subscription> =>
      b.subscribe({
        groupId,
        topics: [topics.group!],
        partitionsConcurrently: 4,
        handle: async (m) => {
          await slow();
          handled.push({ member: name, m });
        },
      });
    const first = await member('first', bus);
    await bus.publish(messages(topics.group!, 300, (i) => `g${i % 16}`));
    await waitFor('some handled', () => (handled.length >= 50 ? true : undefined));
    const second = await member('second', another('second-member'));
    await bus.publish(messages(topics.group!, 300, (i) => `g${i % 16}`).map((m, i) => ({ ...m, value: JSON.stringify({ i: 300 + i }) })));
    await waitFor('the second member took some', () => (handled.some((h) => h.member === 'second') ? true : undefined), { timeoutMs: 40_000 });
    await second.stop();
    try {
      await waitFor('all 600 handled', () => (new Set(handled.map((h) => nOf(h.m))).size === 600 ? true : undefined), { timeoutMs: 50_000 });
    } finally {
      await first.stop();
    }
    // Per key (so per partition), the first handling of each message is in publishing order.
    const firstSeen = new Map<number, IncomingMessage>();
    for (const h of handled) if (!firstSeen.has(nOf(h.m))) firstSeen.set(nOf(h.m), h.m);
    const byKey = new Map<string, number[]>();
    for (const [n, m] of firstSeen) byKey.set(m.key!, [...(byKey.get(m.key!) ?? []), n]);
    for (const ns of byKey.values()) expect(ns).toEqual([...ns].sort((a, b) => a - b));
    expect(handled.some((h) => h.member === 'first')).toBe(true);
  }, 120_000);

  it('one group, a member of each adapter (a context switching replica by replica): both join, the partitions split, each message handled once', async () => {
    const groupId = `mixed-${client}`;
    const handled: { member: string; m: IncomingMessage }[] = [];
    const subs: Subscription[] = [];
    try {
      for (const which of ['kafkajs', 'platformatic'] as const) {
        const b = another(`mixed-${which}`, which);
        const joined = b.subscribe({ groupId, topics: [topics.mixed!], handle: async (m) => void handled.push({ member: which, m }) });
        // Without a common protocol name the second member's JoinGroup is refused (INCONSISTENT_GROUP_PROTOCOL) and it never joins.
        subs.push(await Promise.race([joined, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${which} did not join`)), 40_000))]));
      }
      await new Promise((r) => setTimeout(r, 3_000)); // the rebalance that gives the second member its share
      await bus.publish(messages(topics.mixed!, 80, (i) => `m${i}`));
      await waitFor('80 handled', () => (new Set(handled.map((h) => nOf(h.m))).size === 80 ? true : undefined), { timeoutMs: 40_000 });
    } finally {
      await Promise.allSettled(subs.map((s) => s.stop()));
    }
    const partitionsOf = (member: string) => new Set(handled.filter((h) => h.member === member).map((h) => h.m.partition));
    expect(partitionsOf('kafkajs').size).toBeGreaterThan(0);
    expect(partitionsOf('platformatic').size).toBeGreaterThan(0);
    expect([...partitionsOf('kafkajs')].filter((p) => partitionsOf('platformatic').has(p))).toEqual([]);
    expect(handled.length).toBe(80);
  }, 120_000);

  it('isRefusal: the broker refusing a principal is told apart from what a retry cures', () => {
    expect(isRefusal({ apiId: 'GROUP_AUTHORIZATION_FAILED' })).toBe(true);
    expect(isRefusal({ errors: [{ cause: { apiId: 'TOPIC_AUTHORIZATION_FAILED' } }] })).toBe(true);
    expect(isRefusal({ code: 'PLT_KFK_AUTHENTICATION' })).toBe(true);
    expect(isRefusal({ apiId: 'NOT_COORDINATOR' })).toBe(false);
    expect(isRefusal(new Error('connect ECONNREFUSED'))).toBe(false);
  });

  it('kafkaClientFromEnv: kafkajs by default, the two names, anything else refused', () => {
    expect(kafkaClientFromEnv({})).toBe('kafkajs');
    expect(kafkaClientFromEnv({ HUB_KAFKA_CLIENT: 'platformatic' })).toBe('platformatic');
    expect(() => kafkaClientFromEnv({ HUB_KAFKA_CLIENT: 'rdkafka' })).toThrow(/HUB_KAFKA_CLIENT must be one of kafkajs, platformatic/);
  });
});
