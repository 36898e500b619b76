import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { NoticeReadModel, NoticeRepository, type NoticeView } from '../application/ports/notice.repository.js';
import type { Notice, RecipientSettings } from '../domain/notice.aggregate.js';
import { NoticeSchema, RecipientSettingsSchema } from './notice.schema.js';

@Injectable()
export class MikroOrmNoticeRepository extends NoticeRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  async get(id: string): Promise<Notice> {
    const n = await this.uow.em().findOne(NoticeSchema, { id });
    if (!n) throw new NotFoundError('notice', id);
    return n;
  }
  add(notice: Notice): void {
    this.uow.em().persist(notice);
  }
  settings(bin: string): Promise<RecipientSettings | null> {
    return this.uow.em().findOne(RecipientSettingsSchema, { bin });
  }
  addSettings(settings: RecipientSettings): void {
    this.uow.em().persist(settings);
  }
}

const view = (n: Notice): NoticeView => ({
  id: n.id,
  bin: n.bin,
  ruleId: n.ruleId,
  kind: n.kind,
  language: n.language,
  subject: n.subject,
  body: n.body,
  dueOn: n.dueOn,
  email: { status: n.emailStatus },
  deliveredAt: n.deliveredAt?.toISOString() ?? null,
  readAt: n.readAt?.toISOString() ?? null,
  createdAt: n.createdAt.toISOString(),
});

@Injectable()
export class MikroOrmNoticeReadModel extends NoticeReadModel {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  async inbox(bins: readonly string[], page: { limit: number; offset: number }) {
    if (bins.length === 0) return { items: [], total: 0, unread: 0 };
    const em = this.uow.reader();
    const [rows, total] = await em.findAndCount(
      NoticeSchema,
      { bin: { $in: [...bins] } },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: page.limit, offset: page.offset },
    );
    const unread = await em.count(NoticeSchema, { bin: { $in: [...bins] }, readAt: null });
    return { items: rows.map(view), total, unread };
  }
  async get(id: string): Promise<NoticeView | null> {
    const n = await this.uow.reader().findOne(NoticeSchema, { id });
    return n ? view(n) : null;
  }
}
