import { expect, test } from '@playwright/test';
import { makeBin } from '@hub/identifiers';
import { baseUrl, chooseLanguage, everyLanguageAndSize, expectAccessible, shoot, signInAs } from '../support/page-helpers.ts';

// F-21 on screen over the real gateway and participation (issue #11): finance imports the Fund's bank
// statement of membership-fee payments — the same import screen as services' invoices (ui/statement-import)
// with participation's format: a statement file is chosen, a progress bar shows while it runs, a bad
// statement is refused whole with each problem named by its row and column in the reader's language,
// and a good one lists the payments it matched to fees. Participation's seed: Beta Data has overdue fees.

const FINANCE = { sub: 'farida', name: 'Farida Finance', roles: ['finance-officer'], companies: [] };
const HEADER = 'paid_on,bin,amount_kzt,reference,period';
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());

test('F-21: finance imports a statement of fee payments — a file, progress, each refused row named, then the matched payments', async ({ page }) => {
  test.setTimeout(300_000);
  const beta = makeBin({ year: 2018, month: 4, serial: 41_002 });
  const stranger = makeBin({ year: 2019, month: 7, serial: 48_123 }); // a valid BIN no participation knows
  const ref = `E2E-FEE-${Date.now() % 1_000_000}`;
  await page.goto(`${baseUrl()}/staff/fee-payments`);
  await chooseLanguage(page, 'en');
  await page.getByTestId('sign-in-required').getByRole('button').click();
  await signInAs(page, FINANCE);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Fee payments' })).toBeVisible();
  // Beta's overdue fees (F-21, F-28(6)): the quarter the statement pays
  const arrear = page.getByTestId('fee-arrears').locator(`tr[data-bin="${beta}"]`).first();
  await expect(arrear).toBeVisible();
  const period = (await arrear.getAttribute('data-period')) ?? '';
  expect(period).toMatch(/^\d{4}-Q[1-4]$/);

  // a statement file with unreadable cells: refused whole, each problem by row and column, in Russian
  const bad = [HEADER, `${today},${beta},12.345,${ref}-1,${period}`, `${today},${beta},1000,${ref}-2,2026-Q9`].join('\n');
  await chooseLanguage(page, 'ru');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('statement-file').click();
  await (await chooser).setFiles({ name: 'statement-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await expect(page.getByTestId('statement-csv')).toHaveValue(bad);
  await page.getByTestId('import-statement').click();
  const errors = page.getByTestId('import-error');
  await expect(errors).toHaveCount(2);
  await expect(errors.nth(0)).toHaveText('Строка 2, столбец «amount_kzt»: Положительная сумма, не более 2 знаков после точки (например 125000.50).');
  await expect(errors.nth(1)).toHaveText('Строка 3, столбец «period»: Оплачиваемый квартал в виде ГГГГ-Qn (например 2026-Q1).');
  await expectAccessible(page, 'fee statement errors ru');
  await shoot(page, 'fee-statement-errors', 'ru', 'desktop');

  // readable, but a row names a company with no fee for the quarter: participation's own rule, in English
  await chooseLanguage(page, 'en');
  await page.getByTestId('statement-csv').fill([HEADER, `${today},${beta},1000,${ref}-3,${period}`, `${today},${stranger},500,${ref}-4,${period}`].join('\n'));
  await page.getByTestId('import-statement').click();
  await expect(errors).toHaveCount(1);
  await expect(errors.first()).toHaveText('Row 3, column “period”: This company has no membership fee for that quarter.');
  await expect(page.getByTestId('import-payments')).toHaveCount(0); // nothing recorded

  // the good statement: a progress bar while it runs (the answer held back a moment), then the matched payment
  await page.route('**/api/participation/fee-payments/imports', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await page.getByTestId('statement-csv').fill([HEADER, `${today},${beta},1000,${ref}-5,${period}`].join('\n'));
  await page.getByTestId('import-statement').click();
  await expect(page.getByTestId('import-progress')).toBeVisible();
  await expect(page.getByTestId('import-done')).toHaveText('1 row imported, ₸1,000.00 in total.');
  await expect(page.getByTestId('import-progress')).toHaveCount(0);
  await expect(errors).toHaveCount(0);
  const paid = page.getByTestId('import-payment');
  await expect(paid).toHaveCount(1);
  await expect(paid.first()).toHaveAttribute('data-bin', beta);
  await expect(paid.first()).toHaveAttribute('data-row', '2');
  await expect(paid.first()).toContainText(`${ref}-5`);
  await expect(paid.first()).toContainText('₸1,000.00');
  // ADR 0036: Kazakh money in the Kazakh form (Chromium has no Kazakh number data: it once read "₸ 1,000.00")
  await chooseLanguage(page, 'kk');
  await expect(paid.first()).toContainText('1\u00a0000,00\u00a0₸');
  await expect(page.getByTestId('import-done')).toContainText('1\u00a0000,00\u00a0₸');
  await page.unroute('**/api/participation/fee-payments/imports');
  await everyLanguageAndSize(page, 'fee-payments');
});

test('F-21: the fee import is finance’s — a fund officer has no menu entry and the screen says the role does not reach it', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`${baseUrl()}/staff/fee-payments`);
  await chooseLanguage(page, 'en');
  await page.getByTestId('sign-in-required').getByRole('button').click();
  await signInAs(page, { sub: 'olga', name: 'Olga Fund Officer', roles: ['fund-officer'], companies: [] });
  await expect(page.getByRole('navigation').getByRole('link', { name: "Participants' obligations" })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Fee payments' })).toHaveCount(0);
  await expect(page.getByTestId('forbidden')).toBeVisible();
  await expect(page.getByTestId('statement-import')).toHaveCount(0);
});
