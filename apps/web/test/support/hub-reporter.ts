import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * Writes the run in the shape of vitest's JSON report to $HUB_TEST_REPORT_DIR, so that tools/hub test's
 * closing line (tools/test-summary.mjs) counts the browser tests with every other package's.
 */
export default class HubReporter implements Reporter {
  private readonly results: { file: string; fullName: string; status: 'passed' | 'failed' | 'pending' }[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    const status = result.status === 'passed' ? 'passed' : result.status === 'skipped' ? 'pending' : 'failed';
    const previous = this.results.findIndex((r) => r.fullName === test.titlePath().join(' › '));
    const entry = { file: test.location.file, fullName: test.titlePath().join(' › '), status } as const;
    if (previous >= 0)
      this.results[previous] = entry; // a retry replaces the earlier attempt
    else this.results.push(entry);
  }

  onEnd(result: FullResult): void {
    const dir = process.env.HUB_TEST_REPORT_DIR;
    if (!dir) return;
    const files = [...new Set(this.results.map((r) => r.file))];
    const count = (s: string) => this.results.filter((r) => r.status === s).length;
    // A setup that failed before any test ran is a failure too, not "no tests".
    const setupFailed = result.status !== 'passed' && this.results.length === 0;
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, '_hub_web.json'),
      JSON.stringify({
        numPassedTests: count('passed'),
        numFailedTests: count('failed') + (setupFailed ? 1 : 0),
        numPendingTests: count('pending'),
        testResults: [
          ...files.map((f) => ({
            name: f,
            status: this.results.some((r) => r.file === f && r.status === 'failed') ? 'failed' : 'passed',
            assertionResults: this.results.filter((r) => r.file === f).map((r) => ({ status: r.status, fullName: r.fullName })),
          })),
          ...(setupFailed ? [{ name: 'global setup', status: 'failed', message: `playwright run ${result.status}`, assertionResults: [] }] : []),
        ],
      }),
    );
  }
}
