import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { CertificateRenderer, type CertificateData } from '../../application/ports/certificate.ports.js';

const require = createRequire(import.meta.url);
/** DejaVu Sans has Cyrillic and the Kazakh letters (ә, ғ, қ, ң, ө, ұ, ү, һ, і); the PDF standard fonts have neither. */
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

const ddmmyyyy = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** The registration certificate of Annex 2 as a one-page A4 PDF, in Kazakh and Russian, with a QR code to the public verification (F-18, F-19). */
export class PdfCertificateRenderer extends CertificateRenderer {
  async render(c: CertificateData): Promise<Buffer> {
    const qr = await QRCode.toBuffer(c.verificationUrl, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: `Certificate ${c.number}`, Author: 'Astana Hub autonomous cluster fund', Subject: 'Registration certificate (Annex 2)', CreationDate: new Date(`${c.issuedOn}T00:00:00+05:00`) },
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

    doc.rect(28, 28, doc.page.width - 56, doc.page.height - 56).lineWidth(2).stroke('#1b4f8a');
    doc.font('regular').fontSize(7).fillColor('#777777').text('Қосымша 2 / Приложение 2', 56, 36, { width, align: 'right' });
    doc.moveDown(0.5);
    doc.font('bold').fontSize(11).fillColor('#1b4f8a').text('«ASTANA HUB» АВТОНОМДЫ КЛАСТЕРЛІК ҚОРЫ', { align: 'center', width });
    doc.font('regular').fontSize(10).text('Автономный кластерный фонд «Astana Hub»', { align: 'center', width });
    doc.moveDown(1.2);
    doc.font('bold').fontSize(18).fillColor('black').text('КУӘЛІК', { align: 'center', width });
    doc.font('regular').fontSize(11).text('қордың қатысушысын тіркеу туралы', { align: 'center', width });
    doc.moveDown(0.4);
    doc.font('bold').fontSize(18).text('СВИДЕТЕЛЬСТВО', { align: 'center', width });
    doc.font('regular').fontSize(11).text('о регистрации участника фонда', { align: 'center', width });
    doc.moveDown(1.2);

    const row = (kk: string, ru: string, value: string): void => {
      doc.font('regular').fontSize(9).fillColor('#555555').text(`${kk} / ${ru}`, { width });
      doc.font('bold').fontSize(12).fillColor('black').text(value, { width });
      doc.moveDown(0.6);
    };
    row('Тіркеу нөмірі', 'Регистрационный номер', c.number);
    row('Қатысушының атауы', 'Наименование участника', c.companyName);
    row('БСН', 'БИН', c.bin);
    row('Мекенжайы', 'Адрес', c.address);
    row(
      'Басым қызмет түрі', 'Приоритетный вид деятельности',
      c.activityTypes.map((t) => `${t.code} — ${t.nameKk} / ${t.nameRu}`).join('\n'),
    );
    row('Берілген күні', 'Дата выдачи', ddmmyyyy(c.issuedOn));
    row('Қолданылу мерзімі', 'Срок действия', `${ddmmyyyy(c.validFrom)} — ${ddmmyyyy(c.validTo)}`);

    const qrY = doc.page.height - 56 - 150;
    doc.image(qr, 56, qrY, { width: 120, height: 120 });
    doc.font('regular').fontSize(8).fillColor('#333333');
    doc.text('Куәлікті тексеру / Проверка свидетельства:', 190, qrY + 4, { width: width - 134 });
    doc.font('bold').fontSize(8).text(c.verificationUrl, { width: width - 134, link: c.verificationUrl });
    doc.moveDown(0.8);
    doc.font('regular').fontSize(8).text(
      'Электрондық цифрлық қолтаңбамен қол қойылған. Подписано электронной цифровой подписью.\n' +
        'ЖЕРГІЛІКТІ ТЕСТ КІЛТІ — ҰЛТТЫҚ КУЦ ЕМЕС. ЛОКАЛЬНЫЙ ТЕСТОВЫЙ КЛЮЧ — НЕ НАЦИОНАЛЬНЫЙ УЦ (NOT the national PKI).',
      { width: width - 134 },
    );
    doc.end();
    return done;
  }
}
