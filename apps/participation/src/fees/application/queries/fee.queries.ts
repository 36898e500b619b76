import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@hub/contracts';
import { NotFoundError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { Participation } from '../../../participation/domain/participation.aggregate.js';
import { assertMayActFor } from '../../../shared/application/access.js';
import { Fee } from '../../domain/fee.aggregate.js';

/** Reads of membership fees (F-21), on a fresh reader (no transaction): a participation's fees, and the arrears. */
@Injectable()
export class FeeQueries {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {}

  /** F-35: staff, or the company's own applicant. */
  async feesOf(actor: Actor, participationId: string): Promise<Fee[]> {
    const em = this.uow.reader();
    const p = await em.findOne(Participation, { id: participationId }, { fields: ['id', 'bin'] });
    if (!p) throw new NotFoundError('participation', participationId);
    assertMayActFor(actor, p.bin, ['participation', participationId]);
    return em.find(Fee, { participationId }, { orderBy: { year: 'asc', quarter: 'asc' } });
  }

  /** F-21, F-28(6): fees not declared or not paid in full by their due date. */
  arrears(): Promise<Fee[]> {
    return this.uow.reader().find(Fee, { status: 'overdue' }, { orderBy: { dueDate: 'asc', bin: 'asc' } });
  }
}
