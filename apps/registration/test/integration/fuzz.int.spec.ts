import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '@hub/contracts';
import { fuzzTestApp } from '@hub/testing';
import { type Actors, type Harness, actorsFor, driveTo, startHarness } from '../support/registration-harness.js';

/**
 * Issue #18 — every route of registration fuzzed from its own OpenAPI document: wrong types, missing
 * and extra fields, huge strings, control characters, impossible dates, invalid BIN/UUID, malformed
 * and deeply nested JSON, oversized bodies and headers, every role and no token, another company's
 * application (F-35). Bounded here; `tools/hub fuzz` raises HUB_FUZZ_REQUESTS.
 */
let h: Harness;
let a: Actors;
let other: Actors;
const ids: string[] = [];
beforeAll(async () => {
  h = await startHarness('reg_fuzz');
  a = await actorsFor(h);
  other = await actorsFor(h);
  ids.push(await driveTo(h, a, 'submitted'), await driveTo(h, other, 'registered'), await driveTo(h, await actorsFor(h), 'draft'));
});
afterAll(async () => {
  await h?.close();
});

describe('fuzzing every route of registration (issue #18; F-35 across companies)', () => {
  it('answers every mutated request without a 5xx, with problem+json naming the field, and changes nothing on a 4xx', async () => {
    const report = await fuzzTestApp(h, {
      name: 'registration',
      roles: ROLES,
      company: a.bin,
      otherCompany: other.bin,
      pathValues: { id: ids },
      requests: 600,
    });
    expect(report.failures.slice(0, 5)).toEqual([]);
    expect(report.stateChecks).toBeGreaterThan(report.requests / 4);
  });
});
