import { AggregateRoot, type DomainEvent } from '@hub/kernel';
import type { Language } from './language.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * ADR 0121 (ADR 0114 §1's middle source): a context's contact for an application — registration's
 * `application-submitted` names the company, the application's language (F-10) and the portal subject of
 * the person who filed it (F-8). The subject is kept only as @hub/pii ciphertext bound to the application
 * (F-42: minimal personal data, encrypted at rest); without a key ring only the language is kept.
 */
export class ApplicationContact extends AggregateRoot<DomainEvent> {
  readonly applicationId!: string;
  readonly bin!: string;
  readonly language!: Language;
  readonly filedByCipher!: string | null;
  readonly updatedAt!: Date;
  readonly version!: number;

  static record(input: { applicationId: string; bin: string; language: Language; filedByCipher: string | null }, at: Date): ApplicationContact {
    const c = new ApplicationContact();
    Object.assign(c, { ...input, updatedAt: at });
    return c;
  }

  /** A resubmission (F-14) names the contact again: the latest filing wins. */
  refile(input: { language: Language; filedByCipher: string | null }, at: Date): void {
    const self = this as Mutable<ApplicationContact>;
    self.language = input.language;
    if (input.filedByCipher !== null) self.filedByCipher = input.filedByCipher;
    self.updatedAt = at;
  }
}
