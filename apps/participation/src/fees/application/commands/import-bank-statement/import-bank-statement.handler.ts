import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ValidationError, uuidv7, type FieldIssue } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { ContextServices } from '../../../../shared/application/platform.js';
import { compareIsoDates } from '../../../../shared/domain/calendar.js';
import { Fee, FeePayment } from '../../../domain/fee.aggregate.js';
import { parseBankStatement } from '../../../domain/rules/bank-statement-csv.rule.js';
import { ImportBankStatementCommand, type ImportResult } from './import-bank-statement.command.js';
import { sumTiyn } from '../../../domain/money.js';
import { publishFeeEvents } from '../../publish-fee-events.js';
import { runCommand } from '../../../../shared/application/run-command.js';

/** F-21: payments from a bank-statement CSV (format in the README); all rows or none. */
@CommandHandler(ImportBankStatementCommand)
export class ImportBankStatementHandler implements ICommandHandler<ImportBankStatementCommand> {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork, @Inject(ContextServices) private readonly ctx: ContextServices) {}

  execute(c: ImportBankStatementCommand): Promise<ImportResult> {
    const rows = parseBankStatement(c.csv);
    return runCommand(this.uow, async (em) => {
      const issues: FieldIssue[] = [];
      const today = this.ctx.today();
      const known = new Set((await em.find(FeePayment, { reference: { $in: rows.map((r) => r.reference) } })).map((p) => p.reference));
      const matched: Array<{ fee: Fee; row: (typeof rows)[number] }> = [];
      // One query for every fee the statement names (not one per row).
      const candidates = await em.find(Fee, { bin: { $in: [...new Set(rows.map((r) => r.bin))] }, year: { $in: [...new Set(rows.map((r) => r.year))] } });
      const fees = new Map<string, Fee>();
      for (const f of candidates) {
        const key = `${f.bin}/${f.year}/${f.quarter}`;
        // A re-registered company may have two participations in one quarter: pay the open fee.
        if (!fees.has(key) || fees.get(key)!.status === 'paid') fees.set(key, f);
      }
      for (const row of rows) {
        if (compareIsoDates(row.paidOn, today) > 0) issues.push({ path: `csv.row[${row.row}].paid_on`, message: 'cannot be in the future', code: 'csv.future' });
        if (known.has(row.reference)) issues.push({ path: `csv.row[${row.row}].reference`, message: 'this payment is already recorded', code: 'csv.already-recorded' });
        const fee = fees.get(`${row.bin}/${row.year}/${row.quarter}`);
        if (!fee) issues.push({ path: `csv.row[${row.row}].period`, message: `no membership fee of this BIN for ${row.year}-Q${row.quarter}`, code: 'csv.no-fee' });
        else if (fee.status === 'paid') issues.push({ path: `csv.row[${row.row}].period`, message: `the fee of ${row.year}-Q${row.quarter} is already paid in full`, code: 'csv.fee-paid' });
        else matched.push({ fee, row });
      }
      if (issues.length > 0) throw new ValidationError(issues, `the bank statement has ${issues.length} problem(s); nothing was imported: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, 'csv.invalid');
      const importId = uuidv7();
      for (const { fee, row } of matched) {
        const payment = fee.pay(
          { id: uuidv7(), amount: row.amount, paidOn: row.paidOn, reference: row.reference, source: 'bank-statement', importId, recordedBy: c.actor.subject },
          today,
          this.ctx.now(),
        );
        em.persist(payment);
        await publishFeeEvents(this.ctx, em, fee);
      }
      return { importId, rows: rows.length, total: sumTiyn(rows.map((r) => r.amount)) };
    });
  }
}
