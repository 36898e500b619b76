import { expect } from 'vitest';
import { type Harness, auth, cohortEnrolment, deliverServices, json, newTown } from './housing-harness.js';

export type Town = { katoCode: string; name: string };
export type Person = { enrolment: ReturnType<typeof cohortEnrolment>; subject: string; iin: string };

export const manager = (h: Harness) => h.token(['housing-manager'], [], 'housing-manager-1');
export const personToken = (h: Harness, p: Person) => h.token(['applicant'], [], p.subject);

/** A building in a fresh town (its own waitlist) with one dwelling of `beds` beds; returns the town and the unit. */
export async function townWithDwelling(h: Harness, beds: number, town: Town = newTown()): Promise<{ town: Town; buildingId: string; unitId?: string }> {
  const t = await manager(h);
  const b = await h.http().post('/buildings').set(auth(t)).send({ name: 'Residence', address: 'Mangilik El 55/8', town });
  expect(b.status).toBe(201);
  const buildingId = json<{ id: string }>(b).id;
  if (beds === 0) return { town, buildingId };
  return { town, buildingId, unitId: await addDwelling(h, buildingId, beds) };
}

export async function addDwelling(h: Harness, buildingId: string, beds: number, code = `R-${Math.floor(Math.random() * 1e6)}`): Promise<string> {
  const u = await h
    .http()
    .post(`/buildings/${buildingId}/units`)
    .set(auth(await manager(h)))
    .send({
      code,
      kind: 'dwelling',
      rooms: [{ code: '1', beds: Array.from({ length: beds }, (_, i) => String.fromCharCode(97 + i)) }],
      inventory: [
        { item: 'bed', quantity: beds },
        { item: 'desk', quantity: 1 },
      ],
      meters: [{ code: 'E-1', kind: 'electricity' }],
    });
  expect(u.status, JSON.stringify(u.body)).toBe(201);
  return json<{ id: string }>(u).id;
}

/** services enrols a person (delivered through the real consumer). */
export async function enrol(h: Harness, town: Town, o: { enrolledOn?: string; cohortStartsOn?: string; cohortEndsOn?: string } = {}): Promise<Person> {
  const enrolment = cohortEnrolment({ town, ...o });
  expect(await deliverServices(h, enrolment)).toBe('handled');
  return { enrolment, subject: `person-${enrolment.payload.enrolmentId}`, iin: enrolment.payload.personIin };
}

export const declaration = { noHousingInTown: true, evidence: 'e-gov certificate: no real estate in the town' };

export async function requestHousing(
  h: Harness,
  p: Person,
  body: Record<string, unknown> = {},
): Promise<{ status: number; body: unknown; headers: Record<string, string> }> {
  return h
    .http()
    .post('/housing-requests')
    .set(auth(await personToken(h, p)))
    .send({ enrolmentId: p.enrolment.payload.enrolmentId, iin: p.iin, contacts: { phone: '+77010000001', email: 'p@example.kz' }, declaration, ...body });
}

export interface AllocationJson {
  id: string;
  caseId: string;
  unitId: string;
  bed: string;
  status: string;
  acceptBy: string;
  contractEndsOn: string | null;
  vacateBy: string | null;
  vacateOverdue: boolean;
}

export async function allocationsOf(h: Harness, p: Person): Promise<AllocationJson[]> {
  return json<AllocationJson[]>(
    await h
      .http()
      .get('/allocations')
      .set(auth(await personToken(h, p))),
  );
}

export const act = (signedOn: string) => ({
  signedOn,
  condition: 'Clean, no visible damage',
  inventory: [
    { item: 'bed', expected: 1, found: 1 },
    { item: 'desk', expected: 1, found: 1 },
  ],
  meterReadings: [{ meter: 'E-1', reading: '1234.5' }],
});
