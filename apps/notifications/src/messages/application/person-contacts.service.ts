import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { Actor } from '@hub/contracts';
import { Clock, ValidationError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import type { Language } from '../domain/language.js';
import { COMMISSION_MEMBER_ROLES, type ClaimedContact, PersonContact, languageOfLocale } from '../domain/person-contact.aggregate.js';
import { ContactCipher, PersonContactRepository } from './ports/person-contact.repository.js';

/** A person's notice settings as their screen shows them (ADR 0114 §3): never the address itself, only whether one is known. */
export interface PersonSettingsView {
  /** The language chosen on the screen (null: the sign-in's language, else kk → ru → en). */
  language: Language | null;
  /** The language notices go out in now (the choice, else the `locale` claim), null for kk → ru → en. */
  effectiveLanguage: Language | null;
  /** Whether an e-mail address is known from the identity provider (the address is not shown back, F-42). */
  emailKnown: boolean;
  kinds: { statutory: { email: true }; reminders: { email: boolean } };
  /** ADR 0138 §3: the "awaiting your vote" digest by e-mail — null when the caller sits on no Commission (no switch to show). */
  commissionDigest: boolean | null;
}

export interface PersonSettingsInput {
  language: Language | null;
  kinds: { statutory: { email: boolean }; reminders: { email: boolean } };
  /** ADR 0138 §3: only a Commission member's; absent leaves it as it is. */
  commissionDigest?: boolean | undefined;
}

/** A Commission member the digest may go to (ADR 0138 §4): their language, and their opened address when they keep the digest on. */
export interface CommissionMemberRecipient extends PersonRecipient {
  readonly subject: string;
  readonly email: string;
}

/** Who is learnt as a person of the portal (ADR 0114 §2): applicants, and since ADR 0138 §3 the Commission members. */
const PERSON_ROLES: readonly string[] = ['applicant', ...COMMISSION_MEMBER_ROLES];

/** Where a notice to a person goes (ADR 0114 §1): the language, and the opened e-mail address when one is known and allowed. */
export interface PersonRecipient {
  readonly language: Language | null;
  readonly email: string | null;
}

/** A company's known representative (ADR 0121): who, their language, their opened address, and whether they take reminders by e-mail (ADR 0133). */
export interface Representative extends PersonRecipient {
  readonly subject: string;
  readonly email: string;
  readonly emailReminders: boolean;
}

const EmailClaim = z.email().max(320);

/**
 * ADR 0114: a person's contact and choices. `learn` records the verified token's claims (never the body)
 * when the person opens the portal; `resolve` gives a notice's language and address; the settings are
 * the person's own — and a statutory notice's e-mail cannot be switched off (422 naming the field).
 */
@Injectable()
export class PersonContacts {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(PersonContactRepository) private readonly contacts: PersonContactRepository,
    @Inject(ContactCipher) private readonly cipher: ContactCipher,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Inside the caller's transaction: the token's contact recorded (first time) or updated (claims changed). Workers and staff are not persons of the portal. */
  async learn(actor: Actor): Promise<PersonContact | null> {
    if (actor.client !== undefined || !actor.roles.some((r) => PERSON_ROLES.includes(r))) return null;
    const email = EmailClaim.safeParse(actor.email?.trim().toLowerCase());
    const address = email.success ? email.data : null;
    const existing = await this.contacts.find(actor.subject);
    const sameEmail =
      existing !== null &&
      (existing.emailCipher === null
        ? address === null
        : address !== null && this.cipher.enabled && this.cipher.open(actor.subject, existing.emailCipher) === address);
    const claimed: ClaimedContact = {
      emailCipher: address !== null && this.cipher.enabled && !sameEmail ? this.cipher.seal(actor.subject, address) : (existing?.emailCipher ?? null),
      language: languageOfLocale(actor.locale),
      companies: actor.companies,
      roles: actor.roles,
    };
    if (!this.cipher.enabled && existing === null) return this.add(PersonContact.learn(actor.subject, { ...claimed, emailCipher: null }, this.clock.now()));
    if (existing === null) return this.add(PersonContact.learn(actor.subject, claimed, this.clock.now()));
    existing.relearn(address === null ? { ...claimed, emailCipher: null } : claimed, sameEmail || !this.cipher.enabled, this.clock.now());
    return existing;
  }

  /** ADR 0114 §1 for a notice addressed to a person: their choice or sign-in language; their e-mail unless it is a reminder they switched off. */
  async resolve(subject: string, statutory: boolean): Promise<PersonRecipient> {
    const contact = await this.contacts.find(subject);
    if (!contact) return { language: null, email: null };
    const byEmail = statutory || contact.emailReminders;
    const email = byEmail && contact.emailCipher !== null && this.cipher.enabled ? this.cipher.open(subject, contact.emailCipher) : null;
    return { language: contact.language, email };
  }

  /**
   * ADR 0121, 0133: a company's known representatives for its notices — each person whose verified token
   * named the company (ADR 0114 §2), with their language (their choice, else their sign-in's), their
   * opened address and their reminders switch. None when no key ring is configured (no address is stored then).
   */
  async representatives(bin: string): Promise<Representative[]> {
    if (!this.cipher.enabled) return [];
    const contacts = await this.contacts.representativesOf(bin);
    return contacts
      .filter((c) => c.emailCipher !== null && c.companies.includes(bin))
      .map((c) => ({ subject: c.subject, language: c.language, email: this.cipher.open(c.subject, c.emailCipher!), emailReminders: c.emailReminders }));
  }

  /**
   * ADR 0138 §2, §4: the learnt persons holding `role` (registration's Commission: `commission-member`, F-15 —
   * it has no roster), whether or not they keep the digest on.
   */
  async holdersOf(role: string): Promise<string[]> {
    return (await this.contacts.holdersOf(role)).map((c) => c.subject);
  }

  /**
   * ADR 0138 §4: of `subjects`, those the Commission digest goes to — a learnt contact with an address
   * (opened, F-42) and the `commissionDigest` switch on (ADR 0093). A member never signed in gets none.
   */
  async commissionDigestRecipients(subjects: readonly string[]): Promise<CommissionMemberRecipient[]> {
    if (!this.cipher.enabled || subjects.length === 0) return [];
    const contacts = await this.contacts.findMany(subjects);
    return contacts
      .filter((c) => c.emailCipher !== null && c.commissionDigest)
      .map((c) => ({ subject: c.subject, language: c.language, email: this.cipher.open(c.subject, c.emailCipher!) }));
  }

  /** ADR 0145: the shell's hello after sign-in — the caller learnt (or their claims refreshed) in a transaction of its own. */
  async hello(actor: Actor): Promise<void> {
    await this.uow.run(() => this.learn(actor));
  }

  settings(actor: Actor): Promise<PersonSettingsView> {
    return this.uow.run(async () => view(await this.learn(actor)));
  }

  choose(actor: Actor, input: PersonSettingsInput): Promise<PersonSettingsView> {
    if (input.kinds.statutory.email !== true)
      throw ValidationError.field(
        'kinds.statutory.email',
        'statutory notices go by e-mail whenever an address is known; they cannot be switched off (ADR 0093, 0114)',
      );
    return this.uow.run(async () => {
      const contact = await this.learn(actor);
      if (!contact) throw ValidationError.field('subject', 'only a person of the portal (an applicant, a Commission member) has notice settings');
      if (input.commissionDigest !== undefined && !contact.commissionMember)
        throw ValidationError.field('commissionDigest', 'only a Commission member has the "awaiting your vote" digest (ADR 0138)');
      contact.choose({ language: input.language, emailReminders: input.kinds.reminders.email, commissionDigest: input.commissionDigest }, this.clock.now());
      return view(contact);
    });
  }

  private add(contact: PersonContact): PersonContact {
    this.contacts.add(contact);
    return contact;
  }
}

function view(c: PersonContact | null): PersonSettingsView {
  return {
    language: c?.chosenLanguage ?? null,
    effectiveLanguage: c?.language ?? null,
    emailKnown: c?.emailCipher != null,
    kinds: { statutory: { email: true }, reminders: { email: c?.emailReminders ?? true } },
    commissionDigest: c?.commissionMember ? c.commissionDigest : null,
  };
}
