import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, TEST_SET, anApplicationContent, anExpertOpinion, auth, json, newBin, poller, startHarness } from '../support/clusters-harness.js';

/**
 * The expert stage (C-13 … C-18) against the running app and a real database: the deadlines on the
 * board, the durable timers marking overdue steps (and publishing it), bad input refused with a
 * problem+json naming the field and nothing stored, who may do what (C-2), and races on a round.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('clusters_expert'); // Monday 16 November 2026, 09:00 Almaty
});
afterAll(async () => {
  await h?.close();
});

const DEADLINE = '2027-01-15T18:00:00+05:00'; // C-16: opinions due 60 CD later, 16 March 2027
const organiser = () => h.token(['cluster-organiser'], [], 'organiser-1');
const expert = () => h.token(['cluster-expert'], [], 'expert-1');
const member = () => h.token(['cluster-commission-member'], [], 'member-1');
const count = async (sql: string, params: unknown[] = []) => Number((await h.sql<{ n: string }>(`select count(*)::text as n from ${sql}`, params))[0]?.n);

type Deadline = { kind: string; ruleId: string; subjectId: string; startedOn: string; dueDate: string; overdue: boolean };
const board = async () =>
  json<{ items: Deadline[] }>(
    await h
      .http()
      .get('/deadlines')
      .set(auth(await organiser())),
  ).items;
const timerOf = async (kind: string, key: string) =>
  h.sql<{ status: string; due: string }>(
    `select status, to_char(due_at at time zone 'Asia/Almaty', 'YYYY-MM-DD HH24:MI:SS') as due from hub_timer where kind = ? and timer_key = ?`,
    [kind, key],
  );
const outbox = (type: string, key: string) =>
  h.sql<{ payload: Record<string, unknown> }>(
    `select envelope->'payload' as payload from hub_outbox where event_type = ? and envelope->>'aggregateId' = ? order by position`,
    [type, key],
  );

async function aRound(): Promise<string> {
  const res = await h
    .http()
    .post('/rounds')
    .set(auth(await organiser()))
    .send({ ruleSetId: TEST_SET, title: 'Selection of territorial clusters 2027', applicationDeadline: DEADLINE });
  expect(res.status).toBe(201);
  return json<{ id: string }>(res).id;
}
async function aFiledApplication(roundId: string, bin = newBin()): Promise<string> {
  const res = await h
    .http()
    .post('/applications')
    .set(auth(await h.token(['applicant'], [bin])))
    .send({ roundId, bin, ...anApplicationContent() });
  expect(res.status).toBe(201);
  return json<{ id: string }>(res).id;
}
async function check(id: string, compliant: boolean) {
  const res = await h
    .http()
    .post(`/applications/${id}/compliance`)
    .set(auth(await organiser()))
    .send(compliant ? { compliant: true } : { compliant: false, deficiencies: [{ field: 'documentIndex', reason: 'Annex 3 is missing' }] });
  expect(res.status).toBe(200);
}
async function transfer(id: string, body: Record<string, unknown> = { documentRef: `letter-${id}` }, token?: string) {
  return h
    .http()
    .post(`/applications/${id}/institute-transfer`)
    .set(auth(token ?? (await organiser())))
    .send(body);
}
async function opinion(id: string, body: Record<string, unknown> = anExpertOpinion(), token?: string) {
  return h
    .http()
    .post(`/applications/${id}/expert-opinion`)
    .set(auth(token ?? (await expert())))
    .send(body);
}
async function compare(roundId: string, ranking: { applicationId: string; rank: number }[], token?: string) {
  return h
    .http()
    .post(`/rounds/${roundId}/comparative-assessment`)
    .set(auth(token ?? (await expert())))
    .send({ summary: 'Compared on the four Annex 4 criteria', ranking });
}

describe('a round through the expert stage, step by step', () => {
  let roundId: string;
  const app: Record<'a' | 'b' | 'returned', string> = { a: '', b: '', returned: '' };

  beforeAll(async () => {
    h.clock.set('2026-11-16T04:00:00Z');
    roundId = await aRound();
    app.a = await aFiledApplication(roundId);
    app.b = await aFiledApplication(roundId);
    app.returned = await aFiledApplication(roundId);
    await check(app.a, true);
    await check(app.b, true);
    await check(app.returned, false);
  });

  it('C-13: a compliant application is due at the institute 3 WD after its check period (23 Nov → 26 Nov 2026): on the board, a durable timer at the end of the day', async () => {
    const entries = (await board()).filter((d) => d.kind === 'institute-transfer' && [app.a, app.b].includes(d.subjectId));
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ ruleId: 'C-13', startedOn: '2026-11-23', dueDate: '2026-11-26', overdue: false });
    expect(await timerOf('clusters.institute-transfer-due', app.a)).toEqual([{ status: 'scheduled', due: '2026-11-26 23:59:59' }]);
    // A returned application has no C-13 deadline and no timer.
    expect(await timerOf('clusters.institute-transfer-due', app.returned)).toEqual([]);
  });

  it('C-13 bad input and roles: 400 naming documentId (ADR 0113; documentRef is deprecated), 403 for an applicant or an expert, 409 for a returned application — nothing stored', async () => {
    const missing = await transfer(app.a, {});
    expect(missing.status).toBe(400);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(missing.body)).toContain('documentId');
    expect((await transfer(app.a, { documentRef: 'x' }, await h.token(['applicant'], [newBin()]))).status).toBe(403);
    expect((await transfer(app.a, { documentRef: 'x' }, await expert())).status).toBe(403);
    const returned = await transfer(app.returned);
    expect(returned.status).toBe(409);
    expect(JSON.stringify(returned.body)).toContain('C-13');
    expect(await count(`clusters_application where round_id = ? and sent_to_institute_at is not null`, [roundId])).toBe(0);
    expect(await count(`hub_outbox where event_type = 'clusters.application-sent-to-institute'`)).toBe(0);
    // The institute's experts see nothing of the round yet.
    expect(
      json<unknown[]>(
        await h
          .http()
          .get(`/applications?roundId=${roundId}`)
          .set(auth(await expert())),
      ),
    ).toEqual([]);
  });

  it('C-13, C-16, C-17: the first transfer opens the expert stage — opinions due 60 CD after the deadline (16 Mar 2027), to the organiser 5 WD later (26 Mar)', async () => {
    h.clock.set('2026-11-20T05:00:00Z');
    const res = await transfer(app.a);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'compliant', sentToInstituteAt: '2026-11-20T05:00:00.000Z' });
    expect(await timerOf('clusters.institute-transfer-due', app.a)).toEqual([{ status: 'cancelled', due: '2026-11-26 23:59:59' }]);
    expect(await timerOf('clusters.expert-opinions-due', roundId)).toEqual([{ status: 'scheduled', due: '2027-03-16 23:59:59' }]);
    expect(await timerOf('clusters.opinions-to-organiser-due', roundId)).toEqual([{ status: 'scheduled', due: '2027-03-26 23:59:59' }]);
    expect((await h.http().get(`/rounds/${roundId}`)).body).toMatchObject({
      expertStage: { opinionsDueOn: '2027-03-16', opinionsToOrganiserDueOn: '2027-03-26', opinionsCompletedAt: null },
    });
    const entries = await board();
    expect(entries.find((d) => d.subjectId === app.a)).toBeUndefined();
    expect(entries.find((d) => d.subjectId === roundId)).toMatchObject({
      kind: 'expert-opinions',
      ruleId: 'C-16',
      startedOn: '2027-01-15',
      dueDate: '2027-03-16',
    });
    expect((await outbox('clusters.application-sent-to-institute', app.a))[0]?.payload).toMatchObject({ roundId, opinionsDueOn: '2027-03-16' });
    expect((await transfer(app.a)).status).toBe(409); // once
    // Now the experts see it (and only it).
    const seen = json<{ id: string }[]>(
      await h
        .http()
        .get(`/applications?roundId=${roundId}`)
        .set(auth(await expert())),
    );
    expect(seen.map((a) => a.id)).toEqual([app.a]);
  });

  it('C-13 timer: an application not sent by the end of 26 Nov is overdue on the board and published as clusters.deadline-overdue; a late transfer is still recorded', async () => {
    h.clock.set('2026-11-26T18:59:59Z'); // 23:59:59 in Almaty: not yet
    await poller(h).runDue();
    expect((await board()).find((d) => d.subjectId === app.b)?.overdue).toBe(false);
    h.clock.set('2026-11-26T19:00:01Z');
    await poller(h).runDue();
    expect((await board()).find((d) => d.subjectId === app.b)).toMatchObject({ kind: 'institute-transfer', overdue: true });
    expect((await outbox('clusters.deadline-overdue', app.b)).map((r) => r.payload)).toEqual([
      expect.objectContaining({ ruleId: 'C-13', step: 'institute-transfer', applicationId: app.b, roundId, dueOn: '2026-11-26' }),
    ]);
    h.clock.set('2026-11-27T05:00:00Z');
    expect((await transfer(app.b)).status).toBe(200);
    expect((await board()).find((d) => d.subjectId === app.b)).toBeUndefined();
  });

  it('C-14, C-15 bad input: 400 naming the field, 422 naming the missing criterion or the empty SWOT quadrant — nothing stored', async () => {
    h.clock.set('2027-01-18T05:00:00Z'); // after the deadline
    const wrongEnum = await opinion(app.a, { ...anExpertOpinion(), recommendation: 'maybe' });
    expect(wrongEnum.status).toBe(400);
    expect(JSON.stringify(wrongEnum.body)).toContain('recommendation');
    const three = await opinion(app.a, anExpertOpinion(['value-chain', 'regional-environment', 'socio-economic-impact']));
    expect(three.status).toBe(422);
    expect(three.body).toMatchObject({ code: 'rule.C-14' });
    expect(JSON.stringify(three.body)).toContain('development-prospects');
    const noThreats = anExpertOpinion();
    noThreats.criteria[2]!.threats = [];
    const swot = await opinion(app.a, noThreats);
    expect(swot.status).toBe(422);
    expect(swot.body).toMatchObject({ code: 'rule.C-15' });
    expect(JSON.stringify(swot.body)).toContain('criteria.2.threats');
    expect((await opinion(app.a, anExpertOpinion(), await organiser())).status).toBe(403);
    expect((await opinion(app.a, anExpertOpinion(), await h.token(['applicant'], [newBin()]))).status).toBe(403);
    expect((await opinion(app.returned)).status).toBe(409); // never sent to the institute
    expect(await count(`clusters_application where round_id = ? and expert_opinion is not null`, [roundId])).toBe(0);
    expect(await count(`hub_outbox where event_type = 'clusters.opinion-given'`)).toBe(0);
  });

  it('C-14: the comparison waits for every opinion and ranks every application; then the analysis is complete (C-16 timer cancelled)', async () => {
    expect((await opinion(app.a)).status).toBe(200);
    expect((await opinion(app.a)).status).toBe(409); // once
    const early = await compare(roundId, [
      { applicationId: app.a, rank: 1 },
      { applicationId: app.b, rank: 2 },
    ]);
    expect(early.status).toBe(422);
    expect(JSON.stringify(early.body)).toContain(app.b); // without an opinion
    expect((await opinion(app.b, { ...anExpertOpinion(), recommendation: 'not-recommended' })).status).toBe(200);
    const partial = await compare(roundId, [{ applicationId: app.a, rank: 1 }]);
    expect(partial.status).toBe(422);
    expect(JSON.stringify(partial.body)).toContain('ranking');
    expect(
      (
        await compare(
          roundId,
          [
            { applicationId: app.a, rank: 1 },
            { applicationId: app.b, rank: 2 },
          ],
          await organiser(),
        )
      ).status,
    ).toBe(403);
    expect(await count(`clusters_round where id = ? and comparative_assessment is not null`, [roundId])).toBe(0);
    const done = await compare(roundId, [
      { applicationId: app.b, rank: 2 },
      { applicationId: app.a, rank: 1 },
    ]);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      comparativeAssessment: {
        ranking: [
          { applicationId: app.a, rank: 1 },
          { applicationId: app.b, rank: 2 },
        ],
      },
      applications: [
        { applicationId: app.a, opinion: { recommendation: 'recommended' } },
        { applicationId: app.b, opinion: { recommendation: 'not-recommended' } },
      ],
    });
    expect(await timerOf('clusters.expert-opinions-due', roundId)).toEqual([{ status: 'cancelled', due: '2027-03-16 23:59:59' }]);
    expect((await board()).find((d) => d.subjectId === roundId)).toMatchObject({ kind: 'opinions-to-organiser', ruleId: 'C-17', dueDate: '2027-03-26' });
    expect((await outbox('clusters.opinion-given', app.b))[0]?.payload).toMatchObject({
      recommendation: 'not-recommended',
      findings: [
        { criterion: 'value-chain', finding: 'meets' },
        { criterion: 'regional-environment', finding: 'meets' },
        { criterion: 'socio-economic-impact', finding: 'meets' },
        { criterion: 'development-prospects', finding: 'meets' },
      ],
    });
  });

  it('C-17, C-18: the institute hands the opinions to the organiser; the organiser has 3 WD to put them before the Commission, which sees them only then', async () => {
    expect(
      (
        await h
          .http()
          .get(`/rounds/${roundId}/expert-review`)
          .set(auth(await member()))
      ).status,
    ).toBe(404);
    const tooEarly = await h
      .http()
      .post(`/rounds/${roundId}/opinions-to-commission`)
      .set(auth(await organiser()))
      .send({ documentRef: 'to-commission' });
    expect(tooEarly.status).toBe(409);
    expect(JSON.stringify(tooEarly.body)).toContain('C-18');
    expect(
      (
        await h
          .http()
          .post(`/rounds/${roundId}/opinions-to-organiser`)
          .set(auth(await organiser()))
          .send({ documentRef: 'x' })
      ).status,
    ).toBe(403);
    h.clock.set('2027-01-19T05:00:00Z'); // Tuesday
    const handed = await h
      .http()
      .post(`/rounds/${roundId}/opinions-to-organiser`)
      .set(auth(await expert()))
      .send({ documentRef: 'institute-letter-7' });
    expect(handed.status).toBe(200);
    expect(handed.body).toMatchObject({ opinionsAtOrganiser: { documentRef: 'institute-letter-7', by: 'expert-1' }, toCommissionDueOn: '2027-01-22' });
    expect(await timerOf('clusters.opinions-to-organiser-due', roundId)).toEqual([{ status: 'cancelled', due: '2027-03-26 23:59:59' }]);
    expect(await timerOf('clusters.to-commission-due', roundId)).toEqual([{ status: 'scheduled', due: '2027-01-22 23:59:59' }]);
    expect((await board()).find((d) => d.subjectId === roundId)).toMatchObject({
      kind: 'opinions-to-commission',
      ruleId: 'C-18',
      startedOn: '2027-01-19',
      dueDate: '2027-01-22',
      overdue: false,
    });
    // The C-18 timer: not put before the Commission by the end of Friday 22 January.
    h.clock.set('2027-01-22T19:00:01Z');
    await poller(h).runDue();
    expect((await board()).find((d) => d.subjectId === roundId)?.overdue).toBe(true);
    expect((await outbox('clusters.deadline-overdue', roundId)).map((r) => r.payload)).toEqual([
      expect.objectContaining({ ruleId: 'C-18', step: 'opinions-to-commission', applicationId: null, dueOn: '2027-01-22' }),
    ]);
    h.clock.set('2027-01-25T05:00:00Z');
    const put = await h
      .http()
      .post(`/rounds/${roundId}/opinions-to-commission`)
      .set(auth(await organiser()))
      .send({ documentRef: 'organiser-letter-12' });
    expect(put.status).toBe(200);
    expect((await board()).find((d) => d.subjectId === roundId)).toBeUndefined();
    const review = await h
      .http()
      .get(`/rounds/${roundId}/expert-review`)
      .set(auth(await member()));
    expect(review.status).toBe(200);
    expect(json<{ applications: { opinion: { criteria: unknown[] } }[] }>(review).applications[0]?.opinion.criteria).toHaveLength(4);
    expect((await outbox('clusters.opinions-forwarded', roundId)).map((r) => r.payload)).toEqual([
      expect.objectContaining({ ruleId: 'C-17', recipient: 'organiser', dueOn: '2027-03-26', commissionDueOn: '2027-01-22' }),
      expect.objectContaining({ ruleId: 'C-18', recipient: 'commission', dueOn: '2027-01-22', commissionDueOn: null }),
    ]);
    // A participant never reads the opinions.
    const own = await h
      .http()
      .get(`/applications/${app.a}`)
      .set(
        auth(
          await h.token(
            ['applicant'],
            [
              json<{ bin: string }>(
                await h
                  .http()
                  .get(`/applications/${app.a}`)
                  .set(auth(await organiser())),
              ).bin,
            ],
          ),
        ),
      );
    expect(own.status).toBe(200);
    expect(own.body).not.toHaveProperty('expertOpinion');
  });
});

describe('C-16 and C-17 timers: the analysis and the hand-over not done in time', () => {
  let roundId: string;
  let appId: string;
  beforeAll(async () => {
    h.clock.set('2026-11-16T04:00:00Z');
    roundId = await aRound();
    appId = await aFiledApplication(roundId);
    await check(appId, true);
    expect((await transfer(appId)).status).toBe(200);
  });

  it('C-16: no complete analysis at the end of 16 March 2027 (60 CD after the deadline) → overdue; C-17: not with the organiser at the end of 26 March → overdue', async () => {
    h.clock.set('2027-03-16T19:00:01Z');
    await poller(h).runDue();
    expect((await board()).find((d) => d.subjectId === roundId)).toMatchObject({ kind: 'expert-opinions', ruleId: 'C-16', overdue: true });
    expect((await outbox('clusters.deadline-overdue', roundId)).map((r) => r.payload)).toEqual([
      expect.objectContaining({ ruleId: 'C-16', step: 'expert-opinions', dueOn: '2027-03-16' }),
    ]);
    h.clock.set('2027-03-18T05:00:00Z'); // late, but recorded
    expect((await opinion(appId)).status).toBe(200);
    expect((await compare(roundId, [{ applicationId: appId, rank: 1 }])).status).toBe(200);
    expect((await board()).find((d) => d.subjectId === roundId)).toMatchObject({ kind: 'opinions-to-organiser', dueDate: '2027-03-26', overdue: false });
    h.clock.set('2027-03-26T19:00:01Z');
    await poller(h).runDue();
    expect((await board()).find((d) => d.subjectId === roundId)).toMatchObject({ kind: 'opinions-to-organiser', overdue: true });
    const [row] = await h.sql<{ opinions_overdue: boolean; opinions_to_organiser_overdue: boolean }>(
      `select opinions_overdue, opinions_to_organiser_overdue from clusters_round where id = ?`,
      [roundId],
    );
    expect(row).toEqual({ opinions_overdue: true, opinions_to_organiser_overdue: true });
  });
});

describe('races on one round', () => {
  it('two applications sent to the institute at once both open one expert stage (the round row is locked); one application sent twice at once is sent once', async () => {
    h.clock.set('2026-11-16T04:00:00Z');
    const roundId = await aRound();
    const ids = [await aFiledApplication(roundId), await aFiledApplication(roundId)];
    for (const id of ids) await check(id, true);
    const token = await organiser();
    const both = await Promise.all(ids.map((id) => transfer(id, { documentRef: 'letter' }, token)));
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(await timerOf('clusters.expert-opinions-due', roundId)).toEqual([{ status: 'scheduled', due: '2027-03-16 23:59:59' }]);

    const third = await aFiledApplication(roundId);
    await check(third, true);
    const twice = await Promise.all([transfer(third, { documentRef: 'a' }, token), transfer(third, { documentRef: 'b' }, token)]);
    expect(twice.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await count(`hub_outbox where event_type = 'clusters.application-sent-to-institute' and envelope->>'aggregateId' = ?`, [third])).toBe(1);
  });
});
