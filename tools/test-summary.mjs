// Sums the vitest JSON reports of every package and app into one closing line:
//   "tests: N passed, M failed, K skipped"
// and exits non-zero when a test failed or when no test ran at all.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0,
  failed = 0,
  skipped = 0,
  files = 0;
const failures = [];
for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
  const r = JSON.parse(readFileSync(join(dir, f), 'utf8'));
  files += 1;
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  for (const suite of r.testResults ?? []) {
    for (const t of suite.assertionResults ?? []) if (t.status === 'failed') failures.push(`${f.replace(/\.json$/, '')}: ${t.fullName}`);
    if (suite.status === 'failed' && (suite.assertionResults ?? []).length === 0) {
      failed += 1; // a test file that failed to load counts as a failure
      failures.push(`${f.replace(/\.json$/, '')}: ${suite.name} (${(suite.message ?? 'failed to run').split('\n')[0]})`);
    }
  }
}
if (failures.length) console.log(`\nfailed:\n${failures.map((x) => `  - ${x}`).join('\n')}`);
console.log(`\n${files} test reports`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
