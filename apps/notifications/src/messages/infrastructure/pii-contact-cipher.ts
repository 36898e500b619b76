import type { PiiCipher } from '@hub/pii';
import { ContactCipher } from '../application/ports/person-contact.repository.js';
import { PERSON_CONTACT_EMAIL } from '../domain/sealed-columns.js';

/** A person's e-mail sealed with the platform's @hub/pii (AES-256-GCM), the subject bound in as AAD (F-42, ADR 0114). */
export class PiiContactCipher extends ContactCipher {
  readonly enabled = true;
  constructor(private readonly pii: PiiCipher) {
    super();
  }
  seal(subject: string, email: string): string {
    return this.pii.encrypt(email, aad(subject));
  }
  open(subject: string, cipher: string): string {
    return this.pii.decrypt(cipher, aad(subject));
  }
  sealAs(column: string, key: string, value: string): string {
    return this.pii.encrypt(value, `${column}:${key}`);
  }
  openAs(column: string, key: string, cipher: string): string {
    return this.pii.decrypt(cipher, `${column}:${key}`);
  }
}

/** No key ring configured: nothing is sealed, so no person's e-mail is stored (ADR 0114 §2). */
export class DisabledContactCipher extends ContactCipher {
  readonly enabled = false;
  seal(): string {
    throw new Error('no HUB_PII_KEYS: a person’s e-mail is not stored');
  }
  open(): string {
    throw new Error('no HUB_PII_KEYS: a person’s e-mail cannot be opened');
  }
  sealAs(): string {
    throw new Error('no HUB_PII_KEYS: personal data is not stored');
  }
  openAs(): string {
    throw new Error('no HUB_PII_KEYS: personal data cannot be opened');
  }
}

const aad = (subject: string): string => `${PERSON_CONTACT_EMAIL}:${subject}`;
