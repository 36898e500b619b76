import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
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
 * Issue #17, ADR 0125: the registry's rows per (participant, activity type) are written by the
 * participant repository in the transaction that changes the participant — on the contract (F-18),
 * the listing (F-19), an extension (F-25), a termination (F-28) and an activity-type change (F-20) —
 * and always equal what `registration_participant` says; the filtered page reads them.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('reg_registry_rows', { start: '2026-11-16T04:00:00Z' });
});
afterAll(async () => {
  await h?.close();
});

interface Row {
  code: string;
  company_name: string;
  bin: string;
  certificate_number: string;
  listed: boolean;
  valid_to: string;
  ended_on: string | null;
  end_kind: string | null;
}
const COLUMNS = `code, company_name, bin, certificate_number, listed, valid_to::text, ended_on::text, end_kind`;
const rows = (participantId: string) =>
  h.sql<Row>(`select ${COLUMNS} from registration_registry_activity where participant_id = ? order by code`, [participantId]);
/** The rows as derived from the participants' own table (what the migration's backfill writes). */
const derived = () =>
  h.sql<Row & { participant_id: string }>(
    `select p.id as participant_id, t->>'code' as code, p.company_name, p.bin, p.certificate_number, p.listed_on is not null as listed,
            p.valid_to::text, p.ended_on::text, p.end_kind
       from registration_participant p cross join lateral jsonb_array_elements(p.activity_types) t order by 1, 2`,
  );
const stored = () => h.sql<Row & { participant_id: string }>(`select participant_id, ${COLUMNS} from registration_registry_activity order by 1, 2`);
const page = async (query: string) => body<RegistryPage>(await h.http().get(`/registry?${query}`));

describe('the registry rows per activity type (ADR 0125)', () => {
  it('F-18, F-19, F-25, F-28: written with the participant on the contract, the listing, an extension and a termination; the filtered page follows', async () => {
    const a = await actorsFor(h);
    await driveTo(h, a, 'contract-signed', { codes: ['PH-01', 'PH-02'] });
    const participant = body<ParticipantView>(await h.http().get(`/participants/${a.bin}`).set(auth(a.officer)));
    // F-18: a participant under contract is not listed yet — its rows say so, and no filtered page shows it.
    expect((await rows(participant.id)).map((r) => [r.code, r.listed])).toEqual([
      ['PH-01', false],
      ['PH-02', false],
    ]);
    expect((await page(`activityType=PH-02&q=${a.bin}`)).items).toEqual([]);

    const list = async () => {
      const app = (await h.sql<{ id: string }>(`select id from registration_application where participant_id = ?`, [participant.id]))[0]!;
      expect((await h.http().post(`/applications/${app.id}/certificate`).set(auth(a.officer))).status).toBeLessThan(300);
      expect((await h.http().post(`/applications/${app.id}/listing`).set(auth(a.officer))).status).toBeLessThan(300);
    };
    await list();
    expect((await rows(participant.id)).map((r) => [r.code, r.listed, r.valid_to])).toEqual([
      ['PH-01', true, '2027-11-15'],
      ['PH-02', true, '2027-11-15'],
    ]);
    const listed = await page(`activityType=PH-02&q=${a.bin}`);
    expect(listed.items.map((e) => e.bin)).toEqual([a.bin]);
    expect(listed.total).toBe(1);

    // F-25: an extension moves the validity of every row.
    expect(
      await deliverParticipation(h, participationExtended({ participantId: participant.id, bin: a.bin, certificateNumber: participant.certificateNumber })),
    ).toBe('handled');
    expect((await rows(participant.id)).map((r) => r.valid_to)).toEqual(['2028-11-15', '2028-11-15']);

    // F-28: an early termination — the status filter on the rows follows.
    expect(await deliverParticipation(h, participationTerminated({ participantId: participant.id, bin: a.bin }, { endedOn: '2026-11-16' }))).toBe('handled');
    expect((await rows(participant.id)).map((r) => [r.ended_on, r.end_kind])).toEqual([
      ['2026-11-16', 'early'],
      ['2026-11-16', 'early'],
    ]);
    expect((await page(`activityType=PH-01&status=terminated&q=${a.bin}`)).items.map((e) => e.bin)).toEqual([a.bin]);
    expect((await page(`activityType=PH-01&status=active&q=${a.bin}`)).items).toEqual([]);
    expect(await stored()).toEqual(await derived());
  });

  it('F-20: an approved activity-type change rewrites the rows — a removed type is gone, an added one is there — in the same commit', async () => {
    h.clock.set('2026-11-16T04:00:00Z');
    const a = await actorsFor(h);
    await driveTo(h, a, 'listed', { codes: ['PH-01', 'PH-02'] });
    const participant = body<ParticipantView>(await h.http().get(`/participants/${a.bin}`).set(auth(a.officer)));
    const created = await h
      .http()
      .post('/applications')
      .set(auth(a.applicant))
      .send({ kind: 'activity-change', bin: a.bin, companyName: `Company ${a.bin}`, address: 'Astana', language: 'ru' });
    expect(created.status).toBe(201);
    const cid = body(created).id;
    const { sampleBusinessPlan } = await import('../../src/cli/sample-data.js');
    const patched = await h
      .http()
      .patch(`/applications/${cid}`)
      .set(auth(a.applicant))
      .send({
        activityTypes: [
          { code: 'PH-02', works: ['PH-02.1'] },
          { code: 'PH-03', works: ['PH-03.1'] },
        ],
        businessPlan: sampleBusinessPlan(['PH-02', 'PH-03']),
      });
    expect(patched.status).toBe(200);
    expect((await h.http().post(`/applications/${cid}/submit`).set(auth(a.applicant))).status).toBe(200);
    await h.http().post(`/applications/${cid}/send-to-commission`).set(auth(a.officer));
    await h.http().post(`/applications/${cid}/votes`).set(auth(a.member1)).send({ vote: 'register' });
    const decided = await h.http().post(`/applications/${cid}/decision`).set(auth(a.secretary)).send({ decision: 'register' });
    expect(body(decided).status).toBe('registered');

    expect((await rows(participant.id)).map((r) => [r.code, r.listed])).toEqual([
      ['PH-02', true],
      ['PH-03', true],
    ]);
    expect((await page(`activityType=PH-03&q=${a.bin}`)).items.map((e) => e.bin)).toEqual([a.bin]);
    expect((await page(`activityType=PH-01&q=${a.bin}`)).items).toEqual([]);
    expect(await stored()).toEqual(await derived());
  });
});
