import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EventEnvelope, ParticipationTerminatedV1, type PayloadOf, TOPICS } from '@hub/contracts';
import { type EventConsumer } from '@hub/messaging';
import { EVENT_CONSUMERS } from '@hub/nest-commons';
import { uuidv7 } from '@hub/kernel';
import { type Harness, auth, deliver, json, participantRegistered, startHarness } from '../support/housing-harness.js';
import { manager, townWithDwelling } from '../support/housing-fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('housing_premises');
});
afterAll(async () => {
  await h?.close();
});

const terminated = (participantId: string, bin: string, endedOn: string): EventEnvelope<PayloadOf<typeof ParticipationTerminatedV1>> => ({
  id: uuidv7(),
  type: ParticipationTerminatedV1.type,
  version: ParticipationTerminatedV1.version,
  occurredAt: '2026-12-01T04:00:00.000Z',
  correlationId: uuidv7(),
  causationId: null,
  aggregateId: participantId,
  payload: {
    participationId: uuidv7(),
    participantId,
    bin,
    kind: 'early',
    ground: ParticipationTerminatedV1.payload.shape.ground.options[1]!,
    groundNumber: 1,
    decidedBy: 'fund',
    decisionReference: null,
    endedOn,
    ruleIds: ['F-28'],
  },
});
const deliverParticipation = (envelope: EventEnvelope) => {
  const consumer = h.app.get<EventConsumer[]>(EVENT_CONSUMERS).find((c) => c.name === 'housing.participation-events')!;
  return consumer.consume({
    topic: TOPICS.participation.name,
    partition: 0,
    offset: '0',
    key: null,
    value: Buffer.from(JSON.stringify(envelope)),
    headers: {},
  });
};

interface Lease {
  id: string;
  status: string;
  startsOn: string;
  endsOn: string;
  releaseReason: string | null;
}

async function premisesUnit(): Promise<string> {
  const { buildingId } = await townWithDwelling(h, 0);
  const u = await h
    .http()
    .post(`/buildings/${buildingId}/units`)
    .set(auth(await manager(h)))
    .send({ code: 'P-1', kind: 'premises', premisesKind: 'production', areaM2: '64.5' });
  expect(u.status).toBe(201);
  return json<{ id: string }>(u).id;
}
async function participant() {
  const event = participantRegistered();
  expect(await deliver(h, event)).toBe('handled');
  return { participantId: event.payload.participantId, bin: event.payload.bin, token: await h.token(['applicant'], [event.payload.bin]) };
}
const requestPremises = (p: { bin: string; token: string }, body: Record<string, unknown> = {}) =>
  h
    .http()
    .post('/premises-leases')
    .set(auth(p.token))
    .send({ bin: p.bin, premisesKind: 'production', from: '2026-11-20', ...body });

const outbox = (leaseId: string) =>
  h.sql<{ event_type: string; envelope: { payload: Record<string, unknown> } }>(
    `select event_type, envelope from hub_outbox where envelope->>'aggregateId' = ? order by position`,
    [leaseId],
  );

describe('premises for participants (F-57, F-58), on the real database', () => {
  it('F-57/F-58: a participant gets premises until the term’s end; the same premises for an overlapping period are 409 (exclusion constraint); termination releases them (handover act), then they can be let again', async () => {
    const unitId = await premisesUnit();
    const a = await participant();
    const b = await participant();
    const leaseA = await requestPremises(a);
    expect(leaseA.status).toBe(201);
    expect(leaseA.body).toMatchObject({ status: 'requested', startsOn: '2026-11-20', endsOn: '2029-11-15' });
    const t = await manager(h);
    const idA = json<Lease>(leaseA).id;
    expect((await h.http().post(`/premises-leases/${idA}/allocate`).set(auth(t)).send({ unitId })).status).toBe(200);
    const idB = json<Lease>(await requestPremises(b)).id;
    const taken = await h.http().post(`/premises-leases/${idB}/allocate`).set(auth(t)).send({ unitId });
    expect(taken.status).toBe(409);
    expect(JSON.stringify(taken.body)).toContain('place-taken');

    expect(await deliverParticipation(terminated(a.participantId, a.bin, '2027-01-10'))).toBe('handled');
    const released = json<Lease[]>(await h.http().get(`/premises-leases?bin=${a.bin}`).set(auth(t)));
    expect(released[0]).toMatchObject({ status: 'handover-due', endsOn: '2027-01-09', releaseReason: 'participation-terminated' });
    const act = { signedOn: '2027-01-11', condition: 'Clean', inventory: [], meterReadings: [{ meter: 'E-1', reading: '200' }], damages: [] };
    expect((await h.http().post(`/premises-leases/${idA}/handover`).set(auth(t)).send(act)).body).toMatchObject({ status: 'released' });

    // ADR 0053: allocated, released and handed back are published through the outbox (the company's BIN, no personal data).
    const published = await outbox(idA);
    expect(published.map((m) => m.event_type)).toEqual(['housing.premises-allocated', 'housing.premises-released', 'housing.premises-handed-back']);
    expect(published[0]!.envelope.payload).toMatchObject({
      leaseId: idA,
      participantId: a.participantId,
      bin: a.bin,
      unitId,
      startsOn: '2026-11-20',
      endsOn: '2029-11-15',
    });
    expect(published[1]!.envelope.payload).toMatchObject({ lastDayOfUse: '2027-01-09', reason: 'participation-terminated' });
    expect(published[2]!.envelope.payload).toMatchObject({ lastDayOfUse: '2027-01-09', signedOn: '2027-01-11', inventoryMissing: 0, damagesTiyn: 0 });
    expect(await outbox(idB)).toEqual([]); // a request (and its refusal) stays internal

    const idC = json<Lease>(await requestPremises(b, { from: '2027-01-10' })).id;
    expect((await h.http().post(`/premises-leases/${idC}/allocate`).set(auth(t)).send({ unitId })).status).toBe(200);
    // F-57: the terminated company is no longer a participant.
    const after = await requestPremises(a, { from: '2027-01-12' });
    expect(after.status).toBe(422);
    expect(JSON.stringify(after.body)).toContain('F-57');
  });

  it('F-57: a company that is not a participant is refused (422), another company’s BIN is 403, bad input is 400 naming the field', async () => {
    const stranger = { bin: '180440000019', token: await h.token(['applicant'], ['180440000019']) };
    const refused = await requestPremises(stranger);
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain('F-57');
    const a = await participant();
    expect((await requestPremises({ ...a, bin: stranger.bin })).status).toBe(403);
    const bad = await requestPremises(a, { premisesKind: 'garage' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('premisesKind');
    const [n] = await h.sql<{ n: string }>(`select count(*)::text as n from housing_premises_lease where bin in (?, ?)`, [stranger.bin, a.bin]);
    expect(n?.n).toBe('0');
  });
});
