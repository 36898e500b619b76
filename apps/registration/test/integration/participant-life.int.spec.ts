import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeeOverdueV1 } from '@hub/contracts';
import {
  type Actors,
  type CertificateVerification,
  type Harness,
  type ParticipantView,
  type RegistryPage,
  actorsFor,
  auth,
  body,
  deliverParticipation,
  driveTo,
  participationExtended,
  participationTerminated,
  startHarness,
} from '../support/registration-harness.js';

/**
 * Issue #9, ADR 0055: the public registry, the certificate's validity and the verification page
 * follow the participant's life — participation's facts arrive through registration's consumer (the
 * real EventConsumer with its inbox, on the real database) — and a company whose participation
 * ended registers again (F-25 → F-8).
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('reg_plife', { start: '2026-11-16T04:00:00Z' });
});
afterAll(async () => {
  await h?.close();
});

const listed = async (): Promise<{ a: Actors; participant: ParticipantView }> => {
  h.clock.set('2026-11-16T04:00:00Z');
  const a = await actorsFor(h);
  await driveTo(h, a, 'listed');
  const participant = body<ParticipantView>(await h.http().get(`/participants/${a.bin}`).set(auth(a.officer)));
  return { a, participant };
};
const registry = async (query: string) => body<RegistryPage>(await h.http().get(`/registry?${query}`)).items;
const verify = (number: string) => h.http().get(`/registry/certificates/${number}`);
const reRegister = (a: Actors) =>
  h.http().post('/applications').set(auth(a.applicant)).send({ bin: a.bin, companyName: 'Again LLP', address: 'Astana', language: 'ru' });
const inbox = (eventId: string) => h.sql<{ consumer: string; event_type: string }>(`select consumer, event_type from hub_inbox where event_id = ?`, [eventId]);

describe("the registry follows participation's facts (F-19, F-25, F-27, F-28)", () => {
  it('F-28, F-19: an early termination shows in the registry and on the verification page — date and ground category only, never the confidential detail; the same event twice has one effect', async () => {
    const { a, participant } = await listed();
    expect(participant.termEnd).toBe('2027-11-15');
    const event = participationTerminated({ participantId: participant.id, bin: a.bin }, { endedOn: '2026-11-16' });
    expect(await deliverParticipation(h, event)).toBe('handled');
    expect(await deliverParticipation(h, event, '1')).toBe('duplicate');
    expect(await inbox(event.id)).toEqual([{ consumer: 'registration.participation-events', event_type: 'participation.participation-terminated' }]);

    const [entry] = await registry(`q=${a.bin}`);
    expect(entry).toMatchObject({
      bin: a.bin,
      status: 'terminated',
      termination: { terminatedOn: '2026-11-16', ground: 'contract-breach', groundNumber: 7 },
    });
    expect(JSON.stringify(entry)).not.toMatch(/CP-2026-00042|confidential/);
    expect((await registry(`q=${a.bin}&status=terminated`)).map((e) => e.bin)).toEqual([a.bin]);
    expect(await registry(`q=${a.bin}&status=active`)).toEqual([]);

    const res = await verify(participant.certificateNumber);
    expect(res.status).toBe(200);
    expect(body<CertificateVerification>(res)).toMatchObject({
      valid: false,
      status: 'terminated',
      termination: { terminatedOn: '2026-11-16', ground: 'contract-breach', groundNumber: 7 },
      certificate: { kind: 'registration', number: participant.certificateNumber },
    });
    expect(res.text).not.toMatch(/CP-2026-00042|confidential/);
    const csv = await h.http().get(`/registry/export?format=csv&q=${a.bin}`);
    expect(csv.text).toContain('"terminated","2026-11-16"');
    expect(csv.text).toContain('"contract-breach (F-28(7))"');
  });

  it('F-25, Annex 3: an approved extension moves the validity to the new end under the extension certificate number, which the verification page answers for; past the new end it is expired', async () => {
    const { a, participant } = await listed();
    const event = participationExtended({ participantId: participant.id, bin: a.bin, certificateNumber: participant.certificateNumber });
    expect(await deliverParticipation(h, event)).toBe('handled');
    const ext = event.payload.certificateNumber;

    h.clock.set('2027-12-01T04:00:00Z'); // after the original end (2027-11-15), within the extension
    const [entry] = await registry(`q=${a.bin}`);
    expect(entry).toMatchObject({
      status: 'active',
      validFrom: '2026-11-16',
      validTo: '2028-11-15',
      extensions: [{ certificateNumber: ext, issuedOn: '2027-10-20', validFrom: '2027-11-16', validTo: '2028-11-15' }],
      termination: null,
    });
    expect(body<CertificateVerification>(await verify(ext))).toMatchObject({
      valid: true,
      status: 'active',
      validTo: '2028-11-15',
      issuedOn: '2027-10-20',
      certificate: { kind: 'extension', number: ext, validFrom: '2027-11-16', validTo: '2028-11-15' },
    });
    expect(body<CertificateVerification>(await verify(participant.certificateNumber))).toMatchObject({ valid: true, status: 'active' });
    expect(body<ParticipantView>(await h.http().get(`/participants/${a.bin}`).set(auth(a.applicant)))).toMatchObject({
      status: 'active',
      validTo: '2028-11-15',
      end: null,
    });
    // F-20 stays the path while the participation is active.
    expect((await reRegister(a)).status).toBe(409);

    h.clock.set('2028-11-16T04:00:00Z'); // the day after the extended end: expired (computed from the current validity)
    expect((await registry(`q=${a.bin}`))[0]).toMatchObject({ status: 'expired', validTo: '2028-11-15' });
    expect(body<CertificateVerification>(await verify(ext))).toMatchObject({ valid: false, status: 'expired' });
  });

  it('F-27: the planned end participation publishes ends the validity on its day; unrelated participation events are skipped', async () => {
    const { a, participant } = await listed();
    const planned = participationTerminated(
      { participantId: participant.id, bin: a.bin },
      {
        kind: 'planned',
        ground: 'term-expired',
        groundNumber: null,
        decidedBy: 'term',
        decisionReference: null,
        endedOn: '2027-11-15',
        ruleIds: ['F-26', 'F-27'],
      },
    );
    expect(await deliverParticipation(h, planned)).toBe('handled');
    h.clock.set('2027-11-15T04:00:00Z');
    expect((await registry(`q=${a.bin}`))[0]).toMatchObject({ status: 'active', validTo: '2027-11-15', termination: null });
    h.clock.set('2027-11-16T04:00:00Z');
    expect((await registry(`q=${a.bin}`))[0]).toMatchObject({ status: 'expired', termination: null });
    const other = { ...planned, id: planned.id.replace(/.$/, '0'), type: FeeOverdueV1.type };
    expect(await deliverParticipation(h, other)).toBe('skipped');
  });
});

describe('re-registration (F-25 second part → F-8)', () => {
  it('F-25 → F-8: a company terminated early registers again — a new participant, a new certificate; the old entry stays terminated; while the new one is active a second registration is refused (F-20)', async () => {
    const { a, participant } = await listed();
    expect((await reRegister(a)).status).toBe(409); // active: F-20 is the path
    expect(await deliverParticipation(h, participationTerminated({ participantId: participant.id, bin: a.bin }, { endedOn: '2026-11-16' }))).toBe('handled');
    // The whole F-8 path again (draft → … → listed) for the same company.
    await driveTo(h, a, 'listed', { companyName: 'Again LLP' });
    const renewed = body<ParticipantView>(await h.http().get(`/participants/${a.bin}`).set(auth(a.officer)));
    expect(renewed.id).not.toBe(participant.id);
    expect(renewed.certificateNumber).not.toBe(participant.certificateNumber);
    expect(renewed).toMatchObject({ status: 'active', end: null });
    const entries = await registry(`q=${a.bin}`);
    expect(entries.map((e) => [e.certificateNumber, e.status]).sort()).toEqual(
      [
        [participant.certificateNumber, 'terminated'],
        [renewed.certificateNumber, 'active'],
      ].sort(),
    );
    expect(body<CertificateVerification>(await verify(renewed.certificateNumber))).toMatchObject({ valid: true, status: 'active' });
    expect((await reRegister(a)).status).toBe(409);
  });

  it('F-25 → F-8: after the term expired (no extension) the company may file a new registration application', async () => {
    const { a } = await listed();
    h.clock.set('2027-11-15T04:00:00Z');
    expect((await reRegister(a)).status).toBe(409); // the last day of the term: still a participant
    h.clock.set('2027-11-16T04:00:00Z');
    expect((await reRegister(a)).status).toBe(201);
  });
});
