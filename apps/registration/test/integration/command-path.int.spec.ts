import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApplicationView, type Harness, actorsFor, auth, body, driveTo, problem, startHarness } from '../support/registration-harness.js';

/**
 * Issue #17, figure (a): `POST /applications` answers from the aggregate it has just created (no
 * re-read after write) and makes its two checks — an open application of the kind, the company's
 * latest participant — in one statement. What the client sees does not change: the answer equals
 * what a read of the application returns, and each check still refuses what it refused (F-8, F-17,
 * F-20, F-25 → F-8). The statement count is the bench's (bench/lib/command-statements.mjs).
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('reg_command_path', { start: '2026-11-16T04:00:00Z' });
});
afterAll(async () => {
  await h?.close();
});

const create = (token: string, bin: string, kind: 'registration' | 'activity-change' = 'registration') =>
  h.http().post('/applications').set(auth(token)).send({ kind, bin, companyName: 'Command Path LLP', address: 'Astana', language: 'ru' });

describe('POST /applications without a re-read (issue #17)', () => {
  it('F-8: the answer is built from the new draft and equals the application read back, field for field', async () => {
    const a = await actorsFor(h);
    const created = await create(a.applicant, a.bin);
    expect(created.status).toBe(201);
    const read = await h
      .http()
      .get(`/applications/${body(created).id}`)
      .set(auth(a.applicant));
    expect(read.status).toBe(200);
    expect(body<ApplicationView>(created)).toEqual(body<ApplicationView>(read));
    expect(body<ApplicationView>(created)).toMatchObject({ status: 'draft', deadlines: [], bin: a.bin, kind: 'registration' });
  });

  it('F-17, F-8, F-20: the folded check still refuses a second open application, a registration while a participation is active, and an activity change without one', async () => {
    const a = await actorsFor(h);
    const first = await create(a.applicant, a.bin);
    const again = await create(a.applicant, a.bin);
    expect(again.status).toBe(409);
    expect(problem(again)).toMatchObject({ code: 'registration.application.already-open' });
    expect(JSON.stringify(again.body)).toContain(body(first).id);
    const change = await create(a.applicant, a.bin, 'activity-change');
    expect(change.status).toBe(422);
    expect(JSON.stringify(change.body)).toContain('F-20');

    const p = await actorsFor(h);
    await driveTo(h, p, 'listed', { codes: ['PH-01', 'PH-02'] });
    const registration = await create(p.applicant, p.bin);
    expect(registration.status).toBe(409);
    expect(problem(registration)).toMatchObject({ code: 'registration.already-participant' });
    // The active participant's activity types are where an F-20 change starts from (read through the folded statement).
    const activityChange = await create(p.applicant, p.bin, 'activity-change');
    expect(activityChange.status).toBe(201);
    expect(body<ApplicationView>(activityChange).activityTypes.map((t) => t.code)).toEqual(['PH-01', 'PH-02']);
  });

  it('ADR 0136: without begin/commit around the check and the insert, twins sent at once still open ONE application — the others are 409', async () => {
    const a = await actorsFor(h);
    const answers = await Promise.all(Array.from({ length: 6 }, () => create(a.applicant, a.bin)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    // Each refusal is the platform's problem+json: either the check saw the twin, or the unique index did.
    for (const r of answers.filter((x) => x.status === 409)) expect(['registration.application.already-open', 'duplicate']).toContain(problem(r).code);
    const list = await h.http().get('/applications').set(auth(a.applicant));
    expect(list.status).toBe(200);
    expect(body<{ items: { bin: string }[] }>(list).items.filter((i) => i.bin === a.bin)).toHaveLength(1);
  });
});
