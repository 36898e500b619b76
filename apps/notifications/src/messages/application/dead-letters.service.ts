import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import { HUB_CONFIG, UnitOfWork } from '@hub/nest-commons';
import type { NotificationsConfig } from '../../config.js';
import type { Message } from '../domain/message.aggregate.js';
import { MessageRepository } from './ports/message.repository.js';
import { PersonContacts } from './person-contacts.service.js';
import { RecipientPreferenceRepository } from './ports/recipient-preference.repository.js';
import { Addresses } from './addresses.js';

const LIST_LIMIT = 200;

/**
 * The dead letters for the Fund's staff and their resend (ADR 0104): the e-mails given up after the
 * last attempt or a permanent refusal, with the reason; a resend makes one pending again — to the
 * company's current address when it has one (a corrected typo), else the original; a notice to the
 * Fund to the Fund's mailbox (ADR 0105) — and the worker
 * takes it as any other (ADR 0091). The resend is recorded on the message (count, when, who).
 */
@Injectable()
export class DeadLetterService {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(MessageRepository) private readonly messages: MessageRepository,
    @Inject(RecipientPreferenceRepository) private readonly preferences: RecipientPreferenceRepository,
    @Inject(PersonContacts) private readonly persons: PersonContacts,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(HUB_CONFIG) private readonly config: NotificationsConfig,
    @Inject(Addresses) private readonly addresses: Addresses,
  ) {}

  list(filter: { bin?: string | undefined }): Promise<Message[]> {
    return this.uow.run(() => this.messages.deadLetters(filter.bin ? { bin: filter.bin } : {}, LIST_LIMIT));
  }

  resend(id: string, actor: Actor): Promise<Message> {
    return this.uow.run(async () => {
      const m = await this.messages.getForUpdate(id);
      // A notice to the Fund goes to the Fund's mailbox as configured now, never to the company's address (ADR 0105).
      // A staff digest goes to its role's mailbox as configured now (ADR 0108).
      const staffRole = m.recipientRole === 'staff' ? m.recipientSubject?.replace(/^staff-role:/, '') : undefined;
      const staffMailbox = staffRole
        ? this.config.NOTIFICATIONS_STAFF_DIGESTS[staffRole as keyof NotificationsConfig['NOTIFICATIONS_STAFF_DIGESTS']]?.email
        : undefined;
      const address =
        m.recipientRole === 'fund'
          ? this.config.NOTIFICATIONS_FUND_SERVICES_EMAIL
          : (staffMailbox ??
            // A person's e-mail — a representative's of a company too (ADR 0121) — goes to the address their latest sign-in gave (ADR 0114).
            (m.recipientSubject && m.recipientRole !== 'staff'
              ? (await this.persons.resolve(m.recipientSubject, true)).email
              : m.bin !== null
                ? this.addresses.mailbox(await this.preferences.find(m.bin))
                : null) ??
            this.addresses.open(m) ??
            '');
      // IllegalStateError (→ 409) for anything but a dead e-mail: checked by the aggregate before the address matters.
      m.resend(this.clock.now(), address, actor.subject);
      this.addresses.seal(m); // F-42, ADR 0121: the new address sealed too
      return m;
    });
  }
}
