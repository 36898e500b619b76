import { Inject, Injectable } from '@nestjs/common';
import { almatyDate } from '@hub/calendar';
import { Clock, uuidv7 } from '@hub/kernel';
import type { TimerHandler, TimerRecord } from '@hub/messaging';
import { Notice } from '../../domain/notice.js';
import { ProviderApplicationRepository } from '../ports/intakes.ports.js';

export const REMARKS_FIX_DUE_TIMER = 'training.remarks-fix-due';

/** F-71: fires at the end of the 10th working day after the remarks were received; unfixed remarks → the application lapses, with a notice. */
@Injectable()
export class RemarksFixDueTimerHandler implements TimerHandler {
  readonly kind = REMARKS_FIX_DUE_TIMER;
  constructor(
    @Inject(ProviderApplicationRepository) private readonly applications: ProviderApplicationRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  async fire(timer: TimerRecord): Promise<void> {
    const id = timer.payload['applicationId'];
    if (typeof id !== 'string') throw new Error(`timer ${timer.id} has no applicationId`);
    const now = this.clock.now();
    const application = await this.applications.get(id);
    if (!application.lapse(now)) return;
    this.applications.addNotice(
      Notice.send({
        id: uuidv7(),
        applicationId: id,
        bin: application.bin,
        kind: 'lapse',
        ruleId: 'F-71',
        text: `The remarks of ${application.remarks?.issuedOn ?? ''} were not fixed by ${application.remarks?.fixDueOn ?? ''}: the application has lapsed (F-71).`,
        sentOn: almatyDate(now),
        at: now,
        sentBy: 'system',
      }),
    );
  }
}
