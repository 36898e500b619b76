import { AggregateRoot, IllegalStateError } from '@hub/kernel';
import type { DomainEvent } from '@hub/kernel';

export type NoticeLanguage = 'kk' | 'ru' | 'en';
/** Statutory notices (the rules require them, with a deadline) cannot be switched off; reminders can. */
export type NoticeKind = 'statutory' | 'reminder';
export type DeliveryStatus = 'pending' | 'delivered' | 'not-sent';

export interface NoticeDelivered extends DomainEvent {
  readonly name: 'NoticeDelivered';
  readonly bin: string;
  readonly sourceEventId: string;
  readonly sourceEventType: string;
  readonly ruleId: string;
  readonly channel: 'email' | 'portal';
  readonly dueOn: string | null;
}
export type NoticeEvent = NoticeDelivered;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * One message to a company (issue #16): made from another context's event and a template in the
 * recipient's language, stored before anything is sent, shown in the portal inbox at once, and
 * e-mailed when the company gave an address. A statutory notice is delivered when the SMTP server
 * accepted it (or, without an address, when it is in the portal inbox): that proof closes the
 * rule's notice deadline (F-14 remarks, F-17 decision in 5 WD).
 */
export class Notice extends AggregateRoot<NoticeEvent> {
  readonly id!: string;
  readonly bin!: string;
  readonly sourceEventId!: string;
  readonly sourceEventType!: string;
  readonly ruleId!: string;
  readonly kind!: NoticeKind;
  readonly language!: NoticeLanguage;
  readonly subject!: string;
  readonly body!: string;
  /** The statutory deadline the notice must meet (F-17: 5 WD after the decision), if any. */
  readonly dueOn!: string | null;
  readonly emailTo!: string | null;
  readonly emailStatus!: DeliveryStatus;
  readonly emailMessageId!: string | null;
  readonly deliveredAt!: Date | null;
  readonly readAt!: Date | null;
  readonly createdAt!: Date;
  readonly version!: number;

  private get m(): Mutable<Notice> {
    return this;
  }

  static make(input: {
    id: string;
    bin: string;
    sourceEventId: string;
    sourceEventType: string;
    ruleId: string;
    kind: NoticeKind;
    language: NoticeLanguage;
    subject: string;
    body: string;
    dueOn: string | null;
    emailTo: string | null;
    at: Date;
  }): Notice {
    const n = new Notice();
    const { at, ...fields } = input;
    Object.assign(n, {
      ...fields,
      emailStatus: input.emailTo ? 'pending' : 'not-sent',
      emailMessageId: null,
      deliveredAt: null,
      readAt: null,
      createdAt: at,
    });
    // Without an e-mail address the portal inbox is the channel: the notice is delivered when stored there.
    if (!input.emailTo) n.delivered('portal', at);
    return n;
  }

  /** The SMTP server accepted the message (250): proof of delivery by e-mail. Idempotent. */
  emailAccepted(messageId: string, at: Date): void {
    if (this.emailStatus === 'delivered') return;
    if (this.emailStatus !== 'pending') throw new IllegalStateError('notice', this.emailStatus, 'deliver by e-mail', 'no e-mail is pending');
    this.m.emailStatus = 'delivered';
    this.m.emailMessageId = messageId;
    this.delivered('email', at);
  }

  markRead(at: Date): void {
    if (!this.readAt) this.m.readAt = at;
  }

  private delivered(channel: 'email' | 'portal', at: Date): void {
    if (this.deliveredAt) return;
    this.m.deliveredAt = at;
    this.record({
      name: 'NoticeDelivered',
      aggregateId: this.id,
      occurredAt: at,
      bin: this.bin,
      sourceEventId: this.sourceEventId,
      sourceEventType: this.sourceEventType,
      ruleId: this.ruleId,
      channel,
      dueOn: this.dueOn,
    });
  }
}

/** A company's channel settings: the e-mail address for notices and the language (F-10: the application's, until the company chooses). */
export class RecipientSettings {
  readonly bin!: string;
  readonly email!: string | null;
  readonly language!: NoticeLanguage;
  /** 'application' until the company sets it itself ('chosen'): a later application does not override a choice. */
  readonly languageSource!: 'application' | 'chosen';
  readonly remindersEnabled!: boolean;
  readonly updatedAt!: Date;

  static of(input: {
    bin: string;
    email: string | null;
    language: NoticeLanguage;
    languageSource: 'application' | 'chosen';
    remindersEnabled: boolean;
    at: Date;
  }): RecipientSettings {
    const r = new RecipientSettings();
    const { at, ...fields } = input;
    Object.assign(r, { ...fields, updatedAt: at });
    return r;
  }

  learnApplicationLanguage(language: NoticeLanguage, at: Date): void {
    if (this.languageSource === 'chosen') return;
    Object.assign(this, { language, updatedAt: at });
  }

  choose(input: { email: string | null; language: NoticeLanguage; remindersEnabled: boolean }, at: Date): void {
    Object.assign(this, { ...input, languageSource: 'chosen', updatedAt: at });
  }
}
