import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, ValidationError, uuidv7, type FieldIssue, sumTiyn } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { today } from '../../../../shared/application/today.js';
import { compareIsoDates } from '../../../../shared/domain/calendar.js';
import type { Fee } from '../../../domain/fee.aggregate.js';
import { parseBankStatement, type BankStatementRow } from '../../../domain/rules/bank-statement-csv.rule.js';
import { FeePaymentRepository, FeeRepository } from '../../ports/fee.repository.js';
import { ImportBankStatementCommand, type ImportResult } from './import-bank-statement.command.js';

/** F-21: payments from a bank-statement CSV (format in the README, ADR 0023); all rows or none. */
@CommandHandler(ImportBankStatementCommand)
export class ImportBankStatementHandler implements ICommandHandler<ImportBankStatementCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(FeeRepository) private readonly fees: FeeRepository,
    @Inject(FeePaymentRepository) private readonly payments: FeePaymentRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  execute(c: ImportBankStatementCommand): Promise<ImportResult> {
    const rows = parseBankStatement(c.csv);
    return this.uow.run(async () => {
      const issues: FieldIssue[] = [];
      const on = today(this.clock);
      const known = await this.payments.recorded(rows.map((r) => r.reference));
      // One query for every fee the statement names (not one per row).
      const candidates = await this.fees.ofBins([...new Set(rows.map((r) => r.bin))], [...new Set(rows.map((r) => r.year))]);
      const fees = new Map<string, Fee>();
      for (const f of candidates) {
        const key = `${f.bin}/${f.year}/${f.quarter}`;
        // A re-registered company may have two participations in one quarter: pay the open fee.
        if (!fees.has(key) || fees.get(key)!.status === 'paid') fees.set(key, f);
      }
      const matched: Array<{ fee: Fee; row: BankStatementRow }> = [];
      for (const row of rows) {
        if (compareIsoDates(row.paidOn, on) > 0) issues.push({ path: `csv.row[${row.row}].paid_on`, message: 'cannot be in the future', code: 'csv.future' });
        if (known.has(row.reference))
          issues.push({ path: `csv.row[${row.row}].reference`, message: 'this payment is already recorded', code: 'csv.already-recorded' });
        const fee = fees.get(`${row.bin}/${row.year}/${row.quarter}`);
        if (!fee)
          issues.push({ path: `csv.row[${row.row}].period`, message: `no membership fee of this BIN for ${row.year}-Q${row.quarter}`, code: 'csv.no-fee' });
        else if (fee.status === 'paid')
          issues.push({ path: `csv.row[${row.row}].period`, message: `the fee of ${row.year}-Q${row.quarter} is already paid in full`, code: 'csv.fee-paid' });
        else matched.push({ fee, row });
      }
      if (issues.length > 0)
        throw new ValidationError(
          issues,
          `the bank statement has ${issues.length} problem(s); nothing was imported: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
          'csv.invalid',
        );
      const importId = uuidv7();
      for (const { fee, row } of matched) {
        const payment = fee.pay(
          { id: uuidv7(), amount: row.amount, paidOn: row.paidOn, reference: row.reference, source: 'bank-statement', importId, recordedBy: c.actor.subject },
          on,
          this.clock.now(),
        );
        this.payments.add(payment);
      }
      // after every row is applied: a fee paid by two rows shows its final state on both
      const payments = matched.map(({ fee, row }) => ({
        row: row.row,
        bin: row.bin,
        year: row.year,
        quarter: row.quarter,
        amount: row.amount,
        reference: row.reference,
        feeId: fee.id,
        feeStatus: fee.status,
        outstanding: fee.outstandingTiyn,
      }));
      return { importId, rows: rows.length, total: sumTiyn(rows.map((r) => r.amount)), payments };
    });
  }
}
