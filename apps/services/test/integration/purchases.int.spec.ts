import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, auth, json, newBin, startHarness } from '../support/services-harness.js';

/** F-56 ¶2: third-party services bought on commercial offers, on the real database. */
let h: Harness;
let officer: string;
let thirdParty: string;
let ownService: string;
const define = async (code: string, delivery: 'fund' | 'third-party') =>
  json<{ id: string }>(
    await h
      .http()
      .post('/services')
      .set(auth(officer))
      .send({
        code,
        title: 'Investor search',
        direction: 'investor-search',
        eligibility: 'anyone',
        requiredSections: { readiness: false, team: false, pitch: false },
        delivery,
      }),
  ).id;

beforeAll(async () => {
  h = await startHarness('services_purchases');
  officer = await h.token(['fund-officer']);
  thirdParty = await define('investor-search-3p', 'third-party');
  ownService = await define('investor-search-own', 'fund');
});
afterAll(async () => {
  await h?.close();
});

const offer = (amountTiyn: number, o: Record<string, unknown> = {}) => ({
  supplierName: 'Steppe Ventures LLP',
  supplierBin: newBin(),
  amountTiyn,
  offeredOn: '2026-11-10',
  documentRef: 'Offer No. 12',
  ...o,
});
const open = async () => {
  const res = await h.http().post('/purchases').set(auth(officer)).send({ serviceId: thirdParty, subject: 'Investor matchmaking session' });
  expect(res.status).toBe(201);
  return json<{ id: string; offersRequired: number }>(res);
};
const rows = async (id: string) => (await h.sql<{ offers: unknown[]; status: string }>(`select offers, status from services_purchase where id = ?`, [id]))[0]!;

describe('F-56 ¶2 commercial offers', () => {
  it('F-56: the number required is data (services-rules.json in force on the opening day); choosing before enough offers is refused naming `offers`, nothing changes', async () => {
    const p = await open();
    expect(p.offersRequired).toBe(3);
    const offers: string[] = [];
    for (const amount of [500_000_00, 450_000_00]) {
      const res = await h.http().post(`/purchases/${p.id}/offers`).set(auth(officer)).send(offer(amount));
      expect(res.status).toBe(201);
      offers.push(json<{ offers: { id: string }[] }>(res).offers.at(-1)!.id);
    }
    const early = await h.http().post(`/purchases/${p.id}/choice`).set(auth(officer)).send({ offerId: offers[1] });
    expect(early.status).toBe(422);
    expect(JSON.stringify(early.body)).toContain('"offers"');
    expect(JSON.stringify(early.body)).toContain('F-56');
    expect((await rows(p.id)).status).toBe('collecting');
  });

  it('F-56: a chosen offer that is not the cheapest needs a reason (naming `reason`); the cheapest needs none; no offer after the choice', async () => {
    const p = await open();
    const ids: string[] = [];
    for (const amount of [300_000_00, 250_000_00, 275_000_00]) {
      ids.push(json<{ offers: { id: string }[] }>(await h.http().post(`/purchases/${p.id}/offers`).set(auth(officer)).send(offer(amount))).offers.at(-1)!.id);
    }
    const noReason = await h.http().post(`/purchases/${p.id}/choice`).set(auth(officer)).send({ offerId: ids[0] });
    expect(noReason.status).toBe(422);
    expect(JSON.stringify(noReason.body)).toContain('"reason"');
    const withReason = await h
      .http()
      .post(`/purchases/${p.id}/choice`)
      .set(auth(officer))
      .send({ offerId: ids[0], reason: 'Only this supplier has investors in agritech' });
    expect(withReason.status).toBe(200);
    expect(json(withReason)).toMatchObject({ status: 'chosen', chosenOfferId: ids[0], choiceReason: 'Only this supplier has investors in agritech' });
    expect((await h.http().post(`/purchases/${p.id}/offers`).set(auth(officer)).send(offer(1_00))).status).toBe(409);

    const q = await open();
    const cheap: string[] = [];
    for (const amount of [90_00, 80_00, 85_00])
      cheap.push(json<{ offers: { id: string }[] }>(await h.http().post(`/purchases/${q.id}/offers`).set(auth(officer)).send(offer(amount))).offers.at(-1)!.id);
    expect((await h.http().post(`/purchases/${q.id}/choice`).set(auth(officer)).send({ offerId: cheap[1] })).status).toBe(200);
  });

  it('bad input names the field and stores nothing: a BIN with a wrong check digit, a float amount, a supplier twice, a Fund-delivered service', async () => {
    const p = await open();
    const good = offer(100_00);
    expect((await h.http().post(`/purchases/${p.id}/offers`).set(auth(officer)).send(good)).status).toBe(201);
    const badBin = good.supplierBin.slice(0, 11) + String((Number(good.supplierBin[11]) + 1) % 10);
    for (const [body, field] of [
      [offer(100_00, { supplierBin: badBin }), 'supplierBin'],
      [offer(100.5), 'amountTiyn'],
      [offer(100_00, { supplierBin: good.supplierBin }), 'supplierBin'],
    ] as const) {
      const res = await h.http().post(`/purchases/${p.id}/offers`).set(auth(officer)).send(body);
      expect([400, 422]).toContain(res.status);
      expect(JSON.stringify(res.body)).toContain(field);
    }
    expect((await rows(p.id)).offers).toHaveLength(1);
    const own = await h.http().post('/purchases').set(auth(officer)).send({ serviceId: ownService, subject: 'Not bought' });
    expect(own.status).toBe(422);
    expect(own.body).toMatchObject({ code: 'rule.F-56' });
    expect(
      (
        await h
          .http()
          .post('/purchases')
          .set(auth(await h.token(['applicant'], [newBin()])))
          .send({ serviceId: thirdParty, subject: 'x' })
      ).status,
    ).toBe(403);
  });
});
