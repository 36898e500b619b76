import type { EventEnvelope } from '@hub/contracts';
import type { IncomingMessage } from '../bus/message-bus.js';

/**
 * An envelope as a consumer reads it from Kafka — the record `EventConsumer.consume` takes: its JSON
 * as the value, keyed by the payload's company (`bin`) unless told otherwise, on partition 0. For
 * tests that feed an app's real consumer (decode, inbox, handler in the inbox transaction) without a
 * broker round trip, and for tools that replay a stored envelope.
 */
export function envelopeMessage(
  topic: string,
  envelope: EventEnvelope,
  options: { readonly offset?: string; readonly partition?: number; readonly key?: string | null; readonly headers?: Readonly<Record<string, string>> } = {},
): IncomingMessage {
  return {
    topic,
    partition: options.partition ?? 0,
    offset: options.offset ?? '0',
    key: options.key !== undefined ? options.key : (((envelope.payload as { bin?: unknown }).bin as string | undefined) ?? null),
    value: Buffer.from(JSON.stringify(envelope)),
    headers: options.headers ?? {},
  };
}
