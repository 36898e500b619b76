import { createHash } from 'node:crypto';
import { AggregateRoot, IllegalStateError, StateMachine, uuidv7 } from '@hub/kernel';
import type { Channel } from './channel.js';
import { type DeliveryPolicy, backoffAfter } from './delivery-policy.js';
import type { Language } from './language.js';
import type { MessageEvent } from './message.events.js';
import type { RecipientRole } from './notice-draft.js';

export type { Channel } from './channel.js';
/** E-mail: pending → sent | dead (retries stay pending); dead → pending by a staff resend (ADR 0104). Portal: unread → read. */
export type MessageStatus = 'pending' | 'sent' | 'dead' | 'unread' | 'read';
type Command = 'deliver' | 'retry' | 'deadLetter' | 'resend' | 'read';

const lifecycle = new StateMachine<MessageStatus, Command>('message', {
  deliver: { from: ['pending'], to: 'sent' },
  retry: { from: ['pending'], to: 'pending' },
  deadLetter: { from: ['pending'], to: 'dead' },
  resend: { from: ['dead'], to: 'pending' },
  read: { from: ['unread'], to: 'read' },
});

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** SHA-256 of what was delivered (language, subject, body): proof of the content without repeating it. */
export const contentHashOf = (language: string, subject: string, body: string): string =>
  createHash('sha256').update(`${language}\n${subject}\n${body}`).digest('hex');

export interface ComposeInput {
  readonly sourceEventId: string;
  readonly sourceEventType: string;
  readonly template: string;
  readonly ruleId: string | null;
  readonly statutory: boolean;
  readonly subjectId: string;
  /** The company; null for a message to a person (then `recipientSubject`, ADR 0107). */
  readonly bin: string | null;
  /** A person's portal subject (F-52 to an individual, ADR 0107; with `bin`, a company's representative, ADR 0121) — never an IIN (F-42). */
  readonly recipientSubject?: string | null;
  readonly role: RecipientRole;
  readonly channel: Channel;
  /** The e-mail address (the e-mail channel only). */
  readonly address: string | null;
  readonly language: Language;
  readonly subject: string;
  readonly body: string;
  readonly dueOn: string | null;
  readonly at: Date;
}

/**
 * One message to one recipient over one channel (issue #16, ADR 0091): stored in the transaction that
 * handled the source event, before anything is sent. An e-mail is then delivered by the worker —
 * sent once, retried with exponential backoff, dead-lettered with the reason after the last
 * attempt; a portal message waits to be read. A statutory notice records NoticeDelivered once, when
 * it reaches the recipient (ADR 0092).
 */
export class Message extends AggregateRoot<MessageEvent> {
  readonly id!: string;
  readonly sourceEventId!: string;
  readonly sourceEventType!: string;
  readonly template!: string;
  readonly ruleId!: string | null;
  readonly statutory!: boolean;
  readonly subjectId!: string;
  readonly bin!: string | null;
  readonly recipientSubject!: string | null;
  readonly recipientRole!: RecipientRole;
  readonly channel!: Channel;
  /** The e-mail address in clear — only where notifications has no key ring; else null and `addressCipher` holds it (F-42, ADR 0121). */
  readonly address!: string | null;
  /** The address as @hub/pii ciphertext bound to the message (ADR 0121). */
  readonly addressCipher!: string | null;
  /** The address masked for the staff log (`d***@alatau.kz`); never the address (F-42). */
  readonly addressMasked!: string | null;
  readonly language!: Language;
  readonly subject!: string;
  readonly body!: string;
  readonly contentHash!: string;
  readonly dueOn!: string | null;
  readonly status!: MessageStatus;
  readonly attempts!: number;
  readonly nextAttemptAt!: Date | null;
  readonly lastError!: string | null;
  /** SMTP: the server's answer to the accepted mail. */
  readonly transportId!: string | null;
  readonly deliveredAt!: Date | null;
  readonly readAt!: Date | null;
  /** A dead letter sent again by staff (ADR 0104): how often, last when and by whom. */
  readonly resendCount!: number;
  readonly resentAt!: Date | null;
  readonly resentBy!: string | null;
  readonly version!: number;
  readonly createdAt!: Date;
  readonly updatedAt!: Date;

  static compose(input: ComposeInput): Message {
    if (input.channel === 'email' && !input.address) throw new Error('an e-mail message needs an address');
    if (input.bin === null && !input.recipientSubject) throw new Error('a message goes to a company (bin) or to a person (recipientSubject)');
    // ADR 0121: a company's statutory notice by e-mail to one of its representatives names both; the portal message is the company's.
    if (input.bin !== null && input.recipientSubject && input.channel !== 'email')
      throw new Error('only an e-mail to a company’s representative names both the company and the person');
    const m = new Message();
    Object.assign(m, {
      id: uuidv7(),
      sourceEventId: input.sourceEventId,
      sourceEventType: input.sourceEventType,
      template: input.template,
      ruleId: input.ruleId,
      statutory: input.statutory,
      subjectId: input.subjectId,
      bin: input.bin,
      recipientSubject: input.recipientSubject ?? null,
      recipientRole: input.role,
      channel: input.channel,
      address: input.channel === 'email' ? input.address : null,
      addressCipher: null,
      addressMasked: input.channel === 'email' && input.address ? maskAddress(input.address) : null,
      language: input.language,
      subject: input.subject,
      body: input.body,
      contentHash: contentHashOf(input.language, input.subject, input.body),
      dueOn: input.dueOn,
      status: input.channel === 'email' ? 'pending' : 'unread',
      attempts: 0,
      nextAttemptAt: input.channel === 'email' ? input.at : null,
      lastError: null,
      transportId: null,
      deliveredAt: null,
      readAt: null,
      resendCount: 0,
      resentAt: null,
      resentBy: null,
      createdAt: input.at,
      updatedAt: input.at,
    } satisfies Partial<Mutable<Message>>);
    return m;
  }

  /** The SMTP server accepted the mail. */
  delivered(at: Date, transportId: string): void {
    const self = this as Mutable<Message>;
    self.status = lifecycle.next(this.status, 'deliver');
    self.attempts = this.attempts + 1;
    self.transportId = transportId.slice(0, 500);
    self.deliveredAt = at;
    self.nextAttemptAt = null;
    self.updatedAt = at;
    this.recordDelivery(at);
  }

  /**
   * An attempt failed. A permanent refusal (an SMTP 5xx: no such mailbox …) or the last allowed
   * attempt dead-letters the message with the reason; otherwise it waits out the backoff.
   */
  failed(at: Date, reason: string, permanent: boolean, policy: DeliveryPolicy): 'retry' | 'dead' {
    const self = this as Mutable<Message>;
    const attempts = this.attempts + 1;
    self.attempts = attempts;
    self.lastError = reason.slice(0, 2000);
    self.updatedAt = at;
    if (permanent || attempts >= policy.maxAttempts) {
      self.status = lifecycle.next(this.status, 'deadLetter');
      self.nextAttemptAt = null;
      this.record({ name: 'MessageDeadLettered', aggregateId: this.id, occurredAt: at, reason: self.lastError });
      return 'dead';
    }
    self.status = lifecycle.next(this.status, 'retry');
    self.nextAttemptAt = new Date(at.getTime() + backoffAfter(attempts, policy));
    return 'retry';
  }

  /**
   * A member of the Fund's staff sends a dead letter again (ADR 0104): it is pending at once with a
   * fresh count of attempts, to `address` — the company's current address, which may have been
   * corrected since. The content (and so its hash, the proof's content) is unchanged. Only a dead
   * e-mail can be resent: a pending one is still being tried, a sent one was delivered.
   */
  resend(at: Date, address: string, by: string): void {
    if (this.channel !== 'email') throw new IllegalStateError('message', this.status, 'resend', 'only an e-mail is resent');
    const self = this as Mutable<Message>;
    self.status = lifecycle.next(this.status, 'resend');
    self.address = address;
    self.addressCipher = null;
    self.addressMasked = maskAddress(address);
    self.attempts = 0;
    self.nextAttemptAt = at;
    self.lastError = null;
    self.resendCount = this.resendCount + 1;
    self.resentAt = at;
    self.resentBy = by.slice(0, 200);
    self.updatedAt = at;
  }

  /** F-42, ADR 0121: the address kept only as ciphertext from now on (the caller seals it, bound to this message). */
  sealAddress(cipher: string): void {
    if (this.address === null) return;
    const self = this as Mutable<Message>;
    self.addressCipher = cipher;
    self.address = null;
  }

  /** The recipient opened it in the portal. Reading it again changes nothing. */
  read(at: Date): void {
    if (this.channel !== 'portal') throw new IllegalStateError('message', this.status, 'read', 'only a portal message is read');
    if (this.status === 'read') return;
    const self = this as Mutable<Message>;
    self.status = lifecycle.next(this.status, 'read');
    self.readAt = at;
    self.deliveredAt = at;
    self.updatedAt = at;
    this.recordDelivery(at);
  }

  private recordDelivery(at: Date): void {
    // A person's notice (ADR 0107) has no BIN to publish it under and no owner that closes a deadline by it.
    if (!this.statutory || !this.ruleId || this.bin === null) return;
    this.record({
      name: 'NoticeDelivered',
      aggregateId: this.id,
      occurredAt: at,
      sourceEventId: this.sourceEventId,
      sourceEventType: this.sourceEventType,
      subjectId: this.subjectId,
      bin: this.bin,
      ruleId: this.ruleId,
      channel: this.channel,
      contentHash: this.contentHash,
    });
  }
}

/** An address as the staff log shows it (F-42): its first character and its domain, `d***@alatau.kz`. */
export const maskAddress = (address: string): string => {
  const at = address.lastIndexOf('@');
  return at <= 0 ? '***' : `${address[0]}***${address.slice(at)}`;
};
