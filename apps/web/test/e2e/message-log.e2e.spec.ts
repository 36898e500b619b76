import { expect, test } from '@playwright/test';
import { makeBin } from '@hub/identifiers';
import { apiToken, baseUrl, chooseLanguage, everyLanguageAndSize, signInAs } from '../support/page-helpers.ts';
import { fileCompleteApplication, gatewayCall, gatewayUrl } from '../support/scene.ts';

// Issue #16 ("staff see the message log per company … who, what, when, channel, status") and ADR 0104 §3
// (dead letters, resend) on screen over the real gateway, registration and notifications: an officer's
// F-14 remarks become the company's portal notice and e-mail; the fleet has no SMTP server and one
// attempt, so the e-mail is a dead letter with its reason. The officer finds both in the company's log
// (no body, the address masked — F-42), sees the dead letter and sends it again; checked with axe and
// photographed in kk, ru and en on a desktop and a phone.

test("issue #16: the officer reads a company's message log, finds the dead e-mail with its reason and sends it again (kk/ru/en, axe)", async ({ page }) => {
  test.setTimeout(360_000);
  const bin = makeBin({ year: 2022, month: 9, serial: 10_000 + (Date.now() % 80_000) });
  const id = await fileCompleteApplication(bin, 'Message Log LLP');
  const officer = await apiToken({ sub: 'olga', roles: ['fund-officer'] });
  const applicant = await apiToken({ sub: `rep-${bin}`, roles: ['applicant'], companies: [bin] });
  await gatewayCall(applicant, 'PUT', `/api/notifications/recipients/${bin}/preferences`, { language: 'ru', email: `office@${bin}.kz` });
  await gatewayCall(officer, 'POST', `/api/registration/applications/${id}/remarks`, {
    remarks: [{ field: 'businessPlan.clients', message: 'Name at least two potential clients.' }],
  });
  // registration → Kafka → notifications writes the F-14 notice; the e-mail fails at once (no SMTP server, one attempt)
  await expect
    .poll(
      async () => {
        const res = await fetch(`${gatewayUrl()}/api/notifications/messages/dead-letters?bin=${bin}`, { headers: { authorization: `Bearer ${officer}` } });
        return ((await res.json()) as unknown[]).length;
      },
      { timeout: 90_000, intervals: [500, 1000, 2000] },
    )
    .toBe(1);

  await page.goto(`${baseUrl()}/staff/messages`);
  await chooseLanguage(page, 'en');
  await page.getByTestId('sign-in-required').getByRole('button').click();
  await signInAs(page, { sub: 'olga', name: 'Olga Fund Officer', roles: ['fund-officer'], companies: [] });
  await expect(page.getByRole('heading', { name: 'Message log', level: 2 })).toBeVisible();
  await expect(page.getByTestId('messages-choose')).toBeVisible();
  await page.getByTestId('messages-bin').fill(bin);

  // the company's log: the portal notice and the e-mail, each with its status; no body, the address masked
  const log = page.getByTestId('message-log');
  await expect(log.getByTestId('message-row')).toHaveCount(2);
  await expect(log.locator('[data-testid="message-row"][data-channel="portal"]')).toHaveAttribute('data-status', 'unread');
  const mail = log.locator('[data-testid="message-row"][data-channel="email"]');
  await expect(mail).toHaveAttribute('data-status', 'dead');
  await expect(mail).toContainText('F-14');
  await expect(mail).not.toContainText(`office@${bin}.kz`);
  await expect(log).not.toContainText('Name at least two potential clients.');

  // the dead letters of the company: the reason is shown
  const dead = page.getByTestId('dead-letters');
  await expect(dead.getByTestId('message-row')).toHaveCount(1);
  await expect(dead.getByTestId('message-error')).not.toBeEmpty();
  await everyLanguageAndSize(page, 'staff-message-log');

  // send it again: to the company's current address, with a fresh count of attempts
  await dead.getByTestId('message-resend').click();
  await expect(page.getByTestId('messages-resent')).toHaveText('The e-mail is queued to be sent again.');
  // with no SMTP server it fails again at once — a dead letter again, resent once, by the officer
  await expect
    .poll(
      async () => {
        const res = await fetch(`${gatewayUrl()}/api/notifications/messages/dead-letters?bin=${bin}`, { headers: { authorization: `Bearer ${officer}` } });
        return ((await res.json()) as { resendCount: number; resentBy: string | null }[]).map((d) => [d.resendCount, d.resentBy]);
      },
      { timeout: 30_000, intervals: [500, 1000] },
    )
    .toEqual([[1, 'olga']]);
});
