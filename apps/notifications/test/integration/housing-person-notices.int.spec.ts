import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HousingActSignedV1, HousingOfferMadeV1, HousingUnitAllocatedV1, HousingVacateRequiredV1, NoticeDeliveredV1, type PayloadOf } from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';
import { type Harness, deliverHousing, housingEnvelopeOf, auth, newBin, outboxOf, startHarness } from '../support/notifications-harness.js';

/**
 * F-59 … F-62, ADR 0116: housing's facts about a person in acceleration through notifications' real
 * consumer on the real database — the offer with its accept-by day (F-62, ADR 0057), the housing
 * contract (F-60), the F-61 notice to vacate by the exact working day housing computed (across
 * Independence Day), the acts signed — each a portal message to the person housing names by their
 * portal subject (ADR 0107), once, read by them only. Nothing of the place or the person in a body
 * (F-42): the dates, the contract number and the link to /my/housing.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('notifications_housing_person');
});
afterAll(async () => {
  await h?.close();
});

const placeOf = () => ({
  allocationId: uuidv7(),
  unitId: uuidv7(),
  buildingId: uuidv7(),
  bed: 'room-7/bed-b',
  townKatoCode: '710000000',
  caseId: uuidv7(),
});
const newPerson = () => `person-${uuidv7()}`;

type Row = {
  channel: string;
  bin: string | null;
  recipient_subject: string;
  language: string;
  rule_id: string;
  statutory: boolean;
  subject: string;
  body: string;
};
const rowsOf = (sourceEventId: string) =>
  h.sql<Row>(
    `select channel, bin, recipient_subject, language, rule_id, statutory, subject, body from notifications_message where source_event_id = ? order by channel`,
    [sourceEventId],
  );
type InboxJson = { unread: number; messages: { id: string; bin: string | null; status: string; subject: string }[] };

/** F-42: neither the bed, the unit, the building, the case nor the person's subject appear in a body. */
function expectNothingOfThePlace(body: string, place: ReturnType<typeof placeOf>, person: string): void {
  for (const v of [place.bed, place.unitId, place.buildingId, place.caseId, place.townKatoCode, person]) expect(body).not.toContain(v);
  expect(body).toContain('/my/housing');
}

describe('housing tells the person in acceleration (F-59 … F-62, ADR 0116)', () => {
  it('F-62 (ADR 0057): an offer — the accept-by day, in the portal inbox of the person offered, once; a stranger sees nothing', async () => {
    const person = newPerson();
    const place = placeOf();
    const offer = housingEnvelopeOf(HousingOfferMadeV1.type, place.allocationId, {
      ...place,
      enrolmentId: uuidv7(),
      offeredAt: '2026-12-14T04:00:00.000Z',
      acceptBy: '2026-12-18',
      personSubject: person,
    } satisfies PayloadOf<typeof HousingOfferMadeV1>);
    expect(await deliverHousing(h, offer)).toBe('handled');
    expect(await deliverHousing(h, offer, '1')).toBe('duplicate');
    const rows = await rowsOf(offer.id);
    expect(rows.map((r) => [r.channel, r.bin, r.recipient_subject, r.language, r.rule_id, r.statutory])).toEqual([
      ['portal', null, person, 'kk', 'F-62', false],
    ]);
    expect(rows[0]!.subject).toBe('Astana Hub: сізге орын ұсынылды — 18.12.2026 дейін жауап беріңіз');
    expect(rows[0]!.body).toContain('14.12.2026 Қор сізге');
    expect(rows[0]!.body).toContain('(Қор қағидаларының 62-тармағы)');
    expectNothingOfThePlace(rows[0]!.body, place, person);

    const token = await h.token(['applicant'], [], person);
    const inbox = (await h.http().get('/inbox').set(auth(token)).expect(200)).body as InboxJson;
    expect(inbox.messages.map((m) => [m.bin, m.status, m.subject])).toEqual([[null, 'unread', rows[0]!.subject]]);
    const stranger = await h.token(['applicant'], [newBin()], `${person}-other`);
    expect(((await h.http().get('/inbox').set(auth(stranger)).expect(200)).body as InboxJson).messages.map((m) => m.id)).not.toContain(inbox.messages[0]!.id);
    await h.http().post(`/inbox/${inbox.messages[0]!.id}/read`).set(auth(stranger)).expect(404);
  });

  it('F-61 (ADR 0058, 0116): expelled on Tuesday 15.12.2026 — vacate by Friday 18.12.2026 (Independence Day skipped by housing), statutory, read by the person; no proof under a person', async () => {
    const person = newPerson();
    const place = placeOf();
    const vacate = housingEnvelopeOf(HousingVacateRequiredV1.type, place.allocationId, {
      ...place,
      vacateBy: '2026-12-18',
      reason: 'expulsion',
      personSubject: person,
    } satisfies PayloadOf<typeof HousingVacateRequiredV1>);
    expect(await deliverHousing(h, vacate)).toBe('handled');
    const rows = await rowsOf(vacate.id);
    expect(rows.map((r) => [r.channel, r.recipient_subject, r.rule_id, r.statutory])).toEqual([['portal', person, 'F-61', true]]);
    expect(rows[0]!.subject).toBe('Astana Hub: тұрғын үйді 18.12.2026 дейін босатыңыз');
    expect(rows[0]!.body).toContain('бағдарламадан шығарылуыңызға байланысты тоқтатылады (Қор қағидаларының 61-тармағы)');
    expect(rows[0]!.body).toContain('2 жұмыс күні ішінде — 18.12.2026 қоса алғанда дейін');
    expectNothingOfThePlace(rows[0]!.body, place, person);

    const token = await h.token(['applicant'], [], person);
    const inbox = (await h.http().get('/inbox').set(auth(token)).expect(200)).body as InboxJson;
    expect(inbox.unread).toBe(1);
    await h.http().post(`/inbox/${inbox.messages[0]!.id}/read`).set(auth(token)).expect(200);
    expect(((await h.http().get('/inbox').set(auth(token)).expect(200)).body as InboxJson).unread).toBe(0);
    // ADR 0116: the F-61 day runs from the expulsion, housing keeps no notice record — and a person has no BIN to publish a proof under
    const proofs = (await outboxOf(h, NoticeDeliveredV1.type)).filter((p) => p.envelope.payload['sourceEventId'] === vacate.id);
    expect(proofs).toEqual([]);

    const completion = housingEnvelopeOf(HousingVacateRequiredV1.type, place.allocationId, {
      ...place,
      vacateBy: '2027-01-05',
      reason: 'completion',
      personSubject: person,
    });
    expect(await deliverHousing(h, completion)).toBe('handled');
    expect((await rowsOf(completion.id))[0]!.body).toContain('бағдарлама аяқталуына байланысты тоқтатылады');
  });

  it('F-60: the contract concluded (its number and term) and the check-in act; F-61: the acceptance-transfer act — each from its own template', async () => {
    const person = newPerson();
    const place = placeOf();
    const contract = housingEnvelopeOf(HousingUnitAllocatedV1.type, place.allocationId, {
      ...place,
      enrolmentId: uuidv7(),
      contractNumber: 'HC-2026-0042',
      startsOn: '2026-12-17',
      contractEndsOn: '2027-05-31',
      personSubject: person,
    } satisfies PayloadOf<typeof HousingUnitAllocatedV1>);
    expect(await deliverHousing(h, contract)).toBe('handled');
    const [c] = await rowsOf(contract.id);
    expect([c!.recipient_subject, c!.rule_id, c!.statutory, c!.subject]).toEqual([
      person,
      'F-60',
      false,
      'Astana Hub: тұрғын үйді жалдау шарты HC-2026-0042 жасалды',
    ]);
    expect(c!.body).toContain('17.12.2026 бастап 31.05.2027 қоса алғанда');
    expectNothingOfThePlace(c!.body, place, person);

    const act = (kind: 'check-in' | 'acceptance-transfer', signedOn: string) =>
      housingEnvelopeOf(HousingActSignedV1.type, place.allocationId, {
        ...place,
        kind,
        signedOn,
        inventoryMissing: 1,
        damagesTiyn: 1_500_000,
        documentIds: [],
        personSubject: person,
      } satisfies PayloadOf<typeof HousingActSignedV1>);
    const checkIn = act('check-in', '2026-12-17');
    const handover = act('acceptance-transfer', '2027-05-31');
    expect(await deliverHousing(h, checkIn)).toBe('handled');
    expect(await deliverHousing(h, handover)).toBe('handled');
    const [i] = await rowsOf(checkIn.id);
    const [t] = await rowsOf(handover.id);
    expect([i!.rule_id, i!.subject]).toEqual(['F-60', 'Astana Hub: қоныстану актісіне 17.12.2026 қол қойылды']);
    expect([t!.rule_id, t!.subject]).toEqual(['F-61', 'Astana Hub: қабылдау-өткізу актісіне 31.05.2027 қол қойылды']);
    expectNothingOfThePlace(t!.body, place, person);
    expect(t!.body).not.toContain('15000'); // the damages stay behind the link

    const token = await h.token(['applicant'], [], person);
    expect(((await h.http().get('/inbox').set(auth(token)).expect(200)).body as InboxJson).unread).toBe(3);
  });

  it('an event published before housing named the person (no personSubject) tells nobody', async () => {
    const place = placeOf();
    const older = housingEnvelopeOf(HousingVacateRequiredV1.type, place.allocationId, { ...place, vacateBy: '2026-12-18', reason: 'expulsion' });
    expect(await deliverHousing(h, older)).toBe('handled');
    expect(await rowsOf(older.id)).toEqual([]);
  });
});
