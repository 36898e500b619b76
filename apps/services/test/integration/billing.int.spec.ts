import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kzCalendar } from '@hub/calendar';
import {
  type Harness,
  MINIMAL_CONTENT,
  auth,
  contractedApplication,
  json,
  newBin,
  poller,
  serviceWithCall,
  startHarness,
} from '../support/services-harness.js';

/** F-55 (ADR 0066): invoices within the contract amount, payments by hand and by bank statement, overdue by timer, delivery acts — on the real database. */
let h: Harness;
let officer: string;
let finance: string;
let callId: string;
const ISSUED_ON = '2026-12-21'; // a Monday, inside the intake window
interface InvoiceView {
  id: string;
  number: string;
  amountTiyn: number;
  paidTiyn: number;
  outstandingTiyn: number;
  status: string;
  overdue: boolean;
  issuedOn: string;
  dueOn: string;
  bin?: string;
  payments: { reference: string; source: string }[];
}

beforeAll(async () => {
  h = await startHarness('services_billing');
  officer = await h.token(['fund-officer']);
  finance = await h.token(['finance-officer']);
  ({ callId } = await serviceWithCall(h, officer, {
    code: 'consult-billing',
    direction: 'consultation',
    participantPriceTiyn: 100_000_00,
    nonParticipantPriceTiyn: 300_000_00,
  }));
  h.clock.set(`${ISSUED_ON}T04:00:00Z`);
});
afterAll(async () => {
  await h?.close();
});

/** A legal entity (not a participant: the non-participant price, 300 000 KZT) with a signed contract. */
const contracted = () => contractedApplication(h, officer, callId);
const invoice = (applicationId: string, amountTiyn: number) =>
  h.http().post(`/service-applications/${applicationId}/invoices`).set(auth(finance)).send({ amountTiyn, purpose: 'Instalment under the contract' });
const count = async (sql: string, params: unknown[] = []) => Number((await h.sql<{ n: string }>(sql, params))[0]?.n);
const outboxTypes = async (aggregateId: string) =>
  (await h.sql<{ event_type: string }>(`select event_type from hub_outbox where envelope->>'aggregateId' = ? order by position`, [aggregateId])).map(
    (r) => r.event_type,
  );

describe('F-55 invoices within the contract amount', () => {
  it('F-55: invoices add up to the contract amount at most; one more is refused naming amountTiyn and nothing is stored', async () => {
    const a = await contracted();
    const first = await invoice(a.id, 200_000_00);
    expect(first.status).toBe(201);
    const inv = json<InvoiceView>(first);
    expect(inv.number).toMatch(/^SRV-2026-\d{6}$/);
    expect(inv).toMatchObject({
      amountTiyn: 200_000_00,
      paidTiyn: 0,
      outstandingTiyn: 200_000_00,
      status: 'issued',
      overdue: false,
      issuedOn: ISSUED_ON,
      bin: a.bin,
    });
    // ADR 0066: due `invoicePaymentWorkingDays` (10 in data/services-rules.json) working days later on the Kazakh calendar
    expect(inv.dueOn).toBe(kzCalendar().addWorkingDays(ISSUED_ON, 10));
    expect(await outboxTypes(inv.id)).toEqual(['services.invoice-issued']);
    expect(
      await count(`select count(*)::text as n from hub_timer where kind = 'services.invoice-payment-due' and timer_key = ? and status = 'scheduled'`, [inv.id]),
    ).toBe(1);

    const tooMuch = await invoice(a.id, 100_000_01);
    expect(tooMuch.status).toBe(422);
    expect(JSON.stringify(tooMuch.body)).toContain('"amountTiyn"');
    expect(JSON.stringify(tooMuch.body)).toContain('F-55');
    expect(await count(`select count(*)::text as n from services_invoice where application_id = ?`, [a.id])).toBe(1);
    expect((await invoice(a.id, 100_000_00)).status).toBe(201);
  });

  it('F-55: two invoices issued at once for the rest of the amount cannot both fit (the application row is locked)', async () => {
    const a = await contracted();
    const results = await Promise.all([invoice(a.id, 300_000_00), invoice(a.id, 300_000_00)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
    expect(await count(`select count(*)::text as n from services_invoice where application_id = ?`, [a.id])).toBe(1);
  });

  it('F-55: no invoice before the contract is signed; bad input names the field', async () => {
    const bin = newBin();
    const filed = await h
      .http()
      .post('/service-applications')
      .set(auth(await h.token(['applicant'], [bin])))
      .send({ callId, recipient: { kind: 'legal-entity', bin }, language: 'ru', declarationAccepted: true, content: MINIMAL_CONTENT });
    const notYet = await invoice(json<{ id: string }>(filed).id, 100_00);
    expect(notYet.status).toBe(409);
    const a = await contracted();
    const fraction = await h.http().post(`/service-applications/${a.id}/invoices`).set(auth(finance)).send({ amountTiyn: 10.5, purpose: 'Instalment' });
    expect(fraction.status).toBe(400);
    expect(JSON.stringify(fraction.body)).toContain('amountTiyn');
    const byOfficer = await h.http().post(`/service-applications/${a.id}/invoices`).set(auth(officer)).send({ amountTiyn: 100_00, purpose: 'Instalment' });
    expect(byOfficer.status).toBe(403);
  });
});

describe('F-55 payments', () => {
  it('F-55: payments by hand up to the amount; an overpayment is refused naming amountTiyn; a reference is recorded once; the last payment closes the invoice and its timer', async () => {
    const a = await contracted();
    const inv = json<InvoiceView>(await invoice(a.id, 300_000_00));
    const pay = (amountTiyn: number, reference: string, paidOn = ISSUED_ON) =>
      h.http().post(`/invoices/${inv.id}/payments`).set(auth(finance)).send({ amountTiyn, paidOn, reference });
    const part = await pay(100_000_00, `TX-${inv.number}-1`);
    expect(part.status).toBe(201);
    expect(json<InvoiceView>(part)).toMatchObject({ paidTiyn: 100_000_00, outstandingTiyn: 200_000_00, status: 'issued' });
    const over = await pay(200_000_01, `TX-${inv.number}-2`);
    expect(over.status).toBe(422);
    expect(JSON.stringify(over.body)).toContain('"amountTiyn"');
    const future = await pay(1_00, `TX-${inv.number}-3`, '2027-01-30');
    expect(future.status).toBe(422);
    expect(JSON.stringify(future.body)).toContain('"paidOn"');
    expect((await pay(1_00, `TX-${inv.number}-1`)).status).toBe(409); // the same bank reference twice
    const rest = await pay(200_000_00, `TX-${inv.number}-4`);
    expect(json<InvoiceView>(rest)).toMatchObject({ paidTiyn: 300_000_00, outstandingTiyn: 0, status: 'paid' });
    expect(await outboxTypes(inv.id)).toEqual(['services.invoice-issued', 'services.invoice-paid']);
    expect(
      await count(`select count(*)::text as n from hub_timer where kind = 'services.invoice-payment-due' and timer_key = ? and status = 'scheduled'`, [inv.id]),
    ).toBe(0);
    expect((await pay(1_00, `TX-${inv.number}-5`)).status).toBe(409); // paid in full
    expect(await count(`select count(*)::text as n from services_invoice_payment where invoice_id = ?`, [inv.id])).toBe(2);
  });

  it('F-55, ADR 0066: a bank statement is imported all or nothing, every problem naming its row and column', async () => {
    const a = await contracted();
    const b = await contracted();
    const ia = json<InvoiceView>(await invoice(a.id, 150_000_00));
    const ib = json<InvoiceView>(await invoice(b.id, 300_000_00));
    const header = 'paid_on,payer,amount_kzt,reference,invoice';
    const bad = [
      header,
      `${ISSUED_ON},${a.bin},150000.00,ST-${ia.number},${ia.number}`,
      `${ISSUED_ON},${a.bin},300000,ST-${ib.number},${ib.number}`,
      `${ISSUED_ON},${b.bin},1,ST-X-${ib.number},SRV-2026-999999`,
    ].join('\n');
    const refused = await h.http().post('/invoice-payments/imports').set(auth(finance)).send({ csv: bad });
    expect(refused.status).toBe(422);
    const paths = (refused.body as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(paths).toEqual(['csv.row[3].payer', 'csv.row[4].invoice']);
    expect(await count(`select count(*)::text as n from services_invoice_payment where invoice_id in (?, ?)`, [ia.id, ib.id])).toBe(0);

    const good = [
      header,
      `${ISSUED_ON},${a.bin},150000.00,ST-${ia.number},${ia.number}`,
      `"${ISSUED_ON}","${b.bin}","100000.5","ST-${ib.number}","${ib.number}"`,
    ].join('\r\n');
    const imported = await h.http().post('/invoice-payments/imports').set(auth(finance)).send({ csv: good });
    expect(imported.status).toBe(201);
    expect(json<{ rows: number; totalTiyn: number }>(imported)).toMatchObject({ rows: 2, totalTiyn: 250_000_50 });
    const after = json<InvoiceView[]>(await h.http().get(`/invoices?applicationId=${b.id}`).set(auth(finance)));
    expect(after[0]).toMatchObject({ paidTiyn: 100_000_50, status: 'issued', payments: [{ reference: `ST-${ib.number}`, source: 'bank-statement' }] });
    expect(json<InvoiceView>(await h.http().get(`/invoices/${ia.id}`).set(auth(finance))).status).toBe('paid');

    const again = await h.http().post('/invoice-payments/imports').set(auth(finance)).send({ csv: good });
    expect(again.status).toBe(422);
    expect(JSON.stringify(again.body)).toContain('already recorded');
    const overpaid = await h
      .http()
      .post('/invoice-payments/imports')
      .set(auth(finance))
      .send({ csv: [header, `${ISSUED_ON},${b.bin},200000.00,ST2-${ib.number},${ib.number}`].join('\n') });
    expect(overpaid.status).toBe(422);
    expect((overpaid.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['csv.row[2].amount_kzt']);
  });

  it('F-55, ADR 0066: an invoice unpaid at the end of its due day becomes overdue by the durable timer; a paid one does not', async () => {
    const a = await contracted();
    const unpaid = json<InvoiceView>(await invoice(a.id, 100_000_00));
    const paid = json<InvoiceView>(await invoice(a.id, 100_000_00));
    await h
      .http()
      .post(`/invoices/${paid.id}/payments`)
      .set(auth(finance))
      .send({ amountTiyn: 100_000_00, paidOn: ISSUED_ON, reference: `TX-${paid.number}` });
    h.clock.set(new Date(Date.parse(`${unpaid.dueOn}T19:00:01Z`)).toISOString()); // just after 23:59:59 on the due day in Almaty
    try {
      await poller(h).runDue();
      expect(json<InvoiceView>(await h.http().get(`/invoices/${unpaid.id}`).set(auth(finance))).overdue).toBe(true);
      expect(await outboxTypes(unpaid.id)).toEqual(['services.invoice-issued', 'services.invoice-overdue']);
      expect(json<InvoiceView>(await h.http().get(`/invoices/${paid.id}`).set(auth(finance)))).toMatchObject({ status: 'paid', overdue: false });
    } finally {
      h.clock.set(`${ISSUED_ON}T04:00:00Z`);
    }
  });
});

describe('F-55 delivery acts and who sees what', () => {
  it('F-55: the Fund issues an act for a delivered period; only the recipient answers it, once', async () => {
    const a = await contracted();
    const future = await h
      .http()
      .post(`/service-applications/${a.id}/delivery-acts`)
      .set(auth(officer))
      .send({ deliveredFrom: ISSUED_ON, deliveredTo: '2027-02-01', description: 'Two sessions' });
    expect(future.status).toBe(422);
    expect(JSON.stringify(future.body)).toContain('"deliveredTo"');
    const issued = await h
      .http()
      .post(`/service-applications/${a.id}/delivery-acts`)
      .set(auth(officer))
      .send({ deliveredFrom: ISSUED_ON, deliveredTo: ISSUED_ON, description: 'Two consultation sessions on the go-to-market plan' });
    expect(issued.status).toBe(201);
    const act = json<{ id: string; number: string; status: string }>(issued);
    expect(act.number).toMatch(/^ACT-2026-\d{6}$/);

    const stranger = await h.token(['applicant'], [newBin()]);
    expect((await h.http().post(`/delivery-acts/${act.id}/answer`).set(auth(stranger)).send({ accept: true })).status).toBe(404);
    expect((await h.http().post(`/delivery-acts/${act.id}/answer`).set(auth(finance)).send({ accept: true })).status).toBe(403);
    const noReason = await h.http().post(`/delivery-acts/${act.id}/answer`).set(auth(a.applicant)).send({ accept: false });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('reason');
    const accepted = await h.http().post(`/delivery-acts/${act.id}/answer`).set(auth(a.applicant)).send({ accept: true });
    expect(accepted.status).toBe(200);
    expect(json<{ status: string }>(accepted).status).toBe('accepted');
    expect((await h.http().post(`/delivery-acts/${act.id}/answer`).set(auth(a.applicant)).send({ accept: false, reason: 'Changed my mind' })).status).toBe(409);
    expect(await outboxTypes(act.id)).toEqual(['services.delivery-act-issued', 'services.delivery-act-answered']);
  });

  it('a recipient reads its own invoices and acts only; the Fund’s readers read all', async () => {
    const a = await contracted();
    const b = await contracted();
    const ia = json<InvoiceView>(await invoice(a.id, 100_000_00));
    await invoice(b.id, 100_000_00);
    const mine = json<InvoiceView[]>(await h.http().get('/invoices').set(auth(a.applicant)));
    expect(mine.map((i) => i.id)).toEqual([ia.id]);
    expect((await h.http().get(`/invoices/${ia.id}`).set(auth(b.applicant))).status).toBe(404);
    expect(json<InvoiceView[]>(await h.http().get(`/invoices?applicationId=${a.id}`).set(auth(b.applicant)))).toEqual([]);
    const auditor = await h.token(['auditor']);
    const all = json<InvoiceView[]>(await h.http().get('/invoices').set(auth(auditor)));
    expect(all.map((i) => i.id)).toContain(ia.id);
    expect(all.length).toBeGreaterThan(1);
  });
});

describe('GET /deadlines: invoice payments with the review deadlines (F-55, ADR 0033/0047)', () => {
  interface Item {
    kind: string;
    ruleId: string;
    subjectId: string;
    dueDate: string;
    overdue: boolean;
    bin?: string;
    invoiceNumber?: string;
    outstandingTiyn?: number;
    cursor: string;
  }
  interface Page {
    items: Item[];
    nextCursor: string | null;
    total: number;
    overdueCount: number;
  }
  const board = async (token: string, query = '') => {
    const res = await h.http().get(`/deadlines${query}`).set(auth(token));
    expect(res.status).toBe(200);
    return json<Page>(res);
  };

  it('F-55: an open invoice is on the board at its due working day beside the reviews, in due order, paged; a paid one is not; overdue after its due day; a recipient sees its own', async () => {
    const a = await contracted();
    const open = json<InvoiceView>(await invoice(a.id, 100_000_00));
    const paid = json<InvoiceView>(await invoice(a.id, 100_000_00));
    await h
      .http()
      .post(`/invoices/${paid.id}/payments`)
      .set(auth(finance))
      .send({ amountTiyn: 100_000_00, paidOn: ISSUED_ON, reference: `TX-DL-${paid.number}` });
    // an application under review of another recipient: its review deadline is on the same board
    const bin = newBin();
    const filed = await h
      .http()
      .post('/service-applications')
      .set(auth(await h.token(['applicant'], [bin])))
      .send({ callId, recipient: { kind: 'legal-entity', bin }, language: 'ru', declarationAccepted: true, content: MINIMAL_CONTENT });
    expect(filed.status).toBe(201);
    const review = json<{ id: string; reviewDueOn: string }>(filed);

    const all = await board(finance, '?limit=1000');
    expect(all.items.find((d) => d.subjectId === open.id)).toEqual(
      expect.objectContaining({
        kind: 'service-invoice-payment',
        ruleId: 'F-55',
        dueDate: open.dueOn,
        overdue: false,
        bin: a.bin,
        invoiceNumber: open.number,
        outstandingTiyn: 100_000_00,
      }),
    );
    expect(all.items.find((d) => d.subjectId === paid.id)).toBeUndefined();
    expect(all.items.find((d) => d.subjectId === review.id)).toEqual(
      expect.objectContaining({ kind: 'service-application-review', ruleId: 'F-51', dueDate: review.reviewDueOn }),
    );
    // ADR 0047: one order over both kinds — due date, then the subject's id
    const keys = all.items.map((d) => `${d.dueDate}|${d.subjectId}`);
    expect(keys).toEqual([...keys].sort());
    expect(all.total).toBe(all.items.length);
    // walking the board one item a page gives the same list, nothing lost or repeated
    const walked: string[] = [];
    let after: string | null = null;
    do {
      const page: Page = await board(finance, `?limit=1${after ? `&after=${after}` : ''}`);
      walked.push(...page.items.map((d) => d.subjectId));
      after = page.nextCursor;
    } while (after !== null);
    expect(walked).toEqual(all.items.map((d) => d.subjectId));

    // the recipient sees its own invoice, not the other recipient's review; a stranger sees neither
    expect((await board(a.applicant)).items.map((d) => d.subjectId)).toEqual([open.id]);
    expect((await board(await h.token(['applicant'], [newBin()]))).items).toEqual([]);

    h.clock.set(new Date(Date.parse(`${open.dueOn}T19:00:01Z`)).toISOString()); // the day after the due day in Almaty
    try {
      const late = await board(finance, '?overdue=true&limit=1000');
      expect(late.items.find((d) => d.subjectId === open.id)?.overdue).toBe(true);
      expect(late.overdueCount).toBe(late.total);
      expect((await board(finance, '?overdue=false&limit=1000')).items.find((d) => d.subjectId === open.id)).toBeUndefined();
    } finally {
      h.clock.set(`${ISSUED_ON}T04:00:00Z`);
    }
  });
});
