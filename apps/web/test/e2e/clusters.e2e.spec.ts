import { type Page, expect, test } from '@playwright/test';
import { makeBin, makeIin } from '@hub/identifiers';
import { LOCALES, SIZES, apiToken, baseUrl, chooseLanguage, expectAccessible, shoot, signInAs } from '../support/page-helpers.ts';
import { gatewayCall, gatewayUrl } from '../support/scene.ts';

// The cluster selection's screens (issue #15, C-1 … C-21) over the gateway. The fleet runs clusters under
// the demonstration rule set as data and its seed's rounds, made by the real handlers on a controlled
// clock (ADR 0085): one with published results, one before the Commission (member b has voted), one
// accepting applications. Nothing here is faked: every step is the app's own API behind the screens.

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

type Who = { sub: string; name: string; roles: string[]; companies: string[] };

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
  await expect(page.getByTestId('round')).toHaveCount(3);
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
  await page.getByTestId('protocol-document').fill('Protocol of the Commission No. P-2/2026');
  await everyLanguageAndSize(page, 'clusters-protocol');
  await page.getByTestId('record-protocol').click();
  await expect(page.getByTestId('protocol')).toContainText('Protocol No. P-2/2026');
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
  await expect(goodCard).toContainText('Name the covering letter.');
  await goodCard.getByTestId('transfer-letter').fill('Covering letter No. 17 to the national institute');
  await goodCard.getByTestId('send-to-institute').click();
  await expect(goodCard.getByTestId('sent-to-institute')).toContainText('At the national institute since');

  // C-2, C-19 (ADR 0083): the organiser forms the Commission — an empty seat is refused, three members are accepted
  const form = page.getByTestId('form-commission');
  await form.getByTestId('commission-decision').fill('Order No. 42 on the Commission');
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
  await form.getByTestId('save-commission').click();
  // the empty third seat is named by its fields (the context's 400), nothing is formed
  const third = seats.nth(2);
  await expect(third.getByRole('textbox', { name: 'Member 3: user' })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('composition')).toHaveCount(0);
  await third.getByRole('textbox', { name: 'Member 3: user' }).fill('commission-z');
  await third.getByRole('textbox', { name: 'Member 3: full name' }).fill('Gulnar Sadykova');
  await third.getByRole('textbox', { name: 'Member 3: organisation' }).fill('Kazakh Invest');
  await form.getByTestId('save-commission').click();
  await expect(page.getByTestId('composition')).toContainText('Gulnar Sadykova (Kazakh Invest)');
  await everyLanguageAndSize(page, 'clusters-commission-formed');
});
