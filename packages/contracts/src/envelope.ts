import { z } from 'zod';

/**
 * The one envelope of every integration event (style.md §6). The envelope is version-less on
 * purpose: `type` + `version` name the payload schema; payloads change only additively within a
 * version, and a breaking change is a new version published side by side.
 */
export const EVENT_TYPE_PATTERN = /^[a-z][a-z0-9]*(\.[a-z0-9]+(-[a-z0-9]+)*)+$/;

export const EventEnvelopeSchema = z.object({
  /** Unique event id (UUID v7): the inbox deduplicates on it. */
  id: z.uuid(),
  /** `<context>.<event-name>`, e.g. `registration.participant-registered`. */
  type: z.string().regex(EVENT_TYPE_PATTERN, 'must look like <context>.<event-name>'),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  /** The id of the request or process this event belongs to; flows through every hop. */
  correlationId: z.string().min(1).max(200),
  /** The id of the message (request or event) that caused this one; null for a first cause. */
  causationId: z.string().min(1).max(200).nullable(),
  /** The aggregate the event is about; also the Kafka key, so events of one aggregate keep order. */
  aggregateId: z.string().min(1).max(200),
  payload: z.unknown(),
  /**
   * W3C trace context of the work that wrote the event (https://www.w3.org/TR/trace-context/), as
   * CloudEvents' distributed-tracing extension carries it; absent when tracing is off (ADR 0102).
   * Transport metadata, not business data: consumers never branch on it.
   */
  traceparent: z.string().max(100).optional(),
  tracestate: z.string().max(512).optional(),
});

export type EventEnvelope<P = unknown> = Omit<z.infer<typeof EventEnvelopeSchema>, 'payload'> & { payload: P };

/** Header names used on Kafka messages beside the JSON envelope body. */
export const HEADERS = {
  eventType: 'hub-event-type',
  eventVersion: 'hub-event-version',
  correlationId: 'hub-correlation-id',
  causationId: 'hub-causation-id',
  dlqReason: 'hub-dlq-reason',
  dlqDetail: 'hub-dlq-detail',
  dlqSourceTopic: 'hub-dlq-source-topic',
  dlqSourcePartition: 'hub-dlq-source-partition',
  dlqSourceOffset: 'hub-dlq-source-offset',
  dlqConsumerGroup: 'hub-dlq-consumer-group',
} as const;
