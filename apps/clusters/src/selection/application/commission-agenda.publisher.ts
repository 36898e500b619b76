import { Inject, Injectable } from '@nestjs/common';
import { ClustersCommissionAgendaChangedV1 } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import { Outbox } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { commissionAgenda } from '../domain/commission-agenda.js';
import type { SelectionRound } from '../domain/round.aggregate.js';
import { CommissionVoteRepository } from './ports/selection.ports.js';

/**
 * Issue #16, ADR 0138 §1: writes the round's Commission agenda as it now stands to the outbox, in the
 * transaction of the command that changed it (the Commission formed, the applications put before it, a
 * vote, the protocol), keyed by the round id so that a round's snapshots keep their order. The commands
 * that call it hold the round's row lock (`getForUpdate`), so two changes never compute from one state.
 */
@Injectable()
export class CommissionAgendaPublisher {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(CommissionVoteRepository) private readonly votes: CommissionVoteRepository,
    @Inject(Outbox) private readonly outbox: Outbox,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async publish(round: SelectionRound): Promise<void> {
    const agenda = commissionAgenda({
      seats: round.commission?.members ?? [], // C-2, C-19
      applicationIds: round.applicationsBeforeCommission, // C-18
      votes: await this.votes.ofRound(round.id), // C-19
      decided: round.status !== 'announced', // C-20: the protocol is recorded
    });
    const asOf = this.clock.now();
    await this.outbox.add(
      this.uow.em(),
      ClustersCommissionAgendaChangedV1,
      round.id,
      { roundId: round.id, ...agenda, asOf: asOf.toISOString() },
      { key: round.id, occurredAt: asOf },
    );
  }
}
