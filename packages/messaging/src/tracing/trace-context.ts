import { type Context, type Span, SpanKind, SpanStatusCode, ROOT_CONTEXT, context, propagation, trace } from '@opentelemetry/api';
import type { EventEnvelope } from '@hub/contracts';
import type { IncomingMessage } from '../bus/message-bus.js';

/**
 * Distributed traces across Kafka (ADR 0102, issue #19). Only the OpenTelemetry *API* is used here:
 * when no SDK is registered (tests, `tools/hub up` without an OTLP endpoint) every call is a no-op
 * and nothing is written — the envelope, the headers and the outbox rows stay exactly as before.
 *
 * The W3C trace context goes along the whole path:
 *   request span → outbox row (the envelope's `traceparent`, written in the command's transaction)
 *   → relay: a PRODUCER span per message, child of the request, its context in the Kafka
 *     `traceparent` header → consumer: a CONSUMER span, child of the producer span, around the inbox
 *     transaction and the handler (whose own outbox writes then carry the consumer's context on).
 */
export const MESSAGING_TRACER = '@hub/messaging';

/** W3C trace-context fields (https://www.w3.org/TR/trace-context/), as carried in an envelope or headers. */
export interface TraceCarrier {
  traceparent?: string;
  tracestate?: string;
}

const tracer = () => trace.getTracer(MESSAGING_TRACER);

function pick(carrier: Record<string, string>): TraceCarrier {
  const out: TraceCarrier = {};
  if (carrier.traceparent) out.traceparent = carrier.traceparent;
  if (carrier.tracestate) out.tracestate = carrier.tracestate;
  return out;
}

/** The trace context of the active span (`{}` when nothing is traced). */
export function activeTraceCarrier(ctx: Context = context.active()): TraceCarrier {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return pick(carrier);
}

/** The context a carrier describes (the root context when it carries nothing valid). */
export function contextFromCarrier(carrier: { readonly traceparent?: string | undefined; readonly tracestate?: string | undefined }): Context {
  const clean: Record<string, string> = {};
  for (const k of ['traceparent', 'tracestate'] as const) {
    const v = carrier[k];
    if (typeof v === 'string') clean[k] = v;
  }
  return propagation.extract(ROOT_CONTEXT, clean);
}

/** A started PRODUCER span for one outbox row and the headers that carry its context to the consumer. */
export interface PublishTrace {
  readonly headers: TraceCarrier;
  end(error?: Error): void;
}

/** Starts the PRODUCER span of one event, as a child of the trace context its outbox row recorded. */
export function startPublishSpan(envelope: Pick<EventEnvelope, 'id' | 'type'> & TraceCarrier, topic: string, key: string): PublishTrace {
  const parent = contextFromCarrier(envelope);
  const span = tracer().startSpan(
    `${topic} publish`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'send',
        'messaging.destination.name': topic,
        'messaging.message.id': envelope.id,
        'messaging.kafka.message.key': key,
        'hub.event.type': envelope.type,
      },
    },
    parent,
  );
  return {
    headers: activeTraceCarrier(trace.setSpan(parent, span)),
    end(error) {
      if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
      span.end();
    },
  };
}

/**
 * Runs `work` inside a CONSUMER span whose parent is the message's `traceparent` header (or, for a
 * message published before the relay set headers, the envelope's own field).
 */
export function withConsumeSpan<T>(
  message: IncomingMessage,
  envelope: Pick<EventEnvelope, 'id' | 'type'> & TraceCarrier,
  consumer: string,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = contextFromCarrier(message.headers.traceparent ? message.headers : envelope);
  const span = tracer().startSpan(
    `${message.topic} process`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': message.topic,
        'messaging.destination.partition.id': String(message.partition),
        'messaging.kafka.offset': Number(message.offset),
        'messaging.consumer.group.name': consumer,
        'messaging.message.id': envelope.id,
        'hub.event.type': envelope.type,
      },
    },
    parent,
  );
  return context.with(trace.setSpan(parent, span), async () => {
    try {
      return await work(span);
    } catch (e) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (e as Error).message });
      throw e;
    } finally {
      span.end();
    }
  });
}

/** The trace id of the active span, for log lines (undefined when nothing is traced). */
export function activeTraceId(): string | undefined {
  const sc = trace.getActiveSpan()?.spanContext();
  return sc && trace.isSpanContextValid(sc) ? sc.traceId : undefined;
}

/**
 * Runs a durable timer's handler inside an INTERNAL span (`timer <kind>`), so that what it writes to
 * the outbox is traced on. A timer row keeps only the correlation id of what scheduled it, so the
 * span starts a trace of its own (the correlation id is an attribute, to find the scheduling request).
 */
export function withTimerSpan<T>(timer: { id: string; kind: string; key: string; correlationId: string | null }, work: () => Promise<T>): Promise<T> {
  const span = tracer().startSpan(
    `timer ${timer.kind}`,
    {
      kind: SpanKind.INTERNAL,
      attributes: {
        'hub.timer.id': timer.id,
        'hub.timer.kind': timer.kind,
        'hub.timer.key': timer.key,
        ...(timer.correlationId ? { 'hub.correlation_id': timer.correlationId } : {}),
      },
    },
    ROOT_CONTEXT,
  );
  return context.with(trace.setSpan(ROOT_CONTEXT, span), async () => {
    try {
      return await work();
    } catch (e) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (e as Error).message });
      throw e;
    } finally {
      span.end();
    }
  });
}
