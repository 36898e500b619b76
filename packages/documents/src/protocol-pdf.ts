import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** The Almaty (UTC+5) calendar day of an instant, YYYY-MM-DD. */
const almatyDay = (instant: string): string => new Date(new Date(instant).getTime() + 5 * 3_600_000).toISOString().slice(0, 10);
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
  /**
   * Issue #10 (ADR 0122): present only in the Commission's full protocol (the Fund's own record, read by
   * its reviewers — F-35): each member's vote with its F-16 grounds and comment. Absent in the extract
   * that goes to the company (F-17 gives the applicant the decision and its reasons, not who voted how).
   */
  readonly votes?: readonly CommissionProtocolVote[];
  /** The secretary who recorded it. */
  readonly recordedBy: string;
  /** What the signature line says: it must never claim more than is true. */
  readonly signatureNote: string;
}

/** One member's vote as the full protocol lists it (F-15, F-16). */
export interface CommissionProtocolVote {
  readonly member: string;
  readonly memberName?: string | undefined;
  readonly vote: 'register' | 'refuse';
  readonly grounds: readonly Bilingual[];
  readonly comment?: string | undefined;
  /** ISO instant the vote was cast (shown as an Almaty date). */
  readonly castAt: string;
}

const VOTE: Record<'register' | 'refuse', Bilingual> = {
  register: { kk: 'тіркеу', ru: 'зарегистрировать' },
  refuse: { kk: 'бас тарту', ru: 'отказать' },
};

/**
 * The extract from the protocol of the Commission's decision on one application (F-15, F-16, F-20)
 * as an A4 PDF in Kazakh and Russian: the decision, the F-16 grounds with their reasons (what F-17
 * tells the applicant) and the tally. Who voted how stays in the Commission's own record — unless
 * `votes` is given: then it is that record, the full protocol (ADR 0122), with each member's vote.
 * Rendering is deterministic — the same data gives the same bytes (the creation date is the
 * protocol's) — so an archive copy made twice is the same document.
 */
export async function renderCommissionProtocolPdf(p: CommissionProtocolPdfData): Promise<Buffer> {
  const full = p.votes !== undefined;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: {
      Title: full ? `Protocol ${p.protocolNumber}` : `Extract from protocol ${p.protocolNumber}`,
      Author: 'Astana Hub autonomous cluster fund',
      Subject: full ? 'Protocol of the Commission with each member’s vote (F-15, F-16)' : 'Extract from the protocol of the Commission (F-15)',
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
    .text(
      full
        ? `КОМИССИЯ ХАТТАМАСЫ / ПРОТОКОЛ КОМИССИИ № ${p.protocolNumber}`
        : `КОМИССИЯ ХАТТАМАСЫНАН ҮЗІНДІ / ВЫПИСКА ИЗ ПРОТОКОЛА КОМИССИИ № ${p.protocolNumber}`,
      { align: 'center', width },
    );
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
  if (p.votes) {
    // The full protocol only: who voted how, in the order the votes were cast (the Fund's record, F-35).
    const votes = [...p.votes].sort((a, b) => a.castAt.localeCompare(b.castAt) || a.member.localeCompare(b.member));
    row(
      'Мүшелердің дауыс беруі',
      'Голосование членов Комиссии',
      votes.length === 0
        ? '—'
        : votes
            .map((v, i) => {
              const who = v.memberName ? `${v.memberName} (${v.member})` : v.member;
              const lines = [`${i + 1}. ${who}: ${VOTE[v.vote].kk} / ${VOTE[v.vote].ru} — ${ddmmyyyy(almatyDay(v.castAt))}`];
              for (const g of v.grounds) lines.push(`    ${g.kk} / ${g.ru}`);
              if (v.comment) lines.push(`    ${v.comment}`);
              return lines.join('\n');
            })
            .join('\n'),
    );
  }
  doc.moveDown(1.2);
  row('Хатшы', 'Секретарь', p.recordedBy);
  doc.font('regular').fontSize(8).fillColor('#333333').text(p.signatureNote, { width });
  doc.end();
  return done;
}
