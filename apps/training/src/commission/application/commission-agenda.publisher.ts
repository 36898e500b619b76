import { Inject, Injectable } from '@nestjs/common';
import { TrainingCommissionAgendaChangedV1 } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import { Outbox } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { ProviderApplicationRepository } from '../../intakes/application/ports/intakes.ports.js';
import { commissionAgenda } from '../domain/commission-agenda.js';
import { CommissionRepository } from './ports/commission.ports.js';

/**
 * Issue #16, ADR 0138 §1: writes the intake's Commission agenda as it now stands to the outbox, in the
 * transaction of the command that changed it (appointment, declaration, an application becoming complete,
 * a vote, the decision), keyed by the intake id so that an intake's snapshots keep their order. Called
 * inside the command's unit of work, after its change: the change is flushed first so the reads see it, and
 * the intake's agenda lock is taken so that concurrent changes publish in the order they see each other.
 */
@Injectable()
export class CommissionAgendaPublisher {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(CommissionRepository) private readonly commission: CommissionRepository,
    @Inject(ProviderApplicationRepository) private readonly applications: ProviderApplicationRepository,
    @Inject(Outbox) private readonly outbox: Outbox,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async publish(intakeId: string): Promise<void> {
    const em = this.uow.em();
    await em.flush();
    // One intake's snapshots are computed one transaction at a time: two members voting at once would each
    // read the agenda without the other's vote, and the later snapshot would still list the other as
    // awaiting. The lock waits for the other transaction; READ COMMITTED statements then see its writes.
    await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`training.commission-agenda:${intakeId}`]);
    const members = await this.commission.members(intakeId);
    const complete = await this.applications.listByIntake(intakeId, ['complete']); // F-69: complete applications are before the Commission
    const votes = await this.commission.votes(intakeId);
    const decision = await this.commission.decision(intakeId);
    const agenda = commissionAgenda({
      members,
      // F-72 sets no day by which the Commission decides: dueOn null.
      applications: complete.map((a) => ({ id: a.id, bin: a.bin, dueOn: null })),
      votes,
      decided: decision !== null,
    });
    const asOf = this.clock.now();
    await this.outbox.add(
      em,
      TrainingCommissionAgendaChangedV1,
      intakeId,
      { intakeId, ...agenda, asOf: asOf.toISOString() },
      { key: intakeId, occurredAt: asOf },
    );
  }
}
