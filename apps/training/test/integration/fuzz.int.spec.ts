import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '@hub/contracts';
import { aCompany, fuzzTestApp } from '@hub/testing';
import { type Harness, startHarness } from '../support/training-harness.js';

/**
 * Issue #18 — every route of training fuzzed from its own OpenAPI document (see packages/testing/src/fuzz):
 * no 5xx, every 4xx a problem+json naming the field, no state change on a 4xx, every role and no
 * token, another company's applicant (F-35). Bounded here; `tools/hub fuzz` raises HUB_FUZZ_REQUESTS.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('training_fuzz');
});
afterAll(async () => {
  await h?.close();
});

describe('fuzzing every route of training (issue #18)', () => {
  it('answers every mutated request without a 5xx, with problem+json naming the field, and changes nothing on a 4xx', async () => {
    const company = aCompany().bin;
    const report = await fuzzTestApp(h, {
      name: 'training',
      roles: ROLES,
      company,
      otherCompany: aCompany().bin,
      pathValues: { bin: [company] },
      requests: 400,
    });
    expect(report.failures.slice(0, 5)).toEqual([]);
    expect(report.stateChecks).toBeGreaterThan(report.requests / 4);
  });
});
