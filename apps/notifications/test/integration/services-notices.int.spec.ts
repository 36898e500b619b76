import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoticeDeliveredV1 } from '@hub/contracts';
import {
  type Harness,
  deliverServices,
  delivery,
  messagesOf,
  newBin,
  outboxOf,
  prefer,
  serviceRemarksIssued,
  startHarness,
} from '../support/notifications-harness.js';

/**
 * Issue #16, ADR 0094: services' F-52 remarks become a statutory notice to the recipient company
 * through notifications' real consumer on the real database and a real SMTP server — each F-48
 * field named in the company's language, the texts behind the portal link. An individual recipient
 * has no company inbox: nothing is written, and the IIN appears nowhere.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('notifications_services');
});
afterAll(async () => {
  await h?.close();
});

describe("services' F-52 remarks become a statutory notice", () => {
  it('F-52: a company gets the notice naming each field in its language, by e-mail and in the portal, once; the accepted e-mail is published as the proof', async () => {
    const bin = newBin();
    await prefer(h, bin, 'en', `office@${bin}.kz`);
    const event = serviceRemarksIssued({ recipientId: bin });
    expect(await deliverServices(h, event)).toBe('handled');
    expect(await deliverServices(h, event, '1')).toBe('duplicate');
    const rows = await messagesOf(h, event.id);
    expect(rows.map((r) => [r.channel, r.language])).toEqual([
      ['email', 'en'],
      ['portal', 'en'],
    ]);
    expect(rows[0]!.subject).toBe('Astana Hub services: remarks on your service application');
    expect(rows[0]!.body).toContain('On 2026-11-16 the Fund found');
    expect(rows[0]!.body).toContain('- short description of the project\n- contact phone');
    expect(rows[0]!.body).toContain(`/services/applications/${event.payload.applicationId}`);

    expect((await delivery(h).runOnce()).map((o) => o.outcome)).toContain('sent');
    const proofs = (await outboxOf(h, NoticeDeliveredV1.type)).filter((o) => o.envelope.payload['sourceEventId'] === event.id);
    expect(proofs.map((p) => [p.envelope.payload['ruleId'], p.envelope.payload['channel'], p.envelope.payload['bin']])).toEqual([['F-52', 'email', bin]]);
  });

  it('F-52, F-42: remarks to an individual write no message, and the IIN is stored nowhere in notifications', async () => {
    const iin = '900101300123';
    const event = serviceRemarksIssued({ recipientKind: 'individual', recipientId: iin });
    expect(await deliverServices(h, event)).toBe('handled');
    expect(await messagesOf(h, event.id)).toEqual([]);
    expect(await h.sql(`select 1 from notifications_message where bin = ? or body like ?`, [iin, `%${iin}%`])).toEqual([]);
  });

  it('F-52: a path the contract does not list (the dev stack\'s "revenue") still gets the statutory notice, naming it by its path — no dead letter', async () => {
    const bin = newBin();
    await prefer(h, bin, 'kk', null);
    const event = serviceRemarksIssued({ recipientId: bin, fields: ['revenue', 'readiness.stage'] });
    expect(await deliverServices(h, event)).toBe('handled');
    const [portal] = await messagesOf(h, event.id);
    expect(portal!.channel).toBe('portal');
    expect(portal!.body).toContain('- өтініштің басқа жолы: revenue\n- жобаның дайындық сатысы');
  });
});
