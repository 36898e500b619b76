import { AggregateRoot, type DomainEvent } from '@hub/kernel';
import { LANGUAGES, type Language } from './language.js';

/** ADR 0138 §3: the roles whose holders vote in a Commission and get its "awaiting your vote" digest (registration's and training's: `commission-member`; clusters': `cluster-commission-member`). */
export const COMMISSION_MEMBER_ROLES = ['commission-member', 'cluster-commission-member'] as const;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What the verified token said about the person (ADR 0114) — never the request body. */
export interface ClaimedContact {
  /** The `email` claim sealed with @hub/pii (F-42), or null when the token had none (or no key ring is configured). */
  readonly emailCipher: string | null;
  /** The `locale` claim as one of our languages, or null. */
  readonly language: Language | null;
  readonly companies: readonly string[];
  readonly roles: readonly string[];
}

/**
 * ADR 0114: a person (a portal subject) as notifications knows them — the contact learnt from the
 * identity provider's claims when they open the portal (e-mail, preferred language, companies, roles),
 * and their own choices (a language, reminders by e-mail on or off). The e-mail is personal data: only
 * its @hub/pii ciphertext is stored, bound to the subject (F-42); it is never logged nor published.
 */
export class PersonContact extends AggregateRoot<DomainEvent> {
  readonly subject!: string;
  readonly emailCipher!: string | null;
  readonly claimedLanguage!: Language | null;
  readonly companies!: string[];
  readonly roles!: string[];
  /** The person's own choice of language (ADR 0114 §3); wins over the claim. */
  readonly chosenLanguage!: Language | null;
  /** Reminders (not statutory notices) by e-mail; statutory notices always go (ADR 0093, 0114 §3). */
  readonly emailReminders!: boolean;
  /** ADR 0138 §3: a Commission member's "awaiting your vote" digest by e-mail — a reminder (ADR 0093), on by default. */
  readonly commissionDigest!: boolean;
  /** When the contact was first learnt from a sign-in (the person's consent to be told by e-mail is the IdP's, ADR 0114 §2). */
  readonly learntAt!: Date;
  /** When the claims or choices last changed. */
  readonly updatedAt!: Date;
  readonly version!: number;

  static learn(subject: string, claimed: ClaimedContact, at: Date): PersonContact {
    const c = new PersonContact();
    Object.assign(c, {
      subject,
      emailCipher: claimed.emailCipher,
      claimedLanguage: claimed.language,
      companies: [...claimed.companies],
      roles: [...claimed.roles],
      chosenLanguage: null,
      emailReminders: true,
      commissionDigest: true,
      learntAt: at,
      updatedAt: at,
    });
    return c;
  }

  /**
   * The claims of a later sign-in. `sameEmail` tells whether the new claim is the address already sealed
   * (ciphertexts differ on every sealing: the random IV); nothing changes when everything is the same.
   */
  relearn(claimed: ClaimedContact, sameEmail: boolean, at: Date): boolean {
    const changed =
      !sameEmail || claimed.language !== this.claimedLanguage || !sameSet(claimed.companies, this.companies) || !sameSet(claimed.roles, this.roles);
    if (!changed) return false;
    const self = this as Mutable<PersonContact>;
    if (!sameEmail) self.emailCipher = claimed.emailCipher;
    self.claimedLanguage = claimed.language;
    self.companies = [...claimed.companies];
    self.roles = [...claimed.roles];
    self.updatedAt = at;
    return true;
  }

  choose(input: { language: Language | null; emailReminders: boolean; commissionDigest?: boolean | undefined }, at: Date): void {
    const self = this as Mutable<PersonContact>;
    self.chosenLanguage = input.language;
    self.emailReminders = input.emailReminders;
    if (input.commissionDigest !== undefined) self.commissionDigest = input.commissionDigest;
    self.updatedAt = at;
  }

  /** ADR 0138 §3: whether the person sits on a Commission as their latest token said (`commission-member`, `cluster-commission-member`). */
  get commissionMember(): boolean {
    return this.roles.some((r) => (COMMISSION_MEMBER_ROLES as readonly string[]).includes(r));
  }

  /** ADR 0114 §1: the person's own choice, else the language of their sign-in, else none (kk → ru → en). */
  get language(): Language | null {
    return this.chosenLanguage ?? this.claimedLanguage;
  }
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** The `locale` claim (BCP 47, e.g. `kk`, `ru-KZ`, `en_US`) as one of our languages; `kz` is read as Kazakh. Anything else: null. */
export function languageOfLocale(locale: string | undefined): Language | null {
  if (!locale) return null;
  const primary = locale.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const code = primary === 'kz' ? 'kk' : primary;
  return (LANGUAGES as readonly string[]).includes(code) ? (code as Language) : null;
}
