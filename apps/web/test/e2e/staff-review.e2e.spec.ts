import { type Browser, type Page, expect, test } from '@playwright/test';
import { makeBin } from '@hub/identifiers';
import { LOCALES, SIZES, baseUrl, chooseLanguage, expectAccessible, shoot, signInAs } from '../support/page-helpers.ts';
import { fileCompleteApplication } from '../support/scene.ts';

// The Fund staff console (issue #11): the officer opens an application from the review queue (F-12
// working-day deadline), ties remarks to its fields (F-14), sends a complete one to the Commission
// (F-13, F-15); each Commission member votes in their own session, the secretary records the
// decision with the F-16 grounds and reasons, the officer records the applicant's notice (F-17).
// Every person is their own browser context (tokens in memory, ADR 0040); every state-changing call
// carries an Idempotency-Key (ADR 0038).

type Who = { sub: string; name: string; roles: string[] };
const OFFICER: Who = { sub: 'olga', name: 'Olga Fund Officer', roles: ['fund-officer'] };

/** A fresh browser session of `who`, opened on `path` (the guard asks to sign in; the dev issuer signs in). */
async function sessionOf(browser: Browser, who: Who, path: string): Promise<Page> {
  const context = await browser.newContext({ timezoneId: 'Asia/Almaty', locale: 'en-GB', viewport: SIZES.desktop });
  const page = await context.newPage();
  await page.goto(`${baseUrl()}${path}`);
  await chooseLanguage(page, 'en');
  await page.getByTestId('sign-in-required').getByRole('button').click();
  await signInAs(page, { ...who, companies: [] });
  return page;
}

function watchKeys(page: Page): (string | null)[] {
  const keys: (string | null)[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/') && r.method() !== 'GET') keys.push(r.headers()['idempotency-key'] ?? null);
  });
  return keys;
}

test('F-12, F-14: the officer opens an application from the review queue, sees what was filed and its working-day deadline, and sends remarks tied to fields', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const bin = makeBin({ year: 2023, month: 3, serial: 10_000 + (Date.now() % 80_000) });
  const company = `Remark Test ${bin.slice(-5)} LLP`;
  await fileCompleteApplication(bin, company);

  const page = await sessionOf(browser, OFFICER, '/staff/review-queue');
  const keys = watchKeys(page);
  await page.getByTestId('queue-table').getByRole('link', { name: company }).click();
  await expect(page).toHaveURL(/\/staff\/applications\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('application-status')).toHaveAttribute('data-status', 'submitted');
  // what was filed, money in tenge from integer tiyn (ADR 0036)
  const contents = page.getByTestId('contents');
  await expect(contents.locator('[data-field="companyName"]')).toContainText(company);
  await expect(contents.locator('[data-field="businessPlan.costEstimate.totalTiyn"]')).toContainText('₸12,500,000.50');
  await expect(contents.locator('[data-field="taxCertificate"]')).toContainText('TX-77');
  // F-9(3), issue #10: the uploaded lease opens from the review (a logged 60-second grant of documents)
  const download = page.waitForEvent('download');
  await contents.locator('[data-field="placeOfBusiness"]').getByRole('button', { name: 'Download lease-abay-10.pdf' }).click();
  expect((await download).suggestedFilename()).toBe('lease-abay-10.pdf');
  // F-12: the completeness review is due on a working day computed by registration, open
  const review = page.getByTestId('application-deadlines').locator('tr[data-kind="completeness-review"]');
  await expect(review).toContainText('Completeness review (F-12)');
  await expect(review).toContainText('open');
  await expect(page.getByTestId('eligibility')).toContainText(/eligibility requirements \(F-7\)\. \(rules \S+\)/); // the evaluation and its rule-set version
  await expectAccessible(page, 'staff application review');

  // F-14: a remark from the field's own line, and one more on a field chosen from the list
  await contents
    .locator('[data-field="businessPlan.clients"]')
    .getByRole('button', { name: /Remark on/ })
    .click();
  const drafts = page.getByTestId('draft-remark');
  await expect(drafts).toHaveCount(1);
  await expect(drafts.first().getByTestId('draft-field')).toHaveValue('businessPlan.clients');
  await page.getByTestId('send-remarks').click();
  await expect(drafts.first().getByText('Write the remark')).toBeVisible(); // an empty remark is not sent
  await drafts.first().getByTestId('draft-message').fill('Name at least two potential clients.');
  await page.getByTestId('add-remark').click();
  await drafts.nth(1).getByTestId('draft-field').selectOption('taxCertificate.issuedOn');
  await drafts.nth(1).getByTestId('draft-message').fill('The certificate must be issued within the last 30 days.');
  await expect(page.getByTestId('send-remarks')).toHaveText('Send 2 remarks to the applicant');
  await page.getByTestId('send-remarks').click();
  await expect(page.getByTestId('application-status')).toHaveAttribute('data-status', 'remarks-issued');
  const remarks = page.getByTestId('remarks');
  await expect(remarks.locator('[data-field="businessPlan.clients"]')).toContainText('Name at least two potential clients.');
  await expect(remarks.locator('[data-field="businessPlan.clients"]')).toContainText('Not answered yet.');
  await expect(remarks.locator('[data-field="taxCertificate.issuedOn"]')).toContainText('Issued on');
  // remarks issued: no more remarks and no sending to the Commission until the applicant resubmits
  await expect(page.getByTestId('remark-composer')).toHaveCount(0);
  await expect(page.getByTestId('send-to-commission')).toHaveCount(0);
  expect(keys.length).toBe(1);
  expect(keys.every((k) => k && /^[0-9a-f-]{36}$/.test(k))).toBe(true);
  await expectAccessible(page, 'staff application with remarks');
  for (const locale of LOCALES) {
    await chooseLanguage(page, locale);
    for (const [size, viewport] of Object.entries(SIZES) as [keyof typeof SIZES, (typeof SIZES)[keyof typeof SIZES]][]) {
      await page.setViewportSize(viewport);
      await expectAccessible(page, `staff application ${locale} ${size}`);
      await shoot(page, 'staff-application-remarks', locale, size);
    }
  }
  await page.context().close();
});

test('F-13, F-15, F-16, F-17: officer sends to the Commission, members vote in their own sessions, the secretary records a reasoned refusal, the officer records the notice', async ({
  browser,
}) => {
  test.setTimeout(360_000);
  const bin = makeBin({ year: 2023, month: 4, serial: 10_000 + (Date.now() % 80_000) });
  const company = `Commission Test ${bin.slice(-5)} LLP`;
  const id = await fileCompleteApplication(bin, company);

  // the officer: a complete application goes to the Commission (F-13)
  const officer = await sessionOf(browser, OFFICER, `/staff/applications/${id}`);
  await officer.getByTestId('send-to-commission').click();
  await expect(officer.getByTestId('application-status')).toHaveAttribute('data-status', 'with-commission');
  await expect(officer.getByTestId('application-deadlines').locator('tr[data-kind="commission-decision"]')).toContainText('Commission decision (F-15)');
  await expect(officer.getByTestId('vote-form')).toHaveCount(0); // the officer does not vote
  await expect(officer.getByTestId('decision-form')).toHaveCount(0);

  // member 1 votes on the agenda's application: a refusal without a ground is the server's field error (F-16)
  const member1 = await sessionOf(browser, { sub: 'marat', name: 'Marat Commission Member', roles: ['commission-member'] }, '/staff/commission');
  const keys = watchKeys(member1);
  await expect(member1.getByTestId('agenda-total')).not.toHaveText('\u00a0');
  await expectAccessible(member1, 'commission agenda');
  await shoot(member1, 'commission-agenda', 'en', 'desktop');
  await member1.getByTestId('agenda-table').getByRole('link', { name: company }).click();
  await expect(member1.getByTestId('application-status')).toHaveAttribute('data-status', 'with-commission');
  await expect(member1.getByTestId('remark-composer')).toHaveCount(0);
  await member1.getByTestId('vote-refuse').check();
  await member1.getByTestId('cast-vote').click();
  await expect(member1.getByTestId('vote-form')).toContainText('names at least one F-16 ground');
  await member1.getByRole('checkbox', { name: 'the business plan does not follow Annex 1' }).check();
  await member1.getByRole('textbox', { name: 'Comment (optional)' }).fill('No market analysis.');
  await member1.getByTestId('cast-vote').click();
  await expect(member1.getByTestId('votes').locator('tr[data-vote="refuse"]')).toContainText('the business plan does not follow Annex 1');
  await expectAccessible(member1, 'member vote');
  expect(keys.length).toBe(2);
  expect(keys.every((k) => k && /^[0-9a-f-]{36}$/.test(k))).toBe(true);

  const member2 = await sessionOf(browser, { sub: 'dina-member', name: 'Dina Commission Member', roles: ['commission-member'] }, `/staff/applications/${id}`);
  await member2.getByTestId('vote-refuse').check();
  await member2.getByRole('checkbox', { name: 'the business plan does not follow Annex 1' }).check();
  await member2.getByTestId('cast-vote').click();
  await expect(member2.getByTestId('votes').locator('tbody tr')).toHaveCount(2);

  // the secretary: a decision against the majority is refused by registration (F-15), a reasoned refusal is recorded
  const secretary = await sessionOf(
    browser,
    { sub: 'saule', name: 'Saule Commission Secretary', roles: ['commission-secretary'] },
    `/staff/applications/${id}`,
  );
  await expect(secretary.getByTestId('vote-form')).toHaveCount(0);
  await secretary.getByTestId('decide-register').check();
  await secretary.getByTestId('record-decision').click();
  await expect(secretary.getByTestId('decision-form').getByRole('alert')).toContainText('contradicts the votes');
  await secretary.getByTestId('decide-refuse').check();
  await secretary.getByTestId('ground-business-plan-not-per-annex-1').check();
  await secretary.getByTestId('reason-business-plan-not-per-annex-1').fill('Annex 1 item 5 (market and clients) is missing.');
  await expectAccessible(secretary, 'secretary decision form');
  await shoot(secretary, 'commission-decision-form', 'en', 'desktop');
  await secretary.getByTestId('record-decision').click();
  await expect(secretary.getByTestId('application-status')).toHaveAttribute('data-status', 'refused');
  const decision = secretary.getByTestId('decision');
  await expect(decision).toContainText(/Decision: refuse registration · protocol \S+ of/);
  await expect(decision).toContainText('Annex 1 item 5 (market and clients) is missing.');

  // the officer: the F-17 notice deadline runs from the protocol; the notice is recorded
  await officer.reload();
  await officer.getByTestId('sign-in-required').getByRole('button').click();
  await signInAs(officer, { ...OFFICER, companies: [] });
  await expect(officer.getByTestId('application-deadlines').locator('tr[data-kind="decision-notification"]')).toContainText('(F-17)');
  await officer.getByTestId('record-notification').click();
  await expect(officer.getByTestId('notified')).toContainText('(F-17)');
  await expect(officer.getByTestId('record-notification')).toHaveCount(0);
  for (const locale of LOCALES) {
    await chooseLanguage(officer, locale);
    await expectAccessible(officer, `decided application ${locale}`);
    await shoot(officer, 'staff-application-decided', locale, 'desktop');
  }
  await chooseLanguage(officer, 'kk');
  await officer.setViewportSize(SIZES.phone);
  await expectAccessible(officer, 'decided application kk phone');
  await shoot(officer, 'staff-application-decided', 'kk', 'phone');
  for (const p of [officer, member1, member2, secretary]) await p.context().close();
});
