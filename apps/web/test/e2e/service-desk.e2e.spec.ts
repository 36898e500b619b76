import { expect, test } from '@playwright/test';
import { makeBin, makeIin } from '@hub/identifiers';
import { apiToken, baseUrl, chooseLanguage, everyLanguageAndSize, expectAccessible, shoot, signInAs } from '../support/page-helpers.ts';
import { gatewayCall, gatewayUrl } from '../support/scene.ts';

// The Fund's service desk (issue #12) over the real gateway and services: an application filed today on
// the seed's open call is reviewed — a remark on an F-48 field (F-52), the contract concluded and signed at
// the price of the day (F-51, F-55, F-56); an English application by an individual waits for its
// translation (F-49), recorded once; cohorts (F-44) and purchases (F-56) are listed. kk/ru/en, axe.

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
  const calls = (await (await fetch(`${gatewayUrl()}/api/services/calls`)).json()) as {
    id: string;
    title: string;
    intakeOpensOn: string;
    intakeClosesOn: string;
  }[];
  // the seed's consultation call (the acceleration cohort's call is open too, ADR 0115: its contracts are for the cohort test)
  const open = calls.find((c) => c.intakeOpensOn <= today && today <= c.intakeClosesOn && c.title.startsWith('Pitch consultations'));
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
  // ADR 0123: the payer's name as the contract states it is asked at signing — none: services' 400 on the field
  await mine.getByTestId('sign-contract').click();
  await expect(mine.getByText('Too short or too small.')).toBeVisible();
  await expect(mine).toHaveAttribute('data-status', 'approved');
  await mine.getByTestId('payer-name').fill(`${company} LLP`);
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

// ADR 0115: the desk's cohort actions (F-44) — the seed's acceleration cohort in Astana runs under a company's
// signed contract (apps/services/src/cli/seed.ts): two people enrolled, one expelled with a ground and its
// reasons (housing's F-61 vacate deadline runs from that event), the other completes; field errors from
// services' problem+json on the fields, in the reader's language.
test('F-44: the Fund enrols people in an acceleration cohort, expels one with a ground and reasons, and the other completes', async ({ page }) => {
  test.setTimeout(360_000);
  const n = Date.now() % 8000;
  const first = makeIin({ birthDate: '1995-04-02', sex: 'male', serial: 1000 + n });
  const second = makeIin({ birthDate: '1996-07-21', sex: 'female', serial: 1000 + n });
  await page.goto(`${baseUrl()}/staff/service-desk`);
  await chooseLanguage(page, 'en');
  await page.getByTestId('sign-in-required').getByRole('button').click();
  await signInAs(page, { sub: 'e2e-cohort-officer', name: 'Asel Officer', roles: ['fund-officer'], companies: [] });
  const cohort = page.getByTestId('desk-cohort').filter({ hasText: 'Winter acceleration cohort' });
  await expect(cohort).toContainText('Astana');
  await expect(cohort.getByTestId('enrol-contract')).toHaveValue(/.+/);
  await expect(cohort.getByTestId('enrol-contract').locator('option:checked')).toHaveText('Steppe Sensors · BIN 240640010027');

  // a malformed IIN: services' 400 names personIin, shown on the field in the reader's language
  await chooseLanguage(page, 'ru');
  await cohort.getByTestId('enrol-iin').fill('12345');
  await cohort.getByTestId('enrol').click();
  await expect(cohort.getByText('Неверный формат.')).toBeVisible();
  await expect(cohort.getByTestId('cohort-member')).toHaveCount(0);
  await chooseLanguage(page, 'en');

  for (const iin of [first, second]) {
    await cohort.getByTestId('enrol-iin').fill(iin);
    await cohort.getByTestId('enrol').click();
    await expect(cohort.getByTestId('cohort-member').filter({ hasText: iin })).toHaveAttribute('data-status', 'enrolled');
  }
  await expect(cohort).toContainText('2 of 12 seats taken');
  // the same person twice: the blind index refuses it (409), shown as the form's alert, nothing added
  await cohort.getByTestId('enrol-iin').fill(first);
  await cohort.getByTestId('enrol').click();
  await expect(cohort.getByRole('alert')).toHaveText('Already recorded, or no longer possible: the card shows the current state.');
  await expect(cohort.getByTestId('cohort-member')).toHaveCount(2);
  await everyLanguageAndSize(page, 'service-desk-cohort');

  // an expulsion needs its reasons (F-44): none → the field says so; with them → expelled, the seat freed
  const expelled = cohort.getByTestId('cohort-member').filter({ hasText: first });
  await expelled.getByTestId('expulsion-ground').selectOption('programme-conditions-breached');
  await expelled.getByTestId('expel').click();
  await expect(expelled.getByText('Too short or too small.')).toBeVisible();
  await expect(expelled).toHaveAttribute('data-status', 'enrolled');
  await expelled.getByTestId('expulsion-reasons').fill('Missed four of the six mentoring sessions');
  await expelled.getByTestId('expel').click();
  await expect(expelled).toHaveAttribute('data-status', 'expelled');
  await expect(expelled).toContainText("Breached the programme's conditions: Missed four of the six mentoring sessions");
  await expect(cohort).toContainText('1 of 12 seats taken');
  // F-60: the other completes the programme (the cohort started a week ago)
  const completed = cohort.getByTestId('cohort-member').filter({ hasText: second });
  await completed.getByTestId('complete').click();
  await expect(completed).toHaveAttribute('data-status', 'completed');
  await expect(completed.getByTestId('expel')).toHaveCount(0);
  // what the API holds is what the desk shows
  const cohorts = (await (
    await fetch(`${gatewayUrl()}/api/services/cohorts`, {
      headers: { authorization: `Bearer ${await apiToken({ sub: 'e2e-cohort-check', roles: ['fund-officer'] })}` },
    })
  ).json()) as { title: string; enrolments: { personIin: string; status: string; expulsionGround: string | null }[] }[];
  const held = cohorts.find((c) => c.title === 'Winter acceleration cohort')!.enrolments;
  expect(held.map((e) => [e.personIin, e.status, e.expulsionGround])).toEqual([
    [first, 'expelled', 'programme-conditions-breached'],
    [second, 'completed', null],
  ]);
  await expectAccessible(page, 'service desk cohort after the actions');
  await shoot(page, 'service-desk-cohort-after', 'en', 'desktop');
});

// ADR 0115: the desk's purchase actions (F-56 ¶2) — commercial offers for a third-party service typed in tenge
// (sent as integer tiyn), the number required read from the purchase (data), the choice of an offer that is not
// the cheapest refused without a reason and accepted with one.
test('F-56: the Fund records commercial offers for a third-party service and chooses one, with the reason when it is not the cheapest', async ({ page }) => {
  test.setTimeout(360_000);
  const n = Date.now() % 80_000;
  const officer = await apiToken({ sub: 'e2e-purchase-officer', roles: ['fund-officer'] });
  const service = await gatewayCall(officer, 'POST', '/api/services/services', {
    code: `market-research-${n}`,
    title: 'Market research by a contractor',
    direction: 'consultation',
    eligibility: 'anyone',
    requiredSections: { readiness: false, team: false, pitch: false },
    delivery: 'third-party',
  });
  const subject = `Market research for agritech ${n}`;

  await page.goto(`${baseUrl()}/staff/service-desk`);
  await chooseLanguage(page, 'en');
  await page.getByTestId('sign-in-required').getByRole('button').click();
  await signInAs(page, { sub: 'e2e-purchase-officer', name: 'Asel Officer', roles: ['fund-officer'], companies: [] });
  // the purchase is opened on the desk (F-56 ¶2): only third-party services are offered; no subject → services' 400 on the field
  const opening = page.getByTestId('open-purchase');
  await opening.getByTestId('purchase-service').selectOption(service.id as string);
  await opening.getByTestId('open-purchase-button').click();
  await expect(opening.getByText('Too short or too small.')).toBeVisible();
  await opening.getByTestId('purchase-subject').fill(subject);
  await opening.getByTestId('open-purchase-button').click();
  const card = page.getByTestId('desk-purchase').filter({ hasText: subject });
  await expect(card).toBeVisible();
  const purchase = (
    (await (await fetch(`${gatewayUrl()}/api/services/purchases`, { headers: { authorization: `Bearer ${officer}` } })).json()) as {
      id: string;
      subject: string;
      offersRequired: number;
    }[]
  ).find((p) => p.subject === subject)!;
  const required = purchase.offersRequired;
  expect(required).toBeGreaterThanOrEqual(2);
  await expect(card).toHaveAttribute('data-status', 'collecting');
  await expect(card.getByTestId('purchase-count')).toHaveText(`no offers of ${required} required`);

  // an amount with three decimals never leaves the page; a bad BIN comes back from services on its field
  await card.getByTestId('offer-supplier').fill('Dala Research LLP');
  await card.getByTestId('offer-bin').fill('123');
  await card.getByTestId('offer-amount').fill('12,345.678');
  // the date in the reader's format (dd.mm.yyyy), shown back in the locale's own (issue #12: not the browser's mm/dd/yyyy)
  await card.getByTestId('offer-date').fill('20.11.2026');
  await card.getByTestId('offer-document').fill(`KP-${n}-1`);
  await expect(card.getByTestId('offer-date')).toHaveValue('20 Nov 2026');
  await chooseLanguage(page, 'ru');
  await expect(card.getByTestId('offer-date')).toHaveValue('20.11.2026');
  await chooseLanguage(page, 'en');
  await card.getByTestId('add-offer').click();
  await expect(card.getByText('Enter an amount in tenge, e.g. 150000 or 150000.50.')).toBeVisible();
  await card.getByTestId('offer-amount').fill('1 500 000,50');
  await card.getByTestId('add-offer').click();
  await expect(card.getByText('The format is not right.')).toBeVisible(); // services' 400 on supplierBin
  await expect(card.getByTestId('purchase-offer')).toHaveCount(0);

  // the offers required: the first is the dearest (₸1,500,000.50 → 150000050 tiyn exactly), the last the cheapest
  for (let i = 0; i < required; i++) {
    const bin = makeBin({ year: 2015, month: 3, serial: 100 + i + (n % 900) * 10 });
    await card.getByTestId('offer-supplier').fill(`Supplier ${i + 1} LLP`);
    await card.getByTestId('offer-bin').fill(bin);
    await card.getByTestId('offer-amount').fill(i === 0 ? '1 500 000,50' : String(1_400_000 - i * 100_000));
    await card.getByTestId('offer-date').fill('20.11.2026');
    await card.getByTestId('offer-document').fill(`KP-${n}-${i + 1}`);
    if (i === 0) {
      // before enough offers are in, choosing is refused by the rule and explained
      await card.getByTestId('add-offer').click();
      await expect(card.getByTestId('purchase-offer')).toHaveCount(1);
      await card.getByTestId('choose-offer').click();
      await expect(card.getByRole('alert')).toHaveText('Not enough commercial offers yet to choose a supplier (F-56).');
      continue;
    }
    await card.getByTestId('add-offer').click();
    await expect(card.getByTestId('purchase-offer')).toHaveCount(i + 1);
  }
  await expect(card.getByTestId('purchase-offer').first()).toContainText('₸1,500,000.50');
  await everyLanguageAndSize(page, 'service-desk-purchase');

  // the dearest chosen without a reason: refused on the reason's field; with one: chosen
  await card.getByTestId('choice-offer').selectOption({ label: 'Supplier 1 LLP · ₸1,500,000.50' });
  await card.getByTestId('choose-offer').click();
  await expect(card.getByText('This offer is not the cheapest: give the reason for choosing it (F-56).')).toBeVisible();
  await expect(card).toHaveAttribute('data-status', 'collecting');
  await card.getByTestId('choice-reason').fill('The only supplier with field teams in all regions');
  await card.getByTestId('choose-offer').click();
  await expect(card).toHaveAttribute('data-status', 'chosen');
  await expect(card.getByTestId('purchase-chosen')).toHaveText('Chosen: Supplier 1 LLP, ₸1,500,000.50 · The only supplier with field teams in all regions');
  const held = (await (await fetch(`${gatewayUrl()}/api/services/purchases/${purchase.id}`, { headers: { authorization: `Bearer ${officer}` } })).json()) as {
    offers: { amountTiyn: number }[];
  };
  expect(held.offers[0]!.amountTiyn).toBe(150_000_050);
  await expectAccessible(page, 'service desk purchase chosen');
  await shoot(page, 'service-desk-purchase-after', 'en', 'desktop');
});

// ADR 0123, F-44 with F-55: a cohort is opened on the desk — the form shows the first day it may start (the first
// intake day of the service's call, put by services at least a month after the call's publication) and offers no
// earlier day; services' field errors land on their fields; the new cohort is listed with its seats.
test('F-44, F-55: the Fund opens an acceleration cohort from the desk, no earlier than its call’s intake', async ({ page }) => {
  test.setTimeout(240_000);
  const n = Date.now() % 80_000;
  const calls = (await (await fetch(`${gatewayUrl()}/api/services/calls`)).json()) as { serviceId: string; title: string; intakeOpensOn: string }[];
  // the seed's "Acceleration programme": its call was published today, so intake opens a month and a day later
  const call = calls.find((c) => c.title.startsWith('Acceleration programme: intake'))!;
  expect(call).toBeDefined();
  const [y, m, d] = call.intakeOpensOn.split('-');
  await page.goto(`${baseUrl()}/staff/service-desk`);
  await chooseLanguage(page, 'en');
  await page.getByTestId('sign-in-required').getByRole('button').click();
  await signInAs(page, { sub: 'e2e-open-cohort', name: 'Asel Officer', roles: ['fund-officer'], companies: [] });
  const form = page.getByTestId('open-cohort');
  await form.getByTestId('cohort-service').selectOption(call.serviceId);
  await chooseLanguage(page, 'ru');
  // the day as the desk writes dates in Russian ("7 янв. 2027 г."): the call's intake day, not today
  await expect(form.getByTestId('cohort-earliest')).toContainText(new RegExp(`${Number(d)} \\S+ ${y}`));
  await chooseLanguage(page, 'en');
  const title = `Spring cohort ${n}`;
  await form.getByTestId('cohort-title').fill(title);
  await form.getByTestId('cohort-katoCode').fill('7110'); // not 9 digits: services' 400 on town.katoCode
  await form.getByTestId('cohort-townName').fill('Astana');
  await form.getByTestId('cohort-startsOn').fill(`${d}.${m}.${y}`);
  await form.getByTestId('cohort-endsOn').fill(`${d}.${m}.${Number(y) + 1}`);
  await form.getByTestId('cohort-capacity').fill('20');
  await form.getByTestId('open-cohort-button').click();
  await expect(form.getByText('The format is not right.')).toBeVisible();
  await expect(page.getByTestId('desk-cohort').filter({ hasText: title })).toHaveCount(0);
  await everyLanguageAndSize(page, 'service-desk-open-cohort');
  await form.getByTestId('cohort-katoCode').fill('711000000');
  await form.getByTestId('open-cohort-button').click();
  const cohort = page.getByTestId('desk-cohort').filter({ hasText: title });
  await expect(cohort).toContainText('0 of 20 seats taken');
  const held = (await (
    await fetch(`${gatewayUrl()}/api/services/cohorts`, {
      headers: { authorization: `Bearer ${await apiToken({ sub: 'e2e-open-cohort-check', roles: ['fund-officer'] })}` },
    })
  ).json()) as { title: string; startsOn: string; town: { katoCode: string } }[];
  expect(held.find((c) => c.title === title)).toMatchObject({ startsOn: call.intakeOpensOn, town: { katoCode: '711000000' } });
  await expectAccessible(page, 'service desk cohort opened');
  await shoot(page, 'service-desk-open-cohort-after', 'en', 'desktop');
});
