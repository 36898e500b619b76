import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@hub/contracts';
import { Clock, NotFoundError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import type { Message } from '../domain/message.aggregate.js';
import { type InboxPage, MessageRepository } from './ports/message.repository.js';
import { PersonContacts } from './person-contacts.service.js';

const INBOX_LIMIT = 100;

/**
 * The in-portal inbox (issue #16): a representative sees the portal messages of the companies in
 * their token (`hub_companies`, F-35) — and a person the messages addressed to their portal subject
 * (F-52 to an individual, ADR 0107) — and marks them read; the first reading of a statutory notice
 * is its delivery (ADR 0092).
 */
@Injectable()
export class InboxService {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(MessageRepository) private readonly messages: MessageRepository,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(PersonContacts) private readonly persons: PersonContacts,
  ) {}

  /** ADR 0114 §2: opening the inbox (the portal's bell, on every sign-in) is when the person's contact is learnt from the verified token's claims. */
  list(actor: Actor): Promise<InboxPage> {
    return this.uow.run(async () => {
      await this.persons.learn(actor);
      return this.messages.inbox({ bins: actor.companies, subject: actor.subject }, INBOX_LIMIT);
    });
  }

  markRead(id: string, actor: Actor): Promise<Message> {
    return this.uow.run(async () => {
      const message = await this.messages.findPortal(id, { bins: actor.companies, subject: actor.subject });
      if (!message) throw new NotFoundError('message', id);
      message.read(this.clock.now());
      return message;
    });
  }
}
