import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@hub/contracts';
import { NotFoundError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { applicationView } from '../../intakes/infrastructure/intakes.queries.js';
import { IntakeSchema, ProviderApplicationSchema } from '../../intakes/infrastructure/intake.schema.js';
import type { ProviderApplicationView } from '../../intakes/interface/http/intakes.dto.js';
import type { CommissionMember } from '../domain/commission-member.js';
import type { CommissionProtocol } from '../domain/commission-decision.js';
import { type QuotaCalculation, quotaCalculationCsv } from '../domain/quota/quota-formula.js';
import { assertMaySeeApplications, maySee } from '../domain/rules/conflict-of-interest.rule.js';
import type { MemberView, ScheduleView } from '../interface/http/commission.dto.js';
import { CommissionDecisionSchema, CommissionMemberSchema } from './commission.schema.js';

export const memberView = (m: CommissionMember): MemberView => ({
  id: m.id,
  intakeId: m.intakeId,
  subject: m.subject,
  fullName: m.fullName,
  affiliation: m.affiliation,
  declaration: m.declaration
    ? {
        hasConflict: m.declaration.hasConflict,
        conflictingBins: [...m.declaration.conflictingBins],
        statement: m.declaration.statement,
        declaredOn: m.declaration.declaredOn,
      }
    : null,
});

/** Reads of the Independent Commission (F-69, F-72, F-73) on a fresh EntityManager fork. */
@Injectable()
export class CommissionQueries {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {}

  private async intake(intakeId: string): Promise<void> {
    if (!(await this.uow.reader().count(IntakeSchema, { id: intakeId }))) throw new NotFoundError('intake', intakeId);
  }

  async members(intakeId: string): Promise<MemberView[]> {
    await this.intake(intakeId);
    return (await this.uow.reader().find(CommissionMemberSchema, { intakeId }, { orderBy: { appointedAt: 'asc', id: 'asc' } })).map(memberView);
  }

  async member(intakeId: string, subject: string): Promise<MemberView> {
    const m = await this.uow.reader().findOne(CommissionMemberSchema, { intakeId, subject });
    if (!m) throw new NotFoundError('commission member', subject);
    return memberView(m);
  }

  /**
   * F-72: the presentation schedule of an intake, in order. The Fund's staff see every slot; a
   * Commission member (who is not also other staff) only after the declaration and without the
   * applicants they are conflicted with (F-69), as for the applications themselves.
   */
  async schedule(intakeId: string, actor: Actor): Promise<ScheduleView> {
    await this.intake(intakeId);
    const onlyMember = actor.roles.includes('commission-member') && actor.roles.every((r) => r === 'commission-member' || r === 'applicant');
    let visible = (_bin: string): boolean => true;
    if (onlyMember) {
      const member = await this.uow.reader().findOne(CommissionMemberSchema, { intakeId, subject: actor.subject });
      assertMaySeeApplications(member);
      visible = (bin) => maySee(member, bin);
    }
    const rows = await this.uow
      .reader()
      .find(ProviderApplicationSchema, { intakeId, presentationAt: { $ne: null } }, { orderBy: { presentationAt: 'asc', id: 'asc' } });
    return {
      intakeId,
      slots: rows
        .filter((a) => visible(a.bin))
        .map((a) => ({ applicationId: a.id, bin: a.bin, at: a.presentationAt!.toISOString(), minutes: a.presentationMinutes ?? 0, status: a.status })),
    };
  }

  /** F-69: what a member may see — only after their declaration (409 before), never an applicant they are conflicted with. */
  async applicationsForMember(intakeId: string, actor: Actor): Promise<ProviderApplicationView[]> {
    await this.intake(intakeId);
    const member = await this.uow.reader().findOne(CommissionMemberSchema, { intakeId, subject: actor.subject });
    assertMaySeeApplications(member);
    const rows = await this.uow
      .reader()
      .find(ProviderApplicationSchema, { intakeId, status: { $in: ['complete', 'admitted', 'rejected'] } }, { orderBy: { filedAt: 'asc', id: 'asc' } });
    return rows.filter((a) => maySee(member, a.bin)).map(applicationView);
  }

  private async decision(intakeId: string): Promise<{ protocol: CommissionProtocol; calculation: QuotaCalculation }> {
    await this.intake(intakeId);
    const d = await this.uow.reader().findOne(CommissionDecisionSchema, { intakeId });
    if (!d) throw new NotFoundError('commission decision', intakeId);
    return d;
  }
  async protocol(intakeId: string): Promise<CommissionProtocol> {
    return (await this.decision(intakeId)).protocol;
  }
  /** F-73: the calculation with its snapshotted inputs — re-running `allocateQuotas` on it gives the same numbers. */
  async calculation(intakeId: string): Promise<QuotaCalculation> {
    return (await this.decision(intakeId)).calculation;
  }
  async calculationCsv(intakeId: string): Promise<string> {
    return quotaCalculationCsv(await this.calculation(intakeId));
  }
}
