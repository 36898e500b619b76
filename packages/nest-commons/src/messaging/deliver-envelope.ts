import type { INestApplicationContext } from '@nestjs/common';
import type { EventEnvelope } from '@hub/contracts';
import { type ConsumeOutcome, type EventConsumer, envelopeMessage } from '@hub/messaging';
import type { ConsumerSpec } from '../platform.module.js';
import { EVENT_CONSUMERS } from './tokens.js';

/** The app's consumer `spec` (or named so) as the platform built it: decoder, inbox, dead letters, handlers. */
export function consumerOf(app: INestApplicationContext, spec: Pick<ConsumerSpec, 'name'> | string): EventConsumer {
  const name = typeof spec === 'string' ? spec : spec.name;
  const consumer = app.get<EventConsumer[]>(EVENT_CONSUMERS).find((c) => c.name === name);
  if (!consumer) throw new Error(`no consumer ${name} in this app`);
  return consumer;
}

/**
 * Feeds `envelope` through the app's real consumer `spec`, as if read from the first of its topics
 * (`envelopeMessage`: keyed by the payload's `bin` unless `key` is given): what a context's tests use to
 * prove a handler, its inbox (a repeat is `duplicate`) and its dead letters without a broker round trip.
 */
export function deliverEnvelope(
  app: INestApplicationContext,
  spec: Pick<ConsumerSpec, 'name' | 'topics'>,
  envelope: EventEnvelope,
  options: { readonly offset?: string; readonly key?: string | null; readonly topic?: string } = {},
): Promise<ConsumeOutcome> {
  const topic = options.topic ?? spec.topics[0];
  if (!topic) throw new Error(`consumer ${spec.name} has no topic`);
  return consumerOf(app, spec).consume(envelopeMessage(topic, envelope, options));
}
