import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** One edition of a quarter's analytical information (F-41) as participation generated and stored it. */
export interface AnalyticsPdfData {
  readonly year: number;
  readonly quarter: number;
  /** The instant this edition was generated (ISO): the document's creation date, and what names the edition. */
  readonly generatedAt: string;
  /**
   * The readable document participation stored with the edition (Markdown: `#`/`##` headings, `- ` items,
   * `|` table rows). Rendered as it is: the archived PDF says exactly what report.md said.
   */
  readonly document: string;
}

const TABLE_RULE = /^\|(\s*-+\s*\|)+\s*$/;
const cells = (line: string): string[] =>
  line
    .slice(1, line.endsWith('|') ? -1 : undefined)
    .split('|')
    .map((c) => c.trim());

/**
 * F-41: the quarter's analytical information on the expediency of the participants' projects as the Fund
 * archives it (issue #10, ADR 0132) — an A4 PDF of the stored readable document, DejaVu Sans embedded (the
 * companies' names are in Kazakh and Russian). Headings, items and the participants' table (one block
 * per participant, its cells named by the header row) are laid out; the words are the stored ones.
 * Deterministic: the same edition gives the same bytes (the creation date is the generation instant), so
 * archiving it again is an idempotent repeat, never a conflict (ADR 0045 §9).
 */
export async function renderAnalyticsPdf(a: AnalyticsPdfData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: {
      Title: `Analytical information ${a.year} Q${a.quarter}`,
      Author: 'Astana Hub autonomous cluster fund',
      Subject: "Analytical information on the expediency of participants' projects for the authorised body (F-41)",
      CreationDate: new Date(a.generatedAt),
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
  const width = doc.page.width - 96;

  doc.font('bold').fontSize(11).fillColor('#1b4f8a').text('«ASTANA HUB» АВТОНОМДЫ КЛАСТЕРЛІК ҚОРЫ', { align: 'center', width });
  doc.font('regular').fontSize(10).text('Автономный кластерный фонд «Astana Hub»', { align: 'center', width });
  doc.moveDown(1).fillColor('black');

  let header: string[] | undefined;
  for (const line of a.document.split('\n')) {
    if (line.startsWith('# ')) doc.font('bold').fontSize(14).text(line.slice(2), { width }).moveDown(0.4);
    else if (line.startsWith('## ')) doc.moveDown(0.4).font('bold').fontSize(12).text(line.slice(3), { width }).moveDown(0.2);
    else if (line.startsWith('- '))
      doc
        .font('regular')
        .fontSize(10)
        .text(`•  ${line.slice(2)}`, { width, indent: 8 });
    else if (TABLE_RULE.test(line)) continue;
    else if (line.startsWith('|')) {
      if (!header) header = cells(line);
      else {
        const row = cells(line);
        doc
          .font('bold')
          .fontSize(9)
          .text(`${row[0] ?? ''} — ${row[1] ?? ''}`, { width });
        doc
          .font('regular')
          .fontSize(8.5)
          .text(
            row
              .slice(2)
              .map((c, i) => `${header?.[i + 2] ?? ''}: ${c}`)
              .join('; '),
            { width, indent: 8 },
          )
          .moveDown(0.3);
      }
    } else if (line.trim() === '') {
      header = undefined;
      doc.moveDown(0.3);
    } else doc.font('regular').fontSize(10).text(line, { width });
  }
  doc.end();
  return done;
}
