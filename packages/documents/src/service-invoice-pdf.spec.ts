import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type ServiceInvoicePdfData, renderServiceInvoicePdf } from './service-invoice-pdf.js';

const invoice: ServiceInvoicePdfData = {
  number: 'SRV-2026-000042',
  issuedOn: '2026-12-08',
  dueOn: '2026-12-22',
  issuer: {
    status: 'confirmed',
    nameKk: '«Astana Hub» автономды кластерлік қоры',
    nameRu: 'Автономный кластерный фонд «Astana Hub»',
    bin: '170240028410',
    iban: 'KZ00TEST',
    bank: 'Bank',
    bic: 'TESTKZKA',
  },
  recipient: { bin: '240540010013', name: 'ТОО «Тест Альфа»' },
  contract: { id: '0195a3c2-0000-7000-8000-000000000001', signedOn: '2026-11-20' },
  service: 'Acceleration',
  purpose: '50 % prepayment under the contract',
  amountTiyn: 123_456_789,
};

/** The text a PDF viewer would extract is hex glyph ids here (embedded subset font); the streams are deflated — look at their size and the info dictionary instead. */
const pages = (pdf: Buffer): number => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

describe('renderServiceInvoicePdf (F-55, ADR 0067)', () => {
  it('one A4 page with the embedded Unicode font and the invoice number in its title', async () => {
    const pdf = await renderServiceInvoicePdf(invoice);
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(pages(pdf)).toBe(1);
    expect(text).toMatch(/DejaVuSans/);
    expect(text).toContain('(Invoice SRV-2026-000042)');
    // the content stream is drawn (deflated, non-trivial)
    const streams = [...text.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((m) => Buffer.from(m[1]!, 'latin1'));
    const inflated = streams.map((s) => {
      try {
        return inflateSync(s).toString('latin1');
      } catch {
        return '';
      }
    });
    expect(inflated.some((s) => /BT[\s\S]*Tj|TJ/.test(s))).toBe(true);
  });

  it('is deterministic: the same data gives the same bytes (a repeated archive is not a conflict)', async () => {
    const a = await renderServiceInvoicePdf(invoice);
    await new Promise((r) => setTimeout(r, 1100)); // across a second of the wall clock
    const b = await renderServiceInvoicePdf(invoice);
    expect(a.equals(b)).toBe(true);
    const other = await renderServiceInvoicePdf({ ...invoice, amountTiyn: 123_456_788 });
    expect(other.equals(a)).toBe(false);
  });

  it('ADR 0123: placeholder requisites are marked "not for payment" (title and page); confirmed ones are not', async () => {
    const confirmed = (await renderServiceInvoicePdf(invoice)).toString('latin1');
    expect(confirmed).toContain('(Invoice SRV-2026-000042)');
    expect(confirmed).not.toContain('NOT FOR PAYMENT');
    const placeholder = await renderServiceInvoicePdf({ ...invoice, issuer: { ...invoice.issuer, status: 'placeholder' } });
    expect(placeholder.toString('latin1')).toContain("(Invoice SRV-2026-000042 - NOT FOR PAYMENT: the Fund's bank details are not confirmed)");
    expect(pages(placeholder)).toBe(1);
    // deterministic with the mark too
    expect(placeholder.equals(await renderServiceInvoicePdf({ ...invoice, issuer: { ...invoice.issuer, status: 'placeholder' } }))).toBe(true);
  });

  it('ADR 0123: the payer’s name captured at contract time changes the page (and nothing else is needed to print it)', async () => {
    const named = await renderServiceInvoicePdf(invoice);
    const binOnly = await renderServiceInvoicePdf({ ...invoice, recipient: { bin: invoice.recipient.bin } });
    const other = await renderServiceInvoicePdf({ ...invoice, recipient: { ...invoice.recipient, name: 'ТОО «Тест Бета»' } });
    expect(named.equals(binOnly)).toBe(false);
    expect(named.equals(other)).toBe(false);
    expect(named.equals(await renderServiceInvoicePdf(invoice))).toBe(true);
  });
});
