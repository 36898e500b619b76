// A reporter for node's test runner (`node --test --test-reporter=spec --test-reporter-destination=stdout
// --test-reporter=../../tools/node-test-report.mjs --test-reporter-destination=stdout`) that adds the
// package's counts to tools/hub test's closing line: it writes a vitest-shaped JSON report into
// $HUB_TEST_REPORT_DIR (tools/test-summary.mjs sums them). Without that variable it writes nothing.
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export default async function* hubReport(source) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const results = [];
  for await (const { type, data } of source) {
    if (type !== 'test:pass' && type !== 'test:fail') continue;
    if (data.details?.type === 'suite') continue;
    const status = data.skip || data.todo ? 'skipped' : type === 'test:pass' ? 'passed' : 'failed';
    if (status === 'passed') passed += 1;
    else if (status === 'failed') failed += 1;
    else skipped += 1;
    results.push({ fullName: data.name, status: status === 'skipped' ? 'pending' : status });
  }
  const dir = process.env.HUB_TEST_REPORT_DIR;
  if (dir) {
    const name = `${basename(process.cwd())}-node-test`;
    const report = {
      numPassedTests: passed,
      numFailedTests: failed,
      numPendingTests: skipped,
      testResults: [{ name: process.cwd(), status: failed ? 'failed' : 'passed', assertionResults: results }],
    };
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(report));
  }
  yield '';
}
