import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '@hub/kernel';
import { Harness, body, list } from './support/harness.js';

const copy = { fileName: 'decision.pdf', mediaType: 'application/pdf', sizeBytes: 2048, sha256: 'e'.repeat(64) };

/**
 * Issue #11: a participant lists the F-34 notices it filed (`GET /participations/:id/corporate-notices`).
 * F-35: the company's own representative sees them; another company's gets 404 — the same answer as
 * for a participation that does not exist, so the read discloses nothing of another company.
 */
describe("a participation's own F-34 notices, scoped to the company (F-34, F-35)", () => {
  let h: Harness;
  let a: { id: string; bin: string };
  let b: { id: string; bin: string };

  beforeAll(async () => {
    h = await Harness.start({ prefix: 'part_notices' });
    a = await h.register();
    b = await h.register();
  });
  afterAll(async () => {
    await h?.close();
  });

  const file = async (c: { id: string; bin: string }, kind: string, eventDate: string) => {
    const res = await h
      .http()
      .post(`/participations/${c.id}/corporate-notices`)
      .set('authorization', `Bearer ${await h.applicant(c.bin)}`)
      .send({ kind, eventDate, description: `${kind} of ${c.bin}`, copies: [copy] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return body(res);
  };
  const read = async (participationId: string, token: string) =>
    h.http().get(`/participations/${participationId}/corporate-notices`).set('authorization', `Bearer ${token}`);

  it('F-34: the company sees the notices it filed, newest first, with due day and on-time flag; a company with none sees an empty list', async () => {
    const first = await file(a, 're-registration', '2026-03-02');
    h.clock.set('2026-03-03T04:00:00.000Z'); // a day later: "newest first" is by the filing instant
    const second = await file(a, 'liquidation', '2026-03-03');
    const res = await read(a.id, await h.applicant(a.bin));
    expect(res.status).toBe(200);
    expect(list(res).map((n) => n.id)).toEqual([second.id, first.id]);
    expect(list(res)[0]).toMatchObject({ participationId: a.id, kind: 'liquidation', eventDate: '2026-03-03', filedOn: '2026-03-03', onTime: true });
    const none = await read(b.id, await h.applicant(b.bin));
    expect(none.status).toBe(200);
    expect(list(none)).toEqual([]);
  });

  it("F-35: another company's representative gets 404 — the same as for an unknown participation — and none of the notices", async () => {
    await file(b, 're-registration', '2026-03-02');
    const other = await read(b.id, await h.applicant(a.bin));
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain(b.bin);
    const unknown = await read(uuidv7(), await h.applicant(a.bin));
    expect(unknown.status).toBe(404);
    expect(body(other).title).toBe(body(unknown).title);
    // a representative of both companies sees each
    const both = await h.issuer.issue({ sub: 'rep-both', roles: ['applicant'], companies: [a.bin, b.bin] });
    expect(list(await read(b.id, both))).toHaveLength(1);
  });

  it("F-35: the Fund's participant-file readers see any company's notices; a role outside them is refused", async () => {
    const officer = await read(a.id, h.tokens.officer);
    expect(officer.status).toBe(200);
    expect(list(officer)).toHaveLength(2);
    expect((await read(a.id, h.tokens.auditor)).status).toBe(200);
    expect((await read(a.id, h.tokens.analyst)).status).toBe(403);
    expect((await h.http().get(`/participations/${a.id}/corporate-notices`)).status).toBe(401);
  });
});
