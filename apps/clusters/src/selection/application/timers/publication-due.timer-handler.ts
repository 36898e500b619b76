import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@hub/kernel';
import type { TimerHandler, TimerRecord } from '@hub/messaging';
import { RoundRepository } from '../ports/selection.ports.js';

export const PUBLICATION_DUE_TIMER = 'clusters.publication-due';

/** C-21: fires at the end of the last working day for publishing the results; a round still unpublished is overdue. */
@Injectable()
export class PublicationDueTimerHandler implements TimerHandler {
  readonly kind = PUBLICATION_DUE_TIMER;

  constructor(
    @Inject(RoundRepository) private readonly rounds: RoundRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async fire(timer: TimerRecord): Promise<void> {
    const roundId = timer.payload['roundId'];
    if (typeof roundId !== 'string') throw new Error(`timer ${timer.id} has no roundId`);
    (await this.rounds.get(roundId)).markPublicationOverdue(this.clock.now());
  }
}
