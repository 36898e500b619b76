import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type EventEnvelope,
  HousingOfferMadeV1,
  HousingPremisesAllocatedV1,
  HousingPremisesHandBackOverdueV1,
  HousingPremisesReleasedV1,
  type PayloadOf,
} from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';
import { type Harness, deliverHousing, housingEnvelopeOf, delivery, messagesOf, newBin, prefer, startHarness } from '../support/notifications-harness.js';

/**
 * F-57, F-58, ADR 0053: housing's premises facts through notifications' real consumer, on the real
 * database and a real SMTP server — the participant company told of premises allocated (the period),
 * of the use ending (the reason, the last day and the hand-back day) and of an overdue hand-back, in
 * its language, once; nothing personal in them (F-42: the BIN and the lease only).
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('notifications_housing');
});
afterAll(async () => {
  await h?.close();
});

const leaseOf = (bin: string) => ({
  leaseId: uuidv7(),
  participantId: uuidv7(),
  bin,
  unitId: uuidv7(),
  premisesKind: 'production' as const,
});
const allocated = (bin: string): EventEnvelope<PayloadOf<typeof HousingPremisesAllocatedV1>> => {
  const lease = leaseOf(bin);
  return housingEnvelopeOf(HousingPremisesAllocatedV1.type, lease.leaseId, { ...lease, startsOn: '2026-12-14', endsOn: '2029-11-15' });
};
const released = (bin: string, handBackBy: string | null): EventEnvelope<PayloadOf<typeof HousingPremisesReleasedV1>> => {
  const lease = leaseOf(bin);
  return housingEnvelopeOf(HousingPremisesReleasedV1.type, lease.leaseId, {
    ...lease,
    lastDayOfUse: '2026-12-15',
    reason: 'participation-terminated',
    handBackBy,
  });
};

describe("housing's premises become messages to the participant company (F-57, F-58, ADR 0053)", () => {
  it('F-57/F-58: premises allocated — the kind and the period, in the company language, by e-mail and in the portal, once', async () => {
    const bin = newBin();
    await prefer(h, bin, 'ru', `office@${bin}.kz`);
    const event = allocated(bin);
    expect(await deliverHousing(h, event)).toBe('handled');
    expect(await deliverHousing(h, event, '1')).toBe('duplicate');
    const rows = await messagesOf(h, event.id);
    expect(rows.map((r) => [r.channel, r.language, r.address])).toEqual([
      ['email', 'ru', `office@${bin}.kz`],
      ['portal', 'ru', null],
    ]);
    expect(rows[0]!.subject).toBe(`Astana Hub: помещение предоставлено, БИН ${bin}`);
    expect(rows[0]!.body).toContain('производственное помещение с 14.12.2026 по 15.11.2029 включительно');
    expect(rows[0]!.body).toContain('/my/premises');
    await delivery(h).runOnce();
    expect(h.smtp.messages().filter((m) => m.to.includes(`office@${bin}.kz`))).toHaveLength(1);
  });

  it('F-58 (ADR 0053): the use ends — the reason, the last day and the hand-back day across Independence Day (from housing), in Kazakh without a preference; English when chosen', async () => {
    const bin = newBin();
    const ended = released(bin, '2026-12-18');
    expect(await deliverHousing(h, ended)).toBe('handled');
    const [kk] = await messagesOf(h, ended.id);
    expect([kk!.channel, kk!.language, kk!.subject]).toEqual(['portal', 'kk', 'Astana Hub: үй-жайды 18.12.2026 дейін қайтарыңыз']);
    expect(kk!.body).toContain('қатысу тоқтатылғандықтан тоқтатылады; пайдаланудың соңғы күні — 15.12.2026');

    await prefer(h, bin, 'en', null);
    const older = released(bin, null); // an older producer without the hand-back day: the ADR's period in words
    expect(await deliverHousing(h, older)).toBe('handled');
    const [en] = await messagesOf(h, older.id);
    expect(en!.subject).toBe('Astana Hub: hand back the premises by the 2nd working day after the last day of use');
    expect(en!.body).toContain(
      'The use of the production premises by your company ends because the participation terminated; the last day of use is 2026-12-15',
    );
  });

  it('F-58 (ADR 0053): an overdue hand-back is told to the company; a dwelling offer published before housing named the person (ADR 0116) writes nothing', async () => {
    const bin = newBin();
    await prefer(h, bin, 'en', `office@${bin}.kz`, { emailReminders: false });
    const lease = leaseOf(bin);
    const overdue = housingEnvelopeOf(HousingPremisesHandBackOverdueV1.type, lease.leaseId, { ...lease, lastDayOfUse: '2026-12-15', handBackBy: '2026-12-18' });
    expect(await deliverHousing(h, overdue)).toBe('handled');
    const rows = await messagesOf(h, overdue.id);
    expect(rows.map((r) => [r.channel, r.language])).toEqual([['portal', 'en']]); // not statutory: the e-mail copy follows the switch
    expect(rows[0]!.subject).toBe('Astana Hub: the premises were not handed back by 2026-12-18');
    expect(rows[0]!.body).toContain(`BIN ${bin}`);

    const offer = housingEnvelopeOf(HousingOfferMadeV1.type, uuidv7(), {
      allocationId: uuidv7(),
      unitId: uuidv7(),
      buildingId: uuidv7(),
      bed: '1/a',
      townKatoCode: '710000000',
      caseId: uuidv7(),
      enrolmentId: uuidv7(),
      offeredAt: '2026-12-14T04:00:00.000Z',
      acceptBy: '2026-12-18',
    });
    expect(await deliverHousing(h, offer)).toBe('handled');
    expect(await messagesOf(h, offer.id)).toEqual([]);
  });
});
