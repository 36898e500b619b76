import { Controller, Get, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { DeclareIncomeBody, FeeDto, IdParams, ImportBankStatementBody, ImportResultDto, RecordPaymentBody, type Actor } from '@hub/contracts';
import { CurrentActor, Endpoint, ValidBody, ValidParams } from '@hub/nest-commons';
import { PARTICIPANT_FILE_READERS } from '../../../shared/application/access.js';
import { FeeQueries } from '../../application/queries/fee.queries.js';
import { DeclareIncomeCommand } from '../../application/commands/declare-income/declare-income.command.js';
import { ImportBankStatementCommand, type ImportResult } from '../../application/commands/import-bank-statement/import-bank-statement.command.js';
import { RecordPaymentCommand } from '../../application/commands/record-payment/record-payment.command.js';
import type { Fee } from '../../domain/fee.aggregate.js';

const FeeParams = z.object({ feeId: z.uuid() });

export const feeDto = (f: Fee): z.infer<typeof FeeDto> => ({
  id: f.id,
  participationId: f.participationId,
  bin: f.bin,
  year: f.year,
  quarter: f.quarter,
  dueDate: f.dueDate,
  status: f.status,
  declaredIncomeTiyn: f.declaredIncomeTiyn,
  feeTiyn: f.feeTiyn,
  tariffId: f.tariffId,
  paidTiyn: f.paidTiyn,
  outstandingTiyn: f.outstandingTiyn,
});

const importResultDto = (r: ImportResult): z.infer<typeof ImportResultDto> => ({
  importId: r.importId,
  rows: r.rows,
  totalTiyn: r.total,
  payments: r.payments.map((p) => ({
    row: p.row,
    bin: p.bin,
    year: p.year,
    quarter: p.quarter,
    amountTiyn: p.amount,
    reference: p.reference,
    feeId: p.feeId,
    feeStatus: p.feeStatus,
    outstandingTiyn: p.outstanding,
  })),
});

/** Membership fees (F-21 … F-23): declarations, payments, arrears. */
@Controller()
export class FeesController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(FeeQueries) private readonly queries: FeeQueries,
  ) {}

  @Post('participations/:id/income-declarations')
  @Endpoint({
    summary: "F-21: declare the previous quarter's income; the fee is assessed from the tariff",
    access: ['applicant', 'fund-officer', 'finance-officer'],
    params: IdParams,
    body: DeclareIncomeBody,
    response: FeeDto,
    errors: [404, 409],
  })
  async declare(@CurrentActor() actor: Actor, @ValidParams() p: z.infer<typeof IdParams>, @ValidBody() b: z.infer<typeof DeclareIncomeBody>) {
    return feeDto(await this.commands.execute(new DeclareIncomeCommand(actor, p.id, { year: b.year, quarter: b.quarter, incomeTiyn: b.incomeTiyn })));
  }

  @Get('participations/:id/fees')
  @Endpoint({
    summary: 'F-21: the quarterly fees of a participation with amounts paid and outstanding',
    access: PARTICIPANT_FILE_READERS,
    params: IdParams,
    response: z.array(FeeDto),
    errors: [404],
  })
  async fees(@CurrentActor() actor: Actor, @ValidParams() p: z.infer<typeof IdParams>) {
    return (await this.queries.feesOf(actor, p.id)).map(feeDto);
  }

  @Post('fees/:feeId/payments')
  @Endpoint({
    summary: 'F-21: record a payment by hand',
    access: ['finance-officer', 'fund-officer'],
    params: FeeParams,
    body: RecordPaymentBody,
    response: FeeDto,
    errors: [404, 409],
  })
  async pay(@CurrentActor() actor: Actor, @ValidParams() p: z.infer<typeof FeeParams>, @ValidBody() b: z.infer<typeof RecordPaymentBody>) {
    return feeDto(
      await this.commands.execute(new RecordPaymentCommand(actor, p.feeId, { amountTiyn: b.amountTiyn, paidOn: b.paidOn, reference: b.reference })),
    );
  }

  @Post('fee-payments/imports')
  @Endpoint({
    summary: 'F-21: import payments from a bank-statement CSV (all rows or none; bad rows → 422 naming row and column)',
    access: ['finance-officer'],
    body: ImportBankStatementBody,
    response: ImportResultDto,
  })
  async import(@CurrentActor() actor: Actor, @ValidBody() b: z.infer<typeof ImportBankStatementBody>) {
    return importResultDto(await this.commands.execute(new ImportBankStatementCommand(actor, b.csv)));
  }

  @Get('fees/arrears')
  @Endpoint({
    summary: 'F-21, F-28(6): overdue fees (undeclared or not paid in full by the 25th)',
    access: ['fund-officer', 'finance-officer'],
    response: z.array(FeeDto),
  })
  async arrears() {
    return (await this.queries.arrears()).map(feeDto);
  }
}
