import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpanKind, context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { SystemClock, uuidv7 } from '@hub/kernel';
import { TopicProbe, createTestTopics, testKafkaBrokers, waitFor, type TestDatabase } from '@hub/testing';
import {
  EventConsumer,
  createMessageBus,
  Outbox,
  OutboxRelay,
  TimerPoller,
  Timers,
  eventHandler,
  silentLogger,
  sql,
  type KafkaMessageBus,
} from '../src/index.js';
import { makeTestEvents, messagingDb, writeThings, type TestEvents } from './harness.js';

/**
 * ADR 0102 (issue #19): one trace from a request through the outbox, a real Kafka hop and the
 * consumer's inbox transaction, into what the consumer writes to its own outbox. Spans go to an
 * in-memory exporter; PostgreSQL and Kafka are the real ones.
 */
describe('trace context across the outbox and Kafka', () => {
  let producerDb: TestDatabase;
  let consumerDb: TestDatabase;
  let topic: string;
  let nextTopic: string;
  let events: TestEvents;
  let nextEvents: TestEvents;
  let bus: KafkaMessageBus;
  const clock = new SystemClock();
  const outbox = new Outbox(clock);
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });

  beforeAll(async () => {
    [producerDb, consumerDb] = await Promise.all([messagingDb('trace_prod'), messagingDb('trace_cons')]);
    bus = createMessageBus({ clientId: 'messaging-trace-test', brokers: testKafkaBrokers(), logger: silentLogger });
    ({ things: topic, next: nextTopic } = (await createTestTopics(bus, { things: 1, next: 1 })) as { things: string; next: string });
    events = makeTestEvents(topic);
    nextEvents = makeTestEvents(nextTopic);
  });

  afterAll(async () => {
    trace.disable();
    context.disable();
    propagation.disable();
    await provider.shutdown();
    await bus?.close();
    await Promise.all([producerDb?.drop(), consumerDb?.drop()]);
  });

  it('writes and publishes exactly what it did before while no OpenTelemetry SDK is registered', async () => {
    await writeThings(producerDb.orm.em, outbox, events, 1000, 1);
    const [row] = await sql<{ envelope: Record<string, unknown> }>(
      producerDb.orm.em.fork(),
      `select envelope from hub_outbox where message_key = 'thing-1000'`,
    );
    expect(Object.keys(row!.envelope).sort()).toEqual(['aggregateId', 'causationId', 'correlationId', 'id', 'occurredAt', 'payload', 'type', 'version']);
    const probe = await TopicProbe.start(bus, topic);
    try {
      await new OutboxRelay(producerDb.orm.em, bus, clock, { logger: silentLogger }).relayOnce();
      const [m] = await probe.waitForCount(1);
      expect(m!.headers.traceparent).toBeUndefined();
    } finally {
      await probe.stop();
    }
  });

  it('links the request span, the PRODUCER span and the CONSUMER span in one trace across a real Kafka hop', async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(provider);
    exporter.reset();

    // The consumer: records the effect in its inbox transaction and, like a context reacting to an
    // event, writes an event of its own to its outbox.
    const seenTraceIds = new Map<string, string>(); // aggregate id → trace id active in the handler
    const consumer = new EventConsumer(consumerDb.orm.em, bus, {
      name: `g-trace-${uuidv7()}`,
      topics: [topic],
      registry: events.registry,
      logger: silentLogger,
      handlers: [
        eventHandler(events.thingHappened, async (event, tx) => {
          seenTraceIds.set(event.aggregateId, trace.getActiveSpan()?.spanContext().traceId ?? 'none');
          await sql(tx, 'insert into effect (event_id, n) values (?, ?)', [event.id, event.payload.n]);
          await outbox.add(tx, nextEvents.thingHappened, `next-${event.payload.n}`, { n: event.payload.n });
        }),
      ],
    });

    // The "request": a SERVER span, as the HTTP middleware opens one, around the command's transaction.
    const tracer = trace.getTracer('test-request');
    const request = await tracer.startActiveSpan('POST /things', { kind: SpanKind.SERVER }, async (span) => {
      await writeThings(producerDb.orm.em, outbox, events, 1, 1);
      span.end();
      return span.spanContext();
    });
    const [row] = await sql<{ envelope: { traceparent?: string } }>(producerDb.orm.em.fork(), `select envelope from hub_outbox where message_key = 'thing-1'`);
    expect(row!.envelope.traceparent).toBe(`00-${request.traceId}-${request.spanId}-01`);

    const probe = await TopicProbe.start(bus, topic);
    await consumer.start();
    try {
      const relay = new OutboxRelay(producerDb.orm.em, bus, clock, { logger: silentLogger });
      expect(await relay.relayOnce()).toBe(1);
      const message = await probe.waitFor('the traced event on the topic', (m) => m.value?.includes(`"aggregateId":"thing-1"`) ?? false);
      await waitFor('the effect in the consumer database', async () => {
        const [n] = await sql<{ n: string }>(consumerDb.orm.em.fork(), 'select count(*) as n from effect where n = 1');
        return Number(n?.n) === 1 ? true : undefined;
      });

      const spans = exporter.getFinishedSpans();
      const byKind = (kind: SpanKind): ReadableSpan[] => spans.filter((s) => s.kind === kind);
      const [producer] = byKind(SpanKind.PRODUCER).filter((s) => s.attributes['messaging.destination.name'] === topic);
      const eventId = (JSON.parse(message.value!) as { id: string }).id;
      const [consumed] = byKind(SpanKind.CONSUMER).filter((s) => s.attributes['messaging.message.id'] === eventId);
      expect(producer, 'a PRODUCER span for the published event').toBeDefined();
      expect(consumed, 'a CONSUMER span for the handled event').toBeDefined();

      // One trace: request → producer → (Kafka header) → consumer.
      expect(producer!.spanContext().traceId).toBe(request.traceId);
      expect(producer!.parentSpanContext?.spanId).toBe(request.spanId);
      expect(message.headers.traceparent).toBe(`00-${request.traceId}-${producer!.spanContext().spanId}-01`);
      expect(consumed!.spanContext().traceId).toBe(request.traceId);
      expect(consumed!.parentSpanContext?.spanId).toBe(producer!.spanContext().spanId);
      expect(consumed!.attributes['hub.consume.outcome']).toBe('handled');
      expect(consumed!.attributes['messaging.consumer.group.name']).toBe(consumer.name);
      expect(seenTraceIds.get('thing-1')).toBe(request.traceId);

      // …and on: what the consumer wrote to its own outbox is a child of its CONSUMER span.
      const [next] = await sql<{ envelope: { traceparent?: string } }>(
        consumerDb.orm.em.fork(),
        `select envelope from hub_outbox where message_key = 'next-1'`,
      );
      expect(next!.envelope.traceparent).toBe(`00-${request.traceId}-${consumed!.spanContext().spanId}-01`);
    } finally {
      await probe.stop();
      await consumer.stop();
    }
  });

  it('fires a durable timer in a span of its own, and what its handler writes to the outbox continues that trace', async () => {
    exporter.reset();
    const timers = new Timers(clock);
    await producerDb.orm.em
      .fork()
      .transactional((tx) => timers.schedule(tx, { kind: 'test.trace-due', key: 'thing-7', dueAt: new Date(Date.now() - 1000), payload: {} }));
    const poller = new TimerPoller(
      producerDb.orm.em,
      clock,
      [{ kind: 'test.trace-due', fire: async (timer, tx) => void (await outbox.add(tx, events.thingHappened, timer.key, { n: 7 })) }],
      { logger: silentLogger },
    );
    expect(await poller.runDue()).toBe(1);
    const span = exporter.getFinishedSpans().find((s) => s.name === 'timer test.trace-due');
    expect(span, 'an INTERNAL span for the firing').toBeDefined();
    expect(span!.kind).toBe(SpanKind.INTERNAL);
    expect(span!.attributes['hub.timer.key']).toBe('thing-7');
    const [row] = await sql<{ envelope: { traceparent?: string } }>(producerDb.orm.em.fork(), `select envelope from hub_outbox where message_key = 'thing-7'`);
    expect(row!.envelope.traceparent).toBe(`00-${span!.spanContext().traceId}-${span!.spanContext().spanId}-01`);
    expect(await new OutboxRelay(producerDb.orm.em, bus, clock, { logger: silentLogger }).relayOnce()).toBe(1); // leave the outbox empty
  });

  it('marks the PRODUCER spans failed when the broker refuses the batch, and publishes them later under the same parent', async () => {
    exporter.reset();
    const request = await trace.getTracer('test-request').startActiveSpan('POST /things', { kind: SpanKind.SERVER }, async (span) => {
      await writeThings(producerDb.orm.em, outbox, events, 2, 1);
      span.end();
      return span.spanContext();
    });
    const refusing = { ...bus, publish: () => Promise.reject(new Error('broker unavailable (test double of an outage)')) } as unknown as KafkaMessageBus;
    await expect(new OutboxRelay(producerDb.orm.em, refusing, clock, { logger: silentLogger }).relayOnce()).rejects.toThrow('broker unavailable');
    expect(await new OutboxRelay(producerDb.orm.em, bus, clock, { logger: silentLogger }).relayOnce()).toBe(1);
    const producers = exporter.getFinishedSpans().filter((s) => s.kind === SpanKind.PRODUCER);
    expect(producers.map((s) => s.status.code)).toEqual([2, 0]); // ERROR, then UNSET
    for (const p of producers) expect(p.parentSpanContext?.spanId).toBe(request.spanId);
  });
});
