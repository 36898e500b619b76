import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CertificateIssuedV1 } from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';
import { type Harness, deliver, participantRegistered, startHarness } from '../support/housing-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('housing_participants');
});
afterAll(async () => {
  await h?.close();
});

const participantRows = (participantId: string) =>
  h.sql<{ bin: string; company_name: string; term_start: string; term_end: string }>(
    `select bin, company_name, term_start::text, term_end::text from housing_participant where participant_id = ?`,
    [participantId],
  );
const inboxRows = (eventId: string) =>
  h.sql<{ consumer: string; event_type: string }>(`select consumer, event_type from hub_inbox where event_id = ?`, [eventId]);

describe("the consumer of registration's events, through the real EventConsumer on the real database", () => {
  it('participant-registered keeps a local copy of the participant; the same event twice has one effect (the inbox)', async () => {
    const event = participantRegistered();
    expect(await deliver(h, event)).toBe('handled');
    expect(await deliver(h, event, '1')).toBe('duplicate');
    expect(await participantRows(event.payload.participantId)).toEqual([
      { bin: event.payload.bin, company_name: event.payload.companyName, term_start: '2026-11-16', term_end: '2029-11-15' },
    ]);
    expect(await inboxRows(event.id)).toEqual([{ consumer: 'housing.registration-events', event_type: 'registration.participant-registered' }]);
  });

  it('the same fact published again under a new event id finds the participant there and changes nothing', async () => {
    const first = participantRegistered();
    const again = { ...first, id: uuidv7(), payload: { ...first.payload, companyName: 'Renamed LLP' } };
    expect(await deliver(h, first)).toBe('handled');
    expect(await deliver(h, again, '1')).toBe('handled');
    expect((await participantRows(first.payload.participantId)).map((r) => r.company_name)).toEqual([first.payload.companyName]);
  });

  it('skips the registration events it has no handler for, leaving no inbox row', async () => {
    const other = { ...participantRegistered(), type: CertificateIssuedV1.type };
    expect(await deliver(h, other)).toBe('skipped');
    expect(await inboxRows(other.id)).toEqual([]);
  });
});
