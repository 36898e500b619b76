import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WEB } from '../support/fleet.ts';
import { LOCALES, SIZES, baseUrl, chooseLanguage, expectAccessible, shoot } from '../support/page-helpers.ts';

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
