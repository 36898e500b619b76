import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentAttachedV1, DocumentVerifiedV1, type EventEnvelope, ParticipationTerminatedV1, type PayloadOf, TOPICS } from '@hub/contracts';
import { envelopeMessage } from '@hub/messaging';

import { uuidv7 } from '@hub/kernel';
import { type Harness, auth, deliver, json, participantRegistered, poller, startHarness } from '../support/housing-harness.js';
import { manager, townWithDwelling } from '../support/housing-fixtures.js';
import { consumerOf } from '@hub/nest-commons';

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
  const consumer = consumerOf(h.app, 'housing.participation-events');
  return consumer.consume(envelopeMessage(TOPICS.participation.name, envelope, { key: null }));
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

/** documents' events through housing's consumer of them (ADR 0049): a verified upload, then where it was attached. */
const deliverDocuments = async (type: string, documentId: string, payload: Record<string, unknown>) => {
  const envelope = {
    id: uuidv7(),
    type,
    version: 1,
    occurredAt: '2026-11-16T04:00:00.000Z',
    correlationId: uuidv7(),
    causationId: null,
    aggregateId: documentId,
    payload,
  };
  expect(await consumerOf(h.app, 'housing.documents-events').consume(envelopeMessage(TOPICS.documents.name, envelope))).toBe('handled');
};
const verified = async (bin: string, kind: string, sha256 = 'a'.repeat(64)) => {
  const documentId = uuidv7();
  await deliverDocuments(DocumentVerifiedV1.type, documentId, {
    documentId,
    bin,
    kind,
    seriesId: documentId,
    versionNo: 1,
    supersedesId: null,
    sha256,
    size: 2048,
    mediaType: 'application/pdf',
    verifiedAt: '2026-11-16T04:00:00.000Z',
  });
  return documentId;
};

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
    // ADR 0053 (2026-12-06): the release carries the hand-back day, for the company's notice.
    expect(published[1]!.envelope.payload.handBackBy).toMatch(/^2027-01-\d{2}$/);
    expect(published[1]!.envelope.payload.handBackBy).toBe((released[0] as Lease & { handBackBy: string }).handBackBy);
    expect(published[2]!.envelope.payload).toMatchObject({ lastDayOfUse: '2027-01-09', signedOn: '2027-01-11', inventoryMissing: 0, damagesTiyn: 0 });
    expect(await outbox(idB)).toEqual([]); // a request (and its refusal) stays internal

    // F-57 (ADR 0053 amendment): b's first request is still open (the premises were taken) — a second one is 409.
    const second = await requestPremises(b, { from: '2027-01-10' });
    expect(second.status).toBe(409);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(second.body)).toContain('premises-request-open');
    // b withdraws its open request (a release of a request cancels it), then asks again.
    expect((await h.http().post(`/premises-leases/${idB}/release`).set(auth(b.token)).send({ from: '2026-11-20' })).status).toBe(200);
    const idC = json<Lease>(await requestPremises(b, { from: '2027-01-10' })).id;
    expect((await h.http().post(`/premises-leases/${idC}/allocate`).set(auth(t)).send({ unitId })).status).toBe(200);
    // F-57: the terminated company is no longer a participant.
    const after = await requestPremises(a, { from: '2027-01-12' });
    expect(after.status).toBe(422);
    expect(JSON.stringify(after.body)).toContain('F-57');
  });

  it('F-57 (ADR 0053 amendment): two simultaneous requests of one company — exactly one is stored, the other is 409 premises-request-open (partial unique index); once allocated the company may ask again', async () => {
    const unitId = await premisesUnit();
    const a = await participant();
    const race = await Promise.all([requestPremises(a), requestPremises(a, { premisesKind: 'administrative' }), requestPremises(a, { from: '2026-12-01' })]);
    expect(race.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    for (const lost of race.filter((r) => r.status === 409)) {
      expect(lost.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(lost.body)).toContain('premises-request-open');
    }
    const [open] = await h.sql<{ n: string }>(`select count(*)::text as n from housing_premises_lease where bin = ? and status = 'requested'`, [a.bin]);
    expect(open?.n).toBe('1');
    // The database itself refuses a second open row, whatever the code does.
    await expect(
      h.sql(
        `insert into housing_premises_lease (id, participant_id, bin, premises_kind, status, starts_on, ends_on, requested_at, updated_at) values (?, ?, ?, 'auxiliary', 'requested', '2026-12-01', '2027-12-01', now(), now())`,
        [uuidv7(), a.participantId, a.bin],
      ),
    ).rejects.toThrow(/housing_premises_lease_one_open_request/);
    // Allocated, the request is no longer open: the company may ask for more premises.
    const won = json<Lease>(race.find((r) => r.status === 201)!).id;
    expect(
      (
        await h
          .http()
          .post(`/premises-leases/${won}/allocate`)
          .set(auth(await manager(h)))
          .send({ unitId })
      ).status,
    ).toBe(200);
    expect((await requestPremises(a, { premisesKind: 'auxiliary' })).status).toBe(201);
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

  it('F-58 (ADR 0053): a release starts the 2-WD hand-back deadline on GET /deadlines (Independence Day skipped); overdue after it by the durable timer, escalated; the act ends it', async () => {
    const unitId = await premisesUnit();
    const a = await participant();
    const t = await manager(h);
    const id = json<Lease>(await requestPremises(a)).id;
    const allocated = await h.http().post(`/premises-leases/${id}/allocate`).set(auth(t)).send({ unitId });
    expect(allocated.body).toMatchObject({ status: 'allocated', handBackBy: '2029-11-20', handBackOverdue: false }); // after the term's last day, Fri 15 Nov 2029
    const board = async () =>
      json<{ items: { kind: string; subjectId: string; dueDate: string; overdue: boolean; ruleId: string; bin?: string }[] }>(
        await h.http().get(`/deadlines?bin=${a.bin}`).set(auth(t)),
      ).items.filter((i) => i.subjectId === id);
    expect(await board()).toEqual([]); // in use, the term not ended: nothing to hand back yet

    // released from Tue 15 December: the last day of use is Mon 14, the act is due by Fri 18 (Wed 16 is Independence Day)
    const released = await h.http().post(`/premises-leases/${id}/release`).set(auth(a.token)).send({ from: '2026-12-15' });
    expect(released.body).toMatchObject({ status: 'handover-due', endsOn: '2026-12-14', handBackBy: '2026-12-18' });
    expect(await board()).toEqual([expect.objectContaining({ kind: 'premises-hand-back', ruleId: 'F-58', dueDate: '2026-12-18', overdue: false, bin: a.bin })]);
    const [timer] = await h.sql<{ due_at: Date; status: string }>(
      `select due_at, status from hub_timer where kind = 'housing.premises-hand-back-due' and timer_key = ?`,
      [id],
    );
    expect([timer?.status, new Date(timer!.due_at).toISOString()]).toEqual(['scheduled', '2026-12-18T18:59:59.999Z']); // the end of the day in Almaty

    try {
      h.clock.set('2026-12-18T18:58:00Z'); // 23:58 on the due day in Almaty: not yet
      await poller(h).runDue();
      expect((await board())[0]?.overdue).toBe(false);
      h.clock.set('2026-12-18T19:00:01Z');
      await poller(h).runDue();
      expect(await board()).toEqual([expect.objectContaining({ dueDate: '2026-12-18', overdue: true })]);
      const overdue = await outbox(id);
      expect(overdue.map((m) => m.event_type)).toContain('housing.premises-hand-back-overdue');
      expect(overdue.find((m) => m.event_type === 'housing.premises-hand-back-overdue')!.envelope.payload).toMatchObject({
        bin: a.bin,
        handBackBy: '2026-12-18',
        lastDayOfUse: '2026-12-14',
      });

      h.clock.set('2026-12-21T05:00:00Z');
      const act = {
        signedOn: '2026-12-21',
        condition: 'Clean, keys returned',
        inventory: [{ item: 'Desk', expected: 4, found: 3 }],
        meterReadings: [],
        damages: [{ description: 'Desk missing', amountTiyn: 4_500_000 }],
      };
      expect((await h.http().post(`/premises-leases/${id}/handover`).set(auth(t)).send(act)).body).toMatchObject({ status: 'released', handBackBy: null });
      expect(await board()).toEqual([]);
      const last = (await outbox(id)).at(-1)!;
      expect([last.event_type, last.envelope.payload]).toEqual([
        'housing.premises-handed-back',
        expect.objectContaining({ inventoryMissing: 1, damagesTiyn: 4_500_000 }),
      ]);
    } finally {
      h.clock.set('2026-11-16T04:00:00Z');
    }
  });

  it('F-58 (ADR 0053): premises handed back before the due day leave no timer and no deadline; a stranger cannot release another company’s premises (403)', async () => {
    const unitId = await premisesUnit();
    const a = await participant();
    const b = await participant();
    const t = await manager(h);
    const id = json<Lease>(await requestPremises(a)).id;
    await h.http().post(`/premises-leases/${id}/allocate`).set(auth(t)).send({ unitId });
    expect((await h.http().post(`/premises-leases/${id}/release`).set(auth(b.token)).send({ from: '2026-11-25' })).status).toBe(403);
    const act = { signedOn: '2026-11-23', condition: 'Clean', inventory: [], meterReadings: [], damages: [] };
    expect((await h.http().post(`/premises-leases/${id}/handover`).set(auth(t)).send(act)).body).toMatchObject({ status: 'released', endsOn: '2026-11-22' });
    const timers = await h.sql<{ status: string }>(`select status from hub_timer where kind = 'housing.premises-hand-back-due' and timer_key = ?`, [id]);
    expect(timers.map((r) => r.status)).toEqual(['cancelled']);
    const items = json<{ items: { subjectId: string }[] }>(await h.http().get('/deadlines').set(auth(t))).items;
    expect(items.map((i) => i.subjectId)).not.toContain(id);
  });

  it('ADR 0053: the act names its scan by id — the participant’s verified handover act; unknown, another company’s or another kind is 422 naming documentId; the event carries it for documents to attach', async () => {
    const unitId = await premisesUnit();
    const a = await participant();
    const b = await participant();
    const t = await manager(h);
    const id = json<Lease>(await requestPremises(a)).id;
    await h.http().post(`/premises-leases/${id}/allocate`).set(auth(t)).send({ unitId });
    const act = { signedOn: '2026-11-23', condition: 'Clean', inventory: [], meterReadings: [], damages: [] };
    const handOver = (documentId: string) =>
      h
        .http()
        .post(`/premises-leases/${id}/handover`)
        .set(auth(t))
        .send({ ...act, documentId });
    for (const documentId of [uuidv7(), await verified(b.bin, 'handover-act'), await verified(a.bin, 'decision-copy')]) {
      const refused = await handOver(documentId);
      expect(refused.status).toBe(422);
      expect(JSON.stringify(refused.body)).toContain('documentId');
    }
    expect((await h.http().get(`/premises-leases?bin=${a.bin}`).set(auth(t))).body).toEqual([expect.objectContaining({ id, status: 'allocated' })]);

    const scan = await verified(a.bin, 'handover-act');
    const done = await handOver(scan);
    expect(done.body).toMatchObject({ status: 'released', handoverAct: { documentId: scan } });
    const last = (await outbox(id)).at(-1)!;
    expect([last.event_type, last.envelope.payload.documentIds]).toEqual(['housing.premises-handed-back', [scan]]);
  });

  it("ADR 0124 (F-35, F-58): the lease's scans — the company's verified handover acts attached to nothing are available, the one the act names is named until documents reports it attached; another company's, another kind and a stranger's request are not shown (404)", async () => {
    const unitId = await premisesUnit();
    const a = await participant();
    const b = await participant();
    const t = await manager(h);
    const id = json<Lease>(await requestPremises(a)).id;
    await h.http().post(`/premises-leases/${id}/allocate`).set(auth(t)).send({ unitId });
    const scans = async (token: string) => {
      const r = await h.http().get(`/premises-leases/${id}/scans`).set(auth(token));
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return json<{ documentId: string; kind: string; sha256: string; state: string }[]>(r);
    };
    expect(await scans(t)).toEqual([]);
    const scan = await verified(a.bin, 'handover-act', 'b'.repeat(64));
    const other = await verified(a.bin, 'handover-act');
    await verified(a.bin, 'decision-copy');
    await verified(b.bin, 'handover-act');
    expect((await scans(t)).map((s) => [s.documentId, s.state]).sort()).toEqual(
      [
        [scan, 'available'],
        [other, 'available'],
      ].sort(),
    );
    const act = { signedOn: '2026-11-23', condition: 'Clean', inventory: [], meterReadings: [], damages: [], documentId: scan };
    expect((await h.http().post(`/premises-leases/${id}/handover`).set(auth(t)).send(act)).status).toBe(200);
    expect((await scans(t))[0]).toEqual({
      documentId: scan,
      kind: 'handover-act',
      sha256: 'b'.repeat(64),
      verifiedAt: '2026-11-16T04:00:00.000Z',
      state: 'named',
    });
    // documents attaches it to the lease (housing.premises-handed-back) and says so: attached, first
    await deliverDocuments(DocumentAttachedV1.type, scan, {
      documentId: scan,
      bin: a.bin,
      kind: 'handover-act',
      attachedTo: `housing/premises-lease/${id}`,
      sha256: 'b'.repeat(64),
      attachedAt: '2026-11-23T05:00:00.000Z',
    });
    expect((await scans(a.token)).map((s) => [s.documentId, s.state])).toEqual([
      [scan, 'attached'],
      [other, 'available'],
    ]);
    // F-35: another company's representative does not learn the lease exists
    expect((await h.http().get(`/premises-leases/${id}/scans`).set(auth(b.token))).status).toBe(404);
    expect((await h.http().get(`/premises-leases/${uuidv7()}/scans`).set(auth(t))).status).toBe(404);
  });
});
