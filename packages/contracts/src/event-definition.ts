import { z } from 'zod';
import { EVENT_TYPE_PATTERN, EventEnvelopeSchema, type EventEnvelope } from './envelope.js';

/** A versioned integration event: its name, the topic it travels on, and its payload schema. */
export interface IntegrationEventDefinition<TType extends string = string, TVersion extends number = number, TPayload extends z.ZodType = z.ZodType> {
  readonly type: TType;
  readonly version: TVersion;
  readonly topic: string;
  readonly payload: TPayload;
  readonly description: string;
  /** `<type>.v<version>`, e.g. `registration.participant-registered.v1`. */
  readonly fullName: string;
}

export type PayloadOf<D> = D extends IntegrationEventDefinition<string, number, infer S> ? z.infer<S> : never;

export function defineIntegrationEvent<TType extends string, TVersion extends number, TPayload extends z.ZodType>(def: {
  type: TType;
  version: TVersion;
  topic: string;
  payload: TPayload;
  description: string;
}): IntegrationEventDefinition<TType, TVersion, TPayload> {
  if (!EVENT_TYPE_PATTERN.test(def.type)) throw new Error(`event type '${def.type}' must look like <context>.<event-name>`);
  return { ...def, fullName: `${def.type}.v${def.version}` };
}

export type DecodeFailureReason = 'invalid-json' | 'invalid-envelope' | 'unknown-type' | 'unknown-version' | 'invalid-payload';

export type DecodeResult =
  | { ok: true; envelope: EventEnvelope; definition: IntegrationEventDefinition }
  | { ok: false; reason: DecodeFailureReason; detail: string; envelope?: EventEnvelope };

/** All integration events a consumer can understand, looked up by type and version. */
export class EventRegistry {
  private readonly byKey = new Map<string, IntegrationEventDefinition>();
  private readonly types = new Set<string>();

  constructor(definitions: readonly IntegrationEventDefinition[] = []) {
    for (const d of definitions) this.register(d);
  }

  register(definition: IntegrationEventDefinition): this {
    if (this.byKey.has(definition.fullName)) throw new Error(`event ${definition.fullName} registered twice`);
    this.byKey.set(definition.fullName, definition);
    this.types.add(definition.type);
    return this;
  }

  get(type: string, version: number): IntegrationEventDefinition | undefined {
    return this.byKey.get(`${type}.v${version}`);
  }

  has(type: string): boolean {
    return this.types.has(type);
  }

  all(): IntegrationEventDefinition[] {
    return [...this.byKey.values()];
  }

  /** Decodes a raw message body: JSON → envelope → known type → known version → payload. */
  decode(raw: Buffer | string | null): DecodeResult {
    if (raw === null) return { ok: false, reason: 'invalid-json', detail: 'message has no value' };
    let json: unknown;
    try {
      json = JSON.parse(raw.toString());
    } catch (e) {
      return { ok: false, reason: 'invalid-json', detail: (e as Error).message };
    }
    const env = EventEnvelopeSchema.safeParse(json);
    if (!env.success) return { ok: false, reason: 'invalid-envelope', detail: z.prettifyError(env.error) };
    const envelope = env.data as EventEnvelope;
    if (!this.types.has(envelope.type)) return { ok: false, reason: 'unknown-type', detail: `unknown event type ${envelope.type}`, envelope };
    const definition = this.get(envelope.type, envelope.version);
    if (!definition) {
      return { ok: false, reason: 'unknown-version', detail: `${envelope.type} has no version ${envelope.version} known to this consumer`, envelope };
    }
    const payload = definition.payload.safeParse(envelope.payload);
    if (!payload.success) return { ok: false, reason: 'invalid-payload', detail: z.prettifyError(payload.error), envelope };
    return { ok: true, envelope: { ...envelope, payload: payload.data }, definition };
  }
}
