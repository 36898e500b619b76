import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

const ddmmyyyy = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** A bilingual label (the Fund's documents are in Kazakh and Russian). */
export interface Bilingual {
  readonly kk: string;
  readonly ru: string;
}

export interface CommissionProtocolPdfData {
  readonly protocolNumber: string;
  /** The protocol's date (F-17 counts from it), YYYY-MM-DD. */
  readonly decidedOn: string;
  /** What the Commission decided on: a registration (F-15) or a change of activity types (F-20). */
  readonly subject: Bilingual;
  readonly applicationId: string;
  readonly companyName: string;
  readonly bin: string;
  readonly decision: 'register' | 'refuse';
  /** F-16: each ground with the Commission's reason. */
  readonly grounds: readonly { readonly ground: Bilingual; readonly reason: string }[];
  /** How many members voted each way. Who voted how is the Commission's internal record, not in the extract. */
  readonly tally: { readonly register: number; readonly refuse: number };
  /** The secretary who recorded it. */
  readonly recordedBy: string;
  /** What the signature line says: it must never claim more than is true. */
  readonly signatureNote: string;
}

const VOTE: Record<'register' | 'refuse', Bilingual> = {
  register: { kk: 'тіркеу', ru: 'зарегистрировать' },
  refuse: { kk: 'бас тарту', ru: 'отказать' },
};

/**
 * The extract from the protocol of the Commission's decision on one application (F-15, F-16, F-20)
 * as an A4 PDF in Kazakh and Russian: the decision, the F-16 grounds with their reasons (what F-17
 * tells the applicant) and the tally. Who voted how stays in the Commission's own record.
 * Rendering is deterministic — the same data gives the same bytes (the creation date is the
 * protocol's) — so an archive copy made twice is the same document.
 */
export async function renderCommissionProtocolPdf(p: CommissionProtocolPdfData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: {
      Title: `Extract from protocol ${p.protocolNumber}`,
      Author: 'Astana Hub autonomous cluster fund',
      Subject: 'Extract from the protocol of the Commission (F-15)',
      CreationDate: new Date(`${p.decidedOn}T00:00:00+05:00`),
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

  doc.font('bold').fontSize(11).fillColor('#1b4f8a').text('«ASTANA HUB» АВТОНОМДЫ КЛАСТЕРЛІК ҚОРЫ', { align: 'center', width });
  doc.font('regular').fontSize(10).text('Автономный кластерный фонд «Astana Hub»', { align: 'center', width });
  doc.moveDown(1);
  doc
    .font('bold')
    .fontSize(15)
    .fillColor('black')
    .text(`КОМИССИЯ ХАТТАМАСЫНАН ҮЗІНДІ / ВЫПИСКА ИЗ ПРОТОКОЛА КОМИССИИ № ${p.protocolNumber}`, { align: 'center', width });
  doc.font('regular').fontSize(11).text(ddmmyyyy(p.decidedOn), { align: 'center', width });
  doc.moveDown(1);

  const row = (kk: string, ru: string, value: string): void => {
    doc.font('regular').fontSize(9).fillColor('#555555').text(`${kk} / ${ru}`, { width });
    doc.font('bold').fontSize(11).fillColor('black').text(value, { width });
    doc.moveDown(0.5);
  };
  row('Қаралған мәселе', 'Рассмотренный вопрос', `${p.subject.kk} / ${p.subject.ru}`);
  row('Өтініш беруші', 'Заявитель', `${p.companyName}, БСН/БИН ${p.bin}`);
  row('Өтініш', 'Заявка', p.applicationId);
  row('Шешім', 'Решение', `${VOTE[p.decision].kk} / ${VOTE[p.decision].ru}`);
  if (p.grounds.length > 0) {
    row(
      'Бас тарту негіздері (16-тармақ)',
      'Основания отказа (пункт 16)',
      p.grounds.map((g, i) => `${i + 1}. ${g.ground.kk} / ${g.ground.ru}\n    ${g.reason}`).join('\n'),
    );
  }

  row('Комиссия мүшелерінің дауыстары', 'Голоса членов Комиссии', `Тіркеу / Зарегистрировать: ${p.tally.register}; Бас тарту / Отказать: ${p.tally.refuse}`);
  doc.moveDown(1.2);
  row('Хатшы', 'Секретарь', p.recordedBy);
  doc.font('regular').fontSize(8).fillColor('#333333').text(p.signatureNote, { width });
  doc.end();
  return done;
}
