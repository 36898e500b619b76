import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '@hub/contracts';
import { IllegalStateError, NotFoundError, ValidationError, uuidv7 } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { ContextServices } from '../../../shared/application/platform.js';
import { TIMER } from '../../../shared/application/timer-kinds.js';
import { assertMayActFor } from '../../../shared/domain/access-policy.js';
import { compareIsoDates } from '../../../shared/domain/calendar.js';
import { AuditObligation } from '../../domain/audit-obligation.aggregate.js';
import { CorporateNotice } from '../../domain/corporate-notice.js';
import { InformationRequest, type Attachment, type InformationKind } from '../../domain/information-request.aggregate.js';

export class RequestInformationCommand extends Command<InformationRequest> {
  constructor(readonly actor: Actor, readonly participationId: string, readonly kind: InformationKind, readonly description: string) {
    super();
  }
}

/** F-32, F-38 (F-33 for the audit report): the Fund requests documents, due in 10 WD. */
@CommandHandler(RequestInformationCommand)
export class RequestInformationHandler implements ICommandHandler<RequestInformationCommand> {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork, @Inject(ContextServices) private readonly ctx: ContextServices) {}

  execute(c: RequestInformationCommand): Promise<InformationRequest> {
    return this.uow.run(async (em) => {
      const p = await this.ctx.participation(em, c.participationId);
      if (!p.isActive()) throw new IllegalStateError('participation', p.status, 'request information from');
      const today = this.ctx.today();
      const due = c.kind === 'audit-report' ? this.ctx.deadlines.auditReportRequestDueDate(today) : this.ctx.deadlines.informationRequestDueDate(today);
      const r = InformationRequest.open({ id: uuidv7(), participationId: p.id, bin: p.bin, kind: c.kind, description: c.description, requestedOn: today, requestedBy: c.actor.subject, dueDate: due }, this.ctx.now());
      em.persist(r);
      await this.ctx.scheduleDeadline(em, TIMER.informationRequestDue, r.id, due);
      return r;
    });
  }
}

export class AnswerInformationRequestCommand extends Command<InformationRequest> {
  constructor(readonly actor: Actor, readonly requestId: string, readonly note: string, readonly attachments: Attachment[]) {
    super();
  }
}

/** F-32, F-38: the participant provides the documents (late answers are kept and marked late). */
@CommandHandler(AnswerInformationRequestCommand)
export class AnswerInformationRequestHandler implements ICommandHandler<AnswerInformationRequestCommand> {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork, @Inject(ContextServices) private readonly ctx: ContextServices) {}

  execute(c: AnswerInformationRequestCommand): Promise<InformationRequest> {
    return this.uow.run(async (em) => {
      const r = await em.findOne(InformationRequest, { id: c.requestId });
      if (!r) throw new NotFoundError('information-request', c.requestId);
      assertMayActFor(c.actor, r.bin, ['fund-officer']);
      const wasOpen = r.status === 'open';
      r.answer(this.ctx.today(), c.note, c.attachments);
      if (wasOpen) await this.ctx.timers.cancel(em, TIMER.informationRequestDue, r.id);
      return r;
    });
  }
}

export class SubmitAuditOpinionCommand extends Command<AuditObligation> {
  constructor(readonly actor: Actor, readonly obligationId: string, readonly opinion: Attachment) {
    super();
  }
}

/** F-33: the audit opinion is submitted (by 1 July). */
@CommandHandler(SubmitAuditOpinionCommand)
export class SubmitAuditOpinionHandler implements ICommandHandler<SubmitAuditOpinionCommand> {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork, @Inject(ContextServices) private readonly ctx: ContextServices) {}

  execute(c: SubmitAuditOpinionCommand): Promise<AuditObligation> {
    return this.uow.run(async (em) => {
      const a = await em.findOne(AuditObligation, { id: c.obligationId });
      if (!a) throw new NotFoundError('audit-obligation', c.obligationId);
      assertMayActFor(c.actor, a.bin, ['fund-officer']);
      const wasOwed = a.status === 'owed';
      a.submit(this.ctx.today(), c.opinion);
      if (wasOwed) await this.ctx.timers.cancel(em, TIMER.auditOpinionDue, a.id);
      return a;
    });
  }
}

export class FileCorporateNoticeCommand extends Command<CorporateNotice> {
  constructor(
    readonly actor: Actor,
    readonly participationId: string,
    readonly input: { kind: 're-registration' | 'liquidation'; eventDate: string; description: string; copies: Attachment[] },
  ) {
    super();
  }
}

/** F-34: the participant notifies re-registration or liquidation, with copies; on time = within 10 WD. */
@CommandHandler(FileCorporateNoticeCommand)
export class FileCorporateNoticeHandler implements ICommandHandler<FileCorporateNoticeCommand> {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork, @Inject(ContextServices) private readonly ctx: ContextServices) {}

  execute(c: FileCorporateNoticeCommand): Promise<CorporateNotice> {
    return this.uow.run(async (em) => {
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
