import { expect, test } from '@playwright/test';
import { makeBin } from '@hub/identifiers';
import { sampleFiles } from '@hub/object-storage';
import { SIZES, apiToken, baseUrl, chooseLanguage, expectAccessible, shoot, signInAs } from '../support/page-helpers.ts';

// The participant's side of the participation context (issue #11) against the real gateway and
// apps: the Fund's information requests with their working-day due dates and the answer form
// (F-32, F-38: documents of kind request-answer, uploaded to the documents context), and the F-25
// extension panel. Every state-changing call carries an Idempotency-Key (ADR 0038).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('F-32, F-38, F-25: a participant sees the Fund’s request with its due day, answers it with a document, and sees the extension window', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const gateway = process.env.HUB_WEB_GATEWAY ?? '';
  const beta = makeBin({ year: 2018, month: 4, serial: 41_002 }); // participation's seed: Beta Data
  // the scene: a fund officer sends Beta a request of its own (the seed's request is read by others)
  const officer = await apiToken({ sub: 'olga', roles: ['fund-officer'] });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${gateway}${path}`, {
      method,
      headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    expect(res.status, `${method} ${path}: ${text.slice(0, 500)}`).toBeLessThan(300);
    return JSON.parse(text || '{}') as Record<string, unknown>;
  };
  const list = (await call('GET', `/api/participation/participations?bin=${beta}`)) as { items: { id: string }[] };
  const participationId = list.items[0]!.id;
  const sent = await call('POST', `/api/participation/participations/${participationId}/information-requests`, {
    kind: 'statistical-reports',
    description: `Statistical form 1-T for the web test ${Date.now()}`,
  });
  const requestId = String(sent.id);

  const calls: { url: string; key: string | null }[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/') && r.method() !== 'GET') calls.push({ url: r.url(), key: r.headers()['idempotency-key'] ?? null });
  });
  await page.goto(`${baseUrl()}/my/participation`);
  await chooseLanguage(page, 'en');
  await page.getByTestId('sign-in-required').getByRole('button').click();
  await signInAs(page, { sub: 'bakyt', name: 'Bakyt Participant', roles: ['applicant'], companies: [beta] });
  const row = page.locator(`tr[data-request="${requestId}"]`);
  await expect(row).toHaveAttribute('data-status', 'open');
  await expect(row).toContainText('Statistical reports');
  await expect(row).toContainText(`${String(sent.dueDate).slice(8, 10)}`); // the due day participation counted (10 working days)
  await expect(row).toContainText('(working day)');
  await expect(page.getByTestId('extension-card')).toBeVisible();
  await expectAccessible(page, 'participation requests');

  await row.getByRole('button', { name: 'Answer' }).click();
  const form = page.getByTestId('answer-form');
  await form.getByTestId('answer-submit').click();
  // the contract's schema, checked before sending: the documents are required, shown on the document field
  await expect(form.getByText('Attach the document.')).toBeVisible();
  for (const locale of ['kk', 'ru'] as const) {
    await chooseLanguage(page, locale);
    await shoot(page, 'participation-requests', locale, 'desktop');
  }
  await page.setViewportSize(SIZES.phone);
  await chooseLanguage(page, 'en');
  await expectAccessible(page, 'participation requests on a phone');
  await shoot(page, 'participation-requests', 'en', 'phone');
  await page.setViewportSize(SIZES.desktop);

  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('field-answer-document').click();
  await (await chooser).setFiles({ name: 'form-1-t.pdf', mimeType: 'application/pdf', buffer: Buffer.from(sampleFiles.pdf('statistical form 1-T')) });
  await expect(page.getByTestId('document-answer-document-current')).toBeVisible({ timeout: 60_000 });
  await form.getByTestId('answer-note').fill('Form 1-T for the third quarter.');
  // participation learns of the verified document from documents' event (Kafka): until it has, its
  // 422 names the document on its field (problem+json), and the person sends again
  await expect(async () => {
    if ((await page.getByTestId('answer-form').count()) > 0) await form.getByTestId('answer-submit').click();
    await expect(row).toHaveAttribute('data-status', 'answered', { timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  await expect(row).toContainText('1 document');
  await expect(page.getByTestId('answer-form')).toHaveCount(0);
  expect(calls.some((c) => c.url.includes(`/information-requests/${requestId}/answer`))).toBe(true);
  for (const c of calls) expect(c.key, c.url).toMatch(UUID);
});
