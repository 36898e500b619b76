import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@hub/contracts';
import { UnitOfWork } from '@hub/nest-commons';
import { ContextServices } from '../../../shared/application/platform.js';
import { Fee } from '../../domain/fee.aggregate.js';

/** Reads of membership fees (F-21): a participation's fees, and the arrears. */
@Injectable()
export class FeeQueries {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork, @Inject(ContextServices) private readonly ctx: ContextServices) {}

  async feesOf(actor: Actor, participationId: string): Promise<Fee[]> {
    const em = this.uow.reader();
    await this.ctx.readableParticipation(em, actor, participationId);
    return em.find(Fee, { participationId }, { orderBy: { year: 'asc', quarter: 'asc' } });
  }

  /** F-21, F-28(6): fees not declared or not paid in full by their due date. */
  arrears(): Promise<Fee[]> {
    return this.uow.reader().find(Fee, { status: 'overdue' }, { orderBy: { dueDate: 'asc', bin: 'asc' } });
  }
}
