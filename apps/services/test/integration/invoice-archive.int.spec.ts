import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderServiceInvoicePdf } from '@hub/documents';
import { uuidv7 } from '@hub/kernel';
import type { TimerRecord } from '@hub/messaging';
import { ServiceTokenError, UnitOfWork } from '@hub/nest-commons';
import { anIin } from '@hub/testing';
import { type ArchivableInvoice, InvoiceArchive } from '../../src/billing/application/ports/invoice-archive.ports.js';
import { InvoiceArchiveTimerHandler } from '../../src/billing/application/timers/invoice-archive.timer-handler.js';
import { UnconfiguredInvoiceArchive } from '../../src/billing/infrastructure/invoice-archive.adapters.js';
import { loadServicesParameters } from '../../src/shared/infrastructure/shared.providers.js';
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

/**
 * The documents context is another deployable: here it is stood in for by `RecordingArchive` (what the
 * archive port received, a document id per invoice number, and an outage switch). The real exchange —
 * documents, the gateway, the token endpoint and S3 — is proven end to end by
 * apps/admin-gateway/test/e2e/service-invoice-archive.e2e.spec.ts. What is proven here, on the real
 * database: the timer is written in the issuing transaction, the PDF rendered from what was stored,
 * its document id recorded once, an outage retried without touching the invoice, individuals skipped.
 */
class RecordingArchive extends InvoiceArchive {
  readonly calls: ArchivableInvoice[] = [];
  readonly ids = new Map<string, string>();
  down = false;
  archive(i: ArchivableInvoice): Promise<{ readonly documentId: string }> {
    this.calls.push(i);
    if (this.down) return Promise.reject(new Error('documents answered 503 (object storage unavailable)'));
    const documentId = this.ids.get(i.number) ?? uuidv7();
    this.ids.set(i.number, documentId);
    return Promise.resolve({ documentId });
  }
}

const archive = new RecordingArchive();
let h: Harness;
let officer: string;
let finance: string;
let callId: string;
const ISSUED_ON = '2026-12-21';
const NOW = `${ISSUED_ON}T04:00:00Z`;
type InvoiceView = { id: string; number: string; status: string; document: { status: string; documentId?: string } };
const PAYER = 'ТОО «Архив Тест»';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  h = await startHarness('services_invoice_archive', { overrides: (b) => b.overrideProvider(InvoiceArchive).useValue(archive) });
  officer = await h.token(['fund-officer']);
  finance = await h.token(['finance-officer']);
  ({ callId } = await serviceWithCall(h, officer, {
    code: 'consult-archive',
    direction: 'consultation',
    participantPriceTiyn: 100_00,
    nonParticipantPriceTiyn: 1_234_567_89,
  }));
  h.clock.set(NOW);
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => {
  archive.calls.length = 0;
  archive.down = false;
});

const issue = async (applicationId: string, amountTiyn: number) => {
  const res = await h.http().post(`/service-applications/${applicationId}/invoices`).set(auth(finance)).send({ amountTiyn, purpose: '100 % prepayment' });
  if (res.status !== 201) throw new Error(`invoice answered ${res.status}: ${JSON.stringify(res.body)}`);
  return json<InvoiceView>(res);
};
const timers = (invoiceId: string) =>
  h.sql<{ status: string; attempts: number; last_error: string | null }>(
    `select status, attempts, last_error from hub_timer where kind = 'services.invoice-archive' and timer_key = ?`,
    [invoiceId],
  );
const archived = (invoiceId: string) => h.sql<{ document_id: string }>(`select document_id from services_invoice_archive where invoice_id = ?`, [invoiceId]);

describe('ADR 0067 / 0109: an invoice to a company is rendered as a PDF and archived in documents by a durable timer', () => {
  it('F-55: issuing owes the PDF in the same transaction; the timer renders what was stored, archives it once and records the document id', async () => {
    const a = await contractedApplication(h, officer, callId, PAYER);
    const inv = await issue(a.id, 1_234_567_89);
    expect(inv.document).toEqual({ status: 'pending' });
    expect(await timers(inv.id)).toEqual([{ status: 'scheduled', attempts: 0, last_error: null }]);

    await poller(h).runDue();
    expect(archive.calls).toHaveLength(1);
    const sent = archive.calls[0]!;
    expect(sent).toMatchObject({ number: inv.number, bin: a.bin });
    expect(sent.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sent.sha256).toBe(sha256(sent.pdf));
    // the PDF is the shared renderer's, from the invoice as stored and the Fund's requisites in force on the issue day
    const contract = (
      await h.sql<{ contract_id: string; signed: string }>(
        `select contract_id, to_char(contract_signed_on, 'YYYY-MM-DD') as signed from services_application where id = ?`,
        [a.id],
      )
    )[0]!;
    const expected = await renderServiceInvoicePdf({
      number: inv.number,
      issuedOn: ISSUED_ON,
      dueOn: json<{ dueOn: string }>(await h.http().get(`/invoices/${inv.id}`).set(auth(finance))).dueOn,
      issuer: loadServicesParameters()[0]!.invoiceIssuer,
      recipient: { bin: a.bin, name: PAYER }, // ADR 0123: the payer's name captured at contract time
      contract: { id: contract.contract_id, signedOn: contract.signed },
      service: 'Service consult-archive',
      purpose: '100 % prepayment',
      amountTiyn: 1_234_567_89n,
    });
    expect(sha256(sent.pdf)).toBe(sha256(expected));

    const documentId = archive.ids.get(inv.number)!;
    expect(await archived(inv.id)).toEqual([{ document_id: documentId }]);
    expect(await timers(inv.id)).toEqual([{ status: 'fired', attempts: 1, last_error: null }]);
    // the company, finance and the auditor see where to download it (documents serves the bytes, ADR 0067 §6)
    for (const token of [a.applicant, finance, await h.token(['auditor'])]) {
      expect(json<InvoiceView>(await h.http().get(`/invoices/${inv.id}`).set(auth(token))).document).toEqual({ status: 'archived', documentId });
    }
    const listed = json<InvoiceView[]>(await h.http().get(`/invoices?applicationId=${a.id}`).set(auth(a.applicant)));
    expect(listed.map((i) => i.document)).toEqual([{ status: 'archived', documentId }]);
  });

  it('the same timer fired twice archives once (a repeated fire finds the invoice archived)', async () => {
    const a = await contractedApplication(h, officer, callId);
    const inv = await issue(a.id, 500_00);
    const handler = h.app.get(InvoiceArchiveTimerHandler);
    const timer = { id: uuidv7(), kind: 'services.invoice-archive', key: inv.id, payload: { invoiceId: inv.id } } as unknown as TimerRecord;
    // as the poller runs it: inside the unit of work's transaction, twice (a claimed timer fired again after a crash)
    const uow = h.app.get(UnitOfWork);
    await uow.run((em) => handler.fire(timer, em));
    await uow.run((em) => handler.fire(timer, em));
    expect(archive.calls.map((c) => c.number)).toEqual([inv.number]);
    expect(await archived(inv.id)).toHaveLength(1);
  });

  it('documents down: the timer fails and is retried with backoff; the invoice stands and says pending; once back, it is archived', async () => {
    const a = await contractedApplication(h, officer, callId);
    const inv = await issue(a.id, 700_00);
    archive.down = true;
    await poller(h).runDue();
    const [failedOnce] = await timers(inv.id);
    expect(failedOnce).toMatchObject({ status: 'scheduled', attempts: 1 });
    expect(failedOnce!.last_error).toMatch(/503/);
    const view = json<InvoiceView>(await h.http().get(`/invoices/${inv.id}`).set(auth(finance)));
    expect(view).toMatchObject({ status: 'issued', document: { status: 'pending' } });
    expect(await archived(inv.id)).toHaveLength(0);

    archive.down = false;
    h.clock.set(new Date(Date.parse(NOW) + 10 * 60_000).toISOString()); // past the backoff
    try {
      await poller(h).runDue();
    } finally {
      h.clock.set(NOW);
    }
    expect(archive.calls.map((c) => c.number)).toEqual([inv.number, inv.number]);
    expect(await archived(inv.id)).toEqual([{ document_id: archive.ids.get(inv.number) }]);
    // the same bytes both times: a retry is an idempotent repeat at the archive, never a conflict (ADR 0045 §9)
    expect(archive.calls[0]!.sha256).toBe(archive.calls[1]!.sha256);
  });

  it('ADR 0123: the payer’s name is kept encrypted on the contract — never in clear in the row or in any event; a blank one is refused on the field payerName with nothing changed', async () => {
    const a = await contractedApplication(h, officer, callId, PAYER);
    const [row] = await h.sql<{ cipher: string }>(`select "contract_payer_name_cipher" as cipher from services_application where id = ?`, [a.id]);
    expect(row!.cipher).toMatch(/^pii1\./);
    expect(row!.cipher).not.toContain('Архив');
    const events = await h.sql<{ envelope: string }>(`select envelope::text as envelope from hub_outbox where envelope::text like ?`, [`%${a.id}%`]);
    expect(events.length).toBeGreaterThan(0); // the application's events, the contract signed among them …
    for (const e of events) expect(e.envelope).not.toContain('Архив'); // … without the name (F-42)

    // an approved application: a blank name is a 422 on the field, and the contract is not signed
    const bin = newBin();
    const filed = await h
      .http()
      .post('/service-applications')
      .set(auth(await h.token(['applicant'], [bin])))
      .send({ callId, recipient: { kind: 'legal-entity', bin }, language: 'ru', declarationAccepted: true, content: MINIMAL_CONTENT });
    const id = json<{ id: string }>(filed).id;
    expect((await h.http().post(`/service-applications/${id}/decision`).set(auth(officer)).send({ outcome: 'conclude-contract' })).status).toBe(200);
    const blank = await h.http().post(`/service-applications/${id}/contract`).set(auth(officer)).send({ payerName: '  ' });
    expect(blank.status).toBe(400);
    expect(json<{ errors: { field: string }[] }>(blank).errors.map((e) => e.field)).toEqual(['body.payerName']);
    const unsigned = `select status, contract_id, contract_payer_name_cipher from services_application where id = ?`;
    expect(await h.sql(unsigned, [id])).toEqual([{ status: 'approved', contract_id: null, contract_payer_name_cipher: null }]);
    expect((await h.http().post(`/service-applications/${id}/contract`).set(auth(officer)).send({ payerName: 'ТОО «Бета»' })).status).toBe(200);
  });

  it('ADR 0067 §5 (F-42): an individual’s invoice is not issued as a document — no timer, no call, and its view says why', async () => {
    const person = await h.token(['applicant'], [], 'person-invoice');
    const filed = await h
      .http()
      .post('/service-applications')
      .set(auth(person))
      .send({ callId, recipient: { kind: 'individual', iin: anIin() }, language: 'ru', declarationAccepted: true, content: MINIMAL_CONTENT });
    expect(filed.status).toBe(201);
    const id = json<{ id: string }>(filed).id;
    expect((await h.http().post(`/service-applications/${id}/decision`).set(auth(officer)).send({ outcome: 'conclude-contract' })).status).toBe(200);
    expect((await h.http().post(`/service-applications/${id}/contract`).set(auth(officer)).send()).status).toBe(200);
    const inv = await issue(id, 100_00);
    expect(inv.document).toEqual({ status: 'not-available-for-individuals' });
    expect(await timers(inv.id)).toEqual([]);
    await poller(h).runDue();
    expect(archive.calls).toEqual([]);
  });

  it('without SERVICES_DOCUMENTS_URL and credentials the archive is owed but each try fails naming the settings', async () => {
    await expect(
      new UnconfiguredInvoiceArchive().archive({ number: 'SRV-2026-000001', bin: '240540010013', pdf: Buffer.from(''), sha256: '' }),
    ).rejects.toThrow(ServiceTokenError);
    await expect(
      new UnconfiguredInvoiceArchive().archive({ number: 'SRV-2026-000001', bin: '240540010013', pdf: Buffer.from(''), sha256: '' }),
    ).rejects.toThrow(/invoice SRV-2026-000001 cannot be archived: set SERVICES_DOCUMENTS_URL/);
  });
});
