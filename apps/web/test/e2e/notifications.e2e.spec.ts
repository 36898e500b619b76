import { expect, test } from '@playwright/test';
import { makeBin } from '@hub/identifiers';
import { apiToken, baseUrl, chooseLanguage, everyLanguageAndSize, signInAs } from '../support/page-helpers.ts';
import { fileCompleteApplication, gatewayCall, gatewayUrl } from '../support/scene.ts';

// Issue #16 (ADR 0090, 0092, 0093) on screen over the real gateway, registration and notifications: an
// officer's F-14 remarks reach the representative's inbox through Kafka; the header's bell shows the
// unread count, the inbox lists the notice, reading it marks it read (its delivery, ADR 0092); and the
// company's notice preferences — language, e-mail address, reminders by e-mail switched off (statutory
// notices cannot be) — are set on the same page, checked with axe and photographed in kk, ru and en.

test('issue #16: the bell counts the unread notice, the inbox marks it read, and the company switches e-mail reminders off (kk/ru/en, axe)', async ({
  page,
}) => {
  test.setTimeout(360_000);
  const bin = makeBin({ year: 2022, month: 7, serial: 10_000 + (Date.now() % 80_000) });
  const id = await fileCompleteApplication(bin, 'Bell Inbox LLP');
  const officer = await apiToken({ sub: 'olga', roles: ['fund-officer'] });
  const applicant = await apiToken({ sub: `rep-${bin}`, roles: ['applicant'], companies: [bin] });
  await gatewayCall(officer, 'POST', `/api/registration/applications/${id}/remarks`, {
    remarks: [{ field: 'businessPlan.clients', message: 'Name at least two potential clients.' }],
  });
  // registration's outbox → Kafka → notifications: wait until the inbox has the F-14 notice
  await expect
    .poll(
      async () => {
        const res = await fetch(`${gatewayUrl()}/api/notifications/inbox`, { headers: { authorization: `Bearer ${applicant}` } });
        return ((await res.json()) as { unread?: number }).unread ?? 0;
      },
      { timeout: 90_000, intervals: [500, 1000, 2000] },
    )
    .toBe(1);

  await page.goto(`${baseUrl()}/my/notifications`);
  await chooseLanguage(page, 'en');
  await page.getByTestId('sign-in-required').getByRole('button').click();
  await signInAs(page, { sub: `rep-${bin}`, name: 'Dana Representative', roles: ['applicant'], companies: [bin] });

  // the header's bell: one unread
  const bell = page.getByTestId('bell');
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread');
  await bell.click();
  const notice = page.getByTestId('notification').first();
  await expect(notice).toHaveAttribute('data-status', 'unread');
  await expect(notice).toContainText('F-14');
  await expect(page.getByTestId('notifications-unread')).toHaveText('1 unread');

  // the preferences of the company the representative acts for (F-35: only its own BIN)
  const prefs = page.getByTestId('notice-preferences');
  await expect(prefs).toHaveCount(1);
  await expect(prefs).toHaveAttribute('data-bin', bin);
  await expect(prefs.getByTestId('preferences-email-reminders')).toBeChecked();
  await everyLanguageAndSize(page, 'notifications-inbox');

  // mark read: the bell goes to none
  await notice.getByTestId('mark-read').click();
  await expect(page.getByTestId('bell-count')).toHaveAttribute('data-unread', '0');
  await expect(bell).toHaveAccessibleName('Notifications, none unread');
  await expect(notice).toHaveAttribute('data-status', 'read');

  // a malformed address is refused by notifications, named on the field in the reader's language
  await prefs.getByTestId('preferences-email').fill('not-an-address');
  await prefs.getByTestId('preferences-save').click();
  await expect(prefs.getByTestId('preferences-saved')).toHaveCount(0);
  await expect(prefs.getByTestId('preferences-email')).toHaveAttribute('aria-invalid', 'true');

  // Russian notices, to the company's mailbox, reminders by e-mail off (statutory notices still come)
  await chooseLanguage(page, 'ru');
  await prefs.getByTestId('preferences-language').click();
  await page.getByRole('listbox', { name: 'Язык уведомлений' }).getByRole('option', { name: 'Русский' }).click();
  await prefs.getByTestId('preferences-email').fill(`office@${bin}.kz`);
  await prefs.getByTestId('preferences-email-reminders').uncheck();
  await prefs.getByTestId('preferences-save').click();
  await expect(prefs.getByTestId('preferences-saved')).toHaveText('Сохранено. Следующие уведомления придут с этими настройками.');
  await everyLanguageAndSize(page, 'notifications-preferences');

  // stored in notifications, and shown again after a new visit
  const stored = await gatewayCall(applicant, 'GET', `/api/notifications/recipients/${bin}/preferences`);
  expect(stored).toEqual({ bin, language: 'ru', email: `office@${bin}.kz`, emailReminders: false });
  await page.getByRole('navigation', { name: 'Main menu' }).first().getByRole('link', { name: 'Registry of participants' }).click();
  await bell.click();
  await expect(prefs.getByTestId('preferences-email')).toHaveValue(`office@${bin}.kz`);
  await expect(prefs.getByTestId('preferences-email-reminders')).not.toBeChecked();
  await expect(prefs.getByTestId('preferences-language')).toHaveValue('Русский');
});
