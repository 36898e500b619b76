import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ValidationError, uuidv7 } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { ContextServices } from '../../../../shared/application/platform.js';
import { assertMayActFor } from '../../../../shared/application/access.js';
import { compareIsoDates } from '../../../../shared/domain/calendar.js';
import { CorporateNotice } from '../../../domain/corporate-notice.js';
import { FileCorporateNoticeCommand } from './file-corporate-notice.command.js';
import { runCommand } from '../../../../shared/application/run-command.js';

/** F-34: the participant notifies re-registration or liquidation, with copies; on time = within 10 WD. */
@CommandHandler(FileCorporateNoticeCommand)
export class FileCorporateNoticeHandler implements ICommandHandler<FileCorporateNoticeCommand> {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork, @Inject(ContextServices) private readonly ctx: ContextServices) {}

  execute(c: FileCorporateNoticeCommand): Promise<CorporateNotice> {
    return runCommand(this.uow, async (em) => {
      const p = await this.ctx.participation(em, c.participationId);
      assertMayActFor(c.actor, p.bin, ['fund-officer']);
      const today = this.ctx.today();
      if (compareIsoDates(c.input.eventDate, today) > 0) throw ValidationError.field('eventDate', 'cannot be in the future', 'notice.future');
      const n = CorporateNotice.file(
        { id: uuidv7(), participationId: p.id, bin: p.bin, kind: c.input.kind, eventDate: c.input.eventDate, filedOn: today, dueDate: this.ctx.deadlines.corporateNoticeDueDate(c.input.eventDate), description: c.input.description, copies: c.input.copies },
        this.ctx.now(),
      );
      em.persist(n);
      return n;
    });
  }
}
