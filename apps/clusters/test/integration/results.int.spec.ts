import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, TEST_SET, anApplicationContent, auth, json, newBin, poller, startHarness } from '../support/clusters-harness.js';

/**
 * A round from announcement to published results (C-3 … C-21, the expert stage C-13 … C-18 not yet
 * built): three participants — one returned under C-12, one withdrawn (C-9), one found compliant
 * and decided a winner by the Commission (C-19, C-20), the results published within 3 WD (C-21).
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('clusters_results'); // Monday 16 November 2026, 09:00 Almaty
});
afterAll(async () => {
  await h?.close();
});

const organiser = () => h.token(['cluster-organiser'], [], 'organiser-1');
const secretary = () => h.token(['cluster-commission-secretary'], [], 'secretary-1');

describe('a round from announcement to published results', () => {
  const bins = { returned: newBin(), withdrawn: newBin(), winner: newBin() };
  const ids: Record<keyof typeof bins, string> = { returned: '', withdrawn: '', winner: '' };
  let roundId: string;

  it('announce; three participants file before the deadline; one withdraws, one is returned, one is compliant', async () => {
    const round = await h
      .http()
      .post('/rounds')
      .set(auth(await organiser()))
      .send({ ruleSetId: TEST_SET, title: 'Cluster selection 2027', applicationDeadline: '2027-01-15T18:00:00+05:00' });
    expect(round.status).toBe(201);
    roundId = json<{ id: string }>(round).id;
    for (const key of Object.keys(bins) as (keyof typeof bins)[]) {
      const bin = bins[key];
      const content = anApplicationContent();
      content.form.clusterName = `Cluster of ${key}`;
      const res = await h
        .http()
        .post('/applications')
        .set(auth(await h.token(['applicant'], [bin])))
        .send({ roundId, bin, ...content });
      expect(res.status).toBe(201);
      ids[key] = json<{ id: string }>(res).id;
    }
    expect(
      (
        await h
          .http()
          .post(`/applications/${ids.withdrawn}/withdrawal`)
          .set(auth(await h.token(['applicant'], [bins.withdrawn])))
      ).status,
    ).toBe(200);
    const returned = await h
      .http()
      .post(`/applications/${ids.returned}/compliance`)
      .set(auth(await organiser()))
      .send({ compliant: false, deficiencies: [{ field: 'memberConsents', reason: 'The consent of a key member is missing' }] });
    expect(returned.status).toBe(200);
    const compliant = await h
      .http()
      .post(`/applications/${ids.winner}/compliance`)
      .set(auth(await organiser()))
      .send({ compliant: true });
    expect(compliant.body).toMatchObject({ status: 'compliant' });
  });

  it('C-19: the Commission cannot decide before the deadline', async () => {
    const res = await h
      .http()
      .post(`/rounds/${roundId}/protocol`)
      .set(auth(await secretary()))
      .send({ number: 'P-1', decidedOn: '2026-11-16', documentRef: 'doc-protocol-1', winnerApplicationIds: [ids.winner] });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('C-19');
  });

  it('only a compliant application of the round can win; the results are not public before publication', async () => {
    h.clock.set('2027-01-20T05:00:00Z'); // Wednesday 20 January 2027, 10:00 Almaty
    const res = await h
      .http()
      .post(`/rounds/${roundId}/protocol`)
      .set(auth(await secretary()))
      .send({ number: 'P-1', decidedOn: '2027-01-20', documentRef: 'doc-protocol-1', winnerApplicationIds: [ids.winner, ids.returned] });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('winnerApplicationIds.1');
    expect((await h.http().get(`/rounds/${roundId}/results`)).status).toBe(404);
    const organiserTry = await h
      .http()
      .post(`/rounds/${roundId}/protocol`)
      .set(auth(await organiser()))
      .send({ number: 'P-1', decidedOn: '2027-01-20', documentRef: 'doc-protocol-1', winnerApplicationIds: [ids.winner] });
    expect(organiserTry.status).toBe(403);
  });

  it('C-20, C-21: the protocol is recorded; publication is due in 3 WD (25 Jan 2027) on the board; publishing makes the results public', async () => {
    const res = await h
      .http()
      .post(`/rounds/${roundId}/protocol`)
      .set(auth(await secretary()))
      .send({ number: 'P-1', decidedOn: '2027-01-20', documentRef: 'doc-protocol-1', winnerApplicationIds: [ids.winner] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'winners-decided' });
    const board = json<{ kind: string; ruleId: string; subjectId: string; dueDate: string; overdue: boolean }[]>(
      await h
        .http()
        .get('/deadlines')
        .set(auth(await organiser())),
    );
    expect(board.find((d) => d.subjectId === roundId)).toMatchObject({ kind: 'results-publication', ruleId: 'C-21', dueDate: '2027-01-25', overdue: false });
    expect(await h.sql(`select status from hub_timer where kind = 'clusters.publication-due' and timer_key = ?`, [roundId])).toEqual([{ status: 'scheduled' }]);

    const published = await h
      .http()
      .post(`/rounds/${roundId}/results`)
      .set(auth(await organiser()));
    expect(published.status).toBe(200);
    const page = await h.http().get(`/rounds/${roundId}/results`); // public
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      protocolNumber: 'P-1',
      decidedOn: '2027-01-20',
      winners: [{ applicationId: ids.winner, bin: bins.winner, clusterName: 'Cluster of winner' }],
    });
    expect(await h.sql(`select event_type, message_key from hub_outbox where envelope->>'aggregateId' = ? order by position`, [roundId])).toEqual([
      { event_type: 'clusters.round-announced', message_key: roundId },
      { event_type: 'clusters.results-published', message_key: roundId },
    ]);
    expect(await h.sql(`select status from hub_timer where kind = 'clusters.publication-due' and timer_key = ?`, [roundId])).toEqual([{ status: 'cancelled' }]);
    expect(
      (
        await h
          .http()
          .post(`/rounds/${roundId}/results`)
          .set(auth(await organiser()))
      ).status,
    ).toBe(409);
  });

  it('C-2: a participant still sees only its own applications', async () => {
    const list = json<{ id: string }[]>(
      await h
        .http()
        .get(`/applications?roundId=${roundId}`)
        .set(auth(await h.token(['applicant'], [bins.returned]))),
    );
    expect(list.map((a) => a.id)).toEqual([ids.returned]);
  });
});

describe('C-21 timer', () => {
  it('a round whose results are unpublished at the end of the 3rd working day is overdue on the board', async () => {
    h.clock.set('2026-11-16T04:00:00Z');
    const round = await h
      .http()
      .post('/rounds')
      .set(auth(await organiser()))
      .send({ ruleSetId: TEST_SET, title: 'Cluster selection without winners', applicationDeadline: '2027-01-15T18:00:00+05:00' });
    const roundId = json<{ id: string }>(round).id;
    h.clock.set('2027-01-20T05:00:00Z');
    expect(
      (
        await h
          .http()
          .post(`/rounds/${roundId}/protocol`)
          .set(auth(await secretary()))
          .send({ number: 'P-2', decidedOn: '2027-01-19', documentRef: 'doc-protocol-2', winnerApplicationIds: [] })
      ).status,
    ).toBe(200);
    h.clock.set('2027-01-25T19:00:01Z'); // after 23:59:59 on 25 January in Almaty
    await poller(h).runDue();
    const board = json<{ subjectId: string; overdue: boolean }[]>(
      await h
        .http()
        .get('/deadlines')
        .set(auth(await organiser())),
    );
    expect(board.find((d) => d.subjectId === roundId)?.overdue).toBe(true);
    const [row] = await h.sql<{ publication_overdue: boolean }>(`select publication_overdue from clusters_round where id = ?`, [roundId]);
    expect(row?.publication_overdue).toBe(true);
  });
});
