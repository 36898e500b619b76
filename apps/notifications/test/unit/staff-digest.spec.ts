import { describe, expect, it } from 'vitest';
import { readTemplateFiles } from '../../src/messages/infrastructure/template-files.js';
import { TemplateCatalogue } from '../../src/messages/domain/template-catalogue.js';
import { KzReminderCalendar } from '../../src/messages/infrastructure/reminder-calendar.kz.js';
import { type DigestDeadline, digestMoment, nextDigestDay, staffDigest } from '../../src/messages/domain/rules/staff-digest.rule.js';
import { digestSourceId } from '../../src/messages/application/staff-digests.js';

const { file, texts } = readTemplateFiles();
const catalogue = TemplateCatalogue.of(file, texts);
const calendar = new KzReminderCalendar();

/** The board as the gateway would show it on Tuesday 15 December 2026 (Independence Day, 16 December, is not a working day). */
const items: DigestDeadline[] = [
  { context: 'registration', kind: 'review', ruleId: 'F-14', dueDate: '2026-12-21', overdue: false, bin: '180440000019', subjectId: 'a-1' },
  { context: 'registration', kind: 'decision-notice', ruleId: 'F-17', dueDate: '2026-12-10', overdue: true, bin: '180440000027', subjectId: 'a-2' },
  { context: 'participation', kind: 'fee', ruleId: 'F-21', dueDate: '2026-12-17', overdue: false, bin: '180440000035', subjectId: 'p-1' },
  { context: 'participation', kind: 'report', ruleId: 'F-37', dueDate: '2026-12-22', overdue: false, bin: '180440000035', subjectId: 'p-2' },
  { context: 'training', kind: 'review', ruleId: 'F-70', dueDate: '2026-12-18', overdue: false, subjectId: 't-1' },
  { context: 'housing', kind: 'hand-back', ruleId: 'F-58', dueDate: '2026-12-14', overdue: true, bin: '180440000043', subjectId: 'h-1' },
];
const sources = [
  { context: 'registration', status: 'ok' as const },
  { context: 'participation', status: 'ok' as const },
  { context: 'services', status: 'error' as const, detail: '503 Service unavailable' },
  { context: 'training', status: 'ok' as const },
  { context: 'housing', status: 'ok' as const },
];
const input = {
  day: '2026-12-15',
  dueBefore: calendar.addWorkingDays('2026-12-15', calendar.staffReviewWorkingDays('2026-12-15')),
  items,
  sources,
  portalUrl: 'https://portal',
};

describe('ADR 0108: the staff daily digest (composition)', () => {
  it('covers reminder.staff-review-wd (3) working days, across Independence Day', () => {
    expect(calendar.staffReviewWorkingDays('2026-12-15')).toBe(3);
    // 16 December is a holiday and 19–20 a weekend: Tue 15 + 3 WD is Mon 21.
    expect(input.dueBefore).toBe('2026-12-21');
  });

  it("lists the role's contexts only, overdue first then by due day, not beyond the covered day", () => {
    const d = staffDigest({ ...input, role: 'fund-officer' });
    expect(d.deadlines.map((x) => `${x.context}/${x.ruleId}/${x.dueDate}`)).toEqual([
      'registration/F-17/2026-12-10',
      'participation/F-21/2026-12-17',
      'registration/F-14/2026-12-21',
    ]); // F-37 on the 22nd is beyond; training and housing are other roles'
    expect(staffDigest({ ...input, role: 'housing-manager' }).deadlines.map((x) => x.subjectId)).toEqual(['h-1']);
    expect(staffDigest({ ...input, role: 'training-officer' }).deadlines.map((x) => x.subjectId)).toEqual(['t-1']);
  });

  it('names a context the board could not read, and one it does not list at all — never silently partial', () => {
    const fund = staffDigest({ ...input, role: 'fund-officer' });
    expect(fund.unavailable).toEqual([{ context: 'services', status: 'error', detail: '503 Service unavailable' }]);
    const clusters = staffDigest({ ...input, role: 'cluster-organiser' });
    expect(clusters.unavailable).toEqual([{ context: 'clusters', status: 'absent' }]);
    const ru = catalogue.render(clusters.template, 'staff', 'ru', (l) => clusters.values(l, catalogue));
    expect(ru.body).toContain('- кластеры: отсутствует на табло сроков');
    expect(ru.body).toContain('Открытых сроков, подходящих или просроченных, нет.');
  });

  it('renders working-day dates, overdue marks, rules and BINs in kk, ru and en — and nothing else of a company', () => {
    const d = staffDigest({ ...input, role: 'fund-officer' });
    const ru = catalogue.render(d.template, 'staff', 'ru', (l) => d.values(l, catalogue));
    expect(ru.subject).toBe('Astana Hub: сроки на 15.12.2026 — сотрудник Фонда (3, просрочено 1)');
    expect(ru.body).toContain('- 10.12.2026 (просрочено) · F-17 · регистрация · decision-notice · a-2 · БИН 180440000027');
    expect(ru.body).toContain('- 17.12.2026 · F-21 · участие · fee · p-1 · БИН 180440000035');
    expect(ru.body).toContain('по 21.12.2026 включительно');
    expect(ru.body).toContain('- услуги: табло сроков не смогло их прочитать — сроков этого раздела в письме нет (503 Service unavailable)');
    expect(ru.body).toContain('https://portal/staff/deadlines');
    const en = catalogue.render(d.template, 'staff', 'en', (l) => d.values(l, catalogue));
    expect(en.subject).toBe('Astana Hub: deadlines on 2026-12-15 — Fund officer (3, 1 overdue)');
    expect(en.body).toContain('- 2026-12-10 (overdue) · F-17 · registration · decision-notice · a-2 · BIN 180440000027');
    const kk = catalogue.render(d.template, 'staff', 'kk', (l) => d.values(l, catalogue));
    expect(kk.subject).toBe('Astana Hub: 15.12.2026 күнгі мерзімдер — Қор қызметкері (3, мерзімі өткені 1)');
    expect(kk.body).toContain('- 10.12.2026 (мерзімі өтті) · F-17 · тіркеу · decision-notice · a-2 · БСН 180440000027');
    expect(kk.body).toContain('- қызметтер: мерзімдер тақтасы оқи алмады');
  });

  it('goes at 08:30 Almaty on working days only: the next one after a holiday and a weekend', () => {
    // 08:29 Almaty (UTC+5) on Tuesday 15 December: today; 08:30: Thursday 17 (16th is Independence Day).
    expect(nextDigestDay(new Date('2026-12-15T03:29:00Z'), calendar)).toBe('2026-12-15');
    expect(nextDigestDay(new Date('2026-12-15T03:30:00Z'), calendar)).toBe('2026-12-17');
    expect(nextDigestDay(new Date('2026-12-16T01:00:00Z'), calendar)).toBe('2026-12-17');
    expect(nextDigestDay(new Date('2026-12-19T01:00:00Z'), calendar)).toBe('2026-12-21');
    expect(digestMoment('2026-12-17').toISOString()).toBe('2026-12-17T03:30:00.000Z');
  });

  it('one source per day for every role: the same day gives the same id, another day another', () => {
    expect(digestSourceId('2026-12-15')).toBe(digestSourceId('2026-12-15'));
    expect(digestSourceId('2026-12-15')).not.toBe(digestSourceId('2026-12-17'));
    expect(digestSourceId('2026-12-15')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
