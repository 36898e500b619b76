import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@hub/contracts';
import { NotFoundError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { Participation } from '../../../participation/domain/participation.aggregate.js';
import { seesEveryCompany } from '../../../shared/application/access.js';
import { AuditObligation } from '../../domain/audit-obligation.aggregate.js';
import { CorporateNotice } from '../../domain/corporate-notice.js';
import { InformationRequest } from '../../domain/information-request.aggregate.js';

/** Reads of the counter-obligations (F-32 … F-34, F-38); an applicant sees its own companies only (F-35). */
@Injectable()
export class ObligationQueries {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {}

  private scope(actor: Actor, where: Record<string, unknown>): Record<string, unknown> {
    return seesEveryCompany(actor) ? where : { ...where, bin: { $in: [...actor.companies] } };
  }

  requests(actor: Actor, q: { status?: string | undefined; participationId?: string | undefined }): Promise<InformationRequest[]> {
    const where: Record<string, unknown> = {};
    if (q.status) where.status = q.status;
    if (q.participationId) where.participationId = q.participationId;
    return this.uow.reader().find(InformationRequest, this.scope(actor, where), { orderBy: { dueDate: 'asc' } });
  }

  audits(actor: Actor, q: { status?: string | undefined; year?: number | undefined; participationId?: string | undefined }): Promise<AuditObligation[]> {
    const where: Record<string, unknown> = {};
    if (q.status) where.status = q.status;
    if (q.year) where.financialYear = q.year;
    if (q.participationId) where.participationId = q.participationId;
    return this.uow.reader().find(AuditObligation, this.scope(actor, where), { orderBy: { dueDate: 'asc' } });
  }

  /**
   * F-34, issue #11: the notices one participation filed, newest first — for the Fund's file readers and
   * the company's own representatives. F-35: another company's participation is not found (404), so
   * its existence is not disclosed either.
   */
  async noticesOf(actor: Actor, participationId: string): Promise<CorporateNotice[]> {
    const em = this.uow.reader();
    const p = await em.findOne(Participation, { id: participationId }, { fields: ['id', 'bin'] });
    if (!p || (!seesEveryCompany(actor) && !actor.companies.includes(p.bin))) throw new NotFoundError('participation', participationId);
    return em.find(CorporateNotice, { participationId }, { orderBy: { createdAt: 'desc' } });
  }

  notices(): Promise<CorporateNotice[]> {
    return this.uow.reader().find(CorporateNotice, {}, { orderBy: { createdAt: 'desc' } });
  }
}
