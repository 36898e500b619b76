import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

const require = createRequire(import.meta.url);
/** DejaVu Sans has Cyrillic and the Kazakh letters (ә, ғ, қ, ң, ө, ұ, ү, һ, і); the PDF standard fonts have neither. */
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

const ddmmyyyy = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

export interface CertificatePdfData {
  /** 2: registration certificate (F-18); 3: extension certificate (F-25). Both carry the same fields. */
  readonly annex: 2 | 3;
  readonly number: string;
  readonly companyName: string;
  readonly bin: string;
  readonly address: string;
  readonly activityTypes: readonly { readonly code: string; readonly nameKk: string; readonly nameRu: string }[];
  readonly issuedOn: string;
  readonly validFrom: string;
  readonly validTo: string;
  /** Annex 3: the registration certificate the extension belongs to. */
  readonly extendsCertificate?: string;
  /** The public verification URL the QR code opens; no QR code without it. */
  readonly verificationUrl?: string;
  /** What the signature line says (who signed, and with what key): it must never claim more than is true. */
  readonly signatureNote: string;
}

const TITLES = {
  2: { annexKk: 'Қосымша 2', annexRu: 'Приложение 2', kk: 'қордың қатысушысын тіркеу туралы', ru: 'о регистрации участника фонда' },
  3: {
    annexKk: 'Қосымша 3',
    annexRu: 'Приложение 3',
    kk: 'қордың қатысушысы ретінде қатысу мерзімін ұзарту туралы',
    ru: 'о продлении срока участия участника фонда',
  },
} as const;

/** A one-page A4 certificate of Annex 2 or 3, in Kazakh and Russian. */
export async function renderCertificatePdf(c: CertificatePdfData): Promise<Buffer> {
  const qr = c.verificationUrl ? await QRCode.toBuffer(c.verificationUrl, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' }) : undefined;
  const t = TITLES[c.annex];
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: {
      Title: `Certificate ${c.number}`,
      Author: 'Astana Hub autonomous cluster fund',
      Subject: c.annex === 2 ? 'Registration certificate (Annex 2)' : 'Extension certificate (Annex 3)',
      CreationDate: new Date(`${c.issuedOn}T00:00:00+05:00`),
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

  doc
    .rect(28, 28, doc.page.width - 56, doc.page.height - 56)
    .lineWidth(2)
    .stroke('#1b4f8a');
  doc.font('regular').fontSize(7).fillColor('#777777').text(`${t.annexKk} / ${t.annexRu}`, 56, 36, { width, align: 'right' });
  doc.moveDown(0.5);
  doc.font('bold').fontSize(11).fillColor('#1b4f8a').text('«ASTANA HUB» АВТОНОМДЫ КЛАСТЕРЛІК ҚОРЫ', { align: 'center', width });
  doc.font('regular').fontSize(10).text('Автономный кластерный фонд «Astana Hub»', { align: 'center', width });
  doc.moveDown(1.2);
  doc.font('bold').fontSize(18).fillColor('black').text('КУӘЛІК', { align: 'center', width });
  doc.font('regular').fontSize(11).text(t.kk, { align: 'center', width });
  doc.moveDown(0.4);
  doc.font('bold').fontSize(18).text('СВИДЕТЕЛЬСТВО', { align: 'center', width });
  doc.font('regular').fontSize(11).text(t.ru, { align: 'center', width });
  doc.moveDown(1.2);

  const row = (kk: string, ru: string, value: string): void => {
    doc.font('regular').fontSize(9).fillColor('#555555').text(`${kk} / ${ru}`, { width });
    doc.font('bold').fontSize(12).fillColor('black').text(value, { width });
    doc.moveDown(0.6);
  };
  row('Тіркеу нөмірі', 'Регистрационный номер', c.number);
  if (c.extendsCertificate) row('Тіркеу туралы куәлік', 'Свидетельство о регистрации', c.extendsCertificate);
  row('Қатысушының атауы', 'Наименование участника', c.companyName);
  row('БСН', 'БИН', c.bin);
  row('Мекенжайы', 'Адрес', c.address);
  row(
    'Басым қызмет түрі',
    'Приоритетный вид деятельности',
    c.activityTypes.map((a) => (a.nameKk === a.nameRu ? `${a.code} — ${a.nameRu}` : `${a.code} — ${a.nameKk} / ${a.nameRu}`)).join('\n'),
  );
  row('Берілген күні', 'Дата выдачи', ddmmyyyy(c.issuedOn));
  row('Қолданылу мерзімі', 'Срок действия', `${ddmmyyyy(c.validFrom)} — ${ddmmyyyy(c.validTo)}`);

  const footY = doc.page.height - 56 - 150;
  const textX = qr ? 190 : 56;
  const textWidth = qr ? width - 134 : width;
  if (qr) doc.image(qr, 56, footY, { width: 120, height: 120 });
  doc.font('regular').fontSize(8).fillColor('#333333');
  if (c.verificationUrl) {
    doc.text('Куәлікті тексеру / Проверка свидетельства:', textX, footY + 4, { width: textWidth });
    doc.font('bold').fontSize(8).text(c.verificationUrl, { width: textWidth, link: c.verificationUrl });
    doc.moveDown(0.8);
    doc.font('regular').fontSize(8).text(c.signatureNote, { width: textWidth });
  } else {
    doc.text(c.signatureNote, textX, footY + 4, { width: textWidth });
  }
  doc.end();
  return done;
}
