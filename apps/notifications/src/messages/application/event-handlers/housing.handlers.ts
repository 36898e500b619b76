import { Injectable } from '@nestjs/common';
import { HousingPremisesAllocatedV1, HousingPremisesHandBackOverdueV1, HousingPremisesReleasedV1, type PayloadOf } from '@hub/contracts';
import type { EventHandler } from '@hub/messaging';
import { premisesAllocatedNotice, premisesHandBackOverdueNotice, premisesReleasedNotice } from '../../domain/rules/f-58-premises-notices.rule.js';
import { DraftNoticeHandler } from './draft-notice.handler.js';

/**
 * housing's premises facts (F-57, F-58, ADR 0053) → messages to the participant company, in the
 * inbox's transaction. The events carry the BIN, the lease and the dates only (F-42); nothing of them
 * is logged here. The dwelling's facts go to the person in acceleration: housing-dwelling.handlers.ts (ADR 0116).
 */
@Injectable()
export class HousingPremisesAllocatedHandler
  extends DraftNoticeHandler<PayloadOf<typeof HousingPremisesAllocatedV1>>
  implements EventHandler<typeof HousingPremisesAllocatedV1>
{
  readonly event = HousingPremisesAllocatedV1;
  protected draft = premisesAllocatedNotice;
}

@Injectable()
export class HousingPremisesReleasedHandler
  extends DraftNoticeHandler<PayloadOf<typeof HousingPremisesReleasedV1>>
  implements EventHandler<typeof HousingPremisesReleasedV1>
{
  readonly event = HousingPremisesReleasedV1;
  protected draft = premisesReleasedNotice;
}

@Injectable()
export class HousingPremisesHandBackOverdueHandler
  extends DraftNoticeHandler<PayloadOf<typeof HousingPremisesHandBackOverdueV1>>
  implements EventHandler<typeof HousingPremisesHandBackOverdueV1>
{
  readonly event = HousingPremisesHandBackOverdueV1;
  protected draft = premisesHandBackOverdueNotice;
}
