import { expect, test } from '@playwright/test';
import { createIntl } from 'react-intl';
import { AnswerBody, CorporateNoticeBody, DeclareIncomeBody, OpenEarlyTerminationBody, SubmitQuarterlyReportBody } from '@hub/contracts';
import { z } from 'zod';
import en from '../../src/i18n/messages/en.json' with { type: 'json' };
import kk from '../../src/i18n/messages/kk.json' with { type: 'json' };
import ru from '../../src/i18n/messages/ru.json' with { type: 'json' };
import { type Translate, zodFieldErrors, zodIssueText } from '../../src/forms/zod-messages.ts';
import type { MessageId } from '../../src/i18n/locales.ts';

// Issue #11: the shared zod schemas of @hub/contracts write English; the web's forms show each issue
// in the reader's language by its code and limits (ICU plurals per language), never zod's text.
const translator = (locale: 'kk' | 'ru' | 'en', messages: Record<string, string>): Translate => {
  const intl = createIntl({
    locale,
    messages,
    onError: (e) => {
      throw e;
    },
  });
  return (id: MessageId, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
};
const t = { kk: translator('kk', kk), ru: translator('ru', ru), en: translator('en', en) };
const issuesOf = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  if (r.success) throw new Error('expected the schema to refuse the value');
  return r.error.issues;
};

test('too_big and too_small of a text read with their limit, grouped per language', () => {
  // F-28(3): the reason of a voluntary withdrawal is 3 … 4000 characters
  const long = issuesOf(OpenEarlyTerminationBody, { ground: 'voluntary-withdrawal', reason: 'x'.repeat(4001), withdrawalDate: '2027-03-01' });
  expect(zodFieldErrors(long, t.ru)).toEqual({ reason: 'Максимум символов: 4\u00a0000.' });
  expect(zodFieldErrors(long, t.en)).toEqual({ reason: 'At most 4,000 characters.' });
  expect(zodFieldErrors(long, t.kk).reason).toBe('Ең көбі 4\u00a0000 таңба.');
  const short = issuesOf(OpenEarlyTerminationBody, { ground: 'voluntary-withdrawal', reason: 'ab' });
  expect(zodFieldErrors(short, t.ru)).toEqual({ reason: 'Минимум символов: 3.' });
  expect(zodFieldErrors(short, t.en)).toEqual({ reason: 'At least 3 characters.' });
  // one character at least = simply "fill in"
  const [empty] = issuesOf(z.object({ name: z.string().min(1) }), { name: '' });
  expect(zodIssueText(empty!, t.ru)).toBe('Заполните это поле.');
});

test('numbers, integers, missing fields, choices and dates by their codes', () => {
  const [negative] = issuesOf(DeclareIncomeBody, { year: 2026, quarter: 1, incomeTiyn: -1 });
  expect(negative!.code).toBe('too_small');
  expect(zodIssueText(negative!, t.ru)).toBe('Не меньше 0.');
  const [fraction] = issuesOf(DeclareIncomeBody, { year: 2026, quarter: 1, incomeTiyn: 1.5 });
  expect(zodIssueText(fraction!, t.kk)).toBe('Бүтін сан енгізіңіз.');
  const missing = zodFieldErrors(issuesOf(DeclareIncomeBody, { year: 2026, quarter: 1 }), t.ru);
  expect(missing).toEqual({ incomeTiyn: 'Заполните это поле.' });
  const kind = zodFieldErrors(issuesOf(CorporateNoticeBody, { kind: 'merger', eventDate: '2026-02-30', documentIds: [] }), t.ru);
  expect(kind.kind).toBe('Выберите одно из допустимых значений.');
  expect(kind.eventDate).toBe('Укажите дату.'); // IsoDateSchema's refine (custom)
  expect(kind.documentIds).toBe('Заполните это поле.');
  const [uuid] = issuesOf(z.object({ id: z.uuid() }), { id: 'nope' });
  expect(zodIssueText(uuid!, t.ru)).toBe('Неверный формат.');
});

test('a contract refine that requires documents (F-32, F-34) is named in each language; an unknown refine reads as "check this field"', () => {
  const answer = zodFieldErrors(issuesOf(AnswerBody, { note: '' }), t.ru);
  expect(answer).toEqual({ documentIds: 'Приложите документ.' });
  const notice = zodFieldErrors(issuesOf(CorporateNoticeBody, { kind: 'liquidation', eventDate: '2026-11-02' }), t.kk);
  expect(notice).toEqual({ documentIds: 'Құжатты тіркеңіз.' });
  const [other] = issuesOf(
    z.string().refine(() => false, { message: 'some rule of a new contract' }),
    'x',
  );
  expect(zodIssueText(other!, t.en)).toBe('Check this field.');
});

test('every issue of a nested F-42 report lands on its own path, in Russian, with no English text of zod left', () => {
  const issues = issuesOf(SubmitQuarterlyReportBody, {
    analysis: '',
    indicators: { revenueTiyn: -5, headcount: 1.5 },
    nonResidents: { engaged: [{ fullName: '' }], familyMembers: [] },
  });
  const errors = zodFieldErrors(issues, t.ru);
  expect(Object.keys(errors).length).toBeGreaterThan(3);
  expect(errors['nonResidents.engaged.0.fullName']).toBe('Минимум символов: 2.');
  expect(errors['nonResidents.engaged.0.passport']).toBe('Заполните это поле.');
  for (const message of Object.values(errors)) expect(message).not.toMatch(/Invalid|expected|Too (small|big)|received/);
});
