import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, auth, json, poller, startHarness } from '../support/training-harness.js';
import { aParticipant, announceIntake, cleanReview, fileApplication, fullCourse, review } from '../support/training-fixtures.js';

let h: Harness;
let intakeId: string;
beforeAll(async () => {
  h = await startHarness('training_review', { env: { TRAINING_REGISTERS: 'development' } });
  intakeId = await announceIntake(h);
});
afterAll(async () => {
  await h?.close();
});

const filed = async (overrides: Record<string, unknown> = {}) => {
  const bin = await aParticipant(h);
  const res = await fileApplication(h, intakeId, bin, overrides);
  expect(res.status).toBe(201);
  return { id: json(res).id, bin };
};
const officer = () => h.token(['training-officer']);
type Outcome = { ruleId: string; refuses: boolean; source: string; checkedOn: string; evidence: unknown };

describe('F-68 completeness review on the real database', () => {
  it('a clean application is complete; all eight grounds are stored with their source and date, the registers marked as the development adapter', async () => {
    const { id } = await filed();
    const res = await review(h, id);
    expect(res.status).toBe(201);
    const body = json<{ result: string; outcomes: Outcome[] }>(res);
    expect(body.result).toBe('complete');
    expect(body.outcomes.map((o) => o.ruleId)).toEqual(['F-68(1)', 'F-68(2)', 'F-68(3)', 'F-68(4)', 'F-68(5)', 'F-68(6)', 'F-68(7)', 'F-68(8)']);
    for (const o of body.outcomes) expect(o).toMatchObject({ refuses: false, checkedOn: '2026-11-16' });
    for (const i of [0, 3, 4]) expect(body.outcomes[i]!.source).toContain('development-adapter');
    expect(
      json(
        await h
          .http()
          .get(`/provider-applications/${id}`)
          .set(auth(await officer())),
      ).status,
    ).toBe('complete');
    const stored = await h.sql<{ n: string }>(`select jsonb_array_length(outcomes)::text as n from training_completeness_review where application_id = ?`, [
      id,
    ]);
    expect(stored).toEqual([{ n: '8' }]);
    // the F-68 review timer is cancelled: the review is done
    expect(await h.sql(`select status from hub_timer where kind = 'training.completeness-review-due' and timer_key = ?`, [id])).toEqual([
      { status: 'cancelled' },
    ]);
  });

  it('F-68(1): the officer’s recorded check (tax debt one tiyn above 6 × MCI) replaces the register and refuses, with its evidence', async () => {
    const { id } = await filed();
    const res = await review(
      h,
      id,
      cleanReview({
        checks: {
          taxDebt: {
            value: { taxDebtTiyn: 2_000_000, pensionSocialArrearsTiyn: 595_001 },
            source: 'kgd.gov.kz extract No. 77',
            checkedOn: '2026-11-13',
            evidence: { documentId: 'doc-tax-77', title: 'Extract of tax debts' },
          },
        },
      }),
    );
    expect(res.status).toBe(201);
    const body = json<{ result: string; outcomes: Outcome[] }>(res);
    expect(body.result).toBe('refused');
    expect(body.outcomes[0]).toMatchObject({ ruleId: 'F-68(1)', refuses: true, checkedOn: '2026-11-13', evidence: { documentId: 'doc-tax-77' } });
    expect(body.outcomes[0]!.source).toContain('officer-check');
    const app = json<{ status: string; refusalReasons: string[] }>(
      await h
        .http()
        .get(`/provider-applications/${id}`)
        .set(auth(await officer())),
    );
    expect(app.status).toBe('refused');
    expect(app.refusalReasons[0]).toMatch(/^F-68\(1\)/);
  });

  it('F-68(4), (5), (6), (7), (8) refuse, each naming its rule', async () => {
    const { id } = await filed({ courses: [fullCourse({ durationMonths: 5, curriculum: fullCourse().curriculum.slice(0, 19) })] });
    const listed = { value: { listed: true }, source: 'goszakup.gov.kz', checkedOn: '2026-11-16', evidence: { documentId: 'd', title: 't' } };
    const res = await review(
      h,
      id,
      cleanReview({
        checks: { unfairProcurement: listed, debtors: listed },
        findings: {
          falseInformation: { found: true, note: 'the premises lease is forged' },
          bankruptcyOrLiquidation: { inProceedings: true, source: 'court ruling' },
          internetResource: { url: null, statesParticipation: false },
        },
      }),
    );
    const refusing = json<{ outcomes: Outcome[] }>(res)
      .outcomes.filter((o) => o.refuses)
      .map((o) => o.ruleId);
    // the 5-month course has 19 of its 20 weeks: (7) refuses too
    expect(refusing).toEqual(['F-68(2)', 'F-68(3)', 'F-68(4)', 'F-68(5)', 'F-68(6)', 'F-68(7)', 'F-68(8)']);
  });

  it('a second review of a reviewed application is 409; an officer check without evidence is 400', async () => {
    const { id } = await filed();
    expect((await review(h, id)).status).toBe(201);
    expect((await review(h, id)).status).toBe(409);
    const other = await filed();
    const bad = await review(h, other.id, cleanReview({ checks: { debtors: { value: { listed: false }, source: 'x', checkedOn: '2026-11-16' } } }));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('evidence');
  });

  it('only the training officer reviews (403 for an applicant)', async () => {
    const { id, bin } = await filed();
    const res = await h
      .http()
      .post(`/provider-applications/${id}/completeness-review`)
      .set(auth(await h.token(['applicant'], [bin])))
      .send(cleanReview());
    expect(res.status).toBe(403);
  });
});

describe('F-70, F-71 remarks on the real database with durable working-day timers', () => {
  it('remarks issued, fixed within 10 WD of receipt, then reviewed complete; the fix deadline is on GET /deadlines', async () => {
    const { id, bin } = await filed();
    const remarks = await h
      .http()
      .post(`/provider-applications/${id}/remarks`)
      .set(auth(await officer()))
      .send({ items: ['The curriculum of week 3 lacks hours of practice'] });
    expect(remarks.status).toBe(200);
    expect(remarks.body).toMatchObject({ status: 'remarks-issued', remarks: { issuedOn: '2026-11-16', fixDueOn: '2026-11-30', fixedOn: null } });
    // issue #16: published for notifications' F-70 notice, keyed by the BIN, with the remarks and the F-71 day
    const published = await h.sql<{ message_key: string; payload: Record<string, unknown> }>(
      `select message_key, envelope->'payload' as payload from hub_outbox where event_type = 'training.remarks-issued' and envelope->>'aggregateId' = ?`,
      [id],
    );
    expect(published.map((r) => r.message_key)).toEqual([bin]);
    expect(published[0]!.payload).toMatchObject({
      bin,
      remarks: ['The curriculum of week 3 lacks hours of practice'],
      issuedOn: '2026-11-16',
      fixDueOn: '2026-11-30',
    });
    const board = json<{ items: { subjectId: string; ruleId: string; kind: string; dueDate: string }[] }>(
      await h
        .http()
        .get('/deadlines')
        .set(auth(await officer())),
    ).items;
    expect(board.find((d) => d.subjectId === id)).toMatchObject({ kind: 'remarks-fix', ruleId: 'F-71', dueDate: '2026-11-30' });
    const fix = await h
      .http()
      .post(`/provider-applications/${id}/remarks/fix`)
      .set(auth(await h.token(['applicant'], [bin])))
      .send({ courses: [fullCourse({ name: 'Backend engineering, revised' })] });
    expect(fix.status).toBe(200);
    expect(fix.body).toMatchObject({ status: 'resubmitted', remarks: { fixedOn: '2026-11-16' }, courses: [{ name: 'Backend engineering, revised' }] });
    expect(await h.sql(`select status from hub_timer where kind = 'training.remarks-fix-due' and timer_key = ?`, [id])).toEqual([{ status: 'cancelled' }]);
    expect(json<{ result: string }>(await review(h, id)).result).toBe('complete');
  });

  it('F-71 missed: the durable timer lapses the application at the end of the 10th working day and a notice is sent; a late fix is refused', async () => {
    const { id, bin } = await filed();
    await h
      .http()
      .post(`/provider-applications/${id}/remarks`)
      .set(auth(await officer()))
      .send({ items: ['Premises documents missing'] });
    h.clock.set('2026-11-30T18:59:00Z'); // 23:59 on 30 November in Almaty: still in time
    await poller(h).runDue();
    expect(
      json(
        await h
          .http()
          .get(`/provider-applications/${id}`)
          .set(auth(await officer())),
      ).status,
    ).toBe('remarks-issued');
    h.clock.set('2026-11-30T19:00:01Z');
    await poller(h).runDue();
    expect(
      json(
        await h
          .http()
          .get(`/provider-applications/${id}`)
          .set(auth(await officer())),
      ).status,
    ).toBe('lapsed');
    const notices = json<{ kind: string; ruleId: string }[]>(
      await h
        .http()
        .get(`/provider-applications/${id}/notices`)
        .set(auth(await h.token(['applicant'], [bin]))),
    );
    expect(notices).toMatchObject([{ kind: 'lapse', ruleId: 'F-71' }]);
    const late = await h
      .http()
      .post(`/provider-applications/${id}/remarks/fix`)
      .set(auth(await h.token(['applicant'], [bin])))
      .send({ courses: [fullCourse()] });
    expect(late.status).toBe(409);
    h.clock.set('2026-11-16T04:00:00Z');
  });

  it('F-70: remarks after the 10th working day of filing are refused with 422 naming the rule', async () => {
    const { id } = await filed();
    h.clock.set('2026-12-01T04:00:00Z');
    const res = await h
      .http()
      .post(`/provider-applications/${id}/remarks`)
      .set(auth(await officer()))
      .send({ items: ['Too late'] });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('F-70');
    h.clock.set('2026-11-16T04:00:00Z');
  });
});
