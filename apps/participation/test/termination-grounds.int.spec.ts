import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness, body, list } from './support/harness.js';

describe('early-termination grounds on the real database (F-28(4), F-28(7), F-30, F-32, F-38)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await Harness.start({ prefix: 'part_grounds' });
  });
  afterAll(async () => {
    await h?.close();
  });

  const overdueRequest = async (participationId: string, kind: string): Promise<string> => {
    const req = await h
      .http()
      .post(`/participations/${participationId}/information-requests`)
      .set('authorization', `Bearer ${h.tokens.officer}`)
      .send({ kind, description: 'requested by the Fund' });
    expect(req.status).toBe(201);
    return body(req).id;
  };

  it('F-28(4) → F-30: an unanswered F-32 request is not ground (4) — it is a breach of contract, ground (7), which goes to the Commission', async () => {
    const p = await h.register();
    const f32 = await overdueRequest(p.id, 'tax-declarations');
    await h.at('2026-04-01T04:00:00.000Z'); // its 10 WD deadline has passed
    const asGround4 = await h
      .http()
      .post(`/participations/${p.id}/early-terminations`)
      .set('authorization', `Bearer ${h.tokens.officer}`)
      .send({ ground: 'reports-not-submitted', reason: 'declaration not provided', basisId: f32 });
    expect(asGround4.status).toBe(422);
    expect(body(asGround4)).toMatchObject({ ruleId: 'F-28(4)' });
    expect(body(asGround4).detail).toMatch(/ground \(7\)/);
    expect(body(await h.http().get(`/participations/${p.id}`).set('authorization', `Bearer ${h.tokens.officer}`)).status).toBe('active');

    const asGround7 = await h
      .http()
      .post(`/participations/${p.id}/early-terminations`)
      .set('authorization', `Bearer ${h.tokens.officer}`)
      .send({ ground: 'contract-breach', reason: 'declaration not provided (F-32)', basisId: f32 });
    expect(asGround7.status).toBe(201);
    expect(body(asGround7).status).toBe('pending-commission');
    expect(body(await h.http().get(`/participations/${p.id}`).set('authorization', `Bearer ${h.tokens.officer}`)).status).toBe('active');
    const referred = (await h.outbox('participation.early-termination-referred')).find((e) => e.payload.participationId === p.id);
    expect(referred?.payload).toMatchObject({ ground: 'contract-breach', groundNumber: 7 });

    // an F-38 request for extra documents in monitoring stays ground (4), decided by the Fund alone
    const q = await h.register();
    const f38q = await overdueRequest(q.id, 'additional-documents');
    await h.at('2026-04-20T04:00:00.000Z');
    const ground4 = await h
      .http()
      .post(`/participations/${q.id}/early-terminations`)
      .set('authorization', `Bearer ${h.tokens.officer}`)
      .send({ ground: 'reports-not-submitted', reason: 'documents not provided', basisId: f38q });
    expect(ground4.status).toBe(201);
    expect(body(ground4).status).toBe('terminated');

    // issue #11: the staff console's participant page reads one participation's cases
    const casesOf = async (id: string) =>
      list(await h.http().get(`/early-terminations?participationId=${id}`).set('authorization', `Bearer ${h.tokens.officer}`)).map((c) => [
        c.id,
        c.ground,
        c.status,
      ]);
    expect(await casesOf(p.id)).toEqual([[body(asGround7).id, 'contract-breach', 'pending-commission']]);
    expect(await casesOf(q.id)).toEqual([[body(ground4).id, 'reports-not-submitted', 'terminated']]);
    const bad = await h.http().get('/early-terminations?participationId=nope').set('authorization', `Bearer ${h.tokens.officer}`);
    expect(bad.status).toBe(400);
    expect(body(bad).errors[0]!.field).toBe('query.participationId');
  });
});
