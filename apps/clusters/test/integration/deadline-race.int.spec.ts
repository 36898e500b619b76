import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, TEST_SET, anApplicationContent, auth, json, newBin, startHarness } from '../support/clusters-harness.js';

/**
 * C-9, C-11 (ADR 0081, ADR 0084): changes and filings racing the deadline instant. Requests are in
 * flight when the clock reaches the deadline; each one is either stored whole before the deadline or
 * refused (422) with nothing stored — never a revision without its content, never a filing without
 * its event.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('clusters_deadline_race'); // Monday 16 November 2026, 09:00 Almaty
});
afterAll(async () => {
  await h?.close();
});

const DEADLINE = '2027-01-15T13:00:00.000Z'; // 18:00 in Almaty
const organiser = () => h.token(['cluster-organiser'], [], 'organiser-1');

describe('a change racing the deadline (C-9, C-11)', () => {
  it('changes and filings in flight as the deadline is reached: each stored whole before it, or refused with nothing stored', async () => {
    const roundId = json<{ id: string }>(
      await h
        .http()
        .post('/rounds')
        .set(auth(await organiser()))
        .send({ ruleSetId: TEST_SET, title: 'Race at the deadline', applicationDeadline: '2027-01-15T18:00:00+05:00' }),
    ).id;
    const N = 8;
    const filers = Array.from({ length: N }, () => newBin());
    const ids: string[] = [];
    for (const bin of filers) {
      const res = await h
        .http()
        .post('/applications')
        .set(auth(await h.token(['applicant'], [bin])))
        .send({ roundId, bin, ...anApplicationContent() });
      expect(res.status).toBe(201);
      ids.push(json<{ id: string }>(res).id);
    }
    const lateFilers = Array.from({ length: N }, () => newBin());
    const tokens = await Promise.all(filers.map((b) => h.token(['applicant'], [b])));
    const lateTokens = await Promise.all(lateFilers.map((b) => h.token(['applicant'], [b])));
    const change = (i: number, wave: string) => {
      const content = anApplicationContent();
      content.form.clusterName = `Changed ${wave} ${i}`;
      return h.http().post(`/applications/${ids[i]}/revisions`).set(auth(tokens[i]!)).send(content);
    };
    const fileLate = (i: number) =>
      h
        .http()
        .post('/applications')
        .set(auth(lateTokens[i]!))
        .send({ roundId, bin: lateFilers[i], ...anApplicationContent() });

    h.clock.set('2027-01-15T12:59:59.990Z'); // 10 ms before the deadline
    // Wave A goes out before the deadline; as soon as the first answer is back the clock reaches the
    // deadline while the rest of wave A is still in flight; wave B goes out at the deadline.
    const waveA = [...Array.from({ length: N }, (_, i) => change(i, 'A')), ...Array.from({ length: N / 2 }, (_, i) => fileLate(i))].map((r) =>
      Promise.resolve(r),
    );
    await Promise.race(waveA);
    h.clock.set(DEADLINE);
    const waveB = [...Array.from({ length: N }, (_, i) => change(i, 'B')), ...Array.from({ length: N / 2 }, (_, i) => fileLate(N / 2 + i))];
    const [a, b] = [await Promise.all(waveA), await Promise.all(waveB)];

    // Every answer is a success or a C-9/C-11 refusal (or a 409 when two changes of one application met).
    const statuses = [...a, ...b].map((r) => r.status);
    expect(statuses.every((s) => [200, 201, 409, 422].includes(s))).toBe(true);
    expect(statuses.filter((s) => s === 200 || s === 201).length).toBeGreaterThan(0); // at least the first answer of wave A
    expect(b.every((r) => r.status === 422)).toBe(true); // at the deadline instant nothing is accepted
    for (const r of [...a, ...b].filter((x) => x.status === 422)) expect(JSON.stringify(r.body)).toMatch(/C-9|C-11/);

    // Changes: the stored state is whole — the revision number, the revision list and the content agree; every stored revision is before the deadline.
    for (let i = 0; i < N; i++) {
      const [row] = await h.sql<{
        revision: number;
        content: { form: { clusterName: string } };
        revisions: { revision: number; at: string; form: { clusterName: string } }[];
      }>(`select revision, content, revisions from clusters_application where id = ?`, [ids[i]]);
      expect(row!.revisions.map((r) => r.revision)).toEqual(Array.from({ length: row!.revision }, (_, k) => k + 1));
      expect(row!.revisions.at(-1)!.form.clusterName).toBe(row!.content.form.clusterName);
      for (const rev of row!.revisions) expect(Date.parse(rev.at)).toBeLessThan(Date.parse(DEADLINE));
      const accepted = a[i]!.status === 200;
      // Wave A's change is stored exactly when it was answered 200; wave B's never.
      expect(row!.revision).toBe(accepted ? 2 : 1);
      expect(row!.content.form.clusterName).toBe(accepted ? `Changed A ${i}` : 'Shymkent textile cluster');
    }
    // Filings: a 201 has its row and its event; a 422 has neither.
    const late = [...a.slice(N), ...b.slice(N)];
    for (let i = 0; i < N; i++) {
      const rows = Number((await h.sql<{ n: string }>(`select count(*)::text as n from clusters_application where bin = ?`, [lateFilers[i]]))[0]?.n);
      const events = Number(
        (
          await h.sql<{ n: string }>(
            `select count(*)::text as n from hub_outbox where event_type = 'clusters.application-filed' and envelope->'payload'->>'bin' = ?`,
            [lateFilers[i]],
          )
        )[0]?.n,
      );
      expect({ i, rows, events }).toEqual({ i, rows: late[i]!.status === 201 ? 1 : 0, events: late[i]!.status === 201 ? 1 : 0 });
    }
  });
});
