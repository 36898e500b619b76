import type { Notice, RecipientSettings } from '../../domain/notice.aggregate.js';

/** Port (ADR 0035 §4): notices and recipients' settings, inside a unit of work. */
export abstract class NoticeRepository {
  abstract get(id: string): Promise<Notice>;
  /** Persist a new notice: the same source event twice for a company is 409 (unique index; the inbox already drops redeliveries). */
  abstract add(notice: Notice): void;
  abstract settings(bin: string): Promise<RecipientSettings | null>;
  abstract addSettings(settings: RecipientSettings): void;
}

export interface NoticeView {
  readonly id: string;
  readonly bin: string;
  readonly ruleId: string;
  readonly kind: 'statutory' | 'reminder';
  readonly language: 'kk' | 'ru' | 'en';
  readonly subject: string;
  readonly body: string;
  readonly dueOn: string | null;
  readonly email: { readonly status: 'pending' | 'delivered' | 'not-sent' };
  readonly deliveredAt: string | null;
  readonly readAt: string | null;
  readonly createdAt: string;
}

/** Port: the portal inbox of the companies an actor represents (F-35: only its own). */
export abstract class NoticeReadModel {
  abstract inbox(bins: readonly string[], page: { limit: number; offset: number }): Promise<{ items: NoticeView[]; total: number; unread: number }>;
  abstract get(id: string): Promise<NoticeView | null>;
}
