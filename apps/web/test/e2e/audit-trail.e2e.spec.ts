import { expect, test } from '@playwright/test';
import { sampleFiles } from '@hub/object-storage';
import { apiToken, baseUrl, chooseLanguage, everyLanguageAndSize, expectAccessible, signInAs } from '../support/page-helpers.ts';
import { gatewayUrl } from '../support/scene.ts';

// Issue #11 on screen over the real gateway and registration: the auditors' audit trail (ADR 0032 — who,
// for which company, what, when, outcome; filters and keyset paging, newest first) and the Fund's
// translation tasks (F-10). Each checked with axe and photographed in kk, ru and en on a desktop and a phone.

test('ADR 0032: an auditor filters the audit trail by who, what and when, and pages back by keyset (kk/ru/en, axe)', async ({ page }) => {
  test.setTimeout(300_000);
  // the scene: 27 writes of one subject the gateway refuses (an applicant may not complete a translation),
  // and one the context rejects (a fund officer, an unknown task: 404) — all on record
  const who = `audit-web-${Date.now() % 1_000_000}`;
  const applicant = await apiToken({ sub: who, roles: ['applicant'], companies: [] });
  const officer = await apiToken({ sub: `${who}-olga`, roles: ['fund-officer'] });
  const write = async (token: string) => {
    const res = await fetch(`${gatewayUrl()}/api/registration/translation-tasks/${crypto.randomUUID()}/complete`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({ targetLanguage: 'ru', documentId: crypto.randomUUID() }), // ADR 0137: a valid body, an unknown task
    });
    await res.text();
    return res.status;
  };
  for (let i = 0; i < 27; i++) expect([403, 429]).toContain(await write(applicant));
  expect(await write(officer)).toBe(404);

  await page.goto(`${baseUrl()}/staff/audit`);
  await chooseLanguage(page, 'en');
  const signInAgain = async () => {
    await page.getByTestId('sign-in-required').getByRole('button').click();
    await signInAs(page, { sub: 'audrey', name: 'Audrey Auditor', roles: ['auditor'], companies: [] });
    await chooseLanguage(page, 'en');
  };
  await signInAgain();
  // the auditor's menu has the trail (the gateway lets only the auditor role read it)
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Audit trail' })).toBeVisible();
  await expect(page.getByTestId('audit-row').first()).toBeVisible();

  // who: the subject's 27 refused writes — newest first, 25 on the first page, the rest one keyset page below
  await page.getByTestId('audit-subject').fill(who);
  await page.getByTestId('audit-apply').click();
  await expect(page.getByTestId('audit-row')).toHaveCount(25);
  await expect(page.getByTestId('audit-total')).toHaveText('25 of 27');
  const seqs = await page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => BigInt(r.getAttribute('data-seq') ?? '0')));
  expect([...seqs].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))).toEqual(seqs);
  // the applied filter is in the URL (validateSearch, zod)
  expect(new URL(page.url()).searchParams.get('subject')).toBe(who);
  const older = page.waitForRequest((r) => r.url().includes('/api/audit/events') && r.url().includes('before='));
  await page.getByTestId('audit-older').click();
  expect(new URL((await older).url()).searchParams.get('before')).toBe(String(seqs.at(-1)));
  // the older page replaces the newer one: its 2 rows, below the last seq of the first page
  await expect(page.getByTestId('audit-row')).toHaveCount(2);
  await expect(page.getByTestId('audit-older')).toHaveCount(0);
  const first = page.getByTestId('audit-row').first();
  await expect(first).toHaveAttribute('data-kind', 'write');
  await expect(first).toHaveAttribute('data-outcome', 'denied');
  await expect(first).toContainText('/api/registration/translation-tasks/:id/complete');
  const olderSeqs = await page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-seq')));
  expect(olderSeqs.every((q) => BigInt(q ?? '0') < seqs.at(-1)!)).toBe(true);
  // the browser's Back returns to the newer page, Forward to the older one
  await page.goBack();
  await expect(page.getByTestId('audit-row')).toHaveCount(25);
  await page.goForward();
  await expect(page.getByTestId('audit-row')).toHaveCount(2);
  // a filtered view at its keyset position is a URL: reloaded (as a shared link would be opened) — the
  // session lives in memory, so the auditor signs in again and lands on the same rows with the same filter
  const shared = page.url();
  expect(shared).toContain('before=');
  await page.reload();
  await signInAgain();
  await expect(page).toHaveURL(shared);
  await expect(page.getByTestId('audit-row')).toHaveCount(2);
  expect(await page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-seq')))).toEqual(olderSeqs);
  await expect(page.getByTestId('audit-subject')).toHaveValue(who);
  await expect(page.getByTestId('audit-total')).toHaveText('2 of 27');
  await page.getByTestId('audit-newest').click();
  await expect(page.getByTestId('audit-row')).toHaveCount(25);
  expect(new URL(page.url()).searchParams.get('before')).toBeNull();

  // what and outcome: the officer's write the context rejected (404), today (from/to: the Almaty day)
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Almaty' });
  await page.getByTestId('audit-subject').fill(`${who}-olga`);
  await page.getByTestId('audit-outcome').selectOption('rejected');
  await page.getByTestId('audit-from').fill(today);
  await page.getByTestId('audit-to').fill(today);
  await page.getByTestId('audit-apply').click();
  await expect(page.getByTestId('audit-row')).toHaveCount(1);
  await expect(page.getByTestId('audit-row').first()).toContainText('404');
  // every filter survives a reload
  const filtered = new URL(page.url()).searchParams;
  expect([filtered.get('subject'), filtered.get('outcome'), filtered.get('from'), filtered.get('to')]).toEqual([`${who}-olga`, 'rejected', today, today]);
  await page.reload();
  await signInAgain();
  await expect(page.getByTestId('audit-row')).toHaveCount(1);
  await expect(page.getByTestId('audit-row').first()).toContainText('404');
  await expect(page.getByTestId('audit-outcome')).toHaveValue('rejected');
  await expect(page.getByTestId('audit-from')).toHaveValue(today);
  await everyLanguageAndSize(page, 'audit-trail');

  // a client-side check in Russian (issue #11: the contracts' zod messages in the reader's language)
  await chooseLanguage(page, 'ru');
  await page.getByTestId('audit-bin').fill('12345');
  await page.getByTestId('audit-apply').click();
  await expect(page.getByTestId('audit-filters')).toContainText('Неверный формат.');
  await chooseLanguage(page, 'en');
  await page.getByTestId('audit-bin').fill('');

  // empty: nobody of that name
  await page.getByTestId('audit-subject').fill(`${who}-nobody`);
  await page.getByTestId('audit-outcome').selectOption('');
  await page.getByTestId('audit-apply').click();
  await expect(page.getByTestId('empty')).toHaveText('No event matches these filters.');
  await expectAccessible(page, 'audit trail, empty');
});

test('F-10: the Fund records the translation of an English application from its translation tasks (kk/ru/en, axe)', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(`${baseUrl()}/staff/translations`);
  await chooseLanguage(page, 'en');
  await page.getByTestId('sign-in-required').getByRole('button').click();
  await signInAs(page, { sub: 'olga', name: 'Olga Officer', roles: ['fund-officer'], companies: [] });
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Translation tasks' })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Audit trail' })).toHaveCount(0); // not an auditor
  // registration's seed files Caspian IoT LLP's application in English: its task is open
  const task = page.getByTestId('translation-task').first();
  await expect(task).toHaveAttribute('data-status', 'open');
  const id = await task.getAttribute('data-id');
  await everyLanguageAndSize(page, 'translation-tasks');

  // the contract's check in Russian before sending: the translation (a file) is required
  const card = page.locator(`[data-testid="translation-task"][data-id="${id}"]`);
  await chooseLanguage(page, 'ru');
  await card.getByTestId('record-translation').click();
  await expect(card).toContainText('Заполните это поле.');
  await chooseLanguage(page, 'en');
  await card.getByTestId('translation-language').selectOption('kk');
  // ADR 0045 §4: the chooser and its hint offer what documents accepts for a translation — PDF, DOCX, ODT
  await expect(card.locator('input[type="file"]')).toHaveAttribute(
    'accept',
    '.pdf,.docx,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text',
  );
  await expect(card).toContainText('Accepted files: PDF, DOCX, ODT, up to 20 MB');
  // ADR 0137: the translation is uploaded to documents as the company's application-translation
  const chooser = page.waitForEvent('filechooser');
  await card.getByTestId(`field-translation-${id}`).click();
  await (
    await chooser
  ).setFiles({ name: 'audarma-kk.pdf', mimeType: 'application/pdf', buffer: Buffer.from(sampleFiles.pdf('Kazakh translation of the business plan')) });
  await expect(card.getByTestId(`document-translation-${id}-current`)).toContainText('audarma-kk.pdf', { timeout: 60_000 });
  // registration learns of the verified document from documents' event (Kafka): until then its 422
  // names the document on its field, and the officer records again
  await expect(async () => {
    if ((await card.count()) > 0) await card.getByTestId('record-translation').click();
    await expect(card).toHaveCount(0, { timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  await page.getByTestId('translation-status').getByText('done').click();
  await expect(card).toHaveAttribute('data-status', 'done');
  await expect(card).toContainText('translated into Kazakh');
  await expect(card).toContainText('audarma-kk.pdf'); // the recorded translation, to download
  await expectAccessible(page, 'translation tasks, done');
});
