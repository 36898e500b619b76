import { Inject, Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { parseStatement, cellPath, type StatementFormat } from '@hub/bank-statement';
import { type IsoDate, almatyDate, compareIsoDates, endOfAlmatyDay } from '@hub/calendar';
import { type Actor, DEADLINE_READER_ROLES, hasAnyRole } from '@hub/contracts';
import { validateBin, validateIin } from '@hub/identifiers';
import { Clock, DomainError, IllegalStateError, NotFoundError, ValidationError, type FieldIssue, sumTiyn, tiyn, uuidv7 } from '@hub/kernel';
import { Timers } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { APPLICATION_READER_ROLES, assertApplicant, mayRead } from '../../applications/application/access.js';
import { RecipientPseudonyms } from '../../applications/application/ports/recipient-pseudonyms.js';
import { ServiceApplicationSchema } from '../../applications/infrastructure/application.schema.js';
import { parametersOn } from '../../catalogue/domain/services-parameters.js';
import { ServicesParametersSource } from '../../shared/application/ports/services-parameters.source.js';
import { WorkingDays } from '../../shared/application/ports/working-days.js';
import { scheduleInvoiceArchive } from '../application/timers/invoice-archive.timer-handler.js';
import { DeliveryAct } from '../domain/delivery-act.aggregate.js';
import { Invoice, type ContractTerms, type InvoicePayment } from '../domain/invoice.aggregate.js';
import { assertInvoiceWithinContractPrice } from '../domain/rules/invoice-within-contract-price.rule.js';
import { invoiceDueOn } from '../domain/rules/payment-due.rule.js';
import { DeliveryActSchema, InvoiceArchiveSchema, InvoicePaymentRow, InvoicePaymentSchema, InvoiceSchema } from './billing.schema.js';

export const INVOICE_DUE_TIMER = 'services.invoice-payment-due';

export interface InvoiceView {
  id: string;
  number: string;
  applicationId: string;
  contractId: string;
  recipientKind: 'legal-entity' | 'individual';
  /** A legal entity's BIN; an individual's IIN is not shown (F-42). */
  bin?: string;
  amountTiyn: number;
  paidTiyn: number;
  outstandingTiyn: number;
  purpose: string;
  issuedOn: string;
  dueOn: string;
  status: 'issued' | 'paid' | 'cancelled';
  overdue: boolean;
  paidOn: string | null;
  cancelReason: string | null;
  payments: { id: string; amountTiyn: number; paidOn: string; reference: string; source: 'manual' | 'bank-statement' }[];
  /**
   * The invoice's PDF in the Fund's archive (ADR 0067 §6, ADR 0109): its document id there (downloaded
   * from documents, `GET /documents/:id/download`), `pending` until the archive answered, or not issued
   * for an individual (documents keeps files per company; ADR 0067 §5). A cancelled invoice keeps its PDF.
   */
  document: InvoiceDocument;
}
export type InvoiceDocument = { status: 'archived'; documentId: string } | { status: 'pending' } | { status: 'not-available-for-individuals' };
/** An open invoice's payment due date on the deadlines board (F-55, ADR 0033/0047). */
export interface InvoiceDeadline {
  kind: 'service-invoice-payment';
  ruleId: string;
  dueDate: string;
  overdue: boolean;
  bin?: string;
  subjectId: string;
  status: 'open';
  applicationId: string;
  invoiceNumber: string;
  outstandingTiyn: number;
}
export interface DeliveryActView {
  id: string;
  number: string;
  applicationId: string;
  contractId: string;
  deliveredFrom: string;
  deliveredTo: string;
  description: string;
  issuedOn: string;
  status: 'issued' | 'accepted' | 'disputed';
  answeredOn: string | null;
  disputeReason: string | null;
}

const invoiceDocument = (i: Invoice, documentId: string | undefined): InvoiceDocument =>
  i.recipientKind === 'individual'
    ? { status: 'not-available-for-individuals' }
    : documentId === undefined
      ? { status: 'pending' }
      : { status: 'archived', documentId };

const invoiceView = (i: Invoice, payments: readonly InvoicePayment[], today: IsoDate, documentId: string | undefined): InvoiceView => ({
  id: i.id,
  number: i.number,
  applicationId: i.applicationId,
  contractId: i.contractId,
  recipientKind: i.recipientKind,
  ...(i.recipientKind === 'legal-entity' ? { bin: i.recipientId } : {}),
  amountTiyn: i.amountTiyn,
  paidTiyn: i.paidTiyn,
  outstandingTiyn: i.outstandingTiyn,
  purpose: i.purpose,
  issuedOn: i.issuedOn,
  dueOn: i.dueOn,
  status: i.status,
  overdue: i.status === 'issued' && (i.overdue || compareIsoDates(today, i.dueOn) > 0),
  paidOn: i.paidOn,
  cancelReason: i.cancelReason,
  payments: payments.map((p) => ({ id: p.id, amountTiyn: p.amountTiyn, paidOn: p.paidOn, reference: p.reference, source: p.source })),
  document: invoiceDocument(i, documentId),
});
const actView = (a: DeliveryAct): DeliveryActView => ({
  id: a.id,
  number: a.number,
  applicationId: a.applicationId,
  contractId: a.contractId,
  deliveredFrom: a.deliveredFrom,
  deliveredTo: a.deliveredTo,
  description: a.description,
  issuedOn: a.issuedOn,
  status: a.status,
  answeredOn: a.answeredOn,
  disputeReason: a.disputeReason,
});

/**
 * F-55 (ADR 0066): the contract's money and delivery — invoices within the contract amount, payments
 * entered by hand or imported from the Fund's bank statement, overdue invoices by a durable timer on
 * the working-day calendar, delivery acts the recipient accepts or disputes. One transaction each.
 */
@Injectable()
export class BillingUseCases {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(WorkingDays) private readonly workingDays: WorkingDays,
    @Inject(ServicesParametersSource) private readonly parameters: ServicesParametersSource,
    @Inject(RecipientPseudonyms) private readonly pseudonyms: RecipientPseudonyms,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  issueInvoice(applicationId: string, input: { amountTiyn: number; purpose: string }, actor: Actor): Promise<{ id: string }> {
    return this.uow.run(async (em) => {
      const now = this.clock.now();
      const today = almatyDate(now);
      // The application row is locked so that two invoices issued at once cannot both fit the amount.
      const { terms } = await this.contractOf(applicationId, true);
      const invoiced = await em.find(InvoiceSchema, { applicationId, status: { $ne: 'cancelled' } });
      assertInvoiceWithinContractPrice({
        contractPriceTiyn: terms.contractPriceTiyn,
        invoicedTiyn: invoiced.map((i) => i.amountTiyn),
        newInvoiceTiyn: tiyn(input.amountTiyn, 'amountTiyn'),
      });
      const { invoicePaymentWorkingDays } = parametersOn(this.parameters.versions(), today);
      const dueOn = invoiceDueOn(today, invoicePaymentWorkingDays, (d, n) => this.workingDays.add(d, n));
      const invoice = Invoice.issue({
        id: uuidv7(),
        number: await this.nextNumber('SRV', 'services_invoice_number_seq', today),
        contract: terms,
        ...input,
        issuedOn: today,
        dueOn,
        issuedBy: actor.subject,
        at: now,
      });
      em.persist(invoice);
      await this.timers.schedule(em, { kind: INVOICE_DUE_TIMER, key: invoice.id, dueAt: endOfAlmatyDay(dueOn), payload: { invoiceId: invoice.id } });
      // ADR 0067 §2 / 0109: the PDF is owed from this transaction, made and archived outside it (a company's invoice only, §5).
      if (invoice.recipientKind === 'legal-entity') await scheduleInvoiceArchive(this.timers, em, invoice.id, now);
      return { id: invoice.id };
    });
  }

  recordPayment(invoiceId: string, input: { amountTiyn: number; paidOn: string; reference: string }, actor: Actor): Promise<void> {
    return this.uow.run(async (em) => {
      const now = this.clock.now();
      const invoice = await this.invoice(invoiceId);
      const payment = invoice.pay(
        { id: uuidv7(), ...input, paidOn: input.paidOn, source: 'manual', importId: null, recordedBy: actor.subject },
        almatyDate(now),
        now,
      );
      em.persist(Object.assign(new InvoicePaymentRow(), payment));
      if (invoice.status === 'paid') await this.timers.cancel(em, INVOICE_DUE_TIMER, invoice.id);
    });
  }

  /**
   * F-55: payments from the Fund's bank statement (`@hub/bank-statement`, header
   * `paid_on,payer,amount_kzt,reference,invoice`): the payer is the recipient's BIN or IIN, the purpose
   * the invoice number. All rows or none; every problem names its row and column.
   */
  importStatement(csv: string, actor: Actor): Promise<{ importId: string; rows: number; totalTiyn: number }> {
    const rows = parseStatement(csv, SERVICES_STATEMENT);
    return this.uow.run(async (em) => {
      const now = this.clock.now();
      const today = almatyDate(now);
      const invoices = new Map((await em.find(InvoiceSchema, { number: { $in: [...new Set(rows.map((r) => r.purpose))] } })).map((i) => [i.number, i]));
      const known = new Set((await em.find(InvoicePaymentSchema, { reference: { $in: rows.map((r) => r.reference) } })).map((p) => p.reference));
      const issues: FieldIssue[] = [];
      const importId = uuidv7();
      for (const row of rows) {
        const invoice = invoices.get(row.purpose);
        if (known.has(row.reference)) {
          issues.push({ path: cellPath(row.row, 'reference'), message: 'this payment is already recorded', code: 'csv.already-recorded' });
          continue;
        }
        if (!invoice) {
          issues.push({ path: cellPath(row.row, 'invoice'), message: `no invoice ${row.purpose}`, code: 'csv.no-invoice' });
          continue;
        }
        // F-42 (ADR 0069): an individual's invoice names a pseudonym; the statement's IIN is looked up, never stored
        const payer = invoice.recipientKind === 'individual' ? await this.pseudonyms.find(row.payer) : row.payer;
        if (invoice.recipientId !== payer) {
          issues.push({ path: cellPath(row.row, 'payer'), message: `the invoice ${invoice.number} is not addressed to this payer`, code: 'csv.other-payer' });
          continue;
        }
        try {
          const payment = invoice.pay(
            {
              id: uuidv7(),
              amountTiyn: row.amount,
              paidOn: row.paidOn,
              reference: row.reference,
              source: 'bank-statement',
              importId,
              recordedBy: actor.subject,
            },
            today,
            now,
            cellPath(row.row, 'amount_kzt'),
          );
          em.persist(Object.assign(new InvoicePaymentRow(), payment));
          if (invoice.status === 'paid') await this.timers.cancel(em, INVOICE_DUE_TIMER, invoice.id);
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          const path = e instanceof ValidationError && e.issues[0]?.path === 'paidOn' ? cellPath(row.row, 'paid_on') : cellPath(row.row, 'amount_kzt');
          issues.push({ path, message: e.message, code: 'csv.refused' });
        }
      }
      if (issues.length > 0)
        throw new ValidationError(
          issues,
          `the bank statement has ${issues.length} problem(s); nothing was imported: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
          'csv.invalid',
        );
      return { importId, rows: rows.length, totalTiyn: sumTiyn(rows.map((r) => r.amount)) };
    });
  }

  cancelInvoice(invoiceId: string, reason: string): Promise<void> {
    return this.uow.run(async (em) => {
      const invoice = await this.invoice(invoiceId);
      invoice.cancel(reason, this.clock.now());
      await this.timers.cancel(em, INVOICE_DUE_TIMER, invoice.id);
    });
  }

  /** The due day ended (timer): an unpaid invoice becomes overdue. */
  markOverdue(invoiceId: string): Promise<void> {
    return this.uow.run(async () => (await this.invoice(invoiceId)).markOverdue(this.clock.now()));
  }

  issueAct(applicationId: string, input: { deliveredFrom: string; deliveredTo: string; description: string }): Promise<{ id: string }> {
    return this.uow.run(async (em) => {
      const now = this.clock.now();
      const today = almatyDate(now);
      const { terms, signedOn } = await this.contractOf(applicationId, false);
      const act = DeliveryAct.issue({
        id: uuidv7(),
        number: await this.nextNumber('ACT', 'services_delivery_act_number_seq', today),
        contract: terms,
        contractSignedOn: signedOn,
        deliveredFrom: input.deliveredFrom,
        deliveredTo: input.deliveredTo,
        description: input.description,
        issuedOn: today,
        at: now,
      });
      em.persist(act);
      return { id: act.id };
    });
  }

  answerAct(actId: string, answer: { accept: true } | { accept: false; reason: string }, actor: Actor): Promise<void> {
    return this.uow.run(async () => {
      const now = this.clock.now();
      const act = await this.uow.em().findOne(DeliveryActSchema, { id: actId });
      if (!act) throw new NotFoundError('delivery act', actId);
      const application = await this.uow.em().findOne(ServiceApplicationSchema, { id: act.applicationId });
      if (!application || !mayRead(actor, application)) throw new NotFoundError('delivery act', actId);
      assertApplicant(actor, application); // the recipient answers its act; the Fund's people may only read it
      if (answer.accept) act.accept(actor.subject, almatyDate(now), now);
      else act.dispute(actor.subject, answer.reason, almatyDate(now), now);
    });
  }

  // ---- reads: the Fund's readers see all; a recipient its own (as its applications, ADR 0060) ----

  async invoices(actor: Actor, filter: { applicationId?: string; status?: 'issued' | 'paid' | 'cancelled' }): Promise<InvoiceView[]> {
    const em = this.uow.reader();
    const where = { ...(filter.applicationId ? { applicationId: filter.applicationId } : {}), ...(filter.status ? { status: filter.status } : {}) };
    const rows = hasAnyRole(actor, APPLICATION_READER_ROLES)
      ? await em.find(InvoiceSchema, where, { orderBy: { issuedOn: 'desc', id: 'desc' }, limit: 500 })
      : await em.find(
          InvoiceSchema,
          { ...where, applicationId: { $in: await this.ownApplicationIds(actor, filter.applicationId) } },
          { orderBy: { issuedOn: 'desc', id: 'desc' }, limit: 500 },
        );
    const payments = rows.length
      ? await em.find(InvoicePaymentSchema, { invoiceId: { $in: rows.map((r) => r.id) } }, { orderBy: { paidOn: 'asc', id: 'asc' } })
      : [];
    const archived = await this.archivedDocuments(rows.map((r) => r.id));
    const today = almatyDate(this.clock.now());
    return rows.map((i) =>
      invoiceView(
        i,
        payments.filter((p) => p.invoiceId === i.id),
        today,
        archived.get(i.id),
      ),
    );
  }

  /**
   * ADR 0033/0047: the payment due dates of the open (issued, not fully paid) invoices for the
   * deadlines board (F-55, ADR 0066) — the Fund's readers see all, a recipient its own; an
   * individual's IIN is not on the board (F-42).
   */
  async invoiceDeadlines(actor: Actor): Promise<InvoiceDeadline[]> {
    const em = this.uow.reader();
    const open = hasAnyRole(actor, [...APPLICATION_READER_ROLES, ...DEADLINE_READER_ROLES])
      ? await em.find(InvoiceSchema, { status: 'issued' })
      : await em.find(InvoiceSchema, { status: 'issued', applicationId: { $in: await this.ownApplicationIds(actor) } });
    const today = almatyDate(this.clock.now());
    return open.map((i) => ({
      kind: 'service-invoice-payment' as const,
      ruleId: 'F-55',
      dueDate: i.dueOn,
      overdue: i.overdue || compareIsoDates(today, i.dueOn) > 0,
      ...(i.recipientKind === 'legal-entity' ? { bin: i.recipientId } : {}),
      subjectId: i.id,
      status: 'open' as const,
      applicationId: i.applicationId,
      invoiceNumber: i.number,
      outstandingTiyn: i.outstandingTiyn,
    }));
  }

  async invoiceFor(actor: Actor, id: string): Promise<InvoiceView> {
    const em = this.uow.reader();
    const invoice = await em.findOne(InvoiceSchema, { id });
    if (!invoice || !(await this.mayReadApplication(actor, invoice.applicationId))) throw new NotFoundError('invoice', id);
    const payments = await em.find(InvoicePaymentSchema, { invoiceId: id }, { orderBy: { paidOn: 'asc', id: 'asc' } });
    return invoiceView(invoice, payments, almatyDate(this.clock.now()), (await this.archivedDocuments([id])).get(id));
  }

  async acts(actor: Actor, filter: { applicationId?: string }): Promise<DeliveryActView[]> {
    const em = this.uow.reader();
    const where = filter.applicationId ? { applicationId: filter.applicationId } : {};
    const rows = hasAnyRole(actor, APPLICATION_READER_ROLES)
      ? await em.find(DeliveryActSchema, where, { orderBy: { issuedOn: 'desc', id: 'desc' }, limit: 500 })
      : await em.find(
          DeliveryActSchema,
          { applicationId: { $in: await this.ownApplicationIds(actor, filter.applicationId) } },
          { orderBy: { issuedOn: 'desc', id: 'desc' }, limit: 500 },
        );
    return rows.map(actView);
  }

  async actFor(actor: Actor, id: string): Promise<DeliveryActView> {
    const act = await this.uow.reader().findOne(DeliveryActSchema, { id });
    if (!act || !(await this.mayReadApplication(actor, act.applicationId))) throw new NotFoundError('delivery act', id);
    return actView(act);
  }

  /** invoice id → its document id in the Fund's archive (ADR 0109). */
  private async archivedDocuments(invoiceIds: readonly string[]): Promise<Map<string, string>> {
    if (invoiceIds.length === 0) return new Map();
    const rows = await this.uow.reader().find(InvoiceArchiveSchema, { invoiceId: { $in: [...invoiceIds] } });
    return new Map(rows.map((r) => [r.invoiceId, r.documentId]));
  }

  private async contractOf(applicationId: string, lock: boolean): Promise<{ terms: ContractTerms; signedOn: IsoDate }> {
    const a = await this.uow.em().findOne(ServiceApplicationSchema, { id: applicationId }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {});
    if (!a) throw new NotFoundError('service application', applicationId);
    if (a.status !== 'contracted' || a.contractId === null || a.contractPriceTiyn === null || a.contractSignedOn === null)
      throw new IllegalStateError('service application', a.status, 'invoice or act under', 'the contract is not signed (F-55)');
    return {
      terms: {
        applicationId: a.id,
        contractId: a.contractId,
        recipientKind: a.recipientKind,
        recipientId: a.recipientId,
        contractPriceTiyn: tiyn(a.contractPriceTiyn),
      },
      signedOn: a.contractSignedOn,
    };
  }

  private async invoice(id: string): Promise<Invoice> {
    const i = await this.uow.em().findOne(InvoiceSchema, { id });
    if (!i) throw new NotFoundError('invoice', id);
    return i;
  }

  private async nextNumber(prefix: string, sequence: string, today: IsoDate): Promise<string> {
    const [row] = await this.uow.em().execute<{ n: string }[]>(`select nextval('${sequence}') as n`);
    return `${prefix}-${today.slice(0, 4)}-${String(row!.n).padStart(6, '0')}`;
  }

  private async ownApplicationIds(actor: Actor, only?: string): Promise<string[]> {
    const mine = await this.uow.reader().find(
      ServiceApplicationSchema,
      {
        $or: [
          { recipientKind: 'legal-entity', recipientId: { $in: [...actor.companies] } },
          { recipientKind: 'individual', filedBy: actor.subject },
        ],
      },
      { fields: ['id'] },
    );
    const ids = mine.map((a) => a.id);
    return only ? ids.filter((id) => id === only) : ids;
  }

  private async mayReadApplication(actor: Actor, applicationId: string): Promise<boolean> {
    const a = await this.uow.reader().findOne(ServiceApplicationSchema, { id: applicationId });
    return a !== null && mayRead(actor, a);
  }
}

/** The statement format of service payments (ADR 0066): the payer is a BIN or an IIN, the purpose an invoice number. */
export const SERVICES_STATEMENT: StatementFormat<string> = {
  payerColumn: 'payer',
  purposeColumn: 'invoice',
  readPayer: (text) =>
    validateBin(text, 'payer').ok || validateIin(text, 'payer').ok
      ? { ok: true, value: text }
      : { ok: false, message: 'must be the payer’s 12-digit BIN or IIN' },
  readPurpose: (text) => (/^SRV-\d{4}-\d{6,}$/.test(text) ? { ok: true, value: text } : { ok: false, message: 'must be an invoice number SRV-YYYY-NNNNNN' }),
};
