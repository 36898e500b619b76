import { Inject, Injectable } from '@nestjs/common';
import { ApplicationSubmittedV1, type EventEnvelope, type PayloadOf } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import type { EventHandler } from '@hub/messaging';
import { ApplicationContact } from '../../domain/application-contact.js';
import { APPLICATION_FILED_BY } from '../../domain/sealed-columns.js';
import { ApplicationContactRepository } from '../ports/application-contact.repository.js';
import { ContactCipher } from '../ports/person-contact.repository.js';

/**
 * registration.application-submitted v1 → the application's contact (ADR 0121): its language (F-10) and the
 * person who filed it (F-8), sealed with @hub/pii (F-42). No message is written: the filing is not a notice.
 */
@Injectable()
export class ApplicationSubmittedHandler implements EventHandler<typeof ApplicationSubmittedV1> {
  readonly event = ApplicationSubmittedV1;

  constructor(
    @Inject(ApplicationContactRepository) private readonly contacts: ApplicationContactRepository,
    @Inject(ContactCipher) private readonly cipher: ContactCipher,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof ApplicationSubmittedV1>>): Promise<void> {
    const p = envelope.payload;
    const filedByCipher = p.filedBy && this.cipher.enabled ? this.cipher.sealAs(APPLICATION_FILED_BY, p.applicationId, p.filedBy) : null;
    const existing = await this.contacts.find(p.applicationId);
    if (existing) existing.refile({ language: p.language, filedByCipher }, this.clock.now());
    else this.contacts.add(ApplicationContact.record({ applicationId: p.applicationId, bin: p.bin, language: p.language, filedByCipher }, this.clock.now()));
  }
}

/** The @hub/pii binding of an application's filer (AAD `notifications_application_contact.filed_by:<application>`). */
export { APPLICATION_FILED_BY } from '../../domain/sealed-columns.js';
