import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { formatTenge, tengeInWords } from './tenge.js';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** The mark an invoice with the placeholder requisites carries (ADR 0123): nobody may pay to them. */
export const NOT_FOR_PAYMENT_EN = "NOT FOR PAYMENT: the Fund's bank details are not confirmed";
const NOT_FOR_PAYMENT = `ТӨЛЕУГЕ ЖАТПАЙДЫ / НЕ ДЛЯ ОПЛАТЫ / ${NOT_FOR_PAYMENT_EN}`;

const ddmmyyyy = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** The Fund's requisites as the invoice prints them (effective-dated data of the issuing context, ADR 0067). */
export interface InvoiceIssuerRequisites {
  /**
   * `placeholder` until the Fund's finance department supplies the real requisites (ADR 0123): such an
   * invoice is printed with a visible "not for payment" mark on every line a payer would copy.
   */
  readonly status: 'placeholder' | 'confirmed';
  readonly nameKk: string;
  readonly nameRu: string;
  readonly bin: string;
  readonly iban: string;
  readonly bank: string;
  readonly bic: string;
}

/**
 * A services invoice (F-55, ADR 0067): what the platform stored when it was issued, nothing else —
 * the recipient is a company (BIN): an individual's invoice is not issued as a document (ADR 0067 §5,
 * F-42: an IIN never leaves the Fund on a document).
 */
export interface ServiceInvoicePdfData {
  /** `SRV-YYYY-NNNNNN`: the payment purpose the bank statement import matches on. */
  readonly number: string;
  readonly issuedOn: string;
  readonly dueOn: string;
  readonly issuer: InvoiceIssuerRequisites;
  /**
   * The payer as the contract names it: the BIN and the legal entity's name captured when the contract
   * was signed (ADR 0123; absent for contracts signed before the name was asked — the BIN alone is printed).
   */
  readonly recipient: { readonly bin: string; readonly name?: string | undefined };
  readonly contract: { readonly id: string; readonly signedOn: string };
  /** The service the contract is for (the catalogue's title). */
  readonly service: string;
  /** What the invoice is for (the instalment), as finance wrote it. */
  readonly purpose: string;
  /** Integer tiyn (ADR 0036). */
  readonly amountTiyn: number | bigint;
}

/**
 * A one-page A4 invoice for payment in Kazakh and Russian (with English captions), DejaVu Sans embedded
 * (the PDF standard fonts have no Cyrillic or Kazakh letters). Deterministic: the same data gives the
 * same bytes (fixed fonts, the creation date is the issue date), so archiving it again is an
 * idempotent repeat and never a conflict (ADR 0045 §9).
 */
export async function renderServiceInvoicePdf(d: ServiceInvoicePdfData): Promise<Buffer> {
  const notForPayment = d.issuer.status !== 'confirmed';
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: {
      Title: notForPayment ? `Invoice ${d.number} - ${NOT_FOR_PAYMENT_EN}` : `Invoice ${d.number}`,
      Author: 'Astana Hub autonomous cluster fund',
      Subject: 'Invoice for payment under a service contract (F-55)',
      CreationDate: new Date(`${d.issuedOn}T00:00:00+05:00`),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', join(FONT_DIR, 'DejaVuSans.ttf'));
  doc.registerFont('bold', join(FONT_DIR, 'DejaVuSans-Bold.ttf'));
  const width = doc.page.width - 112;

  if (notForPayment) {
    // ADR 0123: a red band above everything, and the requisites themselves crossed out in words below.
    doc.font('bold').fontSize(12).fillColor('#b00020').text(NOT_FOR_PAYMENT, { width, align: 'center' });
    doc.moveDown(0.8);
  }
  doc.font('bold').fontSize(11).fillColor('#1b4f8a').text(d.issuer.nameKk, { width });
  doc.font('regular').fontSize(10).text(d.issuer.nameRu, { width });
  doc.moveDown(1);
  doc.font('bold').fontSize(16).fillColor('black').text(`Төлем шоты / Счёт на оплату № ${d.number}`, { width, align: 'center' });
  doc
    .font('regular')
    .fontSize(10)
    .fillColor('#555555')
    .text(`Invoice for payment · ${ddmmyyyy(d.issuedOn)}`, { width, align: 'center' });
  doc.moveDown(1.2);

  const row = (kk: string, ru: string, en: string, value: string): void => {
    doc.font('regular').fontSize(8).fillColor('#555555').text(`${kk} / ${ru} / ${en}`, { width });
    doc.font('bold').fontSize(11).fillColor('black').text(value, { width });
    doc.moveDown(0.5);
  };
  row('Жеткізуші', 'Поставщик', 'Supplier', notForPayment ? d.issuer.nameRu : `${d.issuer.nameRu}, БСН/БИН ${d.issuer.bin}`);
  row(
    'Банк деректемелері',
    'Банковские реквизиты',
    'Bank details',
    notForPayment ? NOT_FOR_PAYMENT : `IBAN ${d.issuer.iban}\n${d.issuer.bank}, БСК/БИК ${d.issuer.bic}`,
  );
  row('Төлеуші', 'Плательщик', 'Payer', d.recipient.name ? `${d.recipient.name}, БСН/БИН ${d.recipient.bin}` : `БСН/БИН ${d.recipient.bin}`);
  row('Шарт', 'Договор', 'Contract', `${d.contract.id} — ${ddmmyyyy(d.contract.signedOn)}`);
  row('Қызмет', 'Услуга', 'Service', d.service);
  row('Төлем мақсаты', 'Назначение', 'Purpose', d.purpose);
  row('Шот берілген күн', 'Дата выставления', 'Issued on', ddmmyyyy(d.issuedOn));
  row('Төлеу мерзімі', 'Оплатить до', 'Due on', ddmmyyyy(d.dueOn));
  doc.moveDown(0.4);

  doc.font('regular').fontSize(8).fillColor('#555555').text('Төленетін сома / Сумма к оплате / Amount due', { width });
  doc.font('bold').fontSize(16).fillColor('black').text(formatTenge(d.amountTiyn, 'ru'), { width });
  doc.font('regular').fontSize(10).text(tengeInWords(d.amountTiyn, 'kk'), { width });
  doc.text(tengeInWords(d.amountTiyn, 'ru'), { width });
  doc.moveDown(1.2);

  if (notForPayment) doc.font('bold').fontSize(12).fillColor('#b00020').text(NOT_FOR_PAYMENT, { width, align: 'center' }).moveDown(0.6);
  doc
    .font('bold')
    .fontSize(10)
    .fillColor('#1b4f8a')
    .text(
      `Төлем тағайындауында шот нөмірін көрсетіңіз: ${d.number}\nВ назначении платежа укажите номер счёта: ${d.number}\nState the invoice number as the payment purpose: ${d.number}`,
      { width },
    );
  doc.end();
  return done;
}
