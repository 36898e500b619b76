import { type Locator, type Page, expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { addCalendarDays, kzCalendar } from '@hub/calendar';
import { makeBin, makeIin } from '@hub/identifiers';
import { sampleFiles } from '@hub/object-storage';
import { SIZES, apiToken, baseUrl, chooseLanguage, everyLanguageAndSize, expectAccessible, shoot, signInAs } from '../support/page-helpers.ts';
import { gatewayCall, gatewayUrl } from '../support/scene.ts';

// The cluster selection's screens (issue #15, C-1 … C-21) over the gateway. The fleet runs clusters under
// the demonstration rule set as data and its seed's rounds, made by the real handlers on a controlled
// clock (ADR 0085): one with published results, one before the Commission (member b has voted), one at
// the national institute (no opinion yet), one accepting applications. Nothing here is faked: every step is the app's own API behind the screens.

type Who = { sub: string; name: string; roles: string[]; companies: string[] };
type RuleSetJson = {
  id: string;
  complianceCheckWorkingDays: number;
  toInstituteWorkingDays: number;
  expertOpinionCalendarDaysAfterDeadline: number;
  opinionsToOrganiserWorkingDays: number;
  toCommissionWorkingDays: number;
};

/**
 * ADR 0113: an office's document (a covering letter, the Commission's order or protocol) uploaded through the
 * screen — straight to the object store with documents' presigned PUT, then verified by the server.
 */
async function uploadOfficeDocument(page: Page, field: Locator, current: Locator, name: string): Promise<Buffer> {
  const buffer = Buffer.from(sampleFiles.pdf(`${name} ${Date.now()}`));
  const chooser = page.waitForEvent('filechooser');
  await field.click();
  await (await chooser).setFiles({ name, mimeType: 'application/pdf', buffer });
  await expect(current).toContainText(name);
  await expect(current).toContainText('SHA-256');
  return buffer;
}

/** Clusters learns a verified upload from documents' events over Kafka: until it has, the step is 422 on the document ("may take a few seconds") — submit again after each answer. */
async function submitUntil(button: Locator, done: Locator): Promise<void> {
  let attempts = 0;
  await expect(async () => {
    // an earlier attempt that succeeded after its 4 s window: done, not a button to click again (housing's
    // act form failed a CI run so); the first round always submits
    if (attempts++ > 0 && (await done.isVisible())) return;
    await button.click({ timeout: 10_000 });
    await expect(done).toBeVisible({ timeout: 4_000 });
  }).toPass({ timeout: 120_000, intervals: [2_000, 4_000] });
}

/** Opens the cluster page, signs in from the header (a fresh page load ends the in-memory session) and opens the round. */
async function onRound(page: Page, who: Who | null, roundTitle: string): Promise<void> {
  await page.goto(`${baseUrl()}/clusters`);
  if (who) {
    await page.getByTestId('sign-in').first().click();
    await signInAs(page, who);
  }
  await chooseLanguage(page, 'en');
  await page.getByTestId('round-link').filter({ hasText: roundTitle }).click();
  await expect(page.getByRole('heading', { level: 2, name: roundTitle })).toBeVisible();
}

const PUBLISHED = 'Cluster selection 2026 (demonstration): first round';
const BEFORE_COMMISSION = 'Cluster selection 2026 (demonstration): second round';
const OPEN = 'Cluster selection 2027 (demonstration): open round';
const AT_INSTITUTE = 'Cluster selection 2026 (demonstration): third round';
const ORGANISER: Who = { sub: 'demo-cluster-organiser', name: 'Cluster selection organiser', roles: ['cluster-organiser'], companies: [] };
const EXPERT: Who = { sub: 'demo-cluster-expert', name: 'Expert of the national institute', roles: ['cluster-expert'], companies: [] };

/** A civil date of Asia/Almaty plus calendar days. */
const plusDays = (days: number): string => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days, 12)).toISOString().slice(0, 10);
};

test('C-3, C-21: the public sees the rule sets (the 2015 set repealed, the demonstration set labelled) and the published results of a round', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto(`${baseUrl()}/clusters`);
  await chooseLanguage(page, 'en');
  const sets = page.getByTestId('rule-set');
  await expect(sets).toHaveCount(2);
  await expect(sets.filter({ hasText: 'Order No. 1212' })).toHaveAttribute('data-in-force', 'false');
  await expect(sets.filter({ hasText: 'DEMONSTRATION ONLY, not law' })).toHaveAttribute('data-in-force', 'true');
  // the seed's four rounds (the organiser's test announces another: counted by the seed's titles)
  await expect(page.getByTestId('round').filter({ hasText: '(demonstration)' })).toHaveCount(4);
  await everyLanguageAndSize(page, 'clusters-rounds');
  await page.getByTestId('round-link').filter({ hasText: PUBLISHED }).click();
  await expect(page.getByTestId('round-status')).toHaveText('Results published');
  await expect(page.getByTestId('results')).toContainText('Protocol of the Commission No. P-1/2026');
  // C-20 (ADR 0083): three votes "for" the textile cluster, none for the petrochemical one — one winner
  await expect(page.getByTestId('winner')).toHaveCount(1);
  await expect(page.getByTestId('winner')).toContainText('Shymkent textile cluster');
  // C-2: the public sees no Commission, no votes
  await expect(page.getByTestId('tallies')).toHaveCount(0);
  await everyLanguageAndSize(page, 'clusters-results');
});

test('C-19, C-20, C-21 (ADR 0083): a member votes on the applications before the Commission, the secretary records the protocol, the organiser publishes, the public sees the winner', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const memberA: Who = { sub: 'demo-commission-member-a', name: 'Aliya Nurlanovna', roles: ['cluster-commission-member'], companies: [] };
  await onRound(page, memberA, BEFORE_COMMISSION);
  // member b voted in the seed: one vote of three, the quorum (two thirds) not reached
  const tallies = page.getByTestId('tally');
  await expect(tallies).toHaveCount(2);
  for (const row of await tallies.all()) await expect(row).toHaveAttribute('data-quorate', 'false');
  const cards = page.getByTestId('vote-application');
  await expect(cards).toHaveCount(2);
  // the institute's opinion beside each application (C-14, C-15)
  await expect(cards.filter({ hasText: 'Karaganda mining machinery cluster' })).toContainText('The institute recommends');
  // no choice → the screen says so, nothing is sent
  await cards.filter({ hasText: 'Karaganda' }).getByTestId('cast-vote').click();
  await expect(cards.filter({ hasText: 'Karaganda' })).toContainText('Choose for, against or abstain.');
  await everyLanguageAndSize(page, 'clusters-vote');
  for (const [cluster, choice] of [
    ['Karaganda mining machinery cluster', 'for'],
    ['Almaty mountain tourism cluster', 'against'],
  ] as const) {
    const card = cards.filter({ hasText: cluster });
    await card.getByTestId(`vote-${choice}`).check();
    await card.getByTestId('vote-comment').fill(`Member a: ${choice}`);
    await card.getByTestId('cast-vote').click();
    await expect(card.getByTestId('voted')).toContainText(choice === 'for' ? 'You voted: For' : 'You voted: Against');
  }
  // two of three voted on each: quorate; the machinery cluster has 2 "for" of 2 cast — the winner
  await expect(tallies.filter({ hasText: 'Karaganda' })).toHaveAttribute('data-winner', 'true');
  await expect(tallies.filter({ hasText: 'Almaty' })).toHaveAttribute('data-winner', 'false');
  for (const row of await tallies.all()) await expect(row).toHaveAttribute('data-quorate', 'true');
  // C-19: a second vote by the same member is refused by the API (409), whatever the screen shows
  const token = await apiToken({ sub: memberA.sub, roles: memberA.roles });
  const round = ((await (await fetch(`${gatewayUrl()}/api/clusters/rounds`)).json()) as { id: string; title: string }[]).find(
    (r) => r.title === BEFORE_COMMISSION,
  )!;
  const commission = await gatewayCall(token, 'GET', `/api/clusters/rounds/${round.id}/commission`);
  const applicationId = (commission.tallies as { applicationId: string }[])[0]!.applicationId;
  const again = await fetch(`${gatewayUrl()}/api/clusters/rounds/${round.id}/votes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({ applicationId, choice: 'abstain' }),
  });
  expect(again.status).toBe(409);

  // the secretary records the protocol; the winners follow from the votes (C-20)
  await page.goto('about:blank');
  await onRound(
    page,
    { sub: 'demo-commission-secretary', name: 'Commission secretary', roles: ['cluster-commission-secretary'], companies: [] },
    BEFORE_COMMISSION,
  );
  await page.getByTestId('protocol-number').fill('P-2/2026');
  // ADR 0113: the signed protocol is uploaded as the Commission's own document, and downloaded back byte for byte
  const protocolPdf = await uploadOfficeDocument(
    page,
    page.getByTestId('field-protocol-document'),
    page.getByTestId('document-protocol-document-current'),
    'protocol-P-2-2026.pdf',
  );
  await everyLanguageAndSize(page, 'clusters-protocol');
  await submitUntil(page.getByTestId('record-protocol'), page.getByTestId('protocol'));
  await expect(page.getByTestId('protocol')).toContainText('Protocol No. P-2/2026');
  const protocolLink = page.getByTestId('protocol').getByRole('button', { name: /protocol-P-2-2026\.pdf/ });
  await expect(protocolLink).toBeEnabled();
  const downloaded = page.waitForEvent('download');
  await protocolLink.click();
  expect(readFileSync(await (await downloaded).path()).equals(protocolPdf)).toBe(true);
  await expect(page.getByTestId('round-status')).toHaveText('Winners decided');

  // the organiser publishes (C-21); the public sees the one winner
  await page.goto('about:blank');
  await onRound(page, { sub: 'demo-cluster-organiser', name: 'Cluster selection organiser', roles: ['cluster-organiser'], companies: [] }, BEFORE_COMMISSION);
  await page.getByTestId('publish-results').click();
  await expect(page.getByTestId('round-status')).toHaveText('Results published');
  await page.goto('about:blank');
  await onRound(page, null, BEFORE_COMMISSION);
  await expect(page.getByTestId('winner')).toHaveCount(1);
  await expect(page.getByTestId('winner')).toContainText('Karaganda mining machinery cluster');
});

test('C-12, C-13, C-2: the organiser finds an application compliant and returns another with a written notice, sends the compliant one to the institute and forms the Commission', async ({
  page,
}) => {
  test.setTimeout(500_000);
  const round = ((await (await fetch(`${gatewayUrl()}/api/clusters/rounds`)).json()) as { id: string; title: string }[]).find((r) => r.title === OPEN)!;
  const serial = 30_000 + (Date.now() % 50_000);
  const file = async (bin: string, clusterName: string) => {
    const token = await apiToken({ sub: `rep-${bin}`, roles: ['applicant'], companies: [bin] });
    await gatewayCall(token, 'POST', '/api/clusters/applications', {
      roundId: round.id,
      bin,
      form: { participantKind: 'regional-chamber', applicantName: 'Regional chamber', clusterName, region: 'Aktobe region' },
      memberConsents: [
        { memberId: makeBin({ year: 2017, month: 3, serial: serial + 5 }), idKind: 'bin', memberName: 'Member LLP', consentDocumentRef: 'consent-1' },
        {
          memberId: makeIin({ birthDate: '1985-01-20', sex: 'female', serial: 3311 }),
          idKind: 'iin',
          memberName: 'IE Member',
          consentDocumentRef: 'consent-2',
        },
      ],
      information: {
        location: 'Aktobe',
        sectors: ['Metallurgy'],
        keyMembers: [{ name: 'Member LLP', role: 'Anchor' }],
        goals: 'A regional value chain',
        developmentLevel: { interlinkedFirms: '12 firms', chainExtensionProjects: 'A rolling mill', additionalFunding: 'None' },
        structureAndSpecialisation: { outsidePartners: 'A university', internationalisation: 'Export to Russia', valueChains: 'Ore → steel' },
        prospects: {
          strategicGoals: 'Growth',
          targetIndicators: [{ name: 'Output', unit: 'mln KZT', baseline: 100, target: 200, year: 2031 }],
          proposedSupportMeasures: 'Training',
          commonProblems: 'Logistics',
        },
        resources: {},
        strategyAlignment: 'The regional programme',
        importance: { employment: [{ year: 2025, value: 900 }], output: [{ year: 2025, tiyn: 100_000_000_00 }], export: [{ year: 2025, tiyn: 10_000_000_00 }] },
      },
      documentIndex: [{ number: 1, title: 'Application (Annex 1)', documentRef: 'annex-1' }],
    });
  };
  const [good, bad] = [makeBin({ year: 2020, month: 6, serial }), makeBin({ year: 2020, month: 7, serial: serial + 1 })];
  await file(good, `Aktobe metallurgy cluster ${serial}`);
  await file(bad, `Aktobe chemistry cluster ${serial}`);
  await onRound(page, { sub: 'demo-cluster-organiser', name: 'Cluster selection organiser', roles: ['cluster-organiser'], companies: [] }, OPEN);
  const cards = page.getByTestId('organiser-application');
  const goodCard = cards.filter({ hasText: `Aktobe metallurgy cluster ${serial}` });
  const badCard = cards.filter({ hasText: `Aktobe chemistry cluster ${serial}` });
  await expect(goodCard).toHaveAttribute('data-status', 'filed');
  await everyLanguageAndSize(page, 'clusters-organiser');
  // returning needs the notice's text (C-12: the notice names what is wrong)
  await badCard.getByTestId('check-return').click();
  await expect(badCard).toContainText('Name what is wrong to return the application.');
  await badCard.getByRole('textbox', { name: 'What is wrong' }).fill('The consents of the members (Annex 2) are not signed');
  await badCard.getByTestId('check-return').click();
  await expect(badCard).toHaveAttribute('data-status', 'returned');
  await expect(badCard).toContainText('The consents of the members (Annex 2) are not signed');
  await goodCard.getByTestId('check-compliant').click();
  await expect(goodCard).toHaveAttribute('data-status', 'compliant');
  // C-13: to the national institute with a covering letter (the screen asks for it first)
  await goodCard.getByTestId('send-to-institute').click();
  await expect(goodCard).toContainText('Upload the covering letter.');
  await uploadOfficeDocument(
    page,
    goodCard.locator('[data-testid^="field-transfer-letter-"]'),
    goodCard.locator('[data-testid^="document-transfer-letter-"][data-testid$="-current"]'),
    'letter-17-to-the-institute.pdf',
  );
  await submitUntil(goodCard.getByTestId('send-to-institute'), goodCard.getByTestId('sent-to-institute'));
  await expect(goodCard.getByTestId('sent-to-institute')).toContainText('At the national institute since');

  // C-2, C-19 (ADR 0083): the organiser forms the Commission — an empty seat is refused, three members are accepted
  const form = page.getByTestId('form-commission');
  await uploadOfficeDocument(
    page,
    form.getByTestId('field-commission-decision'),
    form.getByTestId('document-commission-decision-current'),
    'order-42-commission.pdf',
  );
  const seats = form.getByTestId('seat');
  const people = [
    ['commission-x', 'Asel Nurova', 'Ministry of Industry'],
    ['commission-y', 'Berik Tulegenov', 'NCE Atameken'],
  ];
  for (const [i, [subject, name, organisation]] of people.entries()) {
    const seat = seats.nth(i);
    await seat.getByRole('textbox', { name: `Member ${i + 1}: user` }).fill(subject!);
    await seat.getByRole('textbox', { name: `Member ${i + 1}: full name` }).fill(name!);
    await seat.getByRole('textbox', { name: `Member ${i + 1}: organisation` }).fill(organisation!);
  }
  // ADR 0122: on a phone each seat's fields stack at full width (they were four cramped columns)
  await page.setViewportSize(SIZES.phone);
  const userField = seats.nth(0).getByRole('textbox', { name: 'Member 1: user' });
  // the field spans its seat (padding aside), once the layout has settled at the new size
  await expect.poll(async () => (await userField.boundingBox())!.width / (await seats.nth(0).boundingBox())!.width, { timeout: 10_000 }).toBeGreaterThan(0.8);
  const user1 = await userField.boundingBox();
  const name1 = await seats.nth(0).getByRole('textbox', { name: 'Member 1: full name' }).boundingBox();
  expect(name1!.y).toBeGreaterThan(user1!.y + user1!.height);
  await expectAccessible(page, 'clusters-commission-form en phone');
  await shoot(page, 'clusters-commission-form', 'en', 'phone');
  await page.setViewportSize(SIZES.desktop);
  await form.getByTestId('save-commission').click();
  // the empty third seat is named by its fields (the context's 400), nothing is formed
  const third = seats.nth(2);
  await expect(third.getByRole('textbox', { name: 'Member 3: user' })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('composition')).toHaveCount(0);
  await third.getByRole('textbox', { name: 'Member 3: user' }).fill('commission-z');
  await third.getByRole('textbox', { name: 'Member 3: full name' }).fill('Gulnar Sadykova');
  await third.getByRole('textbox', { name: 'Member 3: organisation' }).fill('Kazakh Invest');
  await submitUntil(form.getByTestId('save-commission'), page.getByTestId('composition'));
  await expect(page.getByTestId('composition')).toContainText('Gulnar Sadykova (Kazakh Invest)');
  await everyLanguageAndSize(page, 'clusters-commission-formed');
});

test('C-3 … C-5: the organiser announces a round — a deadline sooner than the set’s 60 calendar days is refused on the screen and by the context; the public sees the round', async ({
  page,
}) => {
  test.setTimeout(400_000);
  await page.goto(`${baseUrl()}/clusters`);
  // the public and other roles see no announcement form
  await expect(page.getByTestId('rule-set').first()).toBeVisible();
  await expect(page.getByTestId('announce-round')).toHaveCount(0);
  await page.getByTestId('sign-in').first().click();
  await signInAs(page, ORGANISER);
  await chooseLanguage(page, 'en');
  const form = page.getByTestId('announce-round');
  // C-5 under the demonstration set (the 2015 parameters): the earliest deadline is today + 60 CD
  await expect(form.getByTestId('announce-lead')).toContainText('at least 60 calendar days before the deadline');
  const title = `Cluster selection 2027: announced on the web ${Date.now() % 100_000}`;
  await form.getByTestId('announce-title').fill(title);
  await form.getByTestId('announce-deadline').fill(plusDays(59));
  // ADR 0122: before submitting, the preview says C-5 is not met
  await expect(form.getByTestId('announce-preview-lead')).toHaveAttribute('data-met', 'false');
  await expect(form.getByTestId('announce-preview-lead')).toContainText('only 59 calendar days');
  await form.getByTestId('announce-submit').click();
  await expect(form).toContainText('C-5: the deadline must be on or after');
  // the context refuses it too (C-5, 422 naming the field): nothing announced
  const token = await apiToken({ sub: ORGANISER.sub, roles: ORGANISER.roles });
  const early = await fetch(`${gatewayUrl()}/api/clusters/rounds`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({ ruleSetId: 'demo-2026', title, applicationDeadline: `${plusDays(59)}T18:00:00+05:00` }),
  });
  expect(early.status).toBe(422);
  expect(JSON.stringify(await early.json())).toContain('applicationDeadline');
  // under the repealed 2015 set no round can be announced (C-3): the form offers only the set in force
  await form.getByTestId('announce-deadline').fill(plusDays(75));
  await expect(form.getByTestId('announce-window')).toContainText('C-16');
  // ADR 0122 (C-5, C-12, C-13, C-16 … C-18): the schedule before submitting — the same days the context computes,
  // on the Kazakh working-day calendar for the working-day steps, calendar days for C-5 and C-16
  const set = ((await (await fetch(`${gatewayUrl()}/api/clusters/rule-sets`)).json()) as RuleSetJson[]).find((r) => r.id === 'demo-2026')!;
  const wd = kzCalendar();
  const deadlineOn = plusDays(75);
  const c12 = wd.addWorkingDays(deadlineOn, set.complianceCheckWorkingDays);
  const c16 = addCalendarDays(deadlineOn, set.expertOpinionCalendarDaysAfterDeadline);
  const c17 = wd.addWorkingDays(c16, set.opinionsToOrganiserWorkingDays);
  await expect(form.getByTestId('announce-preview-lead')).toHaveAttribute('data-met', 'true');
  await expect(form.getByTestId('announce-preview-lead')).toContainText('75 calendar days');
  for (const [rule, due] of [
    ['C-12', c12],
    ['C-13', wd.addWorkingDays(c12, set.toInstituteWorkingDays)],
    ['C-16', c16],
    ['C-17', c17],
    ['C-18', wd.addWorkingDays(c17, set.toCommissionWorkingDays)],
  ] as const)
    await expect(form.getByTestId(`announce-preview-${rule}`), rule).toHaveAttribute('data-due', due);
  await expect(form.getByTestId('announce-preview-no-calendar')).toHaveCount(0);
  // a deadline in a year without calendar data: said so (calendar.year-not-loaded), no date made up
  await form.getByTestId('announce-deadline').fill('2031-06-02');
  await expect(form.getByTestId('announce-preview-C-12')).toContainText('the working-day calendar for 2031 is not loaded');
  await expect(form.getByTestId('announce-preview-C-12')).not.toHaveAttribute('data-due');
  await expect(form.getByTestId('announce-preview-C-16')).toHaveAttribute('data-due', '2031-08-01'); // calendar days need no calendar
  await page.setViewportSize(SIZES.phone);
  await expectAccessible(page, 'clusters-announce-no-calendar en phone');
  await shoot(page, 'clusters-announce-no-calendar', 'en', 'phone');
  await page.setViewportSize(SIZES.desktop);
  await form.getByTestId('announce-deadline').fill(plusDays(75));
  await everyLanguageAndSize(page, 'clusters-announce');
  await form.getByTestId('announce-submit').click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await expect(page.getByTestId('round-status')).toHaveText('Announced');
  const rounds = (await (await fetch(`${gatewayUrl()}/api/clusters/rounds`)).json()) as { title: string; ruleSetId: string; applicationDeadline: string }[];
  const announced = rounds.find((r) => r.title === title)!;
  expect(announced.ruleSetId).toBe('demo-2026');
  // the deadline is the instant in Asia/Almaty the organiser chose (C-11): 18:00 there
  expect(new Date(announced.applicationDeadline).toISOString()).toBe(new Date(`${plusDays(75)}T18:00:00+05:00`).toISOString());
  await page.goto('about:blank');
  await onRound(page, null, title);
  await expect(page.getByText('accepting applications', { exact: false })).toBeVisible();
});

test('C-14 … C-18: the institute’s expert gives an opinion per Annex 4 criterion on each application, compares them and hands them to the organiser, who puts them before the Commission', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await onRound(page, EXPERT, AT_INSTITUTE);
  const forms = page.getByTestId('opinion-form');
  await expect(forms).toHaveCount(2);
  await expect(page.getByTestId('opinions-due')).toContainText('(C-16)');
  // the comparison waits for every opinion (C-14)
  await expect(page.getByTestId('comparison-form')).toHaveCount(0);
  const first = forms.filter({ hasText: 'Ust-Kamenogorsk non-ferrous metals cluster' });
  // each Annex 4 criterion of the round's set (four under the 2015 parameters, C-15)
  await expect(first.getByTestId('criterion')).toHaveCount(4);
  // no recommendation → the screen says so, nothing is sent
  await first.getByTestId('give-opinion').click();
  await expect(first).toContainText('Choose whether the institute recommends the cluster.');
  await everyLanguageAndSize(page, 'clusters-opinion');
  const fill = async (cluster: string, strong: boolean) => {
    const form = forms.filter({ hasText: cluster });
    for (let n = 1; n <= 4; n++) {
      await form.getByRole('textbox', { name: `Criterion ${n}: strengths` }).fill(`${cluster}: strength ${n}\nA second strength`);
      await form.getByRole('textbox', { name: `Criterion ${n}: weaknesses` }).fill(`Weakness ${n}`);
      await form.getByRole('textbox', { name: `Criterion ${n}: opportunities` }).fill(`Opportunity ${n}`);
      await form.getByRole('textbox', { name: `Criterion ${n}: threats` }).fill(`Threat ${n}`);
    }
    await form.getByTestId('opinion-conclusion').fill(strong ? 'Meets the criteria of Annex 4.' : 'Meets the criteria of Annex 4 in part.');
    await form.getByTestId(strong ? 'opinion-recommended' : 'opinion-not-recommended').check();
    await form.getByTestId('give-opinion').click();
  };
  const second = forms.filter({ hasText: 'Kostanay grain processing cluster' });
  await fill('Kostanay grain processing cluster', false);
  await expect(page.getByTestId('opinion').filter({ hasText: 'Kostanay grain processing cluster' })).toContainText('The institute does not recommend');
  await expect(second).toHaveCount(0);
  await fill('Ust-Kamenogorsk non-ferrous metals cluster', true);
  await expect(page.getByTestId('opinion')).toHaveCount(2);
  // a second opinion on the same application is refused (C-15: once)
  const token = await apiToken({ sub: EXPERT.sub, roles: EXPERT.roles });
  const round = ((await (await fetch(`${gatewayUrl()}/api/clusters/rounds`)).json()) as { id: string; title: string }[]).find((r) => r.title === AT_INSTITUTE)!;
  const review = await gatewayCall(token, 'GET', `/api/clusters/rounds/${round.id}/expert-review`);
  const applicationId = (review.applications as { applicationId: string }[])[0]!.applicationId;
  const again = await fetch(`${gatewayUrl()}/api/clusters/applications/${applicationId}/expert-opinion`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify((review.applications as { opinion: unknown }[])[0]!.opinion),
  });
  expect(again.status).toBeGreaterThanOrEqual(400);
  expect(again.status).toBeLessThan(500);

  // C-14, C-16: the comparison ranks both, 1 … n
  const comparison = page.getByTestId('comparison-form');
  await comparison.getByRole('textbox', { name: 'Place of Ust-Kamenogorsk non-ferrous metals cluster' }).fill('1');
  await comparison.getByRole('textbox', { name: 'Place of Kostanay grain processing cluster' }).fill('2');
  await comparison.getByTestId('comparison-summary').fill('Ranked by the dynamics of employment, output and export.');
  await everyLanguageAndSize(page, 'clusters-comparison');
  await comparison.getByTestId('give-comparison').click();
  await expect(page.getByTestId('ranked').first()).toContainText('1. Ust-Kamenogorsk non-ferrous metals cluster');

  // C-17: to the organiser with a covering letter (the screen asks for it first)
  const handOver = page.getByTestId('hand-over-form');
  await expect(handOver).toContainText('To the organiser by');
  await handOver.getByTestId('hand-over').click();
  await expect(handOver).toContainText('Upload the covering letter.');
  await uploadOfficeDocument(
    page,
    handOver.getByTestId('field-hand-over-letter'),
    handOver.getByTestId('document-hand-over-letter-current'),
    'institute-letter-5-opinions.pdf',
  );
  await everyLanguageAndSize(page, 'clusters-hand-over');
  await submitUntil(handOver.getByTestId('hand-over'), page.getByTestId('at-organiser'));
  await expect(page.getByTestId('at-organiser').getByRole('button', { name: /institute-letter-5-opinions\.pdf/ })).toBeVisible();

  // the organiser reads the opinions and puts them before the Commission (C-18)
  await page.goto('about:blank');
  await onRound(page, ORGANISER, AT_INSTITUTE);
  await expect(page.getByTestId('opinion')).toHaveCount(2);
  await expect(page.getByTestId('opinion-form')).toHaveCount(0);
  // the organiser reads the institute's letter (ADR 0113: an office's document the organiser may read)
  await expect(page.getByTestId('at-organiser').getByRole('button', { name: /institute-letter-5-opinions\.pdf/ })).toBeEnabled();
  await uploadOfficeDocument(
    page,
    page.getByTestId('field-commission-letter'),
    page.getByTestId('document-commission-letter-current'),
    'materials-to-commission.pdf',
  );
  await submitUntil(page.getByTestId('put-before-commission'), page.getByTestId('at-commission'));
  await expect(page.getByTestId('at-commission')).toContainText('Before the Commission since');
});
