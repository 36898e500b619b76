import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, uuidv7 } from '@hub/kernel';
import { KnownDocuments, UnitOfWork } from '@hub/nest-commons';
import { ParticipationRepository } from '../../../../participation/application/ports/participation.repository.js';
import { assertMayActFor } from '../../../../shared/application/access.js';
import { today } from '../../../../shared/application/today.js';
import { Deadlines } from '../../../../shared/domain/deadlines.js';
import { CorporateNotice } from '../../../domain/corporate-notice.js';
import { attachmentTarget, decisionCopies } from '../../../domain/rules/obligation-documents.rule.js';
import { CorporateNoticeRepository } from '../../ports/obligation.repositories.js';
import { FileCorporateNoticeCommand } from './file-corporate-notice.command.js';

/** F-34: the participant notifies re-registration or liquidation, with copies; on time = within 10 WD. */
@CommandHandler(FileCorporateNoticeCommand)
export class FileCorporateNoticeHandler implements ICommandHandler<FileCorporateNoticeCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ParticipationRepository) private readonly participations: ParticipationRepository,
    @Inject(CorporateNoticeRepository) private readonly notices: CorporateNoticeRepository,
    @Inject(Deadlines) private readonly deadlines: Deadlines,
    @Inject(KnownDocuments) private readonly documents: KnownDocuments,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  execute(c: FileCorporateNoticeCommand): Promise<CorporateNotice> {
    return this.uow.run(async () => {
      const p = await this.participations.get(c.participationId);
      assertMayActFor(c.actor, p.bin, ['participation', c.participationId], ['fund-officer']);
      const id = uuidv7();
      // Issue #10: copies of the decision are the company's own verified decision-copy documents (422 naming the field).
      await this.documents.assertReferences(p.bin, decisionCopies(c.input.documentIds), attachmentTarget('corporate-notice', id));
      const n = CorporateNotice.file(
        {
          id,
          participationId: p.id,
          bin: p.bin,
          kind: c.input.kind,
          eventDate: c.input.eventDate,
          filedOn: today(this.clock),
          dueDate: this.deadlines.corporateNoticeDueDate(c.input.eventDate),
          description: c.input.description,
          copies: c.input.copies,
          documentIds: c.input.documentIds,
        },
        this.clock.now(),
      );
      this.notices.add(n);
      return n;
    });
  }
}
