import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type AnalyticsPdfData, renderAnalyticsPdf } from './analytics-pdf.js';

const document = [
  "# Astana Hub — analytical information on the expediency of participants' projects, 2026 Q1",
  '',
  'For the authorised body (F-41), on the results of monitoring (F-40). Generated on 2026-04-21; due by 2026-04-30.',
  '',
  '## Expediency of the projects (F-40)',
  '',
  '- Participants in the quarter: 2',
  '',
  '## Participants',
  '',
  '| BIN | Company | Activity types | Status | Report | Expediency | Projects |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  '| 190540000011 | ТОО «Қазақ Деректер» | 62.01 | active | submitted | expedient | AI platform: expedient (2026-03-02..2026-03-31) |',
  '| 190540000022 | Beta LLP | 62.02 | active | overdue | not-concluded | — |',
  '',
].join('\n');
const base: AnalyticsPdfData = { year: 2026, quarter: 1, generatedAt: '2026-04-20T20:00:01.000Z', document };
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('renderAnalyticsPdf (F-41, issue #10)', () => {
  it('renders the stored document as a PDF with an embedded Unicode font and the quarter in its title', async () => {
    const pdf = await renderAnalyticsPdf(base);
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toMatch(/DejaVuSans/);
    expect(text).toContain('(Analytical information 2026 Q1)');
  });

  it('is deterministic: the same edition gives the same bytes; another edition (generated again, other content) other bytes', async () => {
    const [a, b] = await Promise.all([renderAnalyticsPdf(base), renderAnalyticsPdf(base)]);
    expect(sha(a)).toBe(sha(b));
    expect(sha(await renderAnalyticsPdf({ ...base, generatedAt: '2026-04-22T08:00:00.000Z' }))).not.toBe(sha(a));
    expect(sha(await renderAnalyticsPdf({ ...base, document: document.replace('Participants in the quarter: 2', 'Participants in the quarter: 3') }))).not.toBe(
      sha(a),
    );
  });

  it('a long participants table flows onto further pages instead of being cut', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `| ${String(190540000000 + i)} | Company ${i} | 62.01 | active | submitted | expedient | — |`);
    const pdf = await renderAnalyticsPdf({ ...base, document: `${document}${rows.join('\n')}\n` });
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0).toBeGreaterThan(1);
  });
});
