import { AggregateRoot, type DomainEvent } from '@hub/kernel';
import type { Language } from './language.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * How a company (its BIN) wants to be told (ADR 0090): the language of its notices and the e-mail
 * address they go to. Set by the company's representative; without it notices are in Kazakh and
 * only in the portal. Personal data (an address) stays in this table and in the e-mail rows — never
 * in an event (F-42).
 */
export class RecipientPreference extends AggregateRoot<DomainEvent> {
  readonly bin!: string;
  readonly language!: Language | null;
  /** The mailbox in clear — only where notifications has no key ring; else null and `emailCipher` holds it (F-42, ADR 0121). */
  readonly email!: string | null;
  /** The mailbox as @hub/pii ciphertext bound to the BIN (ADR 0121). */
  readonly emailCipher!: string | null;
  /** Whether reminders (messages that are not statutory notices) also go by e-mail; statutory notices always do (ADR 0093). */
  readonly emailReminders!: boolean;
  readonly version!: number;
  readonly updatedAt!: Date;

  static create(bin: string, at: Date): RecipientPreference {
    const p = new RecipientPreference();
    Object.assign(p, { bin, language: null, email: null, emailCipher: null, emailReminders: true, updatedAt: at });
    return p;
  }

  /** `emailCipher`: the address sealed by the caller (then `email` is not kept in clear), or null without a key ring. */
  change(input: { language: Language | null; email: string | null; emailReminders: boolean; emailCipher?: string | null }, at: Date): void {
    const self = this as Mutable<RecipientPreference>;
    self.language = input.language;
    self.email = input.emailCipher ? null : input.email;
    self.emailCipher = input.email === null ? null : (input.emailCipher ?? null);
    self.emailReminders = input.emailReminders;
    self.updatedAt = at;
  }
}
