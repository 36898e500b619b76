import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import {
  AnnualIncomeRepository,
  AuditObligationRepository,
  CorporateNoticeRepository,
  InformationRequestRepository,
} from '../application/ports/obligation.repositories.js';
import { AnnualIncome } from '../domain/annual-income.js';
import { AuditObligation } from '../domain/audit-obligation.aggregate.js';
import type { CorporateNotice } from '../domain/corporate-notice.js';
import { InformationRequest } from '../domain/information-request.aggregate.js';
import { FLUSH_FIRST } from '../../shared/infrastructure/flush-first.js';

@Injectable()
export class MikroOrmInformationRequestRepository extends InformationRequestRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }

  async get(id: string): Promise<InformationRequest> {
    const r = await this.uow.em().findOne(InformationRequest, { id }, FLUSH_FIRST);
    if (!r) throw new NotFoundError('information-request', id);
    return r;
  }

  add(request: InformationRequest): void {
    this.uow.em().persist(request);
  }
}

@Injectable()
export class MikroOrmAnnualIncomeRepository extends AnnualIncomeRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }

  findOf(participationId: string, financialYear: number): Promise<AnnualIncome | null> {
    return this.uow.em().findOne(AnnualIncome, { participationId, financialYear }, FLUSH_FIRST);
  }

  add(income: AnnualIncome): void {
    this.uow.em().persist(income);
  }
}

@Injectable()
export class MikroOrmAuditObligationRepository extends AuditObligationRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }

  async get(id: string): Promise<AuditObligation> {
    const a = await this.uow.em().findOne(AuditObligation, { id }, FLUSH_FIRST);
    if (!a) throw new NotFoundError('audit-obligation', id);
    return a;
  }

  findOf(participationId: string, financialYear: number): Promise<AuditObligation | null> {
    return this.uow.em().findOne(AuditObligation, { participationId, financialYear }, FLUSH_FIRST);
  }

  add(obligation: AuditObligation): void {
    this.uow.em().persist(obligation);
  }
}

@Injectable()
export class MikroOrmCorporateNoticeRepository extends CorporateNoticeRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }

  add(notice: CorporateNotice): void {
    this.uow.em().persist(notice);
  }
}
