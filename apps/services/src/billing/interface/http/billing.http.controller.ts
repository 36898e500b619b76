import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { z } from 'zod';
import { type Actor, IsoDateSchema, TiynSchema } from '@hub/contracts';
import { CurrentActor, Endpoint, ValidBody, ValidParams, ValidQuery } from '@hub/nest-commons';
import { BillingUseCases } from '../../infrastructure/billing.use-cases.js';

const IdParams = z.object({ id: z.uuid() });
const InvoiceBody = z.object({
  amountTiyn: TiynSchema.describe('Integer tiyn (ADR 0036); all invoices of a contract together never exceed its amount (F-55)'),
  purpose: z.string().min(3).max(500).describe('What the invoice is for, as the contract’s payment order says (e.g. “100 % prepayment”)'),
});
const PaymentBody = z.object({
  amountTiyn: TiynSchema.describe('Integer tiyn; at most what the invoice still asks'),
  paidOn: IsoDateSchema.describe('The value date'),
  reference: z
    .string()
    .regex(/^[A-Za-z0-9/_.-]{1,100}$/, 'the bank’s transaction reference: 1–100 letters, digits or / _ . -')
    .describe('The bank’s unique transaction reference'),
});
const CancelBody = z.object({ reason: z.string().min(3).max(2000) });
const StatementBody = z.object({
  csv: z.string().min(1).max(5_000_000).describe('The Fund’s bank statement: header paid_on,payer,amount_kzt,reference,invoice (ADR 0066); all rows or none'),
});
const ActBody = z.object({
  deliveredFrom: IsoDateSchema,
  deliveredTo: IsoDateSchema,
  description: z.string().min(3).max(5000).describe('What was delivered in the period'),
});
const AnswerBody = z.discriminatedUnion('accept', [
  z.object({ accept: z.literal(true) }),
  z.object({ accept: z.literal(false), reason: z.string().min(3).max(5000) }),
]);
const InvoiceQuery = z.object({ applicationId: z.uuid().optional(), status: z.enum(['issued', 'paid', 'cancelled']).optional() });
const ActQuery = z.object({ applicationId: z.uuid().optional() });

const InvoiceView = z.object({
  id: z.uuid(),
  number: z.string(),
  applicationId: z.uuid(),
  contractId: z.uuid(),
  recipientKind: z.enum(['legal-entity', 'individual']),
  bin: z.string().optional().describe('A legal entity’s BIN; an individual’s IIN is not shown (F-42)'),
  amountTiyn: z.int(),
  paidTiyn: z.int(),
  outstandingTiyn: z.int(),
  purpose: z.string(),
  issuedOn: IsoDateSchema,
  dueOn: IsoDateSchema.describe('A working day (ADR 0066)'),
  status: z.enum(['issued', 'paid', 'cancelled']),
  overdue: z.boolean(),
  paidOn: IsoDateSchema.nullable(),
  cancelReason: z.string().nullable(),
  payments: z.array(
    z.object({ id: z.uuid(), amountTiyn: z.int(), paidOn: IsoDateSchema, reference: z.string(), source: z.enum(['manual', 'bank-statement']) }),
  ),
  document: z
    .discriminatedUnion('status', [
      z.object({ status: z.literal('archived'), documentId: z.uuid() }),
      z.object({ status: z.literal('pending') }),
      z.object({ status: z.literal('not-available-for-individuals') }),
    ])
    .describe(
      'The invoice PDF in the Fund’s archive (ADR 0067, 0109): download it from documents (GET /api/documents/documents/{documentId}/download); pending until archived; an individual’s invoice is not issued as a document',
    ),
});
const ActView = z.object({
  id: z.uuid(),
  number: z.string(),
  applicationId: z.uuid(),
  contractId: z.uuid(),
  deliveredFrom: IsoDateSchema,
  deliveredTo: IsoDateSchema,
  description: z.string(),
  issuedOn: IsoDateSchema,
  status: z.enum(['issued', 'accepted', 'disputed']),
  answeredOn: IsoDateSchema.nullable(),
  disputeReason: z.string().nullable(),
});
const ImportView = z.object({ importId: z.uuid(), rows: z.int(), totalTiyn: z.int() });

const tags = ['billing'];
const READERS = ['fund-officer', 'finance-officer', 'auditor', 'applicant'] as const;

/** F-55: invoices, payments and delivery acts under service contracts (ADR 0066). */
@Controller()
export class BillingHttpController {
  constructor(@Inject(BillingUseCases) private readonly billing: BillingUseCases) {}

  @Post('service-applications/:id/invoices')
  @Endpoint({
    summary: 'Issue an invoice under the application’s contract, within its amount (F-55)',
    tags,
    access: ['finance-officer'],
    params: IdParams,
    body: InvoiceBody,
    status: 201,
    response: InvoiceView,
    errors: [404, 409, 422],
  })
  async issueInvoice(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof InvoiceBody>, @CurrentActor() actor: Actor) {
    const { id } = await this.billing.issueInvoice(p.id, body, actor);
    return this.billing.invoiceFor(actor, id);
  }

  @Get('invoices')
  @Endpoint({
    summary: 'Invoices: the Fund’s readers see all, a recipient its own',
    tags,
    access: [...READERS],
    query: InvoiceQuery,
    response: z.array(InvoiceView),
  })
  invoices(@ValidQuery() q: z.infer<typeof InvoiceQuery>, @CurrentActor() actor: Actor) {
    return this.billing.invoices(actor, q);
  }

  @Get('invoices/:id')
  @Endpoint({ summary: 'One invoice with its payments', tags, access: [...READERS], params: IdParams, response: InvoiceView, errors: [404] })
  invoice(@ValidParams() p: z.infer<typeof IdParams>, @CurrentActor() actor: Actor) {
    return this.billing.invoiceFor(actor, p.id);
  }

  @Post('invoices/:id/payments')
  @Endpoint({
    summary: 'Record a payment against an invoice by hand (F-55)',
    tags,
    access: ['finance-officer'],
    params: IdParams,
    body: PaymentBody,
    status: 201,
    response: InvoiceView,
    errors: [404, 409, 422],
  })
  async pay(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof PaymentBody>, @CurrentActor() actor: Actor) {
    await this.billing.recordPayment(p.id, body, actor);
    return this.billing.invoiceFor(actor, p.id);
  }

  @Post('invoices/:id/cancellation')
  @HttpCode(200)
  @Endpoint({
    summary: 'Cancel an unpaid invoice issued in error, with the reason',
    tags,
    access: ['finance-officer'],
    params: IdParams,
    body: CancelBody,
    response: InvoiceView,
    errors: [404, 409, 422],
  })
  async cancel(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof CancelBody>, @CurrentActor() actor: Actor) {
    await this.billing.cancelInvoice(p.id, body.reason);
    return this.billing.invoiceFor(actor, p.id);
  }

  @Post('invoice-payments/imports')
  @Endpoint({
    summary: 'Import service payments from the Fund’s bank statement (F-55, ADR 0066): all rows or none',
    tags,
    access: ['finance-officer'],
    body: StatementBody,
    status: 201,
    response: ImportView,
    errors: [409, 422],
  })
  importStatement(@ValidBody() body: z.infer<typeof StatementBody>, @CurrentActor() actor: Actor) {
    return this.billing.importStatement(body.csv, actor);
  }

  @Post('service-applications/:id/delivery-acts')
  @Endpoint({
    summary: 'Issue an act of the services delivered under the contract in a period (F-55)',
    tags,
    access: ['fund-officer'],
    params: IdParams,
    body: ActBody,
    status: 201,
    response: ActView,
    errors: [404, 409, 422],
  })
  async issueAct(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof ActBody>, @CurrentActor() actor: Actor) {
    const { id } = await this.billing.issueAct(p.id, body);
    return this.billing.actFor(actor, id);
  }

  @Get('delivery-acts')
  @Endpoint({
    summary: 'Delivery acts: the Fund’s readers see all, a recipient its own',
    tags,
    access: [...READERS],
    query: ActQuery,
    response: z.array(ActView),
  })
  acts(@ValidQuery() q: z.infer<typeof ActQuery>, @CurrentActor() actor: Actor) {
    return this.billing.acts(actor, q);
  }

  @Get('delivery-acts/:id')
  @Endpoint({ summary: 'One delivery act', tags, access: [...READERS], params: IdParams, response: ActView, errors: [404] })
  act(@ValidParams() p: z.infer<typeof IdParams>, @CurrentActor() actor: Actor) {
    return this.billing.actFor(actor, p.id);
  }

  @Post('delivery-acts/:id/answer')
  @HttpCode(200)
  @Endpoint({
    summary: 'The recipient accepts the act, or disputes it with reasons (F-55)',
    tags,
    access: ['applicant'],
    params: IdParams,
    body: AnswerBody,
    response: ActView,
    errors: [403, 404, 409, 422],
  })
  async answer(@ValidParams() p: z.infer<typeof IdParams>, @ValidBody() body: z.infer<typeof AnswerBody>, @CurrentActor() actor: Actor) {
    await this.billing.answerAct(p.id, body, actor);
    return this.billing.actFor(actor, p.id);
  }
}
