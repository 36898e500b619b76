import { describe, expect, it } from 'vitest';
import { readTemplateFiles } from '../../src/messages/infrastructure/template-files.js';
import { TemplateCatalogue } from '../../src/messages/domain/template-catalogue.js';
import { remarksNotice } from '../../src/messages/domain/rules/f-14-remarks-notice.rule.js';
import { decisionNotice } from '../../src/messages/domain/rules/f-17-decision-notice.rule.js';
import { feeOverdueNotice, feeTiynOf, reminderDay } from '../../src/messages/domain/rules/f-21-fee-notices.rule.js';
import { inexpedienceNotice } from '../../src/messages/domain/rules/f-40-inexpedience-notice.rule.js';
import { formatQuarter, formatTenge } from '../../src/messages/domain/language.js';
import { kzCalendar } from '@hub/calendar';
import { nextReportReminder } from '../../src/messages/domain/rules/f-37-report-reminder.rule.js';
import { KzReminderCalendar } from '../../src/messages/infrastructure/reminder-calendar.kz.js';

const { file, texts } = readTemplateFiles();
const catalogue = TemplateCatalogue.of(file, texts);
const decision = {
  applicationId: '0194f3a0-0000-7000-8000-0000000000a2',
  bin: '180440000019',
  kind: 'activity-change' as const,
  decision: 'refuse' as const,
  grounds: ['activity-not-in-priority-list' as const],
  protocolNumber: 'P-7',
  decidedOn: '2026-11-13',
  notificationDueDate: '2026-11-20',
};

describe('F-17: the notice of a decision (registration or reasoned refusal, 5 WD)', () => {
  it('a refusal uses the refusal template, carries the F-17 due date and every ground in the language', () => {
    const draft = decisionNotice(decision, 'https://portal');
    expect([draft.template, draft.dueOn, draft.subjectId, draft.bin]).toEqual([
      'registration.decision-made.refuse',
      '2026-11-20',
      decision.applicationId,
      '180440000019',
    ]);
    expect(draft.values('ru', catalogue)).toEqual({
      bin: '180440000019',
      kind: 'изменение видов деятельности',
      protocolNumber: 'P-7',
      decidedOn: '13.11.2026',
      link: 'https://portal/my/applications',
      grounds: '- проект не соответствует перечню приоритетных видов деятельности в сфере ИКТ',
    });
    expect(catalogue.meta(draft.template)).toEqual({ ruleId: 'F-17', statutory: true });
  });

  it('a registration uses the approval template, without grounds', () => {
    const draft = decisionNotice({ ...decision, decision: 'register', grounds: [] }, 'https://portal');
    expect(draft.template).toBe('registration.decision-made.register');
    expect(draft.values('en', catalogue)).not.toHaveProperty('grounds');
  });
});

describe('F-14: the notice of remarks', () => {
  it('lists each remark, dates it in Almaty, and has no deadline of its own', () => {
    const draft = remarksNotice(
      { applicationId: decision.applicationId, bin: decision.bin, remarks: [{ field: 'f', message: 'm' }], issuedAt: '2026-11-16T20:30:00Z' },
      'https://portal',
    );
    expect(draft.dueOn).toBeNull();
    // 20:30 UTC is the next day in Almaty (UTC+5).
    expect(draft.values('kk', catalogue)).toMatchObject({ issuedOn: '17.11.2026', remarks: '- f: m' });
    expect(catalogue.meta(draft.template).ruleId).toBe('F-14');
  });
});

describe('F-21: fee messages and the reminder day (ADR 0093)', () => {
  const calendar = kzCalendar();
  const add = (d: string, n: number) => calendar.addWorkingDays(d, n);
  const fee = { dueDate: '2026-12-18', feeTiyn: 500_00, feeKzt: 500 };

  it('the reminder goes out N working days before the due day, skipping Independence Day (16 December 2026)', () => {
    // Friday 18 Dec: Thursday 17 (working), Wednesday 16 (holiday), Tuesday 15, Monday 14.
    expect(reminderDay(fee, 2, '2026-12-01', add)).toBe('2026-12-15');
    expect(reminderDay(fee, 3, '2026-12-01', add)).toBe('2026-12-14');
  });

  it('no reminder when its day has passed or there is nothing to pay; the reminder day itself still counts', () => {
    expect(reminderDay(fee, 3, '2026-12-15', add)).toBeNull();
    expect(reminderDay(fee, 3, '2026-12-14', add)).toBe('2026-12-14');
    expect(reminderDay({ ...fee, feeTiyn: 0, feeKzt: 0 }, 3, '2026-12-01', add)).toBeNull();
  });

  it('the fee in tiyn: the v1 tiyn field, else the legacy KZT amount scaled exactly', () => {
    expect(feeTiynOf({ feeTiyn: 12345, feeKzt: 999 })).toBe(12345);
    expect(feeTiynOf({ feeKzt: 1234567.89 })).toBe(123456789);
    expect(feeTiynOf({ feeKzt: 0.29 })).toBe(29);
  });

  it('amounts and quarters as readers of each language write them, exact to the tiyn', () => {
    expect(formatTenge(123456789, 'en')).toBe('KZT 1,234,567.89');
    expect(formatTenge(123456789, 'ru')).toBe('1\u00a0234\u00a0567,89 тенге');
    expect(formatTenge(5, 'kk')).toBe('0,05 теңге');
    expect(() => formatTenge(1.5, 'en')).toThrow(RangeError);
    expect([formatQuarter(2026, 3, 'en'), formatQuarter(2026, 3, 'ru'), formatQuarter(2026, 4, 'kk')]).toEqual([
      'Q3 2026',
      'III квартал 2026 года',
      '2026 жылғы IV тоқсан',
    ]);
  });

  it('the overdue message names the reason in the language; none of the fee messages is statutory', () => {
    const overdue = feeOverdueNotice(
      {
        feeId: '0194f3a0-0000-7000-8000-0000000000f1',
        participationId: '0194f3a0-0000-7000-8000-0000000000f2',
        bin: '180440000019',
        year: 2026,
        quarter: 3,
        dueDate: '2026-10-26',
        reason: 'not-paid-in-full',
        feeKzt: 10,
        paidKzt: 5,
        outstandingKzt: 5,
        ground: 'membership-fees-not-paid',
      },
      'https://portal',
    );
    expect(overdue.values('ru', catalogue)).toMatchObject({ reason: 'взнос оплачен не полностью', dueDate: '26.10.2026', link: 'https://portal/my/fees' });
    for (const t of ['participation.fee-assessed', 'participation.fee-due-reminder', 'participation.fee-overdue', 'participation.report-overdue'])
      expect(catalogue.meta(t)).toEqual({ ruleId: expect.stringMatching(/^F-(21|37)$/) as string, statutory: false });
  });
});

describe('F-40: the notice of inexpedience', () => {
  it('is statutory, names the project and the monitored period, and has no deadline of its own', () => {
    const draft = inexpedienceNotice(
      {
        participationId: '0194f3a0-0000-7000-8000-0000000000f2',
        bin: '180440000019',
        conclusionId: '0194f3a0-0000-7000-8000-0000000000f3',
        project: 'Qazaq ERP',
        periodFrom: '2026-07-01',
        periodTo: '2026-09-30',
        concludedOn: '2026-11-13',
      },
      'https://portal',
    );
    expect([draft.subjectId, draft.dueOn]).toEqual(['0194f3a0-0000-7000-8000-0000000000f3', null]);
    expect(draft.values('en', catalogue)).toMatchObject({ project: 'Qazaq ERP', periodFrom: '2026-07-01', concludedOn: '2026-11-13' });
    expect(catalogue.meta(draft.template)).toEqual({ ruleId: 'F-40', statutory: true });
  });
});

describe('F-37 report reminder day (ADR 0104)', () => {
  const calendar = new KzReminderCalendar();
  it('F-37: 3 WD before the 20th; a 20th on a Saturday moves the due day to Monday 22 January 2029 and the reminder to Wednesday 17 January', () => {
    expect(nextReportReminder({ from: '2026-11-16', termEnd: '2027-11-15' }, '2026-11-16', calendar)).toEqual({
      year: 2026,
      quarter: 4,
      dueDate: '2027-01-20',
      day: '2027-01-15',
    });
    expect(nextReportReminder({ from: '2028-10-01', termEnd: '2029-12-31' }, '2028-11-01', calendar)).toEqual({
      year: 2028,
      quarter: 4,
      dueDate: '2029-01-22',
      day: '2029-01-17',
    });
  });
  it('F-37: a reminder day already passed goes to the next quarter; none after the term', () => {
    expect(nextReportReminder({ from: '2026-07-01', termEnd: '2027-06-30' }, '2026-10-15', calendar)).toMatchObject({ year: 2026, quarter: 4 });
    expect(nextReportReminder({ from: '2026-07-01', termEnd: '2026-09-30' }, '2026-10-15', calendar)).toBeNull();
  });
  it('F-37, ADR 0105: a reported quarter is skipped; none when every quarter left is reported', () => {
    const q4 = (y: number, q: number) => y === 2026 && q === 4;
    expect(nextReportReminder({ from: '2026-11-16', termEnd: '2027-11-15' }, '2026-11-16', calendar, q4)).toMatchObject({
      year: 2027,
      quarter: 1,
      dueDate: '2027-04-20',
    });
    expect(nextReportReminder({ from: '2026-11-16', termEnd: '2026-12-31' }, '2026-11-16', calendar, q4)).toBeNull();
  });
});
