import { type Page, expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeBin } from '@hub/identifiers';
import { anIin } from '@hub/testing';
import { REPO } from '../support/fleet.ts';
import { apiToken, baseUrl, chooseLanguage, everyLanguageAndSize, expectAccessible, shoot, signInAs } from '../support/page-helpers.ts';
import { gatewayCall } from '../support/scene.ts';

// ICT training's staff and Commission screens (issue #13) over the gateway, training running with its
// workers: a participant provider (announced on participation's topic, as participation publishes it)
// applies; the training officer writes remarks on the application's screen; after the fix and the F-68
// review (the eight grounds shown with source and date), a Commission member declares conflicts of
// interest and votes on the member's screen after the presentation; the quota calculation is shown and
// downloaded as CSV; the officer records the contract; the provider sees its trainee list.

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const shift = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const course = {
  name: 'Backend engineering in TypeScript',
  description: 'An ICT course',
  curriculum: Array.from({ length: 24 }, (_, i) => ({ week: i + 1, topics: `Week ${i + 1}`, academicHours: 12 })),
  durationMonths: 6,
  studentSelectionCriteria: 'An entrance test',
  priceTiyn: 45_000_000,
};

/** participation.participation-started v1 on this run's participation topic (tools/dev-stack's bus, prefixed like the apps). */
async function announceParticipant(bin: string): Promise<void> {
  const loader = join(REPO, 'tools/dev-stack/load-messaging.mjs');
  const { toolBus } = (await import(loader)) as {
    toolBus: (id: string, brokers: string[]) => Promise<{ publish: (m: unknown[]) => Promise<void>; close: () => Promise<void> }>;
  };
  process.env.HUB_KAFKA_TOPIC_PREFIX = process.env.HUB_WEB_TOPIC_PREFIX;
  const bus = await toolBus('web-e2e-training', (process.env.HUB_KAFKA_BROKERS ?? '127.0.0.1:9092').split(','));
  const participationId = crypto.randomUUID();
  try {
    await bus.publish([
      {
        topic: 'hub.participation.events.v1',
        key: bin,
        value: JSON.stringify({
          id: crypto.randomUUID(),
          type: 'participation.participation-started',
          version: 1,
          occurredAt: new Date().toISOString(),
          correlationId: crypto.randomUUID(),
          causationId: null,
          aggregateId: participationId,
          payload: {
            participationId,
            participantId: crypto.randomUUID(),
            bin,
            companyName: `Training company ${bin}`,
            activityTypeCodes: ['PH-01'],
            certificateNumber: `AH-${bin}`,
            termStart: '2026-01-05',
            termEnd: '2029-12-31',
            extensionDeadline: null,
          },
        }),
      },
    ]);
  } finally {
    await bus.close();
  }
}

/** A fresh page load ends the in-memory session: open the screen, sign in from its prompt, and come back to it. */
async function signInOn(page: Page, who: { sub: string; name: string; roles: string[]; companies: string[] }, path: string): Promise<void> {
  await page.goto(`${baseUrl()}${path}`);
  await page.getByTestId('sign-in-required').getByRole('button').click();
  await signInAs(page, who);
  await expect(page).toHaveURL((u) => u.pathname === path);
  await chooseLanguage(page, 'en');
}

/** Leaves the screen and comes back through the app's links (a reload would end the session). */
async function revisit(page: Page, href: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main menu' }).first().getByRole('link', { name: 'ICT training' }).click();
  await page.locator(`a[href="${href}"]`).first().click();
}

test('F-68 … F-76: the officer’s review with remarks, a member’s declaration and vote, the quota report, the contract and the provider’s trainees', async ({
  page,
}) => {
  test.setTimeout(420_000);
  const serial = 20_000 + (Date.now() % 70_000);
  const bin = makeBin({ year: 2019, month: 6, serial });
  const officer = await apiToken({ sub: 'web-training-officer', roles: ['training-officer'] });
  const secretary = await apiToken({ sub: 'web-secretary', roles: ['commission-secretary'] });
  const provider = await apiToken({ sub: `web-rep-${bin}`, roles: ['applicant'], companies: [bin] });
  const intake = await gatewayCall(officer, 'POST', '/api/training/intakes', {
    title: `Browser intake ${bin}`,
    opensOn: shift(-1),
    closesOn: shift(30),
    selectionCriteria: { version: '1', text: 'Criteria' },
    intakeOrder: { version: '1', text: 'Order' },
  });
  const intakeId = String(intake.id);
  await announceParticipant(bin);
  // F-77: the filing waits until training has learned the participation over Kafka
  let applicationId = '';
  await expect
    .poll(
      async () => {
        const res = await fetch(`${process.env.HUB_WEB_GATEWAY}/api/training/provider-applications`, {
          method: 'POST',
          headers: { authorization: `Bearer ${provider}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
          body: JSON.stringify({ intakeId, bin, language: 'ru', courses: [course], attachments: [], declarationOfAccuracy: true }),
        });
        if (res.status === 201) applicationId = String(((await res.json()) as { id: string }).id);
        return res.status;
      },
      { timeout: 60_000, intervals: [1000] },
    )
    .toBe(201);

  // the training officer writes remarks on the application's screen (F-70)
  await signInOn(
    page,
    { sub: 'web-training-officer', name: 'Aigul Officer', roles: ['training-officer'], companies: [] },
    `/training/applications/${applicationId}`,
  );
  await expect(page.getByTestId('training-status')).toHaveAttribute('data-status', 'filed');
  await page.getByTestId('remarks-text').fill('Describe the premises\nAttach the revised syllabus');
  await page.getByTestId('issue-remarks').click();
  await expect(page.getByTestId('training-status')).toHaveAttribute('data-status', 'remarks-issued');
  await expect(page.getByTestId('remark')).toHaveCount(2);
  await expectAccessible(page, 'training application with remarks');
  await shoot(page, 'training-remarks', 'en', 'desktop');

  // the provider fixes them (F-71); the officer's F-68 review with the recorded checks of (1), (4), (5)
  await gatewayCall(provider, 'POST', `/api/training/provider-applications/${applicationId}/remarks/fix`, { courses: [course], attachments: [] });
  const check = <T>(value: T) => ({ value, source: 'register extract', checkedOn: today, evidence: { documentId: 'extract-1', title: 'Extract' } });
  await gatewayCall(officer, 'POST', `/api/training/provider-applications/${applicationId}/completeness-review`, {
    checks: { taxDebt: check({ taxDebtTiyn: 0, pensionSocialArrearsTiyn: 0 }), unfairProcurement: check({ listed: false }), debtors: check({ listed: false }) },
    findings: {
      falseInformation: { found: false },
      bankruptcyOrLiquidation: { inProceedings: false, source: 'stat.gov.kz' },
      internetResource: { url: 'https://school.example.kz', statesParticipation: true },
    },
  });
  await revisit(page, `/training/applications/${applicationId}`);
  await expect(page.getByTestId('training-status')).toHaveAttribute('data-status', 'complete');
  await expect(page.getByTestId('ground')).toHaveCount(8);
  await expect(page.getByTestId('ground').first()).toContainText('F-68(1)');
  // the grounds by their names in the reader's language, not training's slugs
  await expect(page.getByTestId('ground').first()).toContainText('Tax debt or pension and social arrears above 6 MCI');
  await expect(page.getByTestId('ground').last()).toContainText('No internet resource stating Astana Hub participation');
  await expect(page.getByTestId('completeness-review')).not.toContainText('tax-debt-above-6-mci');
  await chooseLanguage(page, 'ru');
  await expect(page.getByTestId('ground').nth(4)).toContainText('В едином реестре должников');
  await chooseLanguage(page, 'en');
  await everyLanguageAndSize(page, 'training-application');

  // the Commission: three members, the presentation in a few seconds (F-69, F-72)
  for (const [subject, affiliation] of [
    [`web-member-${bin}`, 'fund'],
    [`web-ict-${bin}`, 'ict-specialist'],
    [`web-intl-${bin}`, 'international-expert'],
  ])
    await gatewayCall(officer, 'POST', `/api/training/intakes/${intakeId}/commission/members`, { subject, fullName: subject, affiliation });
  // ahead of now when training receives it (F-72), even when a loaded machine takes seconds per request
  const presentationAt = Date.now() + 20_000;
  await gatewayCall(secretary, 'POST', `/api/training/provider-applications/${applicationId}/presentation`, {
    at: new Date(presentationAt).toISOString(),
    minutes: 1,
  });

  // a member declares, then sees the application and votes after the presentation began
  await signInOn(
    page,
    { sub: `web-member-${bin}`, name: 'Marat Member', roles: ['commission-member'], companies: [] },
    `/training/intakes/${intakeId}/commission`,
  );
  await expect(page.getByTestId('declaration-form')).toBeVisible();
  await expect(page.getByTestId('member-application')).toHaveCount(0);
  await expectAccessible(page, 'commission declaration');
  await page.getByTestId('statement').fill('I have no interest in any applicant of this intake.');
  await page.getByTestId('declare').click();
  await expect(page.getByTestId('declared')).toBeVisible();
  await expect(page.getByTestId('member-application')).toHaveCount(1);
  await expect(page.getByTestId('slot')).toHaveCount(1);
  await page.waitForTimeout(Math.max(0, presentationAt - Date.now() + 1_000)); // the presentation has begun (a vote before it is 409)
  await page.getByTestId('vote-admit').check();
  await page.getByTestId('vote-score').fill('85');
  await page.getByTestId('vote-reason').fill('A strong curriculum and a clear presentation');
  await page.getByTestId('cast-vote').click();
  await expect(page.getByTestId('voted')).toBeVisible();
  await everyLanguageAndSize(page, 'training-commission-member');

  // the other members vote, the secretary records the decision (F-72, F-73)
  for (const m of [`web-ict-${bin}`, `web-intl-${bin}`]) {
    const token = await apiToken({ sub: m, roles: ['commission-member'] });
    await gatewayCall(token, 'POST', `/api/training/intakes/${intakeId}/commission/declaration`, { hasConflict: false, statement: 'None' });
    await gatewayCall(token, 'POST', `/api/training/provider-applications/${applicationId}/votes`, { choice: 'admit', score: 75, reason: 'Good' });
  }
  await gatewayCall(secretary, 'POST', `/api/training/intakes/${intakeId}/commission/decision`, { budget: 12 });

  // the quota report: shown and downloaded (F-73)
  await revisit(page, `/training/intakes/${intakeId}/commission`);
  await expect(page.getByTestId('quota-line')).toHaveCount(1);
  await expect(page.getByTestId('quota-line')).toContainText('12');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv).toContain('training-quota-v1,12,');
  expect(csv).toContain(applicationId);
  await everyLanguageAndSize(page, 'training-quotas');

  // the officer records the contract (F-75)
  await signInOn(
    page,
    { sub: 'web-training-officer', name: 'Aigul Officer', roles: ['training-officer'], companies: [] },
    `/training/applications/${applicationId}`,
  );
  await expect(page.getByTestId('quotas')).toContainText('12');
  await page.getByTestId('field-number').fill(`TR-${bin}`);
  await page.getByTestId('field-signedOn').fill(today);
  await page.getByTestId('field-documentId').fill('contract-scan-1');
  await page.getByTestId('sign-contract').click();
  await expect(page.getByTestId('contract')).toContainText(`TR-${bin}`);
  await shoot(page, 'training-contract', 'en', 'desktop');

  // the provider lists its trainees (F-76) and sees them on its application's screen
  const people = [anIin('1999-01-02'), anIin('2000-03-04', 'male')];
  await gatewayCall(provider, 'PUT', `/api/training/provider-applications/${applicationId}/trainees`, {
    trainees: people.map((iin, i) => ({ iin, fullName: `Trainee ${i + 1}` })),
  });
  await signInOn(page, { sub: `web-rep-${bin}`, name: 'Provider Rep', roles: ['applicant'], companies: [bin] }, '/training');
  await page.getByTestId('provider-application-link').first().click();
  await expect(page.getByTestId('trainee')).toHaveCount(2);
  await expect(page.getByTestId('trainee-list')).toContainText(people[0]!);
  await expect(page.getByTestId('completeness-review')).toHaveCount(0); // the review's file is the Fund's (TRAINING_FILE_ROLES)
  await everyLanguageAndSize(page, 'training-trainees');
});
