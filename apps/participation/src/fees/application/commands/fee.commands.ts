import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { FeeAssessedV1, type Actor } from '@hub/contracts';
import { ConflictError, NotFoundError, RuleViolationError, ValidationError, uuidv7, type FieldIssue } from '@hub/kernel';
import type { Em } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { AuditObligation, auditOwed } from '../../../obligations/domain/audit-obligation.aggregate.js';
import { ContextServices } from '../../../shared/application/platform.js';
import { TIMER } from '../../../shared/application/timer-kinds.js';
import { assertMayActFor } from '../../../shared/domain/access-policy.js';
import { compareIsoDates, quarterEnd, roundKzt } from '../../../shared/domain/calendar.js';
import { Fee, FeePayment } from '../../domain/fee.aggregate.js';
import { parseBankStatement } from '../../domain/rules/bank-statement-csv.rule.js';

export class DeclareIncomeCommand extends Command<Fee> {
  constructor(readonly actor: Actor, readonly participationId: string, readonly input: { year: number; quarter: number; incomeKzt: number }) {
    super();
  }
}

/**
 * F-21 … F-23: the participant declares the previous quarter's income; the fee follows from the
 * tariff in force on the quarter's last day. F-33: the declarations of a year also tell whether
 * the annual audit is owed (income above the threshold), which is derived here.
 */
@CommandHandler(DeclareIncomeCommand)
export class DeclareIncomeHandler implements ICommandHandler<DeclareIncomeCommand> {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork, @Inject(ContextServices) private readonly ctx: ContextServices) {}

  execute(c: DeclareIncomeCommand): Promise<Fee> {
    return this.uow.run(async (em) => {
      const p = await this.ctx.participation(em, c.participationId);
      assertMayActFor(c.actor, p.bin, ['fund-officer', 'finance-officer']);
      const { year, quarter, incomeKzt } = c.input;
      const end = quarterEnd(year, quarter);
      if (compareIsoDates(end, this.ctx.today()) >= 0) {
        throw new RuleViolationError('F-21', `the income of ${year}-Q${quarter} can be declared once the quarter has ended (after ${end})`, { field: 'quarter' });
      }
      const fee = await em.findOne(Fee, { participationId: p.id, year, quarter });
      if (!fee) throw ValidationError.field('quarter', `the participation did not run in ${year}-Q${quarter}: no fee is owed for it`, 'fee.no-quarter');
      const priced = this.ctx.tariff.feeFor(incomeKzt, end);
      fee.declare(incomeKzt, priced, this.ctx.now());
      await this.ctx.publish(em, FeeAssessedV1, p.id, p.bin, {
        feeId: fee.id,
        participationId: p.id,
        bin: p.bin,
        year,
        quarter: quarter,
        declaredIncomeKzt: fee.declaredIncomeKzt!,
        feeKzt: fee.feeKzt!,
        tariffId: fee.tariffId!,
        dueDate: fee.dueDate,
      });
      await this.deriveAudit(em, p.id, p.bin, year);
      return fee;
    });
  }

  /** F-33: annual income (sum of the year's declared quarters) above the threshold → an audit opinion is owed by 1 July. */
  private async deriveAudit(em: Em, participationId: string, bin: string, year: number): Promise<void> {
    await em.flush();
    const fees = await em.find(Fee, { participationId, year });
    const annual = roundKzt(fees.reduce((a, f) => a + (f.declaredIncomeKzt ?? 0), 0));
    const threshold = this.ctx.deadlines.auditIncomeThresholdKzt(year);
    if (!auditOwed(annual, threshold)) return;
    const existing = await em.findOne(AuditObligation, { participationId, financialYear: year });
    if (existing) {
      existing.declaredIncomeKzt = annual;
      return;
    }
    const a = AuditObligation.derive(
      { id: uuidv7(), participationId, bin, financialYear: year, declaredIncomeKzt: annual, thresholdKzt: threshold, dueDate: this.ctx.deadlines.auditOpinionDueDate(year) },
      this.ctx.now(),
    );
    em.persist(a);
    await this.ctx.scheduleDeadline(em, TIMER.auditOpinionDue, a.id, a.dueDate);
  }
}

export class RecordPaymentCommand extends Command<Fee> {
  constructor(readonly actor: Actor, readonly feeId: string, readonly input: { amountKzt: number; paidOn: string; reference: string }) {
    super();
  }
}

/** F-21: a payment entered by hand (finance officer). */
@CommandHandler(RecordPaymentCommand)
export class RecordPaymentHandler implements ICommandHandler<RecordPaymentCommand> {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork, @Inject(ContextServices) private readonly ctx: ContextServices) {}

  execute(c: RecordPaymentCommand): Promise<Fee> {
    return this.uow.run(async (em) => {
      const fee = await em.findOne(Fee, { id: c.feeId });
      if (!fee) throw new NotFoundError('fee', c.feeId);
      if (compareIsoDates(c.input.paidOn, this.ctx.today()) > 0) throw ValidationError.field('paidOn', 'cannot be in the future', 'payment.future');
      if (await em.findOne(FeePayment, { reference: c.input.reference })) {
        throw new ConflictError('payment.duplicate-reference', `a payment with reference ${c.input.reference} is already recorded`, { field: 'reference' });
      }
      fee.pay(c.input.amountKzt, this.ctx.now());
      em.persist(
        Object.assign(new FeePayment(), {
          id: uuidv7(),
          feeId: fee.id,
          bin: fee.bin,
          amountKzt: roundKzt(c.input.amountKzt),
          paidOn: c.input.paidOn,
          reference: c.input.reference,
          source: 'manual',
          importId: null,
          recordedBy: c.actor.subject,
          recordedAt: this.ctx.now(),
        }),
      );
      return fee;
    });
  }
}

export class ImportBankStatementCommand extends Command<{ importId: string; rows: number; totalKzt: number }> {
  constructor(readonly actor: Actor, readonly csv: string) {
    super();
  }
}

/** F-21: payments from a bank-statement CSV (format in the README); all rows or none. */
@CommandHandler(ImportBankStatementCommand)
export class ImportBankStatementHandler implements ICommandHandler<ImportBankStatementCommand> {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork, @Inject(ContextServices) private readonly ctx: ContextServices) {}

  execute(c: ImportBankStatementCommand): Promise<{ importId: string; rows: number; totalKzt: number }> {
    const rows = parseBankStatement(c.csv);
    return this.uow.run(async (em) => {
      const issues: FieldIssue[] = [];
      const today = this.ctx.today();
      const known = new Set((await em.find(FeePayment, { reference: { $in: rows.map((r) => r.reference) } })).map((p) => p.reference));
      const matched: Array<{ fee: Fee; row: (typeof rows)[number] }> = [];
      for (const row of rows) {
        if (compareIsoDates(row.paidOn, today) > 0) issues.push({ path: `csv.row[${row.row}].paid_on`, message: 'cannot be in the future', code: 'csv.future' });
        if (known.has(row.reference)) issues.push({ path: `csv.row[${row.row}].reference`, message: 'this payment is already recorded', code: 'csv.already-recorded' });
        const fee = await em.findOne(Fee, { bin: row.bin, year: row.year, quarter: row.quarter });
        if (!fee) issues.push({ path: `csv.row[${row.row}].period`, message: `no membership fee of this BIN for ${row.year}-Q${row.quarter}`, code: 'csv.no-fee' });
        else if (fee.status === 'paid') issues.push({ path: `csv.row[${row.row}].period`, message: `the fee of ${row.year}-Q${row.quarter} is already paid in full`, code: 'csv.fee-paid' });
        else matched.push({ fee, row });
      }
      if (issues.length > 0) throw new ValidationError(issues, `the bank statement has ${issues.length} problem(s); nothing was imported: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, 'csv.invalid');
      const importId = uuidv7();
      for (const { fee, row } of matched) {
        fee.pay(row.amountKzt, this.ctx.now());
        em.persist(
          Object.assign(new FeePayment(), {
            id: uuidv7(),
            feeId: fee.id,
            bin: fee.bin,
            amountKzt: roundKzt(row.amountKzt),
            paidOn: row.paidOn,
            reference: row.reference,
            source: 'bank-statement',
            importId,
            recordedBy: c.actor.subject,
            recordedAt: this.ctx.now(),
          }),
        );
      }
      return { importId, rows: rows.length, totalKzt: roundKzt(rows.reduce((a, r) => a + r.amountKzt, 0)) };
    });
  }
}
