import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrainingCommissionAgendaChangedV1 } from '@hub/contracts';
import { type Harness, auth, startHarness } from '../support/training-harness.js';
import { announceIntake, appoint, completeApplication, memberToken, presented } from '../support/training-fixtures.js';

/**
 * Issue #16, ADR 0138 §1: every command that changes an intake's Commission agenda writes the agenda as it
 * now stands to the outbox in its own transaction (training.commission-agenda-changed v1, keyed by the
 * intake id): appointment, declaration (F-69), an application found complete, a vote (F-72), the decision.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('training_agenda', { env: { TRAINING_REGISTERS: 'development' } });
});
afterAll(async () => {
  await h?.close();
});

type Snapshot = {
  intakeId: string;
  members: string[];
  items: { applicationId: string; dueOn: string | null; awaiting: string[] }[];
  closed: boolean;
  asOf: string;
};
const snapshots = async (intakeId: string) => {
  const rows = await h.sql<{ message_key: string; envelope: { payload: Snapshot } }>(
    `select message_key, envelope from hub_outbox where event_type = 'training.commission-agenda-changed' and envelope->>'aggregateId' = ? order by position`,
    [intakeId],
  );
  for (const r of rows) {
    expect(r.message_key).toBe(intakeId);
    TrainingCommissionAgendaChangedV1.payload.parse(r.envelope.payload); // the contract's shape
  }
  return rows.map((r) => r.envelope.payload);
};
const vote = async (subject: string, applicationId: string) =>
  h
    .http()
    .post(`/provider-applications/${applicationId}/votes`)
    .set(auth(await memberToken(h, subject)))
    .send({ choice: 'admit', score: 80, reason: 'a sound presentation' });
const declare = async (intakeId: string, subject: string, conflictingBins: string[] = []) =>
  h
    .http()
    .post(`/intakes/${intakeId}/commission/declaration`)
    .set(auth(await memberToken(h, subject)))
    .send({ hasConflict: conflictingBins.length > 0, conflictingBins, statement: 'I declare my interests' });

describe('training.commission-agenda-changed v1 (issue #16, ADR 0138 §1; F-69, F-72, F-35)', () => {
  it('each change writes one snapshot in its transaction: members, per complete application the declared, unconflicted members who have not voted; closed by the decision; no BIN', async () => {
    const intakeId = await announceIntake(h);
    const X = await completeApplication(h, intakeId);
    // an application found complete before any member: an item awaiting nobody
    expect((await snapshots(intakeId)).map((s) => [s.members, s.items])).toEqual([[[], [{ applicationId: X.id, dueOn: null, awaiting: [] }]]]);

    const tag = `${Date.now()}`;
    const [fund, ict, intl] = [`fund-${tag}`, `ict-${tag}`, `intl-${tag}`];
    for (const [s, a] of [
      [fund, 'fund'],
      [ict, 'ict-specialist'],
      [intl, 'international-expert'],
    ] as const)
      expect((await appoint(h, intakeId, s, a)).status).toBe(201);
    let all = await snapshots(intakeId);
    expect(all).toHaveLength(4);
    // F-69: an appointed member who has not declared awaits nothing
    expect(all.at(-1)).toMatchObject({ intakeId, members: [fund, ict, intl], items: [{ applicationId: X.id, awaiting: [] }], closed: false });

    const Y = await completeApplication(h, intakeId); // F-69: a second application comes before the Commission
    expect((await declare(intakeId, fund)).status).toBe(200);
    expect((await declare(intakeId, intl)).status).toBe(200);
    expect((await declare(intakeId, ict, [Y.bin])).status).toBe(200); // F-69: conflicted with Y
    all = await snapshots(intakeId);
    expect(all).toHaveLength(8);
    expect(all.at(-1)!.items).toEqual([
      { applicationId: X.id, dueOn: null, awaiting: [fund, ict, intl] },
      { applicationId: Y.id, dueOn: null, awaiting: [fund, intl] }, // F-69: ict is not awaited on Y
    ]);

    await presented(h, [X.id, Y.id]);
    expect((await vote(fund, X.id)).status).toBe(201);
    all = await snapshots(intakeId);
    expect(all).toHaveLength(9);
    expect(all.at(-1)!.items.map((i) => i.awaiting)).toEqual([
      [ict, intl],
      [fund, intl],
    ]); // F-72: fund voted on X
    for (const [s, a] of [
      [ict, X.id],
      [intl, X.id],
      [fund, Y.id],
      [intl, Y.id],
    ] as const)
      expect((await vote(s, a)).status).toBe(201);
    expect((await snapshots(intakeId)).at(-1)!.items.map((i) => i.awaiting)).toEqual([[], []]);

    const decided = await h
      .http()
      .post(`/intakes/${intakeId}/commission/decision`)
      .set(auth(await h.token(['commission-secretary'])))
      .send({ budget: 20 });
    expect(decided.status).toBe(201);
    all = await snapshots(intakeId);
    expect(all).toHaveLength(14);
    expect(all.at(-1)).toMatchObject({ intakeId, members: [fund, ict, intl], items: [], closed: true }); // F-72: decided, closed
    // a consumer keeps the newest: asOf never goes back
    expect(all.map((s) => s.asOf)).toEqual([...all.map((s) => s.asOf)].sort((a, b) => Date.parse(a) - Date.parse(b)));
    // F-35: no applicant's BIN anywhere in what was published
    const published = JSON.stringify(
      await h.sql(`select envelope from hub_outbox where event_type = 'training.commission-agenda-changed' and message_key = ?`, [intakeId]),
    );
    expect(published).not.toContain(X.bin);
    expect(published).not.toContain(Y.bin);
  });

  it('a refused command (a duplicate appointment, an undeclared member’s vote) writes no snapshot: it rolls back with it', async () => {
    const intakeId = await announceIntake(h);
    const X = await completeApplication(h, intakeId);
    const m = `solo-${Date.now()}`;
    expect((await appoint(h, intakeId, m, 'fund')).status).toBe(201);
    expect((await appoint(h, intakeId, m, 'fund')).status).toBe(409); // duplicate: rolled back with its snapshot
    expect((await vote(m, X.id)).status).toBe(409); // F-69: not declared
    expect(await snapshots(intakeId)).toHaveLength(2);
  });
});
