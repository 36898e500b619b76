import type { PersonContact } from '../../domain/person-contact.aggregate.js';

/** Port: the persons' contacts and choices (ADR 0114). */
export abstract class PersonContactRepository {
  abstract find(subject: string): Promise<PersonContact | null>;
  /** ADR 0121: the persons whose verified token named the company (its representatives), with an address known; by subject. */
  abstract representativesOf(bin: string): Promise<PersonContact[]>;
  /** ADR 0138 §2: the persons whose latest verified token held `role`; by subject. */
  abstract holdersOf(role: string): Promise<PersonContact[]>;
  /** The contacts of these subjects (the unknown left out); by subject. */
  abstract findMany(subjects: readonly string[]): Promise<PersonContact[]>;
  abstract add(contact: PersonContact): void;
}

/**
 * Port: seals and opens a person's e-mail (F-42; @hub/pii, bound to the subject). Without a key ring
 * (`HUB_PII_KEYS` unset) it is disabled: notifications then stores no person's e-mail at all — never
 * one in clear — and person notices stay in the portal (ADR 0114 §2).
 */
export abstract class ContactCipher {
  abstract readonly enabled: boolean;
  abstract seal(subject: string, email: string): string;
  abstract open(subject: string, cipher: string): string;
  /** Another column's personal data (ADR 0121), bound to its column and row key as AAD. */
  abstract sealAs(column: string, key: string, value: string): string;
  abstract openAs(column: string, key: string, cipher: string): string;
}
