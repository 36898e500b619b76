import { type Page, expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WEB } from '../support/fleet.ts';
import { LOCALES, SIZES, baseUrl, chooseLanguage, expectAccessible, shoot } from '../support/page-helpers.ts';
import { gatewayUrl } from '../support/scene.ts';

// Public pages, no sign-in (issue #11): the registry of participants (F-19) and certificate
// verification (F-18, the QR target), against registration's seeded demo data through the gateway.

test('F-19: the public registry searches, filters, pages and exports through the gateway', async ({ page }) => {
  await page.goto(`${baseUrl()}/registry`);
  await chooseLanguage(page, 'en');
  const rows = page.getByTestId('registry-table').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const total = await rows.count();
  expect(total).toBeGreaterThanOrEqual(4); // the seed lists four companies
  await expect(page.getByTestId('registry-total')).toHaveText(`${total} participants found`);
  await expectAccessible(page, 'registry');

  await page.getByTestId('registry-search').fill('Nomad');
  await expect(page).toHaveURL(/q=Nomad/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Nomad Cloud JSC');
  await expect(page.getByTestId('registry-total')).toHaveText('1 participant found'); // ICU plural "one"

  // the export links carry the same filters; the files come from registration through the gateway
  const csvHref = await page.getByTestId('export-csv').getAttribute('href');
  expect(csvHref).toContain('q=Nomad');
  const csv = await page.request.get(`${baseUrl()}${csvHref}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toContain('Nomad Cloud JSC');
  const json = await page.request.get(`${baseUrl()}${await page.getByTestId('export-json').getAttribute('href')}`);
  expect((await json.json()) as unknown[]).toHaveLength(1);

  await page.getByTestId('registry-search').fill('no such company at all');
  await expect(page.getByTestId('empty')).toBeVisible();
  await expectAccessible(page, 'registry, empty');

  // the language is switchable anywhere and plurals follow each language's rules
  await page.getByTestId('registry-search').fill('');
  await chooseLanguage(page, 'ru');
  await expect(page.getByTestId('registry-total')).toHaveText(`Найдено ${total} участника`); // 4: "few"
  await chooseLanguage(page, 'kk');
  await expect(page.getByTestId('registry-total')).toHaveText(`${total} қатысушы табылды`);
});

test("ADR 0125: a later registry page carries no total — the page shows the first page's total and its pages, also on a deep link", async ({ page }) => {
  // 45 participants in pages of 20 (the seed lists four: the registry's answers are widened here).
  // Page 1 answers the total; page 2 answers `total: null`, as registration does after the first page.
  const asked: string[] = [];
  // The rows are the seed's listed participants, renumbered (a real later page of the seed is empty).
  const seeded = ((await (await fetch(`${gatewayUrl()}/api/registration/registry`)).json()) as { items: { certificateNumber: string }[] }).items;
  expect(seeded.length).toBeGreaterThan(0);
  await page.route('**/api/registration/registry?*', async (route) => {
    const url = new URL(route.request().url());
    asked.push(url.searchParams.get('page') ?? '1');
    const res = await route.fetch();
    const real = (await res.json()) as { items: { certificateNumber: string }[]; pageSize: number };
    const n = Number(url.searchParams.get('page') ?? '1');
    const items = Array.from({ length: n < 3 ? 20 : 5 }, (_, i) => ({ ...seeded[i % seeded.length]!, certificateNumber: `AH-P${n}-${i}` }));
    return route.fulfill({ response: res, json: { ...real, items, page: n, total: n === 1 ? 45 : null, nextCursor: n < 3 ? 'next' : null } });
  });
  await page.goto(`${baseUrl()}/registry?page=2`);
  await chooseLanguage(page, 'en');
  await expect(page.getByTestId('registry-table').locator('tbody tr').first()).toContainText('AH-P2-0');
  await expect(page.getByTestId('registry-total')).toHaveText('45 participants found');
  await expect(page.getByTestId('registry-pages').getByRole('button', { name: 'Page 3 of 3' })).toBeVisible();
  expect(asked).toContain('1'); // the deep link read the first page once, for its total
});

test("F-18: a seeded participant's certificate verifies as valid (the QR code's target); an unknown number does not", async ({ page }) => {
  await page.goto(`${baseUrl()}/registry?q=Alatau`);
  await chooseLanguage(page, 'en');
  const link = page.getByTestId('registry-table').getByRole('link').first();
  const number = (await link.textContent())!.trim();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/verify/${encodeURIComponent(number)}$`));
  const result = page.getByTestId('verify-result');
  await expect(result).toHaveAttribute('data-valid', 'true');
  await expect(result).toContainText('The certificate is valid');
  await expect(page.getByTestId('verify-company')).toHaveText('Alatau Analytics LLP');
  // Issue #10: the hash of the issued PDF, the same the registry answers, for checking a copy.
  const answered = (await (await page.request.get(`${baseUrl()}/api/registration/registry/certificates/${encodeURIComponent(number)}`)).json()) as {
    sha256: string;
  };
  expect(answered.sha256).toMatch(/^[0-9a-f]{64}$/);
  await expect(page.getByTestId('verify-sha256')).toHaveText(answered.sha256);
  await expectAccessible(page, 'certificate verification');

  // a cold visit (as from the QR code) to a number that does not exist
  await page.goto(`${baseUrl()}/verify/AH-2026-99999`);
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-valid', 'false');
  await expect(page.getByTestId('verify-result')).toContainText('There is no certificate with the number AH-2026-99999.');
  // not even a certificate number (registration answers 400): also "not valid", in the visitor's language
  await page.goto(`${baseUrl()}/verify/nonsense`);
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-valid', 'false');
  await expectAccessible(page, 'certificate not found');
});

// F-19, F-25, F-28 (issue #9): the screens for a terminated and an extended participant. Neither the
// seed nor the fleet can reach those states through the real APIs (registration learns them only from
// participation's events, and the fleet runs without workers or a started participation), so the
// visitor's browser gets registration's real answer for a seeded certificate with the life parts of
// the contract (status, termination, extensions, certificate) changed — the shape the snapshot types.
type Verification = Record<string, unknown> & { certificateNumber: string; validFrom: string };
async function seededVerification(page: Page): Promise<Verification> {
  const reg = await page.request.get(`${baseUrl()}/api/registration/registry?q=Alatau`);
  const number = ((await reg.json()) as { items: { certificateNumber: string }[] }).items[0]!.certificateNumber;
  return (await (await page.request.get(`${baseUrl()}/api/registration/registry/certificates/${number}`)).json()) as Verification;
}
const TERMINATED = 'AH-2026-90001';
const EXTENDED = 'AH-2026-90002';
const EXTENSION = 'EXT-AH-2026-90002-20281115';
async function routeLives(page: Page): Promise<void> {
  const real = await seededVerification(page);
  const terminated = {
    ...real,
    certificateNumber: TERMINATED,
    certificate: { kind: 'registration', number: TERMINATED, validFrom: real.validFrom, validTo: '2026-11-20' },
    status: 'terminated',
    valid: false,
    validTo: '2026-11-20',
    extensions: [],
    termination: { terminatedOn: '2026-11-20', ground: 'membership-fees-not-paid', groundNumber: 6 },
  };
  const extension = { certificateNumber: EXTENSION, issuedOn: '2027-11-01', validFrom: '2027-11-16', validTo: '2028-11-15' };
  const extended = {
    ...real,
    certificateNumber: EXTENDED,
    certificate: { kind: 'registration', number: EXTENDED, validFrom: real.validFrom, validTo: '2028-11-15' },
    status: 'active',
    valid: true,
    validTo: '2028-11-15',
    extensions: [extension],
    termination: null,
  };
  const byExtension = { ...extended, certificate: { kind: 'extension', number: EXTENSION, validFrom: extension.validFrom, validTo: extension.validTo } };
  const answers: Record<string, unknown> = { [TERMINATED]: terminated, [EXTENDED]: extended, [EXTENSION]: byExtension };
  await page.route('**/api/registration/registry/certificates/*', (route) => {
    const body = answers[decodeURIComponent(new URL(route.request().url()).pathname.split('/').pop()!)];
    return body ? route.fulfill({ status: 200, json: body }) : route.fallback();
  });
  await page.route('**/api/registration/registry?*', async (route) => {
    const res = await route.fetch();
    const page1 = (await res.json()) as { items: unknown[]; total: number };
    const status = new URL(route.request().url()).searchParams.get('status');
    const lives = [terminated, extended].filter((l) => !status || l.status === status);
    return route.fulfill({ response: res, json: { ...page1, items: [...lives, ...page1.items], total: page1.total + lives.length } });
  });
}

test('F-28, F-25: verification shows a terminated participant (date, ground category) and an extended one (new validity, Annex 3 number), by either number', async ({
  page,
}) => {
  test.setTimeout(300_000); // 3 languages × 2 sizes × 4 pages, each checked with axe
  await routeLives(page);
  await page.goto(`${baseUrl()}/verify/${TERMINATED}`);
  await chooseLanguage(page, 'en');
  const result = page.getByTestId('verify-result');
  await expect(result).toHaveAttribute('data-status', 'terminated');
  await expect(result).toHaveAttribute('data-valid', 'false');
  await expect(page.getByTestId('verify-verdict')).toContainText('Participation terminated early: the certificate is not valid');
  await expect(page.getByTestId('verify-terminated-on')).toHaveText('20 Nov 2026');
  await expect(page.getByTestId('verify-ground')).toHaveText('membership fees not paid (Rules, paragraph 28(6))');
  await expectAccessible(page, 'verify terminated');

  await page.goto(`${baseUrl()}/verify/${EXTENDED}`);
  await expect(result).toHaveAttribute('data-valid', 'true');
  await expect(page.getByTestId('verify-verdict')).toContainText('The certificate is valid: participation extended to 15 Nov 2028');
  await expect(page.getByTestId('verify-extensions')).toContainText(EXTENSION);
  await expectAccessible(page, 'verify extended');

  // the Annex 3 certificate's own number verifies too, and says which document it is
  await page.goto(`${baseUrl()}/verify/${EXTENSION}`);
  await expect(result).toHaveAttribute('data-kind', 'extension');
  await expect(page.getByTestId('verify-verdict')).toContainText('The extension certificate is valid');
  await expect(page.getByTestId('verify-document')).toHaveText(`Extension certificate (Annex 3) No. ${EXTENSION}`);
  await expect(result).toContainText(EXTENDED);
  await expectAccessible(page, 'verify extension number');

  // the registry lists both with their life; the status filter offers terminated and asks registration for it
  await page.goto(`${baseUrl()}/registry`);
  const rows = page.getByTestId('registry-table').locator('tbody tr');
  await expect(rows.first()).toContainText('Terminated on 20 Nov 2026: membership fees not paid');
  await expect(rows.nth(1)).toContainText(`Extended by certificate ${EXTENSION} (Annex 3)`);
  await expect(rows.nth(1)).toContainText('15 Nov 2028');
  await expectAccessible(page, 'registry with terminated and extended');
  const asked = page.waitForRequest((r) => r.url().includes('/api/registration/registry?') && r.url().includes('status=terminated'));
  await page.getByTestId('registry-status').click();
  await page.getByRole('option', { name: 'Terminated' }).click();
  await asked;
  await expect(page).toHaveURL(/status=terminated/);
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId('registry-status')).toHaveValue('Terminated');

  for (const locale of LOCALES)
    for (const [size, viewport] of Object.entries(SIZES) as [keyof typeof SIZES, (typeof SIZES)[keyof typeof SIZES]][]) {
      await page.setViewportSize(viewport);
      await chooseLanguage(page, locale);
      for (const [name, number] of [
        ['verify-terminated', TERMINATED],
        ['verify-extended', EXTENDED],
        ['verify-extension-number', EXTENSION],
      ] as const) {
        await page.goto(`${baseUrl()}/verify/${number}`);
        await expect(page.getByTestId('verify-verdict')).toBeVisible();
        await expectAccessible(page, `${name} ${locale} ${size}`);
        await shoot(page, name, locale, size);
      }
      await page.goto(`${baseUrl()}/registry?status=terminated`);
      await expect(page.getByTestId(size === 'phone' ? 'registry-cards' : 'registry-table')).toContainText(TERMINATED);
      await expectAccessible(page, `registry life ${locale} ${size}`);
      await shoot(page, 'registry-life', locale, size);
    }
});

test('screenshots of the public pages in kk, ru, en at desktop and phone sizes, each page accessible', async ({ page }) => {
  await page.goto(`${baseUrl()}/registry?q=Alatau`);
  const number = (await page.getByTestId('registry-table').getByRole('link').first().textContent())!.trim();
  for (const locale of LOCALES) {
    for (const [size, viewport] of Object.entries(SIZES) as [keyof typeof SIZES, (typeof SIZES)[keyof typeof SIZES]][]) {
      await page.setViewportSize(viewport);
      await page.goto(`${baseUrl()}/registry`);
      await chooseLanguage(page, locale);
      await expect(page.getByTestId(size === 'phone' ? 'registry-cards' : 'registry-table')).toBeVisible();
      await expectAccessible(page, `registry ${locale} ${size}`);
      await shoot(page, 'registry', locale, size);
      await page.goto(`${baseUrl()}/verify/${encodeURIComponent(number)}`);
      await expect(page.getByTestId('verify-result')).toBeVisible();
      await expectAccessible(page, `verify ${locale} ${size}`);
      await shoot(page, 'verify', locale, size);
    }
  }
});

test('ADR 0040: the committed OpenAPI snapshot matches the running gateway for every operation the web app reads', async ({ request }) => {
  const snapshot = JSON.parse(readFileSync(join(WEB, 'openapi/gateway.openapi.json'), 'utf8')) as { paths: Record<string, { get?: unknown }> };
  const live = (await (await request.get(`${process.env.HUB_WEB_GATEWAY}/api/openapi.json`)).json()) as { paths: Record<string, { get?: unknown }> };
  const used = readFileSync(join(WEB, 'src/api/access.gen.ts'), 'utf8'); // every operation the snapshot has
  const sources = ['src/pages/registry.tsx', 'src/pages/verify.tsx', 'src/pages/my-applications.tsx', 'src/pages/review-queue.tsx', 'src/ui/layout.tsx']
    .map((f) => readFileSync(join(WEB, f), 'utf8'))
    .join('\n');
  const calledPaths = [...new Set([...sources.matchAll(/'(\/api\/[^' ]+)'/g)].map((m) => m[1]!))];
  expect(calledPaths.length).toBeGreaterThan(4);
  expect(used).toContain('GET /api/registration/registry');
  // the screens only read so far: their GET operations (parameters, responses, access) must be as generated
  for (const path of calledPaths)
    expect(live.paths[path]?.get, `GET ${path}: the gateway changed it — run pnpm --filter @hub/web snapshot:openapi`).toEqual(snapshot.paths[path]?.get);
});
