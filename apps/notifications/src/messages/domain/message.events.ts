import type { DomainEvent } from '@hub/kernel';
import type { Channel } from './channel.js';

/** A statutory notice reached its recipient (SMTP accepted it, or it was read in the portal): the proof of delivery (ADR 0092). */
export interface NoticeDelivered extends DomainEvent {
  readonly name: 'NoticeDelivered';
  readonly sourceEventId: string;
  readonly sourceEventType: string;
  readonly subjectId: string;
  readonly bin: string;
  readonly ruleId: string;
  readonly channel: Channel;
  readonly contentHash: string;
}

/** A mail was given up after its last attempt (or a permanent refusal); the reason stays on the message (ADR 0091). */
export interface MessageDeadLettered extends DomainEvent {
  readonly name: 'MessageDeadLettered';
  readonly reason: string;
}

export type MessageEvent = NoticeDelivered | MessageDeadLettered;

const NAMES: ReadonlySet<string> = new Set<MessageEvent['name']>(['NoticeDelivered', 'MessageDeadLettered']);
export const isMessageEvent = (e: DomainEvent): e is MessageEvent => NAMES.has(e.name);
