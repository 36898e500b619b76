import { expect, test } from '@playwright/test';
import { makeBin } from '@hub/identifiers';
import { LOCALES, SIZES, apiToken, baseUrl, chooseLanguage, expectAccessible, shoot, signInAs } from '../support/page-helpers.ts';
import { fileCompleteApplication, gatewayCall, gatewayUrl } from '../support/scene.ts';

// Issue #16 ("staff see the message log per deadline: who, what, when, channel, status") over the real
// gateway, registration and notifications: an officer's F-14 remarks become the company's portal notice
// and e-mail about the application (the subject of its F-12/F-14 deadlines); the staff message log filtered
// by that subject (`/staff/messages?subjectId=`) lists both (no body, F-42). Axe and screenshots kk/ru/en.
// ADR 0121: the deadlines board links each row to that log — the F-12 row of the application too (registration's
// rows carried `applicationId` but no `subjectId`, so the board had nothing to link: now they carry both).

test('issue #16: the message log of one deadline’s subject — who, what, when, channel, status (kk/ru/en, axe)', async ({ page }) => {
  test.setTimeout(300_000);
  const bin = makeBin({ year: 2022, month: 10, serial: 10_000 + (Date.now() % 80_000) });
  const id = await fileCompleteApplication(bin, 'Deadline Messages LLP');
  const officer = await apiToken({ sub: 'olga', roles: ['fund-officer'] });
  const applicant = await apiToken({ sub: `rep-${bin}`, roles: ['applicant'], companies: [bin] });
  await gatewayCall(applicant, 'PUT', `/api/notifications/recipients/${bin}/preferences`, { language: 'ru', email: `office@${bin}.kz` });

  // the board: the application's F-12 completeness review links to the message log of its subject (the application)
  await page.goto(`${baseUrl()}/staff/deadlines`);
  await chooseLanguage(page, 'en');
  await page.getByTestId('sign-in-required').getByRole('button').click();
  await signInAs(page, { sub: 'olga', name: 'Olga Fund Officer', roles: ['fund-officer'], companies: [] });
  await page.getByTestId('deadlines-bin').fill(bin);
  const row = page.locator('[data-testid="deadlines-table"] tbody tr', { hasText: 'F-12' });
  await expect(row).toHaveCount(1);
  const link = row.getByTestId('deadline-messages-link');
  await expect(link).toHaveText('Messages about it');
  await expect(link).toHaveAttribute('href', `/staff/messages?subjectId=${id}`);
  await shoot(page, 'deadline-messages-board', 'en', 'desktop');
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/staff/messages\\?subjectId=${id}`));
  await expect(page.getByRole('heading', { name: `Messages about ${id}` })).toBeVisible();

  // the officer's F-14 remarks: registration → Kafka → notifications writes the portal notice and the e-mail about it
  await gatewayCall(officer, 'POST', `/api/registration/applications/${id}/remarks`, {
    remarks: [{ field: 'businessPlan.clients', message: 'Name at least two potential clients.' }],
  });
  await expect
    .poll(
      async () => {
        const res = await fetch(`${gatewayUrl()}/api/notifications/messages?subjectId=${id}`, { headers: { authorization: `Bearer ${officer}` } });
        return ((await res.json()) as unknown[]).length;
      },
      { timeout: 90_000, intervals: [500, 1000, 2000] },
    )
    .toBe(2);
  // the staff message log filtered to the application (the deadline's subject): `/staff/messages?subjectId=`
  // (the session lives in memory: a fresh load of the link signs in again, as a bookmark would)
  await page.reload();
  await page.getByTestId('sign-in-required').getByRole('button').click();
  await signInAs(page, { sub: 'olga', name: 'Olga Fund Officer', roles: ['fund-officer'], companies: [] });
  await expect(page.getByRole('heading', { name: `Messages about ${id}` })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/staff/messages\\?subjectId=${id}`));
  const log = page.getByTestId('message-log');
  await expect(log.getByTestId('message-row')).toHaveCount(2);
  await expect(log.locator('[data-testid="message-row"][data-channel="portal"]')).toContainText('F-14');
  await expect(log.locator('[data-testid="message-row"][data-channel="email"]')).not.toContainText(`office@${bin}.kz`);
  await expect(log).not.toContainText('Name at least two potential clients.');
  for (const locale of LOCALES) {
    await chooseLanguage(page, locale);
    for (const [size, viewport] of Object.entries(SIZES) as [keyof typeof SIZES, (typeof SIZES)[keyof typeof SIZES]][]) {
      await page.setViewportSize(viewport);
      await expectAccessible(page, `deadline-messages ${locale} ${size}`);
      await shoot(page, 'deadline-messages', locale, size);
    }
  }
});
