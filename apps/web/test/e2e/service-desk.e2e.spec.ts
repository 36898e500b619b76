import { type Page, expect, test } from '@playwright/test';
import { makeBin, makeIin } from '@hub/identifiers';
import { LOCALES, SIZES, apiToken, baseUrl, chooseLanguage, expectAccessible, shoot, signInAs } from '../support/page-helpers.ts';
import { gatewayCall, gatewayUrl } from '../support/scene.ts';

// The Fund's service desk (issue #12) over the real gateway and services: an application filed today on
// the seed's open call is reviewed — a remark on an F-48 field (F-52), the contract concluded and signed at
// the price of the day (F-51, F-55, F-56); an English application by an individual waits for its
// translation (F-49), recorded once; cohorts (F-44) and purchases (F-56) are listed. kk/ru/en, axe.

async function everyLanguageAndSize(page: Page, name: string): Promise<void> {
  for (const locale of LOCALES) {
    await chooseLanguage(page, locale);
    for (const [size, viewport] of Object.entries(SIZES) as [keyof typeof SIZES, (typeof SIZES)[keyof typeof SIZES]][]) {
      await page.setViewportSize(viewport);
      await expectAccessible(page, `${name} ${locale} ${size}`);
      await shoot(page, name, locale, size);
    }
  }
  await page.setViewportSize(SIZES.desktop);
  await chooseLanguage(page, 'en');
}

const CONTENT = (name: string) => ({
  project: { name, direction: 'Agritech', summary: 'Yield forecasts for small farms.', expectedResults: 'Ten farms in a season.' },
  contacts: { phone: '+7 701 123 45 67', email: 'team@example.kz', city: 'Astana', country: 'Kazakhstan' },
  readiness: { stage: 'MVP', technologies: 'Python', problem: 'Unknown yields', businessModel: 'Subscription', lifetime: '5 years' },
});

test('F-49, F-51 … F-56: the Fund reviews a service application on its desk — a remark on a field, the contract at the day’s price — and records a translation', async ({
  page,
}) => {
  test.setTimeout(360_000);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());
  const calls = (await (await fetch(`${gatewayUrl()}/api/services/calls`)).json()) as { id: string; intakeOpensOn: string; intakeClosesOn: string }[];
  const open = calls.find((c) => c.intakeOpensOn <= today && today <= c.intakeClosesOn);
  expect(open).toBeDefined();
  const n = Date.now() % 80_000;
  const bin = makeBin({ year: 2024, month: 6, serial: 10_000 + n });
  const company = `Desk Agro ${n}`;
  await gatewayCall(await apiToken({ sub: `desk-${bin}`, roles: ['applicant'], companies: [bin] }), 'POST', '/api/services/service-applications', {
    callId: open!.id,
    recipient: { kind: 'legal-entity', bin },
    language: 'ru',
    declarationAccepted: true,
    content: CONTENT(company),
  });
  const iin = makeIin({ birthDate: '1990-03-14', sex: 'female', serial: 1000 + (n % 8000) });
  const english = `Desk English ${n}`;
  await gatewayCall(await apiToken({ sub: `desk-person-${n}`, roles: ['applicant'] }), 'POST', '/api/services/service-applications', {
    callId: open!.id,
    recipient: { kind: 'individual', iin },
    language: 'en',
    declarationAccepted: true,
    content: CONTENT(english),
  });

  await page.goto(`${baseUrl()}/staff/service-desk`);
  await chooseLanguage(page, 'en');
  await page.getByTestId('sign-in-required').getByRole('button').click();
  await signInAs(page, { sub: 'e2e-desk-officer', name: 'Asel Officer', roles: ['fund-officer'], companies: [] });
  await expect(page.getByRole('navigation', { name: 'Main menu' }).first().getByRole('link', { name: 'Service applications desk' })).toBeVisible();
  const mine = page.getByTestId('desk-application').filter({ hasText: company });
  await expect(mine).toHaveAttribute('data-status', 'under-review');
  await expect(mine).toContainText(bin);
  // the individual is shown as such — no IIN on the desk (F-42, ADR 0069)
  const person = page.getByTestId('desk-application').filter({ hasText: english });
  await expect(person).toContainText('an individual');
  await expect(page.getByText(iin)).toHaveCount(0);
  await everyLanguageAndSize(page, 'service-desk');

  // an empty remark: services' validation reaches the field in the reader's language
  await chooseLanguage(page, 'kk');
  await mine.getByTestId('issue-remark').click();
  await expect(mine.getByText('Тым қысқа немесе тым аз.')).toBeVisible();
  await chooseLanguage(page, 'en');
  // F-52: a remark on an F-48 field
  await mine.getByTestId('remark-field').selectOption('readiness.businessModel');
  await mine.getByTestId('remark-message').fill('Say who pays and how much');
  await mine.getByTestId('issue-remark').click();
  await expect(mine).toHaveAttribute('data-status', 'remarks-issued');
  await expect(mine.getByTestId('desk-remarks')).toContainText('Say who pays and how much');

  // the recipient answers through the API; the Fund concludes and signs at the day's price (F-55, F-56)
  const list = (await (
    await fetch(`${gatewayUrl()}/api/services/service-applications`, {
      headers: { authorization: `Bearer ${await apiToken({ sub: `desk-${bin}`, roles: ['applicant'], companies: [bin] })}` },
    })
  ).json()) as { id: string }[];
  await gatewayCall(
    await apiToken({ sub: `desk-${bin}`, roles: ['applicant'], companies: [bin] }),
    'POST',
    `/api/services/service-applications/${list[0]!.id}/resubmission`,
    {
      content: CONTENT(company),
    },
  );
  // the session lives in memory (no reload): away through the menu and back, the desk reads again
  const menu = page.getByRole('navigation', { name: 'Main menu' }).first();
  await menu.getByRole('link', { name: 'Services of the Fund' }).click();
  await menu.getByRole('link', { name: 'Service applications desk' }).click();
  await expect(mine).toHaveAttribute('data-status', 'under-review');
  await expect(mine.getByTestId('desk-remarks')).toContainText('answered');
  await mine.getByTestId('conclude').click();
  await expect(mine).toHaveAttribute('data-status', 'approved');
  await mine.getByTestId('sign-contract').click();
  await expect(page.getByTestId('desk-application').filter({ hasText: company })).toHaveCount(0); // contracted: off the desk, on finance's

  // F-49: the English application's translation, recorded once
  const task = page.getByTestId('translation-task').filter({ hasText: english });
  await task.getByTestId('translation-language').selectOption('kk');
  await task.getByTestId('translation-document').fill(`TR-${n}`);
  await task.getByTestId('record-translation').click();
  await expect(page.getByTestId('translation-task').filter({ hasText: english })).toHaveCount(0);
  await expectAccessible(page, 'service desk after the decisions');
  await shoot(page, 'service-desk-after', 'en', 'desktop');
});
