import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, TEST_SET, anApplicationContent, anExpertOpinion, auth, json, newBin, startHarness } from '../support/clusters-harness.js';

/**
 * C-9 (ADR 0084): an application can be withdrawn until the deadline whatever the compliance check
 * (C-12) found — compliant (also once sent to the institute, C-13) or returned; after the deadline
 * never. A withdrawn application leaves the institute's review and never reaches the Commission.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('clusters_withdraw'); // Monday 16 November 2026, 09:00 Almaty
});
afterAll(async () => {
  await h?.close();
});

const organiser = () => h.token(['cluster-organiser'], [], 'organiser-1');
const expert = () => h.token(['cluster-expert'], [], 'expert-1');
const applicant = (bin: string) => h.token(['applicant'], [bin]);
const count = async (sql: string, params: unknown[] = []) => Number((await h.sql<{ n: string }>(`select count(*)::text as n from ${sql}`, params))[0]?.n);

describe('C-9: withdrawal after the compliance check (ADR 0084)', () => {
  const bins = { compliant: newBin(), atInstitute: newBin(), returned: newBin(), stays: newBin() };
  const ids: Record<keyof typeof bins, string> = { compliant: '', atInstitute: '', returned: '', stays: '' };
  let roundId: string;
  const withdraw = async (key: keyof typeof bins) =>
    h
      .http()
      .post(`/applications/${ids[key]}/withdrawal`)
      .set(auth(await applicant(bins[key])))
      .send({});
  const organiserPost = async (path: string, body: Record<string, unknown>) =>
    h
      .http()
      .post(path)
      .set(auth(await organiser()))
      .send(body);

  beforeAll(async () => {
    roundId = json<{ id: string }>(
      await organiserPost('/rounds', { ruleSetId: TEST_SET, title: 'Withdrawals after the check', applicationDeadline: '2027-01-15T18:00:00+05:00' }),
    ).id;
    for (const key of Object.keys(bins) as (keyof typeof bins)[]) {
      const res = await h
        .http()
        .post('/applications')
        .set(auth(await applicant(bins[key])))
        .send({ roundId, bin: bins[key], ...anApplicationContent() });
      expect(res.status).toBe(201);
      ids[key] = json<{ id: string }>(res).id;
    }
    for (const key of ['compliant', 'atInstitute', 'stays'] as const)
      expect((await organiserPost(`/applications/${ids[key]}/compliance`, { compliant: true })).status).toBe(200);
    expect(
      (
        await organiserPost(`/applications/${ids.returned}/compliance`, {
          compliant: false,
          deficiencies: [{ field: 'information', reason: 'No export figures' }],
        })
      ).status,
    ).toBe(200);
    for (const key of ['atInstitute', 'stays'] as const)
      expect((await organiserPost(`/applications/${ids[key]}/institute-transfer`, { documentRef: `letter-${key}` })).status).toBe(200);
  });

  it('a compliant application is withdrawn before the deadline: its C-13 timer is cancelled, it leaves the board, application-withdrawn is published', async () => {
    const res = await withdraw('compliant');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'withdrawn' });
    expect(await h.sql(`select status from hub_timer where kind = 'clusters.institute-transfer-due' and timer_key = ?`, [ids.compliant])).toEqual([
      { status: 'cancelled' },
    ]);
    const board = json<{ items: { subjectId: string }[] }>(
      await h
        .http()
        .get('/deadlines')
        .set(auth(await organiser())),
    ).items;
    expect(board.some((d) => d.subjectId === ids.compliant)).toBe(false);
    expect(await count(`hub_outbox where envelope->>'aggregateId' = ? and event_type = 'clusters.application-withdrawn'`, [ids.compliant])).toBe(1);
    // It is not sent to the institute any more (C-13), and a second withdrawal is a conflict.
    expect((await organiserPost(`/applications/${ids.compliant}/institute-transfer`, { documentRef: 'late-letter' })).status).toBe(409);
    expect((await withdraw('compliant')).status).toBe(409);
  });

  it('one already at the institute is withdrawn: no opinion on it, it leaves the expert review', async () => {
    expect((await withdraw('atInstitute')).status).toBe(200);
    const opinion = await h
      .http()
      .post(`/applications/${ids.atInstitute}/expert-opinion`)
      .set(auth(await expert()))
      .send(anExpertOpinion());
    expect(opinion.status).toBe(409);
    const review = json<{ applications: { applicationId: string }[] }>(
      await h
        .http()
        .get(`/rounds/${roundId}/expert-review`)
        .set(auth(await expert())),
    );
    expect(review.applications.map((a) => a.applicationId)).toEqual([ids.stays]);
  });

  it('a returned application is withdrawn, and the participant may file anew before the deadline', async () => {
    expect((await withdraw('returned')).status).toBe(200);
    const again = await h
      .http()
      .post('/applications')
      .set(auth(await applicant(bins.returned)))
      .send({ roundId, bin: bins.returned, ...anApplicationContent() });
    expect(again.status).toBe(201);
  });

  it('after the deadline a compliant application cannot be withdrawn (C-9), nothing changes; the comparison covers those that stayed', async () => {
    h.clock.set('2027-01-15T13:00:00.000Z'); // the deadline instant, 18:00 Almaty
    const late = await withdraw('stays');
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ code: 'rule.C-9' });
    expect(await h.sql(`select status, withdrawn_at from clusters_application where id = ?`, [ids.stays])).toEqual([
      { status: 'compliant', withdrawn_at: null },
    ]);
    h.clock.set('2027-01-18T05:00:00Z');
    // The re-filed application of the returned participant is still unchecked: check and send it first (C-12, C-13).
    const refiled = json<{ id: string }[]>(
      await h
        .http()
        .get(`/applications?roundId=${roundId}&bin=${bins.returned}`)
        .set(auth(await organiser())),
    ).find((a) => a.id !== ids.returned)!.id;
    expect(
      (await organiserPost(`/applications/${refiled}/compliance`, { compliant: false, deficiencies: [{ field: 'form', reason: 'Unsigned' }] })).status,
    ).toBe(200);
    expect(
      (
        await h
          .http()
          .post(`/applications/${ids.stays}/expert-opinion`)
          .set(auth(await expert()))
          .send(anExpertOpinion())
      ).status,
    ).toBe(200);
    // The withdrawn application that had been at the institute does not hold the comparison up (C-14).
    const compared = await h
      .http()
      .post(`/rounds/${roundId}/comparative-assessment`)
      .set(auth(await expert()))
      .send({ summary: 'One application stayed', ranking: [{ applicationId: ids.stays, rank: 1 }] });
    expect(compared.status).toBe(200);
  });
});
