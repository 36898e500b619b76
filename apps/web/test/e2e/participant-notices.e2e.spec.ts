import { expect, test } from '@playwright/test';
import { makeBin } from '@hub/identifiers';
import { sampleFiles } from '@hub/object-storage';
import { SIZES, baseUrl, chooseLanguage, expectAccessible, shoot, signInAs } from '../support/page-helpers.ts';

// The participant's own notices on /my/participation (issue #11) against the real gateway, participation
// and documents: the F-34 re-registration notice with the decision's copy (a decision-copy document,
// verified by documents and known to participation through Kafka), and the voluntary exit (F-28(3)) with
// its 10-working-day notice (F-29) counted by participation. The contracts' client-side errors read in
// Russian (the zod message map). kk/ru/en on a desktop and a phone, axe.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('F-34, F-28(3), F-29: a participant notifies its re-registration with the decision copy and gives notice of its voluntary exit', async ({ page }) => {
  test.setTimeout(300_000);
  const alpha = makeBin({ year: 2018, month: 4, serial: 41_001 }); // participation's seed: Alpha Soft, active until 2027-09-30
  const calls: { url: string; key: string | null }[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/participation/') && r.method() === 'POST') calls.push({ url: r.url(), key: r.headers()['idempotency-key'] ?? null });
  });
  await page.goto(`${baseUrl()}/my/participation`);
  await chooseLanguage(page, 'en');
  await page.getByTestId('sign-in-required').getByRole('button').click();
  await signInAs(page, { sub: 'aigerim', name: 'Aigerim Participant', roles: ['applicant'], companies: [alpha] });
  await expect(page.getByTestId('notice-card')).toBeVisible();
  await expect(page.getByTestId('exit-card')).toBeVisible();
  await expect(page.getByTestId('exit-card').getByTestId('empty')).toBeVisible();
  // issue #11: the notices this company sent (participation's GET /participations/:id/corporate-notices) — none yet
  await expect(page.getByTestId('notice-list').getByTestId('empty')).toHaveText('No notice sent yet.');

  // F-34: the form checks the contract before sending — in Russian, each error on its field
  await page.getByTestId('notice-open').click();
  const notice = page.getByTestId('notice-form');
  await chooseLanguage(page, 'ru');
  await notice.getByTestId('notice-submit').click();
  await expect(notice.getByTestId('document-notice-document')).toContainText('Приложите документ.');
  await expect(notice).toContainText('Укажите дату.');
  await expect(notice).not.toContainText('must be a real calendar date');
  for (const locale of ['kk', 'ru', 'en'] as const) {
    await chooseLanguage(page, locale);
    await shoot(page, 'participant-notice', locale, 'desktop');
  }
  await expectAccessible(page, 'F-34 notice form');
  await page.setViewportSize(SIZES.phone);
  await expectAccessible(page, 'F-34 notice form on a phone');
  await shoot(page, 'participant-notice', 'en', 'phone');
  await page.setViewportSize(SIZES.desktop);

  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Almaty' });
  await notice.getByTestId('notice-event-date').fill(today);
  await notice.getByTestId('notice-description').fill('Re-registered after the merger of its two branches.');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('field-notice-document').click();
  await (await chooser).setFiles({ name: 'reregistration.pdf', mimeType: 'application/pdf', buffer: Buffer.from(sampleFiles.pdf('re-registration decision')) });
  await expect(page.getByTestId('document-notice-document-current')).toBeVisible({ timeout: 60_000 });
  // participation learns of the verified document from documents' event (Kafka): until then its 422
  // names the document on its field, and the person sends again
  await expect(async () => {
    if ((await page.getByTestId('notice-form').count()) > 0) await notice.getByTestId('notice-submit').click();
    await expect(page.getByTestId('notice-filed')).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  await expect(page.getByTestId('notice-filed')).toHaveAttribute('data-on-time', 'true');
  await expect(page.getByTestId('notice-filed')).toContainText('Re-registration (reorganisation)');
  await expect(page.getByTestId('notice-filed')).toContainText('on time');
  // …and the company's list of its notices shows it
  const sent = page.getByTestId('notice-list').getByTestId('notice-row');
  await expect(sent).toHaveCount(1);
  await expect(sent.first()).toHaveAttribute('data-kind', 're-registration');
  await expect(sent.first()).toHaveAttribute('data-on-time', 'true');
  await expectAccessible(page, 'F-34 notices sent');

  // F-28(3): the voluntary exit — Russian client-side errors first
  await page.getByTestId('exit-open').click();
  const exit = page.getByTestId('exit-form');
  await chooseLanguage(page, 'ru');
  await exit.getByTestId('exit-submit').click();
  await expect(exit).toContainText('Минимум символов: 3.');
  await expect(exit).toContainText('Укажите дату.');
  await chooseLanguage(page, 'en');
  // F-29: tomorrow is too early; participation names the earliest day (10 working days after today)
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  await exit.getByTestId('exit-date').fill(tomorrow);
  await exit.getByTestId('exit-reason').fill('The company moves its development abroad.');
  const refused = page.waitForResponse((r) => r.url().includes('/early-terminations') && r.request().method() === 'POST');
  await exit.getByTestId('exit-submit').click();
  const problem = (await (await refused).json()) as { code?: string; earliestWithdrawalDate?: string };
  expect(problem.code).toBe('rule.F-29');
  const earliest = String(problem.earliestWithdrawalDate);
  expect(earliest > tomorrow).toBe(true);
  await expect(exit).toContainText('Too early: at least 10 working days after the notice');
  for (const locale of ['kk', 'ru', 'en'] as const) {
    await chooseLanguage(page, locale);
    await shoot(page, 'participant-exit', locale, 'desktop');
  }
  await page.setViewportSize(SIZES.phone);
  await expectAccessible(page, 'voluntary exit on a phone');
  for (const locale of ['kk', 'ru', 'en'] as const) {
    await chooseLanguage(page, locale);
    await shoot(page, 'participant-exit', locale, 'phone');
  }
  await page.setViewportSize(SIZES.desktop);

  await exit.getByTestId('exit-date').fill(earliest);
  await exit.getByTestId('exit-submit').click();
  const scheduled = page.getByTestId('exit-case');
  await expect(scheduled).toHaveAttribute('data-status', 'scheduled');
  await expect(scheduled).toHaveAttribute('data-ground', 'voluntary-withdrawal');
  await expect(scheduled).toContainText('28(3)');
  await expect(page.getByTestId('exit-open')).toHaveCount(0); // one open case at a time
  await expectAccessible(page, 'voluntary exit scheduled');
  expect(calls.some((c) => c.url.includes('/corporate-notices'))).toBe(true);
  for (const c of calls) expect(c.key, c.url).toMatch(UUID);
});
