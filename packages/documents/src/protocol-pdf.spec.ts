import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type CommissionProtocolPdfData, renderCommissionProtocolPdf } from './protocol-pdf.js';

const ground = { kk: 'Бизнес-жоспар 1-қосымшаға сәйкес емес', ru: 'Бизнес-план не по форме приложения 1' };
const base: CommissionProtocolPdfData = {
  protocolNumber: 'CP-2026-00007',
  decidedOn: '2026-11-20',
  subject: { kk: 'Қор қатысушысы ретінде тіркеу', ru: 'Регистрация участника фонда' },
  applicationId: '0f8b1f3e-6a3b-4bde-9a55-9d6f0b0e0c11',
  companyName: 'ТОО «Қазақ Деректер»',
  bin: '191040101013',
  decision: 'refuse',
  grounds: [{ ground, reason: 'Annex 1 section 3 is empty' }],
  tally: { register: 1, refuse: 2 },
  recordedBy: 'secretary-1',
  signatureNote: 'test note',
};
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const pages = (b: Buffer) => b.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

describe('renderCommissionProtocolPdf (F-15, F-16)', () => {
  it('renders the protocol as a PDF with an embedded Unicode font and the protocol number in its title', async () => {
    const pdf = await renderCommissionProtocolPdf(base);
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toMatch(/DejaVuSans/);
    expect(text).toContain('(Extract from protocol CP-2026-00007)');
    expect(pages(pdf)).toBe(1);
  });

  it('is deterministic: the same protocol gives the same bytes (an archive copy made twice is one document)', async () => {
    const [a, b] = await Promise.all([renderCommissionProtocolPdf(base), renderCommissionProtocolPdf(base)]);
    expect(sha(a)).toBe(sha(b));
    const other = await renderCommissionProtocolPdf({ ...base, tally: { register: 0, refuse: 3 } });
    expect(sha(other)).not.toBe(sha(a));
  });

  it('many grounds with long reasons flow onto further pages instead of being cut', async () => {
    const grounds = Array.from({ length: 40 }, (_, i) => ({ ground, reason: `reason ${i + 1}: ${'the section does not describe the market. '.repeat(4)}` }));
    const pdf = await renderCommissionProtocolPdf({ ...base, grounds });
    expect(pages(pdf)).toBeGreaterThan(1);
  });

  it('ADR 0122: with votes it is the full protocol — titled so, listing each member, and deterministic; the extract of the same decision stays as it was', async () => {
    const votes = [
      { member: 'member-b', memberName: 'Бекова А.', vote: 'refuse' as const, grounds: [ground], comment: 'раздел 3 пуст', castAt: '2026-11-19T10:00:00.000Z' },
      { member: 'member-a', memberName: 'Асанов Б.', vote: 'register' as const, grounds: [], castAt: '2026-11-19T09:00:00.000Z' },
      { member: 'member-c', vote: 'refuse' as const, grounds: [ground], castAt: '2026-11-19T11:00:00.000Z' },
    ];
    const [full, again, extract] = await Promise.all([
      renderCommissionProtocolPdf({ ...base, votes }),
      renderCommissionProtocolPdf({ ...base, votes: [...votes].reverse() }),
      renderCommissionProtocolPdf(base),
    ]);
    expect(full.toString('latin1')).toContain('(Protocol CP-2026-00007)');
    expect(sha(again)).toBe(sha(full)); // the votes are listed in the order cast, whatever order they come in
    expect(sha(extract)).toBe(sha(await renderCommissionProtocolPdf(base)));
    expect(sha(extract)).not.toBe(sha(full));
    expect(extract.toString('latin1')).toContain('(Extract from protocol CP-2026-00007)');
    // one member's vote changed is another document
    const changed = await renderCommissionProtocolPdf({
      ...base,
      votes: votes.map((v) => (v.member === 'member-c' ? { ...v, vote: 'register' as const } : v)),
    });
    expect(sha(changed)).not.toBe(sha(full));
  });
});
