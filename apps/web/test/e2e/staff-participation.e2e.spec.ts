import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { makeBin } from '@hub/identifiers';
import { LOCALES, SIZES, baseUrl, chooseLanguage, expectAccessible, shoot, signInAs } from '../support/page-helpers.ts';

// The Fund staff's participation console (issue #11) against the real gateway and participation:
// the officer finds a participant by BIN with its overdue flags, opens its obligations — fees with
// the arrears (F-21, F-28(6)), overdue quarterly reports (F-37), information requests with their
// working-day answer-by days (F-32, F-38), the audit duty (F-33) and early-termination cases with the
// Commission where F-30 requires it — sends a request (field error from the shared contract first,
// then an Idempotency-Key on the call), and downloads the F-41 analytics as a file and as the archived
// issued document (ADR 0132), whose SHA-256 is the one the page shows.
// Participation's seed: Beta Data has Q1–Q3 fees and reports overdue and an open request; Gamma AI an
// early termination on ground (1) awaiting the Commission.

const OFFICER = { sub: 'olga', name: 'Olga Fund Officer', roles: ['fund-officer'], companies: [] };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('F-21, F-32, F-37, F-38, F-30, F-41: the officer reads a participant’s obligations, sends a request and downloads the analytics', async ({ page }) => {
  test.setTimeout(600_000); // six axe runs over a page that grew two sections (F-40, F-28 forms); a loaded shared runner needs the slack
  const beta = makeBin({ year: 2018, month: 4, serial: 41_002 });
  const gamma = makeBin({ year: 2018, month: 4, serial: 41_003 });
  const keys: { url: string; key: string | null }[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/') && r.method() !== 'GET') keys.push({ url: r.url(), key: r.headers()['idempotency-key'] ?? null });
  });

  await page.setViewportSize(SIZES.desktop);
  await page.goto(`${baseUrl()}/staff/participation`);
  await chooseLanguage(page, 'en');
  await page.getByTestId('sign-in-required').getByRole('button').click();
  await signInAs(page, OFFICER);
  // the staff menu entry is the officer's (an applicant, who also reads its own file, does not get it)
  await expect(page.getByRole('navigation').getByRole('link', { name: "Participants' obligations" })).toBeVisible();
  await expect(page.getByTestId('participations-total')).toBeVisible();

  // the list, narrowed to Beta by its BIN, with its flags from participation's overdue deadlines
  await page.getByTestId('bin-filter').fill(beta);
  const row = page.getByTestId('participations-table').locator(`tr[data-bin="${beta}"]`);
  await expect(row).toBeVisible();
  await expect(page.getByTestId('participations-table').locator('tbody tr')).toHaveCount(1);
  await expect(row.locator('[data-flag="membership-fee"]')).toHaveText('fee overdue');
  await expect(row.locator('[data-flag="quarterly-report"]')).toHaveText('report overdue');
  await expectAccessible(page, 'staff participations');
  await shoot(page, 'staff-participations', 'en', 'desktop');

  await row.getByRole('link', { name: /Beta Data/ }).click();
  await expect(page).toHaveURL(/\/staff\/participation\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('participation-header')).toContainText(`BIN ${beta}`);
  // F-21: the overdue fees and the arrears (F-28(6))
  const fees = page.getByTestId('staff-fees');
  await expect(fees.locator('tr[data-status="overdue"]').first()).toBeVisible();
  await expect(fees.getByTestId('arrears')).toContainText('Arrears');
  await expect(fees.getByTestId('arrears')).toContainText('overdue quarter');
  // F-37: the overdue reports flagged
  const reports = page.getByTestId('staff-reports');
  await expect(reports.getByTestId('reports-overdue')).toContainText('overdue');
  await expect(reports.locator('tr[data-status="overdue"]').first()).toContainText('Overdue');
  // F-32, F-38: the seeded request with its working-day answer-by day
  const requests = page.getByTestId('requests-card');
  await expect(requests.locator('tr[data-request]').first()).toContainText('(working day)');
  await expect(page.getByTestId('staff-audits')).toBeVisible();
  await expect(page.getByTestId('staff-cases')).toBeVisible();

  // send a request: the shared contract's check puts its error on the description field first
  const before = await requests.locator('tr[data-request]').count();
  await requests.getByTestId('request-open').click();
  const form = requests.getByTestId('request-form');
  await form.getByTestId('request-kind').selectOption('statistical-reports');
  await form.getByTestId('request-description').fill('1');
  await form.getByTestId('request-submit').click();
  await expect(form.getByTestId('request-description')).toHaveAttribute('aria-invalid', 'true');
  const description = `Statistical form 1-T, staff console test ${Date.now()}`;
  await form.getByTestId('request-description').fill(description);
  await form.getByTestId('request-submit').click();
  await expect(requests.getByTestId('request-form')).toHaveCount(0);
  await expect(requests.locator('tr[data-request]')).toHaveCount(before + 1);
  const sent = requests.locator('tr[data-request]', { hasText: description });
  await expect(sent).toHaveAttribute('data-status', 'open');
  await expect(sent).toContainText('Statistical reports');
  await expect(sent).toContainText('(working day)');
  const sentCall = keys.filter((k) => /\/participations\/[0-9a-f-]{36}\/information-requests$/.test(k.url));
  expect(sentCall).toHaveLength(1);
  expect(sentCall[0]!.key).toMatch(UUID);

  await expectAccessible(page, 'staff participation');
  for (const locale of LOCALES) {
    await chooseLanguage(page, locale);
    for (const [size, viewport] of Object.entries(SIZES) as [keyof typeof SIZES, (typeof SIZES)[keyof typeof SIZES]][]) {
      await page.setViewportSize(viewport);
      await expectAccessible(page, `staff participation ${locale} ${size}`);
      await shoot(page, 'staff-participation', locale, size);
    }
  }
  await page.setViewportSize(SIZES.desktop);
  await chooseLanguage(page, 'en');

  // F-30: Gamma's case on ground (1) waits for the Commission
  await page.getByRole('link', { name: 'All participants' }).click();
  await page.getByTestId('bin-filter').fill(gamma);
  const gammaRow = page.getByTestId('participations-table').locator(`tr[data-bin="${gamma}"]`);
  await expect(gammaRow.locator('[data-flag="termination"]')).toBeVisible();
  await gammaRow.getByRole('link', { name: /Gamma AI/ }).click();
  const pending = page.getByTestId('staff-cases').locator('[data-status="pending-commission"]');
  await expect(pending).toContainText('paragraph 28(1)');
  await expect(pending).toContainText('the Commission decides (F-30)');
  await expect(pending).toContainText('awaiting the Commission');

  // F-41: generate the last quarter's analytics and download them as a file
  await page.getByRole('navigation').getByRole('link', { name: 'F-41 analytics' }).click();
  await expect(page).toHaveURL(/\/staff\/analytics$/);
  await page.getByTestId('analytics-generate').click();
  const meta = page.getByTestId('analytics-meta');
  await expect(meta).toBeVisible();
  await expect(page.getByTestId('analytics-generate')).toHaveText('Generate again');
  const download = page.waitForEvent('download');
  await page.getByTestId('download-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^analytics-\d{4}-Q[1-4]\.csv$/);
  const csv = readFileSync(await file.path(), 'utf8');
  const [header, ...lines] = csv.trim().split('\n');
  expect(header).toBe('bin,companyName,activityTypeCodes,status,termStart,termEnd,reportStatus,expediency,projectConclusions');
  expect(lines.length).toBe(Number(await meta.getAttribute('data-participants')));
  expect(lines.some((l) => l.startsWith(`${gamma},`))).toBe(true);
  const document = page.waitForEvent('download');
  await page.getByTestId('download-md').click();
  const md = readFileSync(await (await document).path(), 'utf8');
  expect(md).toMatch(/^# Astana Hub — analytical information/);
  // Issue #10 (ADR 0132): the edition is issued as the Fund's document — archived once, its hash shown; the
  // download is the stored PDF, whose SHA-256 is the one on the screen.
  const archived = page.getByTestId('analytics-archived');
  await expect(archived).toBeVisible({ timeout: 30_000 });
  const shown = (await page.getByTestId('analytics-sha256').textContent())?.trim() ?? '';
  expect(shown).toMatch(/^[0-9a-f]{64}$/);
  const pdfDownload = page.waitForEvent('download');
  await page.getByTestId('download-archived').click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toMatch(/^analytics-\d{4}-Q[1-4]\.pdf$/);
  const bytes = readFileSync(await pdf.path());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(shown);
  expect(keys.some((k) => k.url.includes('/analytics/quarterly/') && k.key !== null && UUID.test(k.key))).toBe(true);
  await expectAccessible(page, 'F-41 analytics');
  await shoot(page, 'staff-analytics', 'en', 'desktop');
  await page.setViewportSize(SIZES.phone);
  await expectAccessible(page, 'F-41 analytics on a phone');
  await shoot(page, 'staff-analytics', 'en', 'phone');
});

// F-36, F-40, F-28 … F-30 on screen (issue #11): on Epsilon Cloud (participation's seed: active, no case;
// no other browser spec touches it) the fund officer records a monitoring conclusion — the shared
// contract's check first, then participation's refusal of a period not yet over on the "to" field —
// and opens an early termination on ground (1): without the record it rests on participation refuses
// and the refusal lands on the basis field; with the "not expedient" conclusion the case waits for the
// Commission (F-30) and appears in the cases list. The Commission's secretary then sees the conclusion
// and the case, with the decision button but neither of the officer's forms (the gateway's route table).
const SECRETARY = { sub: 'sergei', name: 'Sergei Commission Secretary', roles: ['commission-secretary'], companies: [] };

test('F-36, F-40, F-28(1), F-30: the officer records a monitoring conclusion and opens an early termination that goes to the Commission', async ({
  page,
  browser,
}) => {
  test.setTimeout(600_000); // six axe runs over a page that grew two sections (F-40, F-28 forms); a loaded shared runner needs the slack
  const epsilon = makeBin({ year: 2018, month: 4, serial: 41_005 });
  const keys: { url: string; key: string | null }[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/') && r.method() !== 'GET') keys.push({ url: r.url(), key: r.headers()['idempotency-key'] ?? null });
  });

  await page.setViewportSize(SIZES.desktop);
  await page.goto(`${baseUrl()}/staff/participation`);
  await chooseLanguage(page, 'en');
  await page.getByTestId('sign-in-required').getByRole('button').click();
  await signInAs(page, OFFICER);
  await page.getByTestId('bin-filter').fill(epsilon);
  await page
    .getByTestId('participations-table')
    .locator(`tr[data-bin="${epsilon}"]`)
    .getByRole('link', { name: /Epsilon Cloud/ })
    .click();
  await expect(page).toHaveURL(/\/staff\/participation\/[0-9a-f-]{36}$/);
  const participationUrl = page.url();
  await expect(page.getByTestId('participation-header')).toHaveAttribute('data-status', 'active');

  // F-40: a conclusion — the contract's own check (reasoning at least 10 characters) first …
  const monitoring = page.getByTestId('staff-conclusions');
  await expect(monitoring.getByText('No monitoring conclusion yet.')).toBeVisible();
  await monitoring.getByTestId('conclusion-open').click();
  const form = monitoring.getByTestId('conclusion-form');
  const project = `Cloud platform, console test ${Date.now()}`;
  await form.getByTestId('conclusion-project').fill(project);
  await form.getByTestId('conclusion-from').fill('2026-07-01');
  await form.getByTestId('conclusion-to').fill('2099-12-31');
  await form.getByTestId('conclusion-value').selectOption('not-expedient');
  await form.getByTestId('conclusion-reasoning').fill('short');
  await form.getByTestId('conclusion-submit').click();
  await expect(form.getByTestId('conclusion-reasoning')).toHaveAttribute('aria-invalid', 'true');
  expect(keys.filter((k) => k.url.includes('/monitoring-conclusions'))).toHaveLength(0);
  // … then participation's refusal (422, field periodTo): the period is not over yet
  await form.getByTestId('conclusion-reasoning').fill('Revenue fell three quarters running; the project plan is no longer followed.');
  await form.getByTestId('conclusion-submit').click();
  await expect(form.getByTestId('conclusion-to')).toHaveAttribute('aria-invalid', 'true');
  await expect(form).toContainText('The period has not ended yet');
  await expect(form.getByTestId('conclusion-reasoning')).not.toHaveAttribute('aria-invalid', 'true');
  await form.getByTestId('conclusion-to').fill('2026-09-30');
  await form.getByTestId('conclusion-submit').click();
  await expect(monitoring.getByTestId('conclusion-form')).toHaveCount(0);
  const concluded = monitoring.getByTestId('conclusions-table').locator('tr[data-conclusion]', { hasText: project });
  await expect(concluded).toHaveAttribute('data-value', 'not-expedient');
  await expect(concluded).toContainText('not expedient');
  await expect(concluded).toContainText(/30\s\S+\s2026/);
  const recorded = keys.filter((k) => /\/participations\/[0-9a-f-]{36}\/monitoring-conclusions$/.test(k.url));
  expect(recorded).toHaveLength(2); // the refused attempt and the recorded one, each with its own key
  expect(recorded.every((k) => k.key !== null && UUID.test(k.key))).toBe(true);
  expect(recorded[0]!.key).not.toBe(recorded[1]!.key);

  // F-28(1): without the record it rests on, participation refuses — on the basis field
  const cases = page.getByTestId('staff-cases');
  await expect(cases.getByText('No early-termination case.')).toBeVisible();
  await cases.getByTestId('case-open').click();
  const open = cases.getByTestId('case-form');
  await expect(open.getByTestId('case-ground')).toHaveValue('monitoring-not-expedient');
  await expect(open.getByTestId('case-decides')).toHaveAttribute('data-commission', 'true');
  await expect(open.getByTestId('case-decides')).toContainText('goes to the Commission');
  // the Fund's own grounds say the participation ends today
  await open.getByTestId('case-ground').selectOption('membership-fees-not-paid');
  await expect(open.getByTestId('case-decides')).toHaveAttribute('data-commission', 'false');
  await expect(open.getByTestId('case-decides')).toContainText('participation ends today');
  await open.getByTestId('case-ground').selectOption('monitoring-not-expedient');
  await open.getByTestId('case-reason').fill('Monitoring: further implementation not expedient.');
  await open.getByTestId('case-submit').click();
  await expect(open.getByTestId('case-basis')).toHaveAttribute('aria-invalid', 'true');
  await expect(open).toContainText('Choose the record of this participation that ground (1) rests on');
  await expect(cases.locator('[data-case]')).toHaveCount(0);
  await expectAccessible(page, 'staff early-termination form with an error');
  await shoot(page, 'staff-participation-case-form', 'en', 'desktop');
  // the "not expedient" conclusion is offered as the basis
  const basis = open.getByTestId('case-basis');
  const option = basis.locator('option', { hasText: project });
  await expect(option).toHaveCount(1);
  await basis.selectOption(await option.getAttribute('value'));
  await open.getByTestId('case-submit').click();
  await expect(cases.getByTestId('case-form')).toHaveCount(0);
  const opened = cases.locator('[data-case]');
  await expect(opened).toHaveCount(1);
  await expect(opened).toHaveAttribute('data-status', 'pending-commission');
  await expect(opened).toContainText('paragraph 28(1)');
  await expect(opened).toContainText('Monitoring: further implementation not expedient.');
  await expect(opened).toContainText('the Commission decides (F-30)');
  await expect(opened).toContainText('awaiting the Commission');
  // one case at a time: no second form while this one waits; the participation is still active
  await expect(cases.getByTestId('case-open')).toHaveCount(0);
  await expect(page.getByTestId('participation-header')).toHaveAttribute('data-status', 'active');
  const openedCalls = keys.filter((k) => /\/participations\/[0-9a-f-]{36}\/early-terminations$/.test(k.url));
  expect(openedCalls).toHaveLength(2);
  expect(openedCalls.every((k) => k.key !== null && UUID.test(k.key))).toBe(true);

  await expectAccessible(page, 'staff participation with a conclusion and a case');
  // the same page at both sizes is checked by the test above; here each language on the desktop and Kazakh on a phone
  for (const locale of LOCALES) {
    await chooseLanguage(page, locale);
    await expect(concluded).toBeVisible();
    await expectAccessible(page, `staff participation cases ${locale} desktop`);
    await shoot(page, 'staff-participation-cases', locale, 'desktop');
  }
  await chooseLanguage(page, 'kk');
  await page.setViewportSize(SIZES.phone);
  await expectAccessible(page, 'staff participation cases kk phone');
  await shoot(page, 'staff-participation-cases', 'kk', 'phone');

  // the Commission's secretary reads the conclusion and the case and may record the decision — no officer form
  const context = await browser.newContext({ timezoneId: 'Asia/Almaty', locale: 'en-GB' });
  const secretary = await context.newPage();
  await secretary.setViewportSize(SIZES.desktop);
  await secretary.goto(participationUrl);
  await chooseLanguage(secretary, 'en');
  await secretary.getByTestId('sign-in-required').getByRole('button').click();
  await signInAs(secretary, SECRETARY);
  await expect(secretary.getByTestId('conclusions-table').locator('tr[data-conclusion]', { hasText: project })).toBeVisible();
  await expect(secretary.getByTestId('staff-cases').locator('[data-status="pending-commission"]')).toContainText('paragraph 28(1)');
  await expect(secretary.getByTestId('staff-cases').getByRole('button', { name: "Record the Commission's decision" })).toBeVisible();
  await expect(secretary.getByTestId('conclusion-open')).toHaveCount(0);
  await expect(secretary.getByTestId('case-open')).toHaveCount(0);
  await context.close();
});
