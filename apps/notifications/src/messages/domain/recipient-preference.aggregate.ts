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
  readonly email!: string | null;
  /** Whether reminders (messages that are not statutory notices) also go by e-mail; statutory notices always do (ADR 0093). */
  readonly emailReminders!: boolean;
  readonly version!: number;
  readonly updatedAt!: Date;

  static create(bin: string, at: Date): RecipientPreference {
    const p = new RecipientPreference();
    Object.assign(p, { bin, language: null, email: null, emailReminders: true, updatedAt: at });
    return p;
  }

  change(input: { language: Language | null; email: string | null; emailReminders: boolean }, at: Date): void {
    const self = this as Mutable<RecipientPreference>;
    self.language = input.language;
    self.email = input.email;
    self.emailReminders = input.emailReminders;
    self.updatedAt = at;
  }
}
