import { Inject } from '@nestjs/common';
import type { EventEnvelope } from '@hub/contracts';
import { HUB_CONFIG } from '@hub/nest-commons';
import type { NotificationsConfig } from '../../../config.js';
import type { NoticeDraft } from '../../domain/notice-draft.js';
import { NoticeWriter } from '../notice-writer.js';

/**
 * An event whose notice a rule drafts from the payload alone (`null`: nobody is told) and the writer
 * records in the inbox's transaction — the shape of the billing (F-55) and premises (F-58) notices.
 */
export abstract class DraftNoticeHandler<P> {
  constructor(
    @Inject(NoticeWriter) private readonly writer: NoticeWriter,
    @Inject(HUB_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  protected abstract draft(payload: P, portalUrl: string): NoticeDraft | null;

  async handle(envelope: EventEnvelope<P>): Promise<void> {
    const draft = this.draft(envelope.payload, this.config.NOTIFICATIONS_PORTAL_URL);
    if (draft) await this.writer.write(envelope, draft);
  }
}
