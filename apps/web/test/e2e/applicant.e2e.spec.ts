import { type Page, expect, test } from '@playwright/test';
import { makeBin } from '@hub/identifiers';
import { sampleFiles } from '@hub/object-storage';
import { SIZES, apiToken, baseUrl, chooseLanguage, expectAccessible, shoot, signInAs } from '../support/page-helpers.ts';

// The applicant's and the participant's screens (issue #11) against the real gateway and apps:
// the registration application as a multi-step form (F-7, F-9, Annex 1) from a blank draft to
// "submitted", with the Fund's problem+json field errors on their fields; a participant declaring
// income (F-21) and filing a quarterly report with the restricted F-42 section; the notifications
// bell (an officer's F-14 remarks → registration's outbox → Kafka → notifications → the inbox).
// Every state-changing call carries an Idempotency-Key (ADR 0038), checked on the wire.

const field = (page: Page, path: string) => page.getByTestId(`field-${path}`);

/** Chooses a file for a document field as a person does: the button opens the file chooser. */
async function upload(page: Page, path: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await field(page, path).click();
  await (await chooser).setFiles(file);
}

/** Records the Idempotency-Key of every state-changing call the page makes to /api. */
function watchKeys(page: Page): { method: string; url: string; key: string | null }[] {
  const calls: { method: string; url: string; key: string | null }[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/') && r.method() !== 'GET') calls.push({ method: r.method(), url: r.url(), key: r.headers()['idempotency-key'] ?? null });
  });
  return calls;
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('F-8, F-9, F-14, Annex 1, ADR 0038: an applicant fills the multi-step application from a blank draft, sees the Fund’s field errors on their fields, and submits', async ({
  page,
}) => {
  test.setTimeout(300_000); // the machine is shared: a loaded CI runner needs the slack
  const bin = makeBin({ year: 2021, month: 6, serial: 10_000 + (Date.now() % 80_000) });
  const calls = watchKeys(page);
  await page.goto(`${baseUrl()}/my/applications`);
  await chooseLanguage(page, 'en');
  await page.getByTestId('sign-in-required').getByRole('button').click();
  await signInAs(page, { sub: `dana-${bin}`, name: 'Dana Applicant', roles: ['applicant'], companies: [bin] });
  await expect(page.getByTestId('empty').or(page.getByTestId('applications-total'))).toBeVisible();
  await page.getByTestId('new-application').click();
  await expect(page.getByTestId('field-bin')).toHaveValue(bin);
  await field(page, 'companyName').fill('Tengri Robotics LLP');
  await field(page, 'address').fill('Astana, Mangilik El 55/20, office 301');
  await expectAccessible(page, 'new application');
  await page.getByTestId('form-create').click();
  await expect(page).toHaveURL(/\/my\/applications\/[0-9a-f-]+\/edit$/);
  await expect(page.getByTestId('stepper')).toBeVisible();

  // step 2: one activity type (its project block appears in Annex 1)
  await page.getByTestId('form-next').click();
  await field(page, 'activityTypes').click();
  await page.getByRole('listbox').getByRole('option').first().click();
  await page.keyboard.press('Escape');
  await page.getByTestId('form-next').click(); // saves the draft
  await expect(page.getByTestId('draft-status')).toContainText('Draft saved');

  // submit now: the Fund's completeness check answers with problem+json field errors, shown on the fields
  await page.getByTestId('step-review').click();
  await page.getByTestId('form-submit').click();
  await expect(page.getByTestId('form-errors')).toBeVisible();
  await expect(page.getByTestId('step-documents')).toContainText(/error/);
  await page.getByTestId('step-plan').click();
  await expect(field(page, 'businessPlan.placeOfImplementation')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Annex 1 item (2), place of implementation, is required')).toBeVisible();
  await shoot(page, 'application-form-errors', 'en', 'desktop');

  // F-9(2), (3)
  await page.getByTestId('step-documents').click();
  await field(page, 'taxCertificate.issuedOn').fill('2026-11-20');
  await field(page, 'taxCertificate.debtTiyn').fill('0');
  await field(page, 'placeOfBusiness.address').fill('Astana, Mangilik El 55/20, office 301');
  await field(page, 'placeOfBusiness.proofKind').fill('Lease agreement');
  // issue #10: the files go to the object store by presigned PUT and are checked by the server;
  // a file that is not what its name says is refused on its field, with nothing kept
  await upload(page, 'placeOfBusiness.documentId', { name: 'lease.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a PDF at all') });
  await expect(page.getByTestId('document-placeOfBusiness.documentId')).toContainText('PDF');
  await expect(page.getByTestId('document-placeOfBusiness.documentId-current')).toHaveCount(0);
  await upload(page, 'taxCertificate.documentId', {
    name: 'tax-debt.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(sampleFiles.pdf('tax authority information')),
  });
  await upload(page, 'placeOfBusiness.documentId', {
    name: 'lease.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(sampleFiles.pdf('lease agreement No. 17')),
  });
  for (const path of ['taxCertificate.documentId', 'placeOfBusiness.documentId'])
    await expect(page.getByTestId(`document-${path}-current`)).toContainText('Checked');
  await expect(page.getByTestId('document-placeOfBusiness.documentId-current')).toContainText('lease.pdf');
  await expectAccessible(page, 'application form, documents step');
  await shoot(page, 'application-documents', 'en', 'desktop');
  // Annex 1: the project of the chosen activity type
  await page.getByTestId('step-projects').click();
  const p = 'businessPlan.projects.0';
  await field(page, `${p}.name`).fill('Warehouse robots');
  await field(page, `${p}.description`).fill('Autonomous robots for small warehouses');
  await field(page, `${p}.goals`).fill('Cut picking costs by 30 %');
  await field(page, `${p}.tasks`).fill('Build, pilot, sell');
  await field(page, `${p}.readinessStage`).fill('Working prototype');
  await page.getByTestId(`add-${p}.kpis`).click();
  await field(page, `${p}.kpis.0.name`).fill('Robots sold');
  await field(page, `${p}.kpis.0.target`).fill('40 in 2027');
  await field(page, `${p}.technicalDescription`).fill('ROS 2, lidar, own fleet manager');
  await field(page, `${p}.offering.products`).fill('Robots as a service');
  await field(page, `${p}.offering.salesMethod`).fill('Direct sales and leasing');
  await page.getByTestId(`add-${p}.offering.yearlySales`).click();
  await field(page, `${p}.offering.yearlySales.0.year`).fill('2027');
  await field(page, `${p}.offering.yearlySales.0.volume`).fill('40 robots');
  await field(page, `${p}.offering.yearlySales.0.revenueTiyn`).fill('120 000 000');
  await expectAccessible(page, 'application form, projects step');
  // Annex 1: the company's plan
  await page.getByTestId('step-plan').click();
  await field(page, 'businessPlan.placeOfImplementation').fill('Astana');
  await expect(field(page, 'businessPlan.placeOfImplementation')).not.toHaveAttribute('aria-invalid', 'true'); // typing clears the field's error
  await field(page, 'businessPlan.ownership.basis').fill('Own software, leased hardware');
  await field(page, 'businessPlan.ownership.intellectualProperty').fill('none');
  await field(page, 'businessPlan.team.qualifications').fill('Five engineers, 8 years average');
  await field(page, 'businessPlan.team.headcount').fill('5');
  await field(page, 'businessPlan.team.residentsPlan').fill('Hire 5 more residents');
  await field(page, 'businessPlan.team.nonResidentsPlan').fill('One robotics expert');
  await field(page, 'businessPlan.costEstimate.totalTiyn').fill('25 000 000,50');
  await field(page, 'businessPlan.costEstimate.breakdown').fill('Hardware 60 %, salaries 40 %');
  await field(page, 'businessPlan.clients').fill('Retail chains, 3PL operators');
  await page.getByTestId('add-businessPlan.actionPlan').click();
  await field(page, 'businessPlan.actionPlan.0.period').fill('Q1 2027');
  await field(page, 'businessPlan.actionPlan.0.action').fill('Pilot at two warehouses');
  await page.setViewportSize(SIZES.phone);
  await expectAccessible(page, 'application form, plan step, phone');
  await shoot(page, 'application-form', 'en', 'phone');
  await page.setViewportSize(SIZES.desktop);
  await chooseLanguage(page, 'kk');
  await shoot(page, 'application-form', 'kk', 'desktop');
  await chooseLanguage(page, 'en');

  await page.getByTestId('step-review').click();
  await page.getByTestId('form-submit').click(); // saves the draft, then files it
  await expect(page).toHaveURL(/\/my\/applications\/[0-9a-f-]+$/);
  await expect(page.getByTestId('application-status')).toHaveAttribute('data-status', 'submitted');
  await expect(page.getByTestId('timeline')).toContainText('Submitted');
  await expect(page.getByTestId('application-deadlines')).toContainText(/Completeness review \(F-1[24]\)/);
  await expectAccessible(page, 'application page');
  await shoot(page, 'application', 'en', 'desktop');

  // ADR 0038: every state-changing call carried its own UUID key
  expect(calls.length).toBeGreaterThanOrEqual(4);
  for (const c of calls) expect(c.key, `${c.method} ${c.url}`).toMatch(UUID);
  expect(new Set(calls.map((c) => c.key)).size).toBe(calls.length);
});

test('F-21, F-37, F-39, F-42: a participant declares a quarter’s income and files a quarterly report with the restricted non-resident section', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const beta = makeBin({ year: 2018, month: 4, serial: 41_002 }); // participation's seed: Beta Data, fees and reports overdue
  const calls = watchKeys(page);
  await page.goto(`${baseUrl()}/my/participation`);
  await chooseLanguage(page, 'en');
  await page.getByTestId('sign-in-required').getByRole('button').click();
  await signInAs(page, { sub: 'bakyt', name: 'Bakyt Participant', roles: ['applicant'], companies: [beta] });
  const fees = page.getByTestId('fees-table');
  await expect(fees.locator('tbody tr').first()).toBeVisible();
  await expectAccessible(page, 'participation');
  const row = fees
    .locator('tbody tr')
    .filter({ has: page.getByRole('button', { name: 'Declare income' }) })
    .first();
  const quarter = await row.getAttribute('data-quarter');
  await row.getByRole('button', { name: 'Declare income' }).click();
  await page.getByTestId('income').fill('abc');
  await page.getByTestId('declare-submit').click();
  await expect(page.getByText('Enter an amount in tenge')).toBeVisible(); // checked before sending
  await page.getByTestId('income').fill('12 500 000');
  await page.getByTestId('declare-submit').click();
  const declared = fees.locator(`tbody tr[data-quarter="${quarter}"]`);
  await expect(declared).toContainText('12,500,000.00');
  await expect(declared.getByRole('button', { name: 'Declare income' })).toHaveCount(0);
  await expect(declared).not.toHaveAttribute('data-status', 'awaiting-declaration');

  const reports = page.getByTestId('reports-table');
  const reportRow = reports
    .locator('tbody tr')
    .filter({ has: page.getByRole('button', { name: 'File the report' }) })
    .first();
  const reportQuarter = await reportRow.getAttribute('data-quarter');
  await reportRow.getByRole('button', { name: 'File the report' }).click();
  await expect(page.getByTestId('f42-section')).toContainText('Personal data · restricted');
  await page.getByTestId('report-analysis').fill('short');
  await page.getByTestId('report-submit').click();
  await expect(page.getByTestId('report-errors')).toBeVisible(); // the contract's zod schema: at least 20 characters, indicators required
  await page.getByTestId('report-analysis').fill('Two pilots signed, the data platform reached 99.9 % availability.');
  await page.getByTestId('report-revenueTiyn').fill('3 400 000');
  await page.getByTestId('report-exportRevenueTiyn').fill('0');
  await page.getByTestId('report-headcount').fill('9');
  await page.getByTestId('report-residentHeadcount').fill('8');
  await page.getByTestId('report-nonResidentHeadcount').fill('1');
  await page.getByTestId('add-engaged').click();
  const e = (k: string) => page.getByTestId(`engaged-0-${k}`);
  await e('fullName').fill('Иван Тестов');
  await e('fullNameLatin').fill('Ivan Testov');
  await e('dateOfBirth').fill('1990-05-01');
  await e('citizenship').fill('Kyrgyz Republic');
  await e('countryOfPermanentResidence').fill('Kyrgyz Republic');
  await e('passport.number').fill('AC1234567');
  await e('passport.issuedOn').fill('2021-01-15');
  await e('passport.issuedBy').fill('Ministry of Internal Affairs');
  await e('expectedStayFrom').fill('2026-01');
  await e('expectedStayUntil').fill('2027-01');
  await e('qualifications').fill('Data engineer, 7 years');
  await e('purposeOfStay').fill('employment');
  await expectAccessible(page, 'quarterly report form');
  await chooseLanguage(page, 'kk');
  await shoot(page, 'quarterly-report', 'kk', 'desktop');
  await page.setViewportSize(SIZES.phone);
  await chooseLanguage(page, 'en');
  await shoot(page, 'quarterly-report', 'en', 'phone');
  await page.setViewportSize(SIZES.desktop);
  await page.getByTestId('report-submit').click();
  const filed = reports.locator(`tbody tr[data-quarter="${reportQuarter}"]`);
  await expect(filed).toHaveAttribute('data-status', /submitted/);
  await expect(filed).toContainText('1 engaged');
  for (const c of calls) expect(c.key, `${c.method} ${c.url}`).toMatch(UUID);
  expect(calls.length).toBeGreaterThanOrEqual(2);
});

test('F-14, issue #16: the bell shows the unread notice of an officer’s remarks; the applicant reads it, sees the remark on its field, and the count goes down', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const gateway = process.env.HUB_WEB_GATEWAY ?? '';
  // the scene, through the gateway's API: a company of its own files a complete application (not the
  // seed's, which other tests read), and the officer issues a remark on one of its fields
  const bin = makeBin({ year: 2022, month: 2, serial: 10_000 + (Date.now() % 80_000) });
  const applicant = await apiToken({ sub: `erlan-${bin}`, roles: ['applicant'], companies: [bin] });
  const officer = await apiToken({ sub: 'olga', roles: ['fund-officer'] });
  const call = async (token: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${gateway}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    expect(res.status, `${method} ${path}: ${text.slice(0, 500)}`).toBeLessThan(300);
    return JSON.parse(text || '{}') as Record<string, unknown>;
  };
  const types = (await (await fetch(`${gateway}/api/registration/activity-types`)).json()) as { activityTypes: { code: string }[] };
  const code = types.activityTypes[0]!.code;
  const created = await call(applicant, 'POST', '/api/registration/applications', {
    bin,
    companyName: 'Nomad Cloud LLP',
    address: 'Almaty, Abay 10',
    language: 'ru',
  });
  const id = String(created.id);
  await call(applicant, 'PATCH', `/api/registration/applications/${id}`, {
    activityTypes: [{ code, works: [] }],
    eligibility: {
      hasBranches: false,
      implementsInvestmentPriorityProject: false,
      implementsInvestmentStrategicProjectBefore2015: false,
      hasImplementedInvestmentPriorityProject: false,
      hasImplementedInvestmentStrategicProjectBefore2015: false,
      stateOwnershipPercent: 0,
      isSubsoilUser: false,
      isSezParticipant: false,
      isExcisePayer: false,
    },
    taxCertificate: { issuedOn: '2026-11-20', debtTiyn: 0 },
    placeOfBusiness: { address: 'Almaty, Abay 10', proofKind: 'Lease', documentRef: 'No. 5' },
    businessPlan: {
      projects: [
        {
          activityTypeCode: code,
          name: 'Cloud',
          description: 'Hosting',
          goals: 'Grow',
          tasks: 'Build',
          readinessStage: 'MVP',
          kpis: [{ name: 'Clients', target: '10' }],
          technicalDescription: 'Kubernetes',
          offering: { products: 'Hosting', salesMethod: 'Online', yearlySales: [{ year: 2027, volume: '10', revenueTiyn: 100_000_000 }] },
        },
      ],
      placeOfImplementation: 'Almaty',
      ownership: { basis: 'Own', intellectualProperty: 'none' },
      team: { qualifications: 'Engineers', headcount: 3, residentsPlan: 'Hire', nonResidentsPlan: 'None' },
      costEstimate: { totalTiyn: 1_000_000_000, breakdown: 'Servers' },
      clients: 'SMEs',
      actionPlan: [{ period: '2027', action: 'Launch' }],
    },
  });
  await call(applicant, 'POST', `/api/registration/applications/${id}/submit`);
  await call(officer, 'POST', `/api/registration/applications/${id}/remarks`, {
    remarks: [{ field: 'businessPlan.clients', message: 'Name at least two potential clients.' }],
  });
  // registration's outbox → Kafka → notifications: wait until the inbox has it
  await expect
    .poll(
      async () => {
        const inbox = (await (await fetch(`${gateway}/api/notifications/inbox`, { headers: { authorization: `Bearer ${applicant}` } })).json()) as {
          unread?: number;
        };
        return inbox.unread ?? 0;
      },
      { timeout: 60_000, intervals: [500, 1000, 2000] },
    )
    .toBe(1);

  await page.goto(`${baseUrl()}/registry`);
  await chooseLanguage(page, 'en');
  await page.getByTestId('sign-in').first().click();
  await signInAs(page, { sub: `erlan-${bin}`, name: 'Erlan Applicant', roles: ['applicant'], companies: [bin] });
  const bell = page.getByTestId('bell');
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread');
  await bell.click();
  await expect(page.getByTestId('notifications-list')).toBeVisible();
  await expectAccessible(page, 'notifications');
  await shoot(page, 'notifications', 'en', 'desktop');
  await page.setViewportSize(SIZES.phone);
  await shoot(page, 'notifications', 'en', 'phone');
  await page.setViewportSize(SIZES.desktop);
  await chooseLanguage(page, 'kk');
  await shoot(page, 'notifications', 'kk', 'desktop');
  await chooseLanguage(page, 'en');
  const unread = page.getByTestId('notification').and(page.locator('[data-status="unread"]'));
  await unread.first().getByTestId('mark-read').click();
  await expect(page.getByTestId('bell-count')).toHaveAttribute('data-unread', '0');
  await expect(bell).toHaveAccessibleName('Notifications, none unread');

  // the application page: the remark on its field (F-14), the timeline and the working-day deadlines
  await page.getByRole('navigation', { name: 'Main menu' }).first().getByRole('link', { name: 'My applications' }).click();
  await page.getByTestId('applications-table').getByRole('link', { name: 'Nomad Cloud LLP' }).click();
  await expect(page.getByTestId('application-status')).toHaveAttribute('data-status', 'remarks-issued');
  const remark = page.getByTestId('remarks').locator('[data-field="businessPlan.clients"]');
  await expect(remark).toContainText('Clients and potential clients');
  await expect(remark).toContainText('Name at least two potential clients.');
  await expect(page.getByTestId('timeline')).toContainText('Remarks issued');
  await expectAccessible(page, 'application with remarks');
  await chooseLanguage(page, 'kk');
  await shoot(page, 'application-remarks', 'kk', 'desktop');
  await page.setViewportSize(SIZES.phone);
  await chooseLanguage(page, 'en');
  await shoot(page, 'application-remarks', 'en', 'phone');
});
