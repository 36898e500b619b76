import { Inject, Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { NotFoundError } from '@hub/kernel';
import { sql } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { type InboxPage, MessageRepository } from '../application/ports/message.repository.js';
import { RecipientPreferenceRepository } from '../application/ports/recipient-preference.repository.js';
import type { Message } from '../domain/message.aggregate.js';
import type { RecipientPreference } from '../domain/recipient-preference.aggregate.js';
import { MessageSchema, RecipientPreferenceSchema } from './message.schema.js';

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

  findPortal(id: string, bins: readonly string[]): Promise<Message | null> {
    if (bins.length === 0) return Promise.resolve(null);
    return this.uow.em().findOne(MessageSchema, { id, channel: 'portal', bin: { $in: [...bins] } });
  }

  async inbox(bins: readonly string[], limit: number): Promise<InboxPage> {
    if (bins.length === 0) return { unread: 0, messages: [] };
    const em = this.uow.em();
    const [messages, unread] = await Promise.all([
      em.find(MessageSchema, { channel: 'portal', bin: { $in: [...bins] } }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit }),
      em.count(MessageSchema, { channel: 'portal', status: 'unread', bin: { $in: [...bins] } }),
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
