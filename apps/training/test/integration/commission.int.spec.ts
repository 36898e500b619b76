import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, auth, deliverParticipation, json, participationTerminated, poller, startHarness } from '../support/training-harness.js';
import { announceIntake, appoint, completeApplication, fullCourse, memberToken, presented } from '../support/training-fixtures.js';
import { allocateQuotas, type QuotaCalculation } from '../../src/commission/domain/quota/quota-formula.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('training_commission', { env: { TRAINING_REGISTERS: 'development' } });
});
afterAll(async () => {
  await h?.close();
});

const secretary = () => h.token(['commission-secretary']);
const officer = () => h.token(['training-officer']);
const vote = async (subject: string, applicationId: string, choice: 'admit' | 'refuse', score: number) =>
  h
    .http()
    .post(`/provider-applications/${applicationId}/votes`)
    .set(auth(await memberToken(h, subject)))
    .send({ choice, score, reason: `${choice} — presentation assessed` });
const declare = async (intakeId: string, subject: string, conflictingBins: string[] = []) =>
  h
    .http()
    .post(`/intakes/${intakeId}/commission/declaration`)
    .set(auth(await memberToken(h, subject)))
    .send({ hasConflict: conflictingBins.length > 0, conflictingBins, statement: 'I declare my interests' });
const decide = async (intakeId: string, body: Record<string, unknown>) =>
  h
    .http()
    .post(`/intakes/${intakeId}/commission/decision`)
    .set(auth(await secretary()))
    .send(body);
const app = async (id: string) =>
  json<Record<string, unknown>>(
    await h
      .http()
      .get(`/provider-applications/${id}`)
      .set(auth(await officer())),
  );

describe('the Independent Commission (F-69, F-72), the quotas (F-73), the notice (F-74) and the contract (F-75)', () => {
  let intakeId: string;
  let A: { id: string; bin: string };
  let B: { id: string; bin: string };
  let C: { id: string; bin: string };
  let D: Awaited<ReturnType<typeof completeApplication>>;
  const fund = `fund-${Date.now()}`;
  const ict = `ict-${Date.now()}`;
  const intl = `intl-${Date.now()}`;

  beforeAll(async () => {
    intakeId = await announceIntake(h);
    A = await completeApplication(h, intakeId);
    B = await completeApplication(h, intakeId, {
      courses: [
        fullCourse({
          durationMonths: 9,
          curriculum: fullCourse({}).curriculum.concat(Array.from({ length: 12 }, (_, i) => ({ week: 25 + i, topics: 'More', academicHours: 12 }))),
        }),
      ],
    });
    C = await completeApplication(h, intakeId);
    D = await completeApplication(h, intakeId);
    for (const [s, a] of [
      [fund, 'fund'],
      [ict, 'ict-specialist'],
      [intl, 'international-expert'],
    ] as const)
      expect((await appoint(h, intakeId, s, a)).status).toBe(201);
  });

  it('F-69: a member sees no application before declaring conflicts of interest (409), a non-member gets 403; a vote before the declaration is 409', async () => {
    const before = await h
      .http()
      .get(`/intakes/${intakeId}/commission/applications`)
      .set(auth(await memberToken(h, fund)));
    expect(before.status).toBe(409);
    expect(JSON.stringify(before.body)).toContain('F-69');
    expect((await vote(fund, A.id, 'admit', 90)).status).toBe(409);
    const stranger = await h
      .http()
      .get(`/intakes/${intakeId}/commission/applications`)
      .set(auth(await memberToken(h, 'someone-else')));
    expect(stranger.status).toBe(403);
    // a Commission member cannot go round it through the general application routes
    expect(
      (
        await h
          .http()
          .get(`/provider-applications/${A.id}`)
          .set(auth(await memberToken(h, fund)))
      ).status,
    ).toBe(403);
  });

  it('F-69: after declaring, a member sees the complete applications except the one they are conflicted with, and cannot vote on it (403); a second declaration is 409', async () => {
    expect((await declare(intakeId, fund)).status).toBe(200);
    expect((await declare(intakeId, intl)).status).toBe(200);
    const declared = await declare(intakeId, ict, [C.bin]);
    expect(declared.status).toBe(200);
    expect(declared.body).toMatchObject({ declaration: { hasConflict: true, conflictingBins: [C.bin] } });
    expect((await declare(intakeId, ict)).status).toBe(409);
    const seen = json<{ id: string }[]>(
      await h
        .http()
        .get(`/intakes/${intakeId}/commission/applications`)
        .set(auth(await memberToken(h, ict))),
    );
    expect(seen.map((a) => a.id).sort()).toEqual([A.id, B.id, D.id].sort());
    expect((await vote(ict, C.id, 'admit', 100)).status).toBe(403);
  });

  it('F-72: the presentation schedule — slots ahead of now (422), never overlapping in one intake (409), in order on GET …/commission/schedule; a vote before the presentation is 409', async () => {
    const schedule = async (id: string, at: string, minutes?: number) =>
      h
        .http()
        .post(`/provider-applications/${id}/presentation`)
        .set(auth(await secretary()))
        .send({ at, ...(minutes ? { minutes } : {}) });
    const presentation = await schedule(A.id, '2026-11-16T10:00:00+05:00');
    expect(presentation.status).toBe(200);
    expect(presentation.body).toMatchObject({ presentationAt: '2026-11-16T05:00:00.000Z', presentationMinutes: 30 });
    const past = await schedule(B.id, '2026-11-16T08:00:00+05:00');
    expect(past.status).toBe(422);
    expect(JSON.stringify(past.body)).toContain('"at"');
    const overlap = await schedule(B.id, '2026-11-16T10:15:00+05:00');
    expect(overlap.status).toBe(409);
    expect(overlap.body).toMatchObject({ code: 'training.presentation-slot-taken' });
    expect((await schedule(B.id, '2026-11-16T10:30:00+05:00', 45)).status).toBe(200);
    expect((await schedule(D.id, '2026-11-16T11:45:00+05:00')).status).toBe(200);
    expect((await schedule(C.id, '2026-11-16T11:15:00+05:00')).status).toBe(200);
    // F-72: the Commission votes after hearing the applicant
    const early = await vote(fund, A.id, 'admit', 90);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'training.presentation-not-heard' });
    const staff = json<{ slots: { applicationId: string; minutes: number }[] }>(
      await h
        .http()
        .get(`/intakes/${intakeId}/commission/schedule`)
        .set(auth(await secretary())),
    );
    expect(staff.slots.map((s) => s.applicationId)).toEqual([A.id, B.id, C.id, D.id]);
    expect(staff.slots.map((s) => s.minutes)).toEqual([30, 45, 30, 30]);
    // a member sees the schedule as the applications: without the applicant they are conflicted with (F-69)
    const member = json<{ slots: { applicationId: string }[] }>(
      await h
        .http()
        .get(`/intakes/${intakeId}/commission/schedule`)
        .set(auth(await memberToken(h, ict))),
    );
    expect(member.slots.map((s) => s.applicationId)).toEqual([A.id, B.id, D.id]);
    h.clock.set('2026-11-16T07:30:00Z'); // 12:30 in Astana: every applicant has presented
  });

  it('F-72: each member votes once (a second vote is 409)', async () => {
    expect((await vote(fund, A.id, 'admit', 90)).status).toBe(201);
    expect((await vote(fund, A.id, 'admit', 90)).status).toBe(409);
    expect((await vote(ict, A.id, 'admit', 80)).status).toBe(201);
    expect((await vote(intl, A.id, 'admit', 85)).status).toBe(201);
    expect((await vote(fund, B.id, 'admit', 70)).status).toBe(201);
    expect((await vote(ict, B.id, 'refuse', 40)).status).toBe(201);
    expect((await vote(intl, B.id, 'admit', 60)).status).toBe(201);
    expect((await vote(fund, C.id, 'admit', 70)).status).toBe(201);
    for (const s of [fund, ict, intl]) expect((await vote(s, D.id, 'admit', 75)).status).toBe(201);
  });

  it('F-72: the decision waits for every unconflicted member’s vote (409 naming the rule)', async () => {
    const res = await decide(intakeId, { budget: 50, reasons: { [C.id]: 'weak curriculum' } });
    expect(res.status).toBe(409);
    expect(JSON.stringify(res.body)).toContain('F-72');
  });

  it('F-72: a refusal without reasons is 422 naming the application', async () => {
    expect((await vote(intl, C.id, 'refuse', 30)).status).toBe(201); // C: 1 admit, 1 refuse (ict conflicted) → no majority
    const res = await decide(intakeId, { budget: 50 });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain(C.id);
  });

  it('F-72, F-73, F-77: the decision follows the votes, re-checks eligibility, allocates the whole budget by the formula; the protocol and the calculation are stored and re-runnable', async () => {
    // D's participation ends before the decision: admitted by vote, refused under F-77
    expect(await deliverParticipation(h, participationTerminated(D.started, '2026-11-15'), '9')).toBe('handled');
    const res = await decide(intakeId, { budget: 50, reasons: { [C.id]: 'no majority for the course' } });
    expect(res.status).toBe(201);
    const protocol = json<{
      applications: { applicationId: string; outcome: string; quotas: number | null; reasons: string[]; admitVotes: number; refuseVotes: number }[];
    }>(res);
    const byId = new Map(protocol.applications.map((a) => [a.applicationId, a]));
    expect(byId.get(A.id)).toMatchObject({ outcome: 'admitted', admitVotes: 3, refuseVotes: 0 });
    expect(byId.get(B.id)).toMatchObject({ outcome: 'admitted', admitVotes: 2, refuseVotes: 1 });
    expect(byId.get(C.id)).toMatchObject({ outcome: 'rejected', quotas: null, reasons: ['F-72: no majority for the course'] });
    expect(byId.get(D.id)).toMatchObject({ outcome: 'rejected', quotas: null });
    expect(byId.get(D.id)!.reasons[0]).toMatch(/^F-77/);
    expect(byId.get(A.id)!.quotas! + byId.get(B.id)!.quotas!).toBe(50);

    const calc = json<QuotaCalculation>(
      await h
        .http()
        .get(`/intakes/${intakeId}/quota-calculation`)
        .set(auth(await h.token(['applicant'], [A.bin]))),
    );
    expect(calc).toMatchObject({ formulaVersion: 'training-quota-v1', budget: 50, total: 50 });
    // A: mean score 85 000‰ × 6 months; B: 56 666‰ × 9 months; same price → weights 510 000 : 509 994
    // → exact shares 25.0003 and 24.9997: floors 25 + 24, the one place left goes to B's larger remainder
    expect(calc.lines.map((l) => [l.applicationId, l.floor, l.quota])).toEqual([
      [A.id, 25, 25],
      [B.id, 24, 25],
    ]);
    // anyone can re-run it from the snapshot and get the same numbers
    expect(allocateQuotas({ formulaVersion: calc.formulaVersion, budget: calc.budget, inputs: calc.lines.map((l) => l.inputs) })).toEqual(calc);
    expect(await app(A.id)).toMatchObject({ status: 'admitted', quotas: 25, decidedOn: '2026-11-16', noticeDueOn: '2026-11-23', contractDueOn: '2026-11-30' });
    expect(await app(C.id)).toMatchObject({ status: 'rejected', quotas: null, contractDueOn: null });

    const csv = await h
      .http()
      .get(`/intakes/${intakeId}/quota-calculation.csv`)
      .set(auth(await officer()));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.trim().split('\n')).toHaveLength(3);
    expect(
      (
        await h
          .http()
          .get(`/intakes/${intakeId}/commission/protocol`)
          .set(auth(await officer()))
      ).body,
    ).toEqual(protocol);
  });

  it('one decision per intake: a second is 409', async () => {
    expect((await decide(intakeId, { budget: 50, reasons: {} })).status).toBe(409);
  });

  it('F-74, F-75: notice and contract deadlines are on GET /deadlines; the notice is sent; a contract for a rejected application is 409; missed deadlines are marked by the durable timers', async () => {
    const board = json<{ items: { subjectId: string; ruleId: string; dueDate: string }[] }>(
      await h
        .http()
        .get('/deadlines')
        .set(auth(await officer())),
    ).items;
    const mine = board
      .filter((d) => [A.id, B.id, C.id].includes(d.subjectId))
      .map((d) => `${d.subjectId === A.id ? 'A' : d.subjectId === B.id ? 'B' : 'C'} ${d.ruleId} ${d.dueDate}`);
    expect(mine.sort()).toEqual(['A F-74 2026-11-23', 'A F-75 2026-11-30', 'B F-74 2026-11-23', 'B F-75 2026-11-30', 'C F-74 2026-11-23']);

    const notice = await h
      .http()
      .post(`/provider-applications/${A.id}/decision-notice`)
      .set(auth(await officer()));
    expect(notice.status).toBe(200);
    expect(notice.body).toMatchObject({ noticeSentOn: '2026-11-16' });
    const notices = json<{ kind: string; ruleId: string; text: string }[]>(
      await h
        .http()
        .get(`/provider-applications/${A.id}/notices`)
        .set(auth(await h.token(['applicant'], [A.bin]))),
    );
    expect(notices).toMatchObject([{ kind: 'decision', ruleId: 'F-74' }]);
    expect(notices[0]!.text).toContain('25 quotas');
    expect(
      (
        await h
          .http()
          .post(`/provider-applications/${A.id}/decision-notice`)
          .set(auth(await officer()))
      ).status,
    ).toBe(409);

    const contract = await h
      .http()
      .post(`/provider-applications/${A.id}/contract`)
      .set(auth(await officer()))
      .send({ number: 'TR-2026-001', signedOn: '2026-11-16', documentId: 'doc-contract-1' });
    expect(contract.status).toBe(200);
    expect(contract.body).toMatchObject({ contract: { number: 'TR-2026-001', late: false } });
    expect(await h.sql(`select message_key from hub_outbox where event_type = 'training.contract-signed' and envelope->>'aggregateId' = ?`, [A.id])).toEqual([
      { message_key: A.bin },
    ]);
    expect(
      (
        await h
          .http()
          .post(`/provider-applications/${C.id}/contract`)
          .set(auth(await officer()))
          .send({ number: 'TR-X', signedOn: '2026-11-16', documentId: 'd' })
      ).status,
    ).toBe(409);

    h.clock.set('2026-11-23T19:00:01Z'); // after the 5th working day (23 November, Almaty)
    await poller(h).runDue();
    expect((await app(B.id)).missedDeadlines).toEqual(['F-74']);
    expect((await app(A.id)).missedDeadlines).toEqual([]);
    h.clock.set('2026-11-30T19:00:01Z');
    await poller(h).runDue();
    expect((await app(B.id)).missedDeadlines).toEqual(['F-74', 'F-75']);
    expect((await app(A.id)).missedDeadlines).toEqual([]);
    h.clock.set('2026-11-16T04:00:00Z');
  });
});

describe('F-69: the composition of the Commission', () => {
  it('a Commission without an international expert cannot decide (422 naming F-69)', async () => {
    const intakeId = await announceIntake(h);
    expect((await appoint(h, intakeId, `solo-${Date.now()}`, 'fund')).status).toBe(201);
    const res = await decide(intakeId, { budget: 10 });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('international expert');
  });
});

describe('races (409)', () => {
  it('the same member’s two concurrent votes on one application: one counts, the other is 409 (DB unique)', async () => {
    const intakeId = await announceIntake(h);
    const x = await completeApplication(h, intakeId);
    const m = `race-${Date.now()}`;
    expect((await appoint(h, intakeId, m, 'fund')).status).toBe(201);
    expect((await declare(intakeId, m)).status).toBe(200);
    await presented(h, [x.id]);
    const [v1, v2] = await Promise.all([vote(m, x.id, 'admit', 70), vote(m, x.id, 'refuse', 20)]);
    expect([v1.status, v2.status].sort()).toEqual([201, 409]);
    expect(await h.sql(`select count(*)::int as n from training_commission_vote where application_id = ?`, [x.id])).toEqual([{ n: 1 }]);
  });

  it('two concurrent decisions on one intake: one is recorded, the other is 409; quotas allocated once', async () => {
    const intakeId = await announceIntake(h);
    const x = await completeApplication(h, intakeId);
    await presented(h, [x.id]);
    const tag = `${Date.now()}`;
    for (const [s, a] of [
      [`rf-${tag}`, 'fund'],
      [`ri-${tag}`, 'ict-specialist'],
      [`rx-${tag}`, 'international-expert'],
    ] as const) {
      expect((await appoint(h, intakeId, s, a)).status).toBe(201);
      expect((await declare(intakeId, s)).status).toBe(200);
      expect((await vote(s, x.id, 'admit', 90)).status).toBe(201);
    }
    const [d1, d2] = await Promise.all([decide(intakeId, { budget: 10 }), decide(intakeId, { budget: 12 })]);
    expect([d1.status, d2.status].sort()).toEqual([201, 409]);
    expect(await h.sql(`select count(*)::int as n from training_commission_decision where intake_id = ?`, [intakeId])).toEqual([{ n: 1 }]);
    expect(
      await h.sql(`select count(*)::int as n from hub_outbox where event_type = 'training.decision-made' and envelope->>'aggregateId' = ?`, [x.id]),
    ).toEqual([{ n: 1 }]);
  });

  describe('F-72: overlapping presentation slots are refused by the database, not only by the command (ADR 0074 amended)', () => {
    const slots = () =>
      h.sql<{ id: string }>(`select id from training_provider_application where intake_id = ? and presentation_at is not null order by id`, [intakeId]);
    let intakeId: string;
    let X: { id: string };
    let Y: { id: string };
    const scheduleAt = async (id: string, at: Date, minutes = 30) =>
      h
        .http()
        .post(`/provider-applications/${id}/presentation`)
        .set(auth(await secretary()))
        .send({ at: at.toISOString(), minutes });

    beforeAll(async () => {
      intakeId = await announceIntake(h);
      X = await completeApplication(h, intakeId);
      Y = await completeApplication(h, intakeId);
    });

    it('a write the command never checked (an overlapping slot committed by another transaction while it ran) is 409 training.presentation-slot-taken, and only that slot is stored', async () => {
      const at = new Date(h.clock.now().getTime() + 86_400_000);
      // another secretary's transaction holds an overlapping slot for Y, not yet committed: the
      // command's read does not see it, so its own check passes and only the constraint can refuse
      const other = h.db.orm.em.fork();
      await other.begin();
      try {
        await other.execute(`update training_provider_application set presentation_at = ?, presentation_minutes = 30 where id = ?`, [
          new Date(at.getTime() + 10 * 60_000).toISOString(),
          Y.id,
        ]);
        const pending = scheduleAt(X.id, at); // blocks on the constraint until the other transaction ends
        await new Promise((r) => setTimeout(r, 500));
        await other.commit();
        const res = await pending;
        expect(res.status).toBe(409);
        expect(res.body).toMatchObject({ code: 'training.presentation-slot-taken' });
      } finally {
        if (other.isInTransaction()) await other.rollback();
      }
      expect(await slots()).toEqual([{ id: Y.id }]);
      // the database refuses an overlap however it is written
      await expect(
        h.sql(`update training_provider_application set presentation_at = ?, presentation_minutes = 30 where id = ?`, [at.toISOString(), X.id]),
      ).rejects.toThrow(/training_presentation_no_overlap/);
      // touching slots do not overlap ([at, at + minutes)): X right after Y is accepted
      expect((await scheduleAt(X.id, new Date(at.getTime() + 40 * 60_000))).status).toBe(200);
      expect((await slots()).length).toBe(2);
    });

    it('racing secretaries schedule overlapping slots of two applicants at once: exactly one is stored, the other is 409', async () => {
      for (let round = 0; round < 5; round++) {
        const at = new Date(h.clock.now().getTime() + (3 + round) * 86_400_000);
        const [a, b] = await Promise.all([scheduleAt(X.id, at), scheduleAt(Y.id, new Date(at.getTime() + 5 * 60_000))]);
        expect([a.status, b.status].sort()).toEqual([200, 409]);
        expect([a, b].find((r) => r.status === 409)!.body).toMatchObject({ code: 'training.presentation-slot-taken' });
        const stored = await h.sql<{ id: string; at: Date }>(
          `select id, presentation_at as at from training_provider_application where intake_id = ? and presentation_at >= ? and presentation_at < ?`,
          [intakeId, at.toISOString(), new Date(at.getTime() + 86_400_000).toISOString()],
        );
        expect(stored).toHaveLength(1);
        expect(stored[0]!.id).toBe(a.status === 200 ? X.id : Y.id);
      }
    });
  });
});
