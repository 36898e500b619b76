import { Inject, Injectable } from '@nestjs/common';
import { Clock, tiynFromKztNumber, uuidv7, type Tiyn } from '@hub/kernel';
import { DeadlineTimers } from '../../shared/application/ports/deadline-timers.js';
import { TIMER } from '../../shared/application/timer-kinds.js';
import { Deadlines } from '../../shared/domain/deadlines.js';
import { AuditObligation, auditOwed } from '../domain/audit-obligation.aggregate.js';
import { AnnualIncomeRepository, AuditObligationRepository } from './ports/obligation.repositories.js';

/**
 * F-33 (ADR 0052): whether the annual audit is owed for a year. The basis is the company's declared
 * **annual** income (the whole financial year); until it is declared, the sum of the quarters declared
 * for fees is a lower bound (the year's income is at least that), so an obligation it already proves is
 * not postponed. Call inside `uow.run`.
 */
@Injectable()
export class AuditDuty {
  constructor(
    @Inject(AuditObligationRepository) private readonly audits: AuditObligationRepository,
    @Inject(AnnualIncomeRepository) private readonly annuals: AnnualIncomeRepository,
    @Inject(DeadlineTimers) private readonly timers: DeadlineTimers,
    @Inject(Deadlines) private readonly deadlines: Deadlines,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async follow(participationId: string, bin: string, year: number, quarterlySum: Tiyn): Promise<AuditObligation | null> {
    const annual = await this.annuals.findOf(participationId, year);
    const basis = annual ? annual.incomeTiyn : quarterlySum;
    // F-33 compared in tiyn on both sides (exact): the reference-data KZT figure is read from its decimal text.
    const threshold = tiynFromKztNumber(this.deadlines.auditIncomeThresholdKzt(year));
    if (threshold === null) throw new Error(`audit-income-threshold-kzt of ${year} is not a KZT amount with at most 2 decimals`);
    const existing = await this.audits.findOf(participationId, year);
    if (existing) {
      existing.reviseDeclaredIncome(basis);
      return existing;
    }
    if (!auditOwed(basis, threshold)) return null;
    const a = AuditObligation.derive(
      {
        id: uuidv7(),
        participationId,
        bin,
        financialYear: year,
        declaredIncomeTiyn: basis,
        thresholdTiyn: threshold,
        dueDate: this.deadlines.auditOpinionDueDate(year),
      },
      this.clock.now(),
    );
    this.audits.add(a);
    await this.timers.scheduleDeadline(TIMER.auditOpinionDue, a.id, a.dueDate);
    return a;
  }
}
