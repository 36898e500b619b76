import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, TEST_SET, anApplicationContent, anExpertOpinion, auth, json, newBin, poller, startHarness } from '../support/clusters-harness.js';

/**
 * A round from announcement to published results (C-3 … C-21): three participants — one returned
 * under C-12, one withdrawn (C-9), one found compliant, sent to the national institute (C-13),
 * given its opinion and compared (C-14 … C-16), the opinions handed to the organiser (C-17) and put
 * before the Commission (C-18), decided a winner by the Commission (C-19, C-20), the results
 * published within 3 WD (C-21).
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
const expert = () => h.token(['cluster-expert'], [], 'expert-1');

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

  it('C-13 … C-18: the compliant application goes to the institute, is given its opinion and compared; the opinions reach the organiser and the Commission', async () => {
    const sent = await h
      .http()
      .post(`/applications/${ids.winner}/institute-transfer`)
      .set(auth(await organiser()))
      .send({ documentRef: 'letter-to-institute-1' });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: 'compliant', instituteDueOn: '2026-11-26' });
    h.clock.set('2027-01-18T05:00:00Z'); // Monday 18 January 2027, after the deadline
    const opinion = await h
      .http()
      .post(`/applications/${ids.winner}/expert-opinion`)
      .set(auth(await expert()))
      .send(anExpertOpinion());
    expect(opinion.status).toBe(200);
    const compared = await h
      .http()
      .post(`/rounds/${roundId}/comparative-assessment`)
      .set(auth(await expert()))
      .send({ summary: 'The only application before the institute', ranking: [{ applicationId: ids.winner, rank: 1 }] });
    expect(compared.status).toBe(200);
    h.clock.set('2027-01-19T05:00:00Z');
    const atOrganiser = await h
      .http()
      .post(`/rounds/${roundId}/opinions-to-organiser`)
      .set(auth(await expert()))
      .send({ documentRef: 'letter-to-organiser-1' });
    expect(atOrganiser.status).toBe(200);
    expect(atOrganiser.body).toMatchObject({ toCommissionDueOn: '2027-01-22' });
  });

  it('C-18: the Commission cannot decide before the opinions reach it', async () => {
    h.clock.set('2027-01-20T05:00:00Z'); // Wednesday 20 January 2027, 10:00 Almaty
    const res = await h
      .http()
      .post(`/rounds/${roundId}/protocol`)
      .set(auth(await secretary()))
      .send({ number: 'P-1', decidedOn: '2027-01-20', documentRef: 'doc-protocol-1', winnerApplicationIds: [ids.winner] });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'rule.C-18' });
    expect(
      (
        await h
          .http()
          .post(`/rounds/${roundId}/opinions-to-commission`)
          .set(auth(await organiser()))
          .send({ documentRef: 'letter-to-commission-1' })
      ).status,
    ).toBe(200);
  });

  it('only a compliant application of the round with its opinion can win; the results are not public before publication', async () => {
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

  it('C-19: the organiser forms the Commission; its three members vote on the application before it', async () => {
    const formed = await h
      .http()
      .post(`/rounds/${roundId}/commission`)
      .set(auth(await organiser()))
      .send({
        decisionRef: 'order-commission-1',
        members: ['member-1', 'member-2', 'member-3'].map((subject, i) => ({
          subject,
          fullName: `Member ${i + 1}`,
          organisation: 'Ministry of Industry',
          body: 'state-body',
        })),
      });
    expect(formed.status).toBe(200);
    for (const m of ['member-1', 'member-2', 'member-3'])
      expect(
        (
          await h
            .http()
            .post(`/rounds/${roundId}/votes`)
            .set(auth(await h.token(['cluster-commission-member'], [], m)))
            .send({ applicationId: ids.winner, choice: m === 'member-3' ? 'abstain' : 'for' })
        ).status,
      ).toBe(201);
  });

  it('C-20, C-21: the protocol is recorded; publication is due in 3 WD (25 Jan 2027) on the board; publishing makes the results public', async () => {
    const res = await h
      .http()
      .post(`/rounds/${roundId}/protocol`)
      .set(auth(await secretary()))
      .send({ number: 'P-1', decidedOn: '2027-01-20', documentRef: 'doc-protocol-1', winnerApplicationIds: [ids.winner] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'winners-decided' });
    const board = json<{ items: { kind: string; ruleId: string; subjectId: string; dueDate: string; overdue: boolean }[] }>(
      await h
        .http()
        .get('/deadlines')
        .set(auth(await organiser())),
    ).items;
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
      { event_type: 'clusters.comparative-assessment-given', message_key: roundId },
      { event_type: 'clusters.opinions-forwarded', message_key: roundId },
      // issue #16, ADR 0138 §1: the Commission's agenda, in the transaction of each change to it — putting the opinions
      // before it (C-18; written before the hand-over's own event), forming it (C-2), the votes (C-19), the protocol (C-20)
      { event_type: 'clusters.commission-agenda-changed', message_key: roundId },
      { event_type: 'clusters.opinions-forwarded', message_key: roundId },
      ...Array.from({ length: 5 }, () => ({ event_type: 'clusters.commission-agenda-changed', message_key: roundId })),
      { event_type: 'clusters.results-published', message_key: roundId },
    ]);
    expect(await h.sql(`select event_type from hub_outbox where envelope->>'aggregateId' = ? order by position`, [ids.winner])).toEqual([
      { event_type: 'clusters.application-filed' },
      { event_type: 'clusters.application-sent-to-institute' },
      { event_type: 'clusters.opinion-given' },
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
    const board = json<{ items: { subjectId: string; overdue: boolean }[] }>(
      await h
        .http()
        .get('/deadlines')
        .set(auth(await organiser())),
    ).items;
    expect(board.find((d) => d.subjectId === roundId)?.overdue).toBe(true);
    const [row] = await h.sql<{ publication_overdue: boolean }>(`select publication_overdue from clusters_round where id = ?`, [roundId]);
    expect(row?.publication_overdue).toBe(true);
  });
});
