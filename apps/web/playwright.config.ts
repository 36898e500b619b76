import { defineConfig } from '@playwright/test';

// Browser tests of the web app (issue #11, ADR 0040): Debian's Chromium (tools/browser/ensure-chromium.sh;
// Playwright's own browser download is unreachable here) against the real apps started by
// test/support/global-setup.ts. One worker: the machine has 2 cores shared with others.
export default defineConfig({
  testDir: 'test',
  testMatch: /.*\.(e2e|unit)\.spec\.ts$/,
  outputDir: 'test-results/artifacts',
  globalSetup: './test/support/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 180_000, // the CI machine is shared: screens that pass in seconds here take minutes under load
  expect: { timeout: 15_000 },
  reporter: [['list'], ['./test/support/hub-reporter.ts']],
  use: {
    launchOptions: { executablePath: process.env.HUB_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage'] },
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    timezoneId: 'Asia/Almaty',
    locale: 'en-GB',
  },
});
