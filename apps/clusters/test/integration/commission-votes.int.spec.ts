import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClustersCommissionAgendaChangedV1 } from '@hub/contracts';
import { type Harness, TEST_SET, anApplicationContent, anExpertOpinion, auth, json, newBin, startHarness } from '../support/clusters-harness.js';

/**
 * C-19, C-20 (ADR 0083): the members of the round's Commission vote, one vote each per application
 * (a unique key; a second vote is 409); the secretary's protocol follows the votes — quorum two
 * thirds of the composition, a winner with more than half of the votes cast — and lists them.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('clusters_votes'); // Monday 16 November 2026, 09:00 Almaty
});
afterAll(async () => {
  await h?.close();
});

const organiser = () => h.token(['cluster-organiser'], [], 'organiser-1');
const secretary = () => h.token(['cluster-commission-secretary'], [], 'secretary-1');
const expert = () => h.token(['cluster-expert'], [], 'expert-1');
const member = (m: string) => h.token(['cluster-commission-member'], [], m);
const MEMBERS = ['member-a', 'member-b', 'member-c', 'member-d'];
const composition = (subjects = MEMBERS) => ({
  decisionRef: 'order-commission-7',
  members: subjects.map((subject, i) => ({
    subject,
    fullName: `Member ${subject}`,
    organisation: i === 3 ? 'NCE Atameken' : 'Ministry of Industry',
    body: i === 3 ? 'atameken' : 'state-body',
  })),
});

describe('the Commission votes and decides (C-19, C-20)', () => {
  const bins = { strong: newBin(), weak: newBin() };
  const ids = { strong: '', weak: '' };
  let roundId: string;
  const vote = async (m: string, applicationId: string, choice: string) =>
    h
      .http()
      .post(`/rounds/${roundId}/votes`)
      .set(auth(await member(m)))
      .send({ applicationId, choice, comment: `${m}: ${choice}` });

  it('two compliant applications go through the expert stage (C-12 … C-17)', async () => {
    roundId = json<{ id: string }>(
      await h
        .http()
        .post('/rounds')
        .set(auth(await organiser()))
        .send({ ruleSetId: TEST_SET, title: 'Cluster selection with votes', applicationDeadline: '2027-01-15T18:00:00+05:00' }),
    ).id;
    for (const key of ['strong', 'weak'] as const) {
      const content = anApplicationContent();
      content.form.clusterName = `Cluster ${key}`;
      const filed = await h
        .http()
        .post('/applications')
        .set(auth(await h.token(['applicant'], [bins[key]])))
        .send({ roundId, bin: bins[key], ...content });
      expect(filed.status).toBe(201);
      ids[key] = json<{ id: string }>(filed).id;
      for (const [path, body] of [
        ['compliance', { compliant: true }],
        ['institute-transfer', { documentRef: `letter-${key}` }],
      ] as const)
        expect(
          (
            await h
              .http()
              .post(`/applications/${ids[key]}/${path}`)
              .set(auth(await organiser()))
              .send(body)
          ).status,
        ).toBe(200);
    }
    h.clock.set('2027-01-18T05:00:00Z');
    for (const key of ['strong', 'weak'] as const)
      expect(
        (
          await h
            .http()
            .post(`/applications/${ids[key]}/expert-opinion`)
            .set(auth(await expert()))
            .send(anExpertOpinion())
        ).status,
      ).toBe(200);
    expect(
      (
        await h
          .http()
          .post(`/rounds/${roundId}/comparative-assessment`)
          .set(auth(await expert()))
          .send({
            summary: 'Strong ahead of weak',
            ranking: [
              { applicationId: ids.strong, rank: 1 },
              { applicationId: ids.weak, rank: 2 },
            ],
          })
      ).status,
    ).toBe(200);
    expect(
      (
        await h
          .http()
          .post(`/rounds/${roundId}/opinions-to-organiser`)
          .set(auth(await expert()))
          .send({ documentRef: 'letter-to-organiser' })
      ).status,
    ).toBe(200);
  });

  it('C-2, C-19: the organiser forms the Commission (at least 3 members, 422 otherwise); nobody votes before the opinions are before it (C-18)', async () => {
    const tooSmall = await h
      .http()
      .post(`/rounds/${roundId}/commission`)
      .set(auth(await organiser()))
      .send(composition(['member-a', 'member-b']));
    expect(tooSmall.status).toBe(422);
    expect(tooSmall.body).toMatchObject({ code: 'rule.C-19' });
    const bySecretary = await h
      .http()
      .post(`/rounds/${roundId}/commission`)
      .set(auth(await secretary()))
      .send(composition());
    expect(bySecretary.status).toBe(403);
    const formed = await h
      .http()
      .post(`/rounds/${roundId}/commission`)
      .set(auth(await organiser()))
      .send(composition());
    expect(formed.status).toBe(200);
    expect(formed.body).toMatchObject({ quorum: 3, beforeCommission: false, composition: { decisionRef: 'order-commission-7' } });
    expect((await vote('member-a', ids.strong, 'for')).status).toBe(409); // C-18: not yet before the Commission
    expect(await h.sql(`select count(*)::int as n from clusters_commission_vote`)).toEqual([{ n: 0 }]);
    expect(
      (
        await h
          .http()
          .post(`/rounds/${roundId}/opinions-to-commission`)
          .set(auth(await organiser()))
          .send({ documentRef: 'letter-to-commission' })
      ).status,
    ).toBe(200);
  });

  it('C-19: only a member of the round’s Commission votes, once per application (409 on a second, also when two race)', async () => {
    const outsider = await vote('member-z', ids.strong, 'for');
    expect(outsider.status).toBe(422);
    expect(outsider.body).toMatchObject({ code: 'rule.C-19' });
    expect((await vote('member-a', ids.strong, 'for')).status).toBe(201);
    const again = await vote('member-a', ids.strong, 'against');
    expect(again.status).toBe(409);
    // Two requests of one member at once: one is stored, the other is a 409 (the row lock and the unique key).
    // Both say "for", so the later tests' tally does not depend on which of the two won the race.
    const raced = await Promise.all([vote('member-b', ids.strong, 'for'), vote('member-b', ids.strong, 'for')]);
    expect(raced.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await h.sql(`select choice, count(*)::int as n from clusters_commission_vote where member_subject = 'member-b' group by choice`)).toHaveLength(1);
    // The composition cannot be changed once a vote is cast.
    const reform = await h
      .http()
      .post(`/rounds/${roundId}/commission`)
      .set(auth(await organiser()))
      .send(composition([...MEMBERS, 'member-e']));
    expect(reform.status).toBe(409);
  });

  it('C-19: the protocol is refused while an application before the Commission lacks its quorum (3 of 4)', async () => {
    expect((await vote('member-c', ids.strong, 'against')).status).toBe(201); // strong: for, for, against → winner
    expect((await vote('member-a', ids.weak, 'for')).status).toBe(201);
    expect((await vote('member-b', ids.weak, 'against')).status).toBe(201); // weak: 2 votes < quorum 3
    h.clock.set('2027-01-20T05:00:00Z');
    const res = await h
      .http()
      .post(`/rounds/${roundId}/protocol`)
      .set(auth(await secretary()))
      .send({ number: 'P-7', decidedOn: '2027-01-20', documentRef: 'doc-protocol-7' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'rule.C-19' });
    expect(JSON.stringify(res.body)).toContain(ids.weak);
  });

  it('C-20: the secretary cannot record winners other than the votes decided; the protocol follows the votes and lists them', async () => {
    expect((await vote('member-d', ids.weak, 'for')).status).toBe(201);
    expect((await vote('member-c', ids.weak, 'abstain')).status).toBe(201); // weak: 2 "for" of 4 cast → no majority, not a winner
    const wrong = await h
      .http()
      .post(`/rounds/${roundId}/protocol`)
      .set(auth(await secretary()))
      .send({ number: 'P-7', decidedOn: '2027-01-20', documentRef: 'doc-protocol-7', winnerApplicationIds: [ids.strong, ids.weak] });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ code: 'rule.C-20' });
    const res = await h
      .http()
      .post(`/rounds/${roundId}/protocol`)
      .set(auth(await secretary()))
      .send({ number: 'P-7', decidedOn: '2027-01-20', documentRef: 'doc-protocol-7' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'winners-decided' });
    const view = json<{
      tallies: { applicationId: string; for: number; against: number; abstain: number; winner: boolean; votes: unknown[] }[];
      protocol: unknown;
    }>(
      await h
        .http()
        .get(`/rounds/${roundId}/commission`)
        .set(auth(await member('member-a'))),
    );
    expect(view.protocol).toMatchObject({ number: 'P-7', recordedBy: 'secretary-1', winners: [{ applicationId: ids.strong, clusterName: 'Cluster strong' }] });
    expect(view.tallies.find((t) => t.applicationId === ids.strong)).toMatchObject({ for: 2, against: 1, abstain: 0, winner: true });
    expect(view.tallies.find((t) => t.applicationId === ids.weak)).toMatchObject({ for: 2, against: 1, abstain: 1, winner: false });
    expect(view.tallies.find((t) => t.applicationId === ids.weak)?.votes).toHaveLength(4);
    // Stored on the protocol itself (C-20), not only derived from the votes table.
    const [row] = await h.sql<{ votes: number }>(`select jsonb_array_length(protocol->'votes') as votes from clusters_round where id = ?`, [roundId]);
    expect(row?.votes).toBe(2);
    // No vote after the decision.
    expect((await vote('member-d', ids.strong, 'for')).status).toBe(409);
    // The Commission's view is not public nor for participants.
    expect((await h.http().get(`/rounds/${roundId}/commission`)).status).toBe(401);
    expect(
      (
        await h
          .http()
          .get(`/rounds/${roundId}/commission`)
          .set(auth(await h.token(['applicant'], [bins.strong])))
      ).status,
    ).toBe(403);
  });

  it('issue #16, ADR 0138 §1 (C-2, C-18, C-19, C-20): each change of the agenda wrote one clusters.commission-agenda-changed snapshot in its transaction, keyed by the round; refused commands none; no BIN', async () => {
    const rows = await h.sql<{
      message_key: string;
      envelope: { payload: { members: string[]; items: { applicationId: string; dueOn: null; awaiting: string[] }[]; closed: boolean; asOf: string } };
    }>(
      `select message_key, envelope from hub_outbox where event_type = 'clusters.commission-agenda-changed' and envelope->>'aggregateId' = ? order by position`,
      [roundId],
    );
    for (const r of rows) {
      expect(r.message_key).toBe(roundId);
      ClustersCommissionAgendaChangedV1.payload.parse(r.envelope.payload); // the contract's shape
    }
    const state = (p: (typeof rows)[number]['envelope']['payload']) => [p.members, p.items.map((i) => [i.applicationId, i.dueOn, i.awaiting]), p.closed];
    const s = ids.strong;
    const w = ids.weak;
    expect(rows.map((r) => state(r.envelope.payload))).toEqual([
      [MEMBERS, [], false], // C-2, C-19: formed; nothing before it yet (C-18)
      [
        MEMBERS,
        [
          [s, null, MEMBERS],
          [w, null, MEMBERS],
        ],
        false,
      ], // C-18: the opinions put before the Commission
      [
        MEMBERS,
        [
          [s, null, ['member-b', 'member-c', 'member-d']],
          [w, null, MEMBERS],
        ],
        false,
      ], // C-19: member-a voted on strong
      [
        MEMBERS,
        [
          [s, null, ['member-c', 'member-d']],
          [w, null, MEMBERS],
        ],
        false,
      ], // member-b (one of the two racing requests)
      [
        MEMBERS,
        [
          [s, null, ['member-d']],
          [w, null, MEMBERS],
        ],
        false,
      ],
      [
        MEMBERS,
        [
          [s, null, ['member-d']],
          [w, null, ['member-b', 'member-c', 'member-d']],
        ],
        false,
      ],
      [
        MEMBERS,
        [
          [s, null, ['member-d']],
          [w, null, ['member-c', 'member-d']],
        ],
        false,
      ],
      [
        MEMBERS,
        [
          [s, null, ['member-d']],
          [w, null, ['member-c']],
        ],
        false,
      ],
      [
        MEMBERS,
        [
          [s, null, ['member-d']],
          [w, null, []],
        ],
        false,
      ],
      [MEMBERS, [], true], // C-20: the protocol closes it
    ]);
    const asOf = rows.map((r) => Date.parse(r.envelope.payload.asOf));
    expect(asOf).toEqual([...asOf].sort((a, b) => a - b));
    // F-35: application ids only
    expect(JSON.stringify(rows)).not.toContain(bins.strong);
    expect(JSON.stringify(rows)).not.toContain(bins.weak);
  });
});
