import { Inject, Injectable } from '@nestjs/common';
import { almatyDate } from '@hub/calendar';
import { type Actor, TRAINING_FILE_ROLES, hasAnyRole } from '@hub/contracts';
import { Clock, NotFoundError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import type { Intake } from '../domain/intake.aggregate.js';
import type { ProviderApplication } from '../domain/provider-application.aggregate.js';
import { CompletenessReviewSchema, IntakeSchema, NoticeSchema, ProviderApplicationSchema } from './intake.schema.js';
import type { CompletenessReviewView, IntakeView, NoticeView, ProviderApplicationView, TrainingDeadlineView } from '../interface/http/intakes.dto.js';

const intakeView = (i: Intake): IntakeView => ({
  id: i.id,
  title: i.title,
  opensOn: i.opensOn,
  closesOn: i.closesOn,
  selectionCriteria: i.selectionCriteria,
  intakeOrder: i.intakeOrder,
  announcedAt: i.announcedAt.toISOString(),
});
export const applicationView = (a: ProviderApplication): ProviderApplicationView => ({
  id: a.id,
  intakeId: a.intakeId,
  bin: a.bin,
  language: a.language,
  courses: [...a.courses].map((c) => ({ ...c, curriculum: [...c.curriculum] })),
  attachments: [...a.attachments],
  declarationOfAccuracy: a.declarationOfAccuracy,
  status: a.status,
  filedAt: a.filedAt.toISOString(),
  filedOn: a.filedOn,
  reviewDueOn: a.reviewDueOn,
  remarks: a.remarks ? { ...a.remarks, items: [...a.remarks.items] } : null,
  refusalReasons: [...a.refusalReasons],
  presentationAt: a.presentationAt?.toISOString() ?? null,
  presentationMinutes: a.presentationMinutes,
  decidedOn: a.decidedOn,
  quotas: a.quotas,
  noticeDueOn: a.noticeDueOn,
  noticeSentOn: a.noticeSentOn,
  noticeSentVia: a.noticeProof?.via ?? null,
  contractDueOn: a.contractDueOn,
  contract: a.contract ? { ...a.contract } : null,
  missedDeadlines: [...a.missedDeadlines],
  traineeCount: a.traineeCount,
});

/** Reads on a fresh EntityManager fork, with F-35 applied: the Fund's staff see every company, a representative only its own. */
@Injectable()
export class IntakesQueries {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async intakes(): Promise<IntakeView[]> {
    return (await this.uow.reader().find(IntakeSchema, {}, { orderBy: { opensOn: 'desc', id: 'desc' }, limit: 500 })).map(intakeView);
  }
  async intake(id: string): Promise<IntakeView> {
    const i = await this.uow.reader().findOne(IntakeSchema, { id });
    if (!i) throw new NotFoundError('intake', id);
    return intakeView(i);
  }
  async applications(actor: Actor, filter: { bin?: string; intakeId?: string }): Promise<ProviderApplicationView[]> {
    const staff = hasAnyRole(actor, TRAINING_FILE_ROLES);
    const bins = staff ? (filter.bin ? [filter.bin] : undefined) : actor.companies.filter((b) => !filter.bin || b === filter.bin);
    if (bins?.length === 0) return [];
    const rows = await this.uow
      .reader()
      .find(
        ProviderApplicationSchema,
        { ...(bins ? { bin: { $in: bins } } : {}), ...(filter.intakeId ? { intakeId: filter.intakeId } : {}) },
        { orderBy: { filedAt: 'desc', id: 'desc' }, limit: 500 },
      );
    return rows.map(applicationView);
  }
  /** An application the actor may not see is answered as not found (F-35: its existence is not disclosed). */
  async application(id: string, actor: Actor): Promise<ProviderApplicationView> {
    const a = await this.uow.reader().findOne(ProviderApplicationSchema, { id });
    if (!a || (!hasAnyRole(actor, TRAINING_FILE_ROLES) && !actor.companies.includes(a.bin))) throw new NotFoundError('provider application', id);
    return applicationView(a);
  }
  /** F-68: the completeness reviews of an application (staff only), newest first. */
  async reviews(applicationId: string): Promise<CompletenessReviewView[]> {
    await this.exists(applicationId);
    const rows = await this.uow.reader().find(CompletenessReviewSchema, { applicationId }, { orderBy: { reviewedAt: 'desc', id: 'desc' } });
    return rows.map((r) => ({
      id: r.id,
      applicationId: r.applicationId,
      result: r.result,
      outcomes: r.outcomes.map((o) => ({ ...o, details: { ...o.details } })),
      reviewedBy: r.reviewedBy,
      reviewedOn: r.reviewedOn,
      reviewedAt: r.reviewedAt.toISOString(),
    }));
  }
  /** F-71, F-74: the notices sent about an application (its applicant, F-35, and the Fund's staff). */
  async notices(applicationId: string, actor: Actor): Promise<NoticeView[]> {
    await this.application(applicationId, actor);
    const rows = await this.uow.reader().find(NoticeSchema, { applicationId }, { orderBy: { sentAt: 'asc', id: 'asc' } });
    return rows.map((n) => ({ id: n.id, applicationId: n.applicationId, kind: n.kind, ruleId: n.ruleId, text: n.text, sentOn: n.sentOn }));
  }
  private async exists(applicationId: string): Promise<void> {
    if (!(await this.uow.reader().count(ProviderApplicationSchema, { id: applicationId }))) throw new NotFoundError('provider application', applicationId);
  }
  /**
   * ADR 0033: the open deadlines by due date, overdue once the due day has passed — the completeness
   * review or remarks (F-68, F-70: 10 WD of filing), the fixing of remarks (F-71: 10 WD of receipt),
   * the decision notice (F-74: 5 WD) and the contract (F-75: 10 WD of a positive decision).
   */
  async deadlines(): Promise<TrainingDeadlineView[]> {
    const today = almatyDate(this.clock.now());
    const rows = await this.uow.reader().find(
      ProviderApplicationSchema,
      {
        $or: [
          { status: { $in: ['filed', 'review-overdue', 'remarks-issued'] } },
          { status: { $in: ['admitted', 'rejected'] }, noticeSentOn: null },
          { status: 'admitted', contract: null },
        ],
      },
      // Every open one (ADR 0047: no silent cut-off; the controller pages them).
      { orderBy: { reviewDueOn: 'asc', id: 'asc' } },
    );
    const decided = rows.filter((a) => a.status === 'admitted' || a.status === 'rejected');
    const followUps: TrainingDeadlineView[] = decided.flatMap((a) => [
      ...(a.noticeSentOn === null && a.noticeDueOn && a.decidedOn
        ? [
            {
              kind: 'decision-notice' as const,
              ruleId: 'F-74' as const,
              subjectId: a.id,
              bin: a.bin,
              startedOn: a.decidedOn,
              dueDate: a.noticeDueOn,
              status: 'open' as const,
              overdue: a.missedDeadlines.includes('F-74') || a.noticeDueOn < today,
            },
          ]
        : []),
      ...(a.status === 'admitted' && a.contract === null && a.contractDueOn && a.decidedOn
        ? [
            {
              kind: 'contract' as const,
              ruleId: 'F-75' as const,
              subjectId: a.id,
              bin: a.bin,
              startedOn: a.decidedOn,
              dueDate: a.contractDueOn,
              status: 'open' as const,
              overdue: a.missedDeadlines.includes('F-75') || a.contractDueOn < today,
            },
          ]
        : []),
    ]);
    const board: TrainingDeadlineView[] = rows
      .filter((a) => !decided.includes(a))
      .map((a) =>
        a.status === 'remarks-issued' && a.remarks
          ? {
              kind: 'remarks-fix' as const,
              ruleId: 'F-71' as const,
              subjectId: a.id,
              bin: a.bin,
              startedOn: a.remarks.issuedOn,
              dueDate: a.remarks.fixDueOn,
              status: 'open' as const,
              overdue: a.remarks.fixDueOn < today,
            }
          : {
              kind: 'completeness-review' as const,
              ruleId: 'F-68' as const,
              subjectId: a.id,
              bin: a.bin,
              startedOn: a.filedOn,
              dueDate: a.reviewDueOn,
              status: 'open' as const,
              overdue: a.status === 'review-overdue' || a.reviewDueOn < today,
            },
      );
    board.push(...followUps);
    return board.sort((x, y) => (x.dueDate < y.dueDate ? -1 : x.dueDate > y.dueDate ? 1 : x.subjectId < y.subjectId ? -1 : 1));
  }
}
