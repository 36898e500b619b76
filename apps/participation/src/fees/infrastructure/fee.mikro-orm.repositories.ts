import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { FeePaymentRepository, FeeRepository } from '../application/ports/fee.repository.js';
import { Fee, FeePayment } from '../domain/fee.aggregate.js';
import { FLUSH_FIRST } from '../../shared/infrastructure/flush-first.js';

/** FeeRepository on the unit of work's EntityManager (ADR 0035 §4). */
@Injectable()
export class MikroOrmFeeRepository extends FeeRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }

  async get(id: string): Promise<Fee> {
    const fee = await this.uow.em().findOne(Fee, { id }, FLUSH_FIRST);
    if (!fee) throw new NotFoundError('fee', id);
    return fee;
  }

  findOf(participationId: string, year: number, quarter: number): Promise<Fee | null> {
    return this.uow.em().findOne(Fee, { participationId, year, quarter }, FLUSH_FIRST);
  }

  ofYear(participationId: string, year: number): Promise<Fee[]> {
    return this.uow.em().find(Fee, { participationId, year }, { ...FLUSH_FIRST, orderBy: { quarter: 'asc' } });
  }

  ofBins(bins: readonly string[], years: readonly number[]): Promise<Fee[]> {
    if (bins.length === 0 || years.length === 0) return Promise.resolve([]);
    return this.uow
      .em()
      .find(Fee, { bin: { $in: [...bins] }, year: { $in: [...years] } }, { ...FLUSH_FIRST, orderBy: { year: 'asc', quarter: 'asc', createdAt: 'asc' } });
  }

  add(fee: Fee): void {
    this.uow.em().persist(fee);
  }
}

/** FeePaymentRepository on the unit of work's EntityManager; the reference's unique index backs `recorded`. */
@Injectable()
export class MikroOrmFeePaymentRepository extends FeePaymentRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }

  async recorded(references: readonly string[]): Promise<ReadonlySet<string>> {
    if (references.length === 0) return new Set();
    const found = await this.uow.em().find(FeePayment, { reference: { $in: [...references] } }, { ...FLUSH_FIRST, fields: ['reference'] });
    return new Set(found.map((p) => p.reference));
  }

  add(payment: FeePayment): void {
    this.uow.em().persist(payment);
  }
}
