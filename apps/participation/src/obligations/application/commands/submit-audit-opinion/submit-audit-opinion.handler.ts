import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@hub/kernel';
import { KnownDocuments, UnitOfWork } from '@hub/nest-commons';
import { assertMayActFor } from '../../../../shared/application/access.js';
import { DeadlineTimers } from '../../../../shared/application/ports/deadline-timers.js';
import { TIMER } from '../../../../shared/application/timer-kinds.js';
import { today } from '../../../../shared/application/today.js';
import type { AuditObligation } from '../../../domain/audit-obligation.aggregate.js';
import { attachmentTarget, auditOpinionDocument } from '../../../domain/rules/obligation-documents.rule.js';
import { AuditObligationRepository } from '../../ports/obligation.repositories.js';
import { SubmitAuditOpinionCommand } from './submit-audit-opinion.command.js';

/** F-33: the audit opinion is submitted (by 1 July; later ones are kept and marked late). */
@CommandHandler(SubmitAuditOpinionCommand)
export class SubmitAuditOpinionHandler implements ICommandHandler<SubmitAuditOpinionCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(AuditObligationRepository) private readonly audits: AuditObligationRepository,
    @Inject(DeadlineTimers) private readonly timers: DeadlineTimers,
    @Inject(KnownDocuments) private readonly documents: KnownDocuments,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  execute(c: SubmitAuditOpinionCommand): Promise<AuditObligation> {
    return this.uow.run(async () => {
      const a = await this.audits.get(c.obligationId);
      assertMayActFor(c.actor, a.bin, ['audit-obligation', c.obligationId], ['fund-officer']);
      // Issue #10: the company's own verified audit opinion (422 naming documentId otherwise).
      if (c.opinion.documentId)
        await this.documents.assertReferences(a.bin, [auditOpinionDocument(c.opinion.documentId)], attachmentTarget('audit-obligation', a.id));
      const timerRuns = a.awaitsOpinion;
      a.submit(today(this.clock), c.opinion, this.clock.now());
      if (timerRuns) await this.timers.cancel(TIMER.auditOpinionDue, a.id);
      return a;
    });
  }
}
