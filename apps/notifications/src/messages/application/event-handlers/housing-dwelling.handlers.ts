import { Inject, Injectable } from '@nestjs/common';
import { type EventEnvelope, HousingActSignedV1, HousingOfferMadeV1, HousingUnitAllocatedV1, HousingVacateRequiredV1, type PayloadOf } from '@hub/contracts';
import type { EventHandler } from '@hub/messaging';
import { HUB_CONFIG } from '@hub/nest-commons';
import type { NotificationsConfig } from '../../../config.js';
import type { PersonNoticeDraft } from '../../domain/notice-draft.js';
import { actSignedNotice, contractConcludedNotice, offerMadeNotice, vacateRequiredNotice } from '../../domain/rules/f-61-dwelling-notices.rule.js';
import { NoticeWriter } from '../notice-writer.js';

/**
 * housing's dwelling facts (F-59 … F-62, ADR 0116) → a portal message to the person in acceleration,
 * in the inbox's transaction (ADR 0107). An event without the person (published before housing named
 * them) writes nothing. Nothing of the payload is logged (F-42).
 */
abstract class PersonNoticeHandler<P> {
  constructor(
    @Inject(NoticeWriter) private readonly writer: NoticeWriter,
    @Inject(HUB_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  protected abstract draft(payload: P, portalUrl: string): PersonNoticeDraft | null;

  async handle(envelope: EventEnvelope<P>): Promise<void> {
    const draft = this.draft(envelope.payload, this.config.NOTIFICATIONS_PORTAL_URL);
    if (draft) await this.writer.writeToPerson(envelope, draft);
  }
}

@Injectable()
export class HousingOfferMadeHandler extends PersonNoticeHandler<PayloadOf<typeof HousingOfferMadeV1>> implements EventHandler<typeof HousingOfferMadeV1> {
  readonly event = HousingOfferMadeV1;
  protected draft = offerMadeNotice;
}

@Injectable()
export class HousingUnitAllocatedHandler
  extends PersonNoticeHandler<PayloadOf<typeof HousingUnitAllocatedV1>>
  implements EventHandler<typeof HousingUnitAllocatedV1>
{
  readonly event = HousingUnitAllocatedV1;
  protected draft = contractConcludedNotice;
}

@Injectable()
export class HousingVacateRequiredHandler
  extends PersonNoticeHandler<PayloadOf<typeof HousingVacateRequiredV1>>
  implements EventHandler<typeof HousingVacateRequiredV1>
{
  readonly event = HousingVacateRequiredV1;
  protected draft = vacateRequiredNotice;
}

@Injectable()
export class HousingActSignedHandler extends PersonNoticeHandler<PayloadOf<typeof HousingActSignedV1>> implements EventHandler<typeof HousingActSignedV1> {
  readonly event = HousingActSignedV1;
  protected draft = actSignedNotice;
}
