import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, REAL_SET, TEST_SET, anApplicationContent, auth, json, newBin, poller, startHarness } from '../support/clusters-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('clusters_sel'); // clock: Monday 16 November 2026, 09:00 Almaty
});
afterAll(async () => {
  await h?.close();
});

const NOW = '2026-11-16T04:00:00Z';
/** 60 CD after 16 Nov 2026 is 15 Jan 2027: the earliest deadline day C-5 allows. */
const DEADLINE = '2027-01-15T18:00:00+05:00';

const organiser = () => h.token(['cluster-organiser'], [], 'organiser-1');
const count = async (sql: string, params: unknown[] = []) => Number((await h.sql<{ n: string }>(`select count(*)::text as n from ${sql}`, params))[0]?.n);

async function announce(body: Record<string, unknown> = {}) {
  return h
    .http()
    .post('/rounds')
    .set(auth(await organiser()))
    .send({ ruleSetId: TEST_SET, title: 'Selection of territorial clusters 2027', applicationDeadline: DEADLINE, ...body });
}

async function file(roundId: string, bin: string, content: Record<string, unknown> = anApplicationContent()) {
  return h
    .http()
    .post('/applications')
    .set(auth(await h.token(['applicant'], [bin])))
    .send({ roundId, bin, ...content });
}

describe('rule sets as effective-dated data (ADR 0080)', () => {
  it('lists the 2015 set as repealed with its parameters, publicly', async () => {
    const res = await h.http().get('/rule-sets');
    expect(res.status).toBe(200);
    const real = json<{ id: string; inForceToday: boolean; announcementLeadCalendarDays: number; repealedFrom: string; criteria: unknown[] }[]>(res).find(
      (s) => s.id === REAL_SET,
    );
    expect(real).toMatchObject({ inForceToday: false, announcementLeadCalendarDays: 60, repealedFrom: '2022-06-27', complianceCheckWorkingDays: 5 });
    expect(real?.criteria).toHaveLength(4); // Annex 4
  });

  it('C-3: a new round under the repealed 2015 set is refused with 422 problem+json naming the set, and nothing is stored', async () => {
    const before = await count('clusters_round');
    const res = await announce({ ruleSetId: REAL_SET });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(res.body)).toContain('C-3');
    expect(JSON.stringify(res.body)).toContain('repealed');
    expect(await count('clusters_round')).toBe(before);
  });

  it('a round under a repealed set stays readable (a round stored while the 2015 set was in force)', async () => {
    await h.sql(
      `insert into clusters_round (id, rule_set_id, title, description, status, announced_at, announced_on, application_deadline, deadline_on, announced_by, created_at, updated_at)
       values ('0190a000-0000-7000-8000-000000000015', ?, 'Selection 2019', '', 'announced', '2019-03-01T04:00:00Z', '2019-03-01', '2019-05-15T13:00:00Z', '2019-05-15', 'archive', now(), now())`,
      [REAL_SET],
    );
    const res = await h.http().get('/rounds/0190a000-0000-7000-8000-000000000015');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ruleSetId: REAL_SET, acceptingApplications: false });
  });

  it('an unknown rule set is 404', async () => {
    expect((await announce({ ruleSetId: 'no-such-set' })).status).toBe(404);
  });
});

describe('rounds (C-3 … C-5)', () => {
  it('C-5: announced exactly 60 CD before the deadline day is accepted; the announcement is public; round-announced goes to the outbox', async () => {
    const res = await announce();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      ruleSetId: TEST_SET,
      announcedOn: '2026-11-16',
      applicationDeadline: '2027-01-15T13:00:00.000Z',
      acceptingApplications: true,
    });
    const id = json<{ id: string }>(res).id;
    expect((await h.http().get(`/rounds/${id}`)).status).toBe(200); // no token
    expect(json<{ id: string }[]>(await h.http().get('/rounds')).map((r) => r.id)).toContain(id);
    expect(await h.sql(`select event_type, message_key from hub_outbox where envelope->>'aggregateId' = ?`, [id])).toEqual([
      { event_type: 'clusters.round-announced', message_key: id },
    ]);
  });

  it('C-5: 59 CD before the deadline is refused with 422 naming the rule and the field', async () => {
    const res = await announce({ applicationDeadline: '2027-01-14T23:59:59+05:00' });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('C-5');
    expect(JSON.stringify(res.body)).toContain('applicationDeadline');
  });

  it('only the organiser announces; bad input is 400 naming the field', async () => {
    const applicant = await h.token(['applicant'], [newBin()]);
    expect((await h.http().post('/rounds').set(auth(applicant)).send({ ruleSetId: TEST_SET, title: 'x', applicationDeadline: DEADLINE })).status).toBe(403);
    const bad = await h
      .http()
      .post('/rounds')
      .set(auth(await organiser()))
      .send({ ruleSetId: TEST_SET, title: 'Round', applicationDeadline: '15.01.2027' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('applicationDeadline');
  });
});

describe('applications (C-6 … C-12)', () => {
  let roundId: string;
  beforeAll(async () => {
    h.clock.set(NOW);
    roundId = json<{ id: string }>(await announce({ title: 'Round for applications' })).id;
  });

  it('files an application: the aggregate, application-filed and the C-12 timer (5 WD → 23 Nov 2026) commit together', async () => {
    const bin = newBin();
    const res = await file(roundId, bin);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ bin, roundId, status: 'filed', revision: 1, filedOn: '2026-11-16', complianceDueOn: '2026-11-23' });
    const id = json<{ id: string }>(res).id;
    expect(await h.sql(`select event_type, message_key from hub_outbox where envelope->>'aggregateId' = ?`, [id])).toEqual([
      { event_type: 'clusters.application-filed', message_key: bin },
    ]);
    expect(
      await h.sql(
        `select status, to_char(due_at at time zone 'Asia/Almaty', 'YYYY-MM-DD HH24:MI:SS') as due from hub_timer where kind = 'clusters.compliance-check-due' and timer_key = ?`,
        [id],
      ),
    ).toEqual([
      { status: 'scheduled', due: '2026-11-23 23:59:59' }, // the end of the 5th working day in Almaty
    ]);
  });

  it('C-7: a member with an invalid BIN is 422 naming the member field; nothing is stored', async () => {
    const bin = newBin();
    const content = anApplicationContent({
      memberConsents: [{ memberId: '123456789012', idKind: 'bin', memberName: 'Nobody LLP', consentDocumentRef: 'doc-x' }],
    });
    const res = await file(roundId, bin, content);
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('memberConsents.0.memberId');
    expect(await count(`clusters_application where bin = ?`, [bin])).toBe(0);
  });

  it('C-10: a document index with a gap is 422 naming the entry', async () => {
    const content = anApplicationContent({
      documentIndex: [
        { number: 1, title: 'Annex 1', documentRef: 'a' },
        { number: 3, title: 'Annex 3', documentRef: 'c' },
      ],
    });
    const res = await file(roundId, newBin(), content);
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('documentIndex.1.number');
  });

  it('bad input (missing Annex 3 field) is 400 naming the field', async () => {
    const content = anApplicationContent();
    const { goals: _omit, ...information } = content.information;
    const res = await file(roundId, newBin(), { ...content, information });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('goals');
  });

  it('F-35 / C-2: filing for another company is 403; a participant sees only its own applications, the organiser all', async () => {
    const mine = newBin();
    const theirs = newBin();
    const theirsApp = json<{ id: string }>(await file(roundId, theirs)).id;
    const myApp = json<{ id: string }>(await file(roundId, mine)).id;
    const me = await h.token(['applicant'], [mine]);
    expect(
      (
        await h
          .http()
          .post('/applications')
          .set(auth(me))
          .send({ roundId, bin: theirs, ...anApplicationContent() })
      ).status,
    ).toBe(403);
    expect((await h.http().get(`/applications/${theirsApp}`).set(auth(me))).status).toBe(404);
    const listed = json<{ id: string; bin: string }[]>(await h.http().get(`/applications?roundId=${roundId}`).set(auth(me)));
    expect(listed.map((a) => a.id)).toEqual([myApp]);
    expect(json<unknown[]>(await h.http().get(`/applications?bin=${theirs}`).set(auth(me)))).toEqual([]);
    const all = json<{ id: string }[]>(
      await h
        .http()
        .get(`/applications?roundId=${roundId}`)
        .set(auth(await organiser())),
    );
    expect(all.map((a) => a.id)).toEqual(expect.arrayContaining([myApp, theirsApp]));
    const expert = await h.token(['cluster-expert']);
    // C-13: the institute's experts see only the applications sent to the institute — none of these.
    const seen = json<{ id: string }[]>(await h.http().get(`/applications?roundId=${roundId}`).set(auth(expert)));
    expect(seen).toEqual([]);
    expect((await h.http().get(`/applications/${myApp}`).set(auth(expert))).status).toBe(404);
  });

  it('one live application per participant and round: a second filing is 409 (C-9: change it instead)', async () => {
    const bin = newBin();
    expect((await file(roundId, bin)).status).toBe(201);
    expect((await file(roundId, bin)).status).toBe(409);
  });

  it('race: two filings of one company at once — one 201, the other 409, one row', async () => {
    const bin = newBin();
    const results = await Promise.all([file(roundId, bin), file(roundId, bin)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await count(`clusters_application where bin = ?`, [bin])).toBe(1);
    expect(await count(`hub_outbox where event_type = 'clusters.application-filed' and envelope->'payload'->>'bin' = ?`, [bin])).toBe(1);
  });

  it('race: a change and a withdrawal of one application at once — never both (optimistic lock, 409 or 422 for the loser)', async () => {
    const bin = newBin();
    const id = json<{ id: string }>(await file(roundId, bin)).id;
    const token = await h.token(['applicant'], [bin]);
    const [change, withdraw] = await Promise.all([
      h.http().post(`/applications/${id}/revisions`).set(auth(token)).send(anApplicationContent()),
      h.http().post(`/applications/${id}/withdrawal`).set(auth(token)).send({}),
    ]);
    const [row] = await h.sql<{ revision: number; status: string }>(`select revision, status from clusters_application where id = ?`, [id]);
    if (withdraw.status === 200 && change.status === 200) {
      // serialised: the change came first, then the withdrawal
      expect(row).toEqual({ revision: 2, status: 'withdrawn' });
    } else if (withdraw.status === 200) {
      expect([409, 422]).toContain(change.status);
      expect(row).toEqual({ revision: 1, status: 'withdrawn' });
    } else {
      expect(change.status).toBe(200);
      expect(withdraw.status).toBe(409);
      expect(row).toEqual({ revision: 2, status: 'filed' });
    }
  });

  it('C-9: a change before the deadline is a new revision, the earlier kept; a withdrawal cancels the C-12 timer and is published', async () => {
    const bin = newBin();
    const id = json<{ id: string }>(await file(roundId, bin)).id;
    const token = await h.token(['applicant'], [bin]);
    const changed = anApplicationContent();
    changed.form.clusterName = 'Shymkent textile and apparel cluster';
    const res = await h.http().post(`/applications/${id}/revisions`).set(auth(token)).send(changed);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ revision: 2, content: { form: { clusterName: 'Shymkent textile and apparel cluster' } } });
    const [row] = await h.sql<{ revisions: { revision: number }[] }>(`select revisions from clusters_application where id = ?`, [id]);
    expect(row?.revisions.map((r) => r.revision)).toEqual([1, 2]);
    const withdrawn = await h.http().post(`/applications/${id}/withdrawal`).set(auth(token)).send({});
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn' });
    expect(await h.sql(`select status from hub_timer where kind = 'clusters.compliance-check-due' and timer_key = ?`, [id])).toEqual([{ status: 'cancelled' }]);
    expect(await count(`hub_outbox where envelope->>'aggregateId' = ? and event_type = 'clusters.application-withdrawn'`, [id])).toBe(1);
  });

  it('C-12: the organiser returns a non-compliant application with a written notice naming what is wrong; it leaves the deadlines board', async () => {
    const bin = newBin();
    const id = json<{ id: string }>(await file(roundId, bin)).id;
    const board = json<{ items: { subjectId: string; ruleId: string; dueDate: string; overdue: boolean }[] }>(
      await h
        .http()
        .get('/deadlines')
        .set(auth(await organiser())),
    ).items;
    expect(board.find((d) => d.subjectId === id)).toMatchObject({ ruleId: 'C-12', dueDate: '2026-11-23', overdue: false });
    const empty = await h
      .http()
      .post(`/applications/${id}/compliance`)
      .set(auth(await organiser()))
      .send({ compliant: false, deficiencies: [] });
    expect(empty.status).toBe(400);
    const res = await h
      .http()
      .post(`/applications/${id}/compliance`)
      .set(auth(await organiser()))
      .send({ compliant: false, deficiencies: [{ field: 'information.importance.export', reason: 'Export figures for only one of the five years' }] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'returned',
      returnNotice: { deficiencies: [{ field: 'information.importance.export' }], returnedBy: 'organiser-1' },
    });
    expect(await count(`hub_outbox where envelope->>'aggregateId' = ? and event_type = 'clusters.application-returned'`, [id])).toBe(1);
    const after = json<{ items: { subjectId: string }[] }>(
      await h
        .http()
        .get('/deadlines')
        .set(auth(await organiser())),
    ).items;
    expect(after.map((d) => d.subjectId)).not.toContain(id);
    // the participant reads its returned application with the notice
    const own = await h
      .http()
      .get(`/applications/${id}`)
      .set(auth(await h.token(['applicant'], [bin])));
    expect(own.body).toMatchObject({ status: 'returned' });
    // checked once: a second check is 409
    expect(
      (
        await h
          .http()
          .post(`/applications/${id}/compliance`)
          .set(auth(await organiser()))
          .send({ compliant: true })
      ).status,
    ).toBe(409);
  });

  it('C-12 timer: an application unchecked at the end of its 5th working day is overdue on the board', async () => {
    const bin = newBin();
    const id = json<{ id: string }>(await file(roundId, bin)).id;
    h.clock.set('2026-11-23T18:59:59.000Z'); // 23:59:59 on 23 Nov in Almaty: not yet
    await poller(h).runDue();
    expect(
      json<{ complianceOverdue: boolean }>(
        await h
          .http()
          .get(`/applications/${id}`)
          .set(auth(await organiser())),
      ).complianceOverdue,
    ).toBe(false);
    h.clock.set('2026-11-23T19:00:01Z');
    await poller(h).runDue();
    expect(
      json<{ complianceOverdue: boolean }>(
        await h
          .http()
          .get(`/applications/${id}`)
          .set(auth(await organiser())),
      ).complianceOverdue,
    ).toBe(true);
    const board = json<{ items: { subjectId: string; overdue: boolean }[] }>(
      await h
        .http()
        .get('/deadlines')
        .set(auth(await organiser())),
    ).items;
    expect(board.find((d) => d.subjectId === id)?.overdue).toBe(true);
    h.clock.set(NOW);
  });
});

describe('C-9, C-11 at the exact deadline instant', () => {
  let roundId: string;
  let earlyId: string;
  let earlyBin: string;
  beforeAll(async () => {
    h.clock.set(NOW);
    roundId = json<{ id: string }>(await announce({ title: 'Round for the deadline' })).id;
    earlyBin = newBin();
    earlyId = json<{ id: string }>(await file(roundId, earlyBin)).id;
  });

  it('one millisecond before the deadline a filing is accepted', async () => {
    h.clock.set('2027-01-15T12:59:59.999Z');
    expect((await file(roundId, newBin())).status).toBe(201);
    h.clock.set(NOW);
  });

  it('at the deadline instant a filing is refused (C-11) and nothing is stored; a change and a withdrawal are refused (C-9)', async () => {
    h.clock.set('2027-01-15T13:00:00.000Z'); // 18:00 in Almaty
    const bin = newBin();
    const late = await file(roundId, bin);
    expect(late.status).toBe(422);
    expect(JSON.stringify(late.body)).toContain('C-11');
    expect(await count(`clusters_application where bin = ?`, [bin])).toBe(0);
    expect(await count(`hub_outbox where envelope->'payload'->>'bin' = ?`, [bin])).toBe(0);
    const token = await h.token(['applicant'], [earlyBin]);
    const change = await h.http().post(`/applications/${earlyId}/revisions`).set(auth(token)).send(anApplicationContent());
    expect(change.status).toBe(422);
    expect(JSON.stringify(change.body)).toContain('C-9');
    const withdraw = await h.http().post(`/applications/${earlyId}/withdrawal`).set(auth(token)).send({});
    expect(withdraw.status).toBe(422);
    const [row] = await h.sql<{ revision: number; status: string }>(`select revision, status from clusters_application where id = ?`, [earlyId]);
    expect(row).toEqual({ revision: 1, status: 'filed' });
    expect(json<{ acceptingApplications: boolean }>(await h.http().get(`/rounds/${roundId}`)).acceptingApplications).toBe(false);
    h.clock.set(NOW);
  });
});
