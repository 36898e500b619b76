import { Inject, Injectable } from '@nestjs/common';
import { almatyDate } from '@hub/calendar';
import { type Actor, FUND_STAFF_ROLES, hasAnyRole } from '@hub/contracts';
import { Clock, NotFoundError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import type { Intake } from '../domain/intake.aggregate.js';
import type { ProviderApplication } from '../domain/provider-application.aggregate.js';
import { IntakeSchema, ProviderApplicationSchema } from './intake.schema.js';
import type { IntakeView, ProviderApplicationView, TrainingDeadlineView } from '../interface/http/intakes.dto.js';

const intakeView = (i: Intake): IntakeView => ({
  id: i.id,
  title: i.title,
  opensOn: i.opensOn,
  closesOn: i.closesOn,
  selectionCriteria: i.selectionCriteria,
  intakeOrder: i.intakeOrder,
  announcedAt: i.announcedAt.toISOString(),
});
const applicationView = (a: ProviderApplication): ProviderApplicationView => ({
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
    const staff = hasAnyRole(actor, FUND_STAFF_ROLES);
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
    if (!a || (!hasAnyRole(actor, FUND_STAFF_ROLES) && !actor.companies.includes(a.bin))) throw new NotFoundError('provider application', id);
    return applicationView(a);
  }
  /** ADR 0033: the open completeness reviews (F-68), by due date; overdue once the due day has passed. */
  async deadlines(): Promise<TrainingDeadlineView[]> {
    const today = almatyDate(this.clock.now());
    const rows = await this.uow
      .reader()
      .find(ProviderApplicationSchema, { status: { $in: ['filed', 'review-overdue'] } }, { orderBy: { reviewDueOn: 'asc', id: 'asc' }, limit: 1000 });
    return rows.map((a) => ({
      kind: 'completeness-review' as const,
      ruleId: 'F-68' as const,
      subjectId: a.id,
      bin: a.bin,
      startedOn: a.filedOn,
      dueDate: a.reviewDueOn,
      status: 'open' as const,
      overdue: a.status === 'review-overdue' || a.reviewDueOn < today,
    }));
  }
}
