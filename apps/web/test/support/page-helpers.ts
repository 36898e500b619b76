import AxeBuilder from '@axe-core/playwright';
import { type Page, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { WEB } from './fleet.ts';

export const baseUrl = (): string => {
  const url = process.env.HUB_WEB_URL;
  if (!url) throw new Error('HUB_WEB_URL is not set: the global setup did not start the fleet');
  return url;
};

export const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
export const LOCALES = ['kk', 'ru', 'en'] as const;
const SHOTS = join(WEB, 'test-results/screenshots');

/** axe-core on the page as it is now: no serious or critical violation (issue #11). */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    ),
    `${what}: axe violations`,
  ).toEqual([]);
}

/** Switches the UI language with the header's selector (the choice every user has). */
export async function chooseLanguage(page: Page, locale: (typeof LOCALES)[number]): Promise<void> {
  await page.getByTestId('language').first().selectOption(locale);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

/**
 * A full-page screenshot written as a test artefact: test-results/screenshots/<name>-<locale>-<size>.png.
 * Chromium's full-page capture once hung for the whole test timeout on a tall phone page while the fleet's
 * workers kept it changing (CI, 6 Dec): the capture is bounded, and a capture that does not finish is
 * taken once more of the viewport only — a real failure to render still fails the test.
 */
export async function shoot(page: Page, name: string, locale: string, size: keyof typeof SIZES): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0)); // the fixed header at the top of the full-page image
  const path = join(SHOTS, `${name}-${locale}-${size}.png`);
  try {
    await page.screenshot({ path, fullPage: true, animations: 'disabled', timeout: 30_000 });
  } catch (error) {
    console.warn(`screenshot ${name}-${locale}-${size}: full page did not finish (${(error as Error).message.split('\n')[0]}); taking the viewport`);
    await page.screenshot({ path, fullPage: false, animations: 'disabled', timeout: 30_000 });
  }
}

/** Signs in through the dev issuer's login page (authorization code + PKCE) as one of its demo users. */
export async function signIn(page: Page, user: string, checkLoginPage = false): Promise<void> {
  await page.getByTestId('sign-in').first().click();
  await page.waitForURL((u) => u.pathname === '/authorize');
  if (checkLoginPage) await expectAccessible(page, 'dev issuer login page');
  await page.getByTestId(`user-${user}`).click();
  await page.waitForURL((u) => u.origin === new URL(baseUrl()).origin && u.pathname !== '/auth/callback');
  await expect(page.getByTestId('sign-out')).toBeVisible();
}

/** Signs in through the dev issuer's "someone else" form: a subject, roles and the companies (BINs) it represents. */
export async function signInAs(page: Page, who: { sub: string; name: string; roles: string[]; companies: string[] }): Promise<void> {
  await page.waitForURL((u) => u.pathname === '/authorize');
  await page.locator('#sub').fill(who.sub);
  await page.locator('#name').fill(who.name);
  for (const role of who.roles) await page.locator(`input[name="role"][value="${role}"]`).check();
  await page.locator('#companies').fill(who.companies.join(','));
  await page.locator('button[value="custom"]').click();
  await expect(page.getByTestId('sign-out')).toBeVisible();
}

/** A bearer token of the test's dev issuer, for setting the scene through the gateway's API (the officer's remarks). */
export async function apiToken(who: { sub: string; roles: string[]; companies?: string[] }): Promise<string> {
  const { execFile } = await import('node:child_process');
  const { promisify } = await import('node:util');
  const { REPO } = await import('./fleet.ts');
  const args = [
    `${REPO}/tools/dev-issuer/token.mjs`,
    '--sub',
    who.sub,
    ...who.roles.flatMap((r) => ['--role', r]),
    ...(who.companies ?? []).flatMap((c) => ['--company', c]),
  ];
  const { stdout } = await promisify(execFile)(process.execPath, args, {
    env: { ...process.env, HUB_STATE_DIR: process.env.HUB_WEB_STATE_DIR ?? '', HUB_DEV_ISSUER_URL: process.env.HUB_WEB_ISSUER ?? '' },
  });
  return stdout.trim();
}

/**
 * The screen as it is now, in every language at every size: axe (no serious or critical violation) and a
 * screenshot each (test-results/screenshots/<name>-<locale>-<size>.png); ends in English at desktop size.
 */
export async function everyLanguageAndSize(page: Page, name: string): Promise<void> {
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
