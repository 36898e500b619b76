import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@hub/kernel';
import type { TimerHandler, TimerRecord } from '@hub/messaging';
import { ApplicationRepository, RoundRepository } from '../ports/selection.ports.js';

/** C-13: the end of the last working day to send a compliant application to the national institute. Key: the application id. */
export const INSTITUTE_TRANSFER_DUE_TIMER = 'clusters.institute-transfer-due';
/** C-16: the end of the institute's analysis period (calendar days after the deadline). Key: the round id. */
export const EXPERT_OPINIONS_DUE_TIMER = 'clusters.expert-opinions-due';
/** C-17: the end of the last working day to hand the opinions to the organiser. Key: the round id. */
export const OPINIONS_TO_ORGANISER_DUE_TIMER = 'clusters.opinions-to-organiser-due';
/** C-18: the end of the last working day to put the opinions before the Commission. Key: the round id. */
export const TO_COMMISSION_DUE_TIMER = 'clusters.to-commission-due';

const idOf = (timer: TimerRecord, key: 'applicationId' | 'roundId'): string => {
  const v = timer.payload[key];
  if (typeof v !== 'string') throw new Error(`timer ${timer.id} has no ${key}`);
  return v;
};

/** C-13: a compliant application still not at the institute at the end of its last day is overdue (board and event). */
@Injectable()
export class InstituteTransferDueTimerHandler implements TimerHandler {
  readonly kind = INSTITUTE_TRANSFER_DUE_TIMER;
  constructor(
    @Inject(ApplicationRepository) private readonly applications: ApplicationRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  async fire(timer: TimerRecord): Promise<void> {
    (await this.applications.get(idOf(timer, 'applicationId'))).markInstituteOverdue(this.clock.now());
  }
}

/** C-16: the institute's analysis (every opinion and the comparison) not complete at the end of the period is overdue. */
@Injectable()
export class ExpertOpinionsDueTimerHandler implements TimerHandler {
  readonly kind = EXPERT_OPINIONS_DUE_TIMER;
  constructor(
    @Inject(RoundRepository) private readonly rounds: RoundRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  async fire(timer: TimerRecord): Promise<void> {
    (await this.rounds.get(idOf(timer, 'roundId'))).markExpertStepOverdue('expert-opinions', this.clock.now());
  }
}

/** C-17: the opinions not with the organiser at the end of the last working day are overdue. */
@Injectable()
export class OpinionsToOrganiserDueTimerHandler implements TimerHandler {
  readonly kind = OPINIONS_TO_ORGANISER_DUE_TIMER;
  constructor(
    @Inject(RoundRepository) private readonly rounds: RoundRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  async fire(timer: TimerRecord): Promise<void> {
    (await this.rounds.get(idOf(timer, 'roundId'))).markExpertStepOverdue('opinions-to-organiser', this.clock.now());
  }
}

/** C-18: the opinions not before the Commission at the end of the last working day are overdue. */
@Injectable()
export class ToCommissionDueTimerHandler implements TimerHandler {
  readonly kind = TO_COMMISSION_DUE_TIMER;
  constructor(
    @Inject(RoundRepository) private readonly rounds: RoundRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  async fire(timer: TimerRecord): Promise<void> {
    (await this.rounds.get(idOf(timer, 'roundId'))).markExpertStepOverdue('opinions-to-commission', this.clock.now());
  }
}
