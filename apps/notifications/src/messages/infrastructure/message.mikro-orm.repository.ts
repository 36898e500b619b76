import { Inject, Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { NotFoundError } from '@hub/kernel';
import { sql } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { type InboxPage, type PortalReader, MessageRepository } from '../application/ports/message.repository.js';
import { RecipientPreferenceRepository } from '../application/ports/recipient-preference.repository.js';
import type { Message } from '../domain/message.aggregate.js';
import type { RecipientPreference } from '../domain/recipient-preference.aggregate.js';
import { ApplicationContactSchema, MessageSchema, PersonContactSchema, RecipientPreferenceSchema } from './message.schema.js';
import { ApplicationContactRepository } from '../application/ports/application-contact.repository.js';
import type { ApplicationContact } from '../domain/application-contact.js';
import { PersonContactRepository } from '../application/ports/person-contact.repository.js';
import type { PersonContact } from '../domain/person-contact.aggregate.js';

/** F-35, ADR 0107: the reader's companies' messages, and the messages addressed to the reader as a person. */
const whose = (reader: PortalReader) => [...(reader.bins.length > 0 ? [{ bin: { $in: [...reader.bins] } }] : []), { recipientSubject: reader.subject }];

/** The messages on MikroORM, on the current unit of work's EntityManager. */
@Injectable()
export class MikroOrmMessageRepository extends MessageRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }

  add(message: Message): void {
    this.uow.em().persist(message);
  }

  async claimNextDueEmail(now: Date): Promise<Message | null> {
    const em = this.uow.em();
    const [row] = await sql<{ id: string }>(
      em,
      `select id from notifications_message
        where channel = 'email' and status = 'pending' and next_attempt_at <= ?
        order by next_attempt_at, id
        limit 1
        for update skip locked`,
      [now],
    );
    return row ? em.findOne(MessageSchema, { id: row.id }) : null;
  }

  findPortal(id: string, reader: PortalReader): Promise<Message | null> {
    return this.uow.em().findOne(MessageSchema, { id, channel: 'portal', $or: whose(reader) });
  }

  async inbox(reader: PortalReader, limit: number): Promise<InboxPage> {
    const em = this.uow.em();
    const [messages, unread] = await Promise.all([
      em.find(MessageSchema, { channel: 'portal', $or: whose(reader) }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit }),
      em.count(MessageSchema, { channel: 'portal', status: 'unread', $or: whose(reader) }),
    ]);
    return { unread, messages };
  }

  log(filter: { bin?: string; subjectId?: string }, limit: number): Promise<Message[]> {
    return this.uow
      .em()
      .find(
        MessageSchema,
        { ...(filter.bin ? { bin: filter.bin } : {}), ...(filter.subjectId ? { subjectId: filter.subjectId } : {}) },
        { orderBy: { createdAt: 'desc', id: 'desc' }, limit },
      );
  }

  deadLetters(filter: { bin?: string }, limit: number): Promise<Message[]> {
    return this.uow
      .em()
      .find(
        MessageSchema,
        { channel: 'email', status: 'dead', ...(filter.bin ? { bin: filter.bin } : {}) },
        { orderBy: { updatedAt: 'desc', id: 'desc' }, limit },
      );
  }

  async getForUpdate(id: string): Promise<Message> {
    const m = await this.uow.em().findOne(MessageSchema, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!m) throw new NotFoundError('message', id);
    return m;
  }
}

/** The companies' preferences on MikroORM. */
@Injectable()
export class MikroOrmRecipientPreferenceRepository extends RecipientPreferenceRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  find(bin: string): Promise<RecipientPreference | null> {
    return this.uow.em().findOne(RecipientPreferenceSchema, { bin });
  }
  add(preference: RecipientPreference): void {
    this.uow.em().persist(preference);
  }
}

/** The persons' contacts on MikroORM (ADR 0114). */
@Injectable()
export class MikroOrmPersonContactRepository extends PersonContactRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  find(subject: string): Promise<PersonContact | null> {
    return this.uow.em().findOne(PersonContactSchema, { subject });
  }
  async representativesOf(bin: string): Promise<PersonContact[]> {
    const em = this.uow.em();
    const rows = await sql<{ subject: string }>(
      em,
      `select subject from notifications_person_contact where companies @> ?::jsonb and email_cipher is not null order by subject`,
      [JSON.stringify([bin])],
    );
    if (rows.length === 0) return [];
    return em.find(PersonContactSchema, { subject: { $in: rows.map((r) => r.subject) } }, { orderBy: { subject: 'asc' } });
  }
  async holdersOf(role: string): Promise<PersonContact[]> {
    const em = this.uow.em();
    const rows = await sql<{ subject: string }>(em, `select subject from notifications_person_contact where roles @> ?::jsonb order by subject`, [
      JSON.stringify([role]),
    ]);
    return this.findMany(rows.map((r) => r.subject));
  }
  async findMany(subjects: readonly string[]): Promise<PersonContact[]> {
    if (subjects.length === 0) return [];
    return this.uow.em().find(PersonContactSchema, { subject: { $in: [...subjects] } }, { orderBy: { subject: 'asc' } });
  }
  add(contact: PersonContact): void {
    this.uow.em().persist(contact);
  }
}

/** Registration's application contacts on MikroORM (ADR 0121). */
@Injectable()
export class MikroOrmApplicationContactRepository extends ApplicationContactRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  find(applicationId: string): Promise<ApplicationContact | null> {
    return this.uow.em().findOne(ApplicationContactSchema, { applicationId });
  }
  add(contact: ApplicationContact): void {
    this.uow.em().persist(contact);
  }
}
