import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoticeDeliveredV1 } from '@hub/contracts';
import {
  type Harness,
  auth,
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
 * is told as a person — the portal subject who filed (ADR 0107) — in their portal inbox; the IIN
 * appears nowhere.
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

  it('F-52, F-42: remarks to an individual published before services named the person write no message, and the IIN is stored nowhere', async () => {
    const iin = '900101300123';
    const event = serviceRemarksIssued({ recipientKind: 'individual', recipientId: iin });
    expect(await deliverServices(h, event)).toBe('handled');
    expect(await messagesOf(h, event.id)).toEqual([]);
    expect(await h.sql(`select 1 from notifications_message where bin = ? or body like ?`, [iin, `%${iin}%`])).toEqual([]);
  });

  it('F-52, ADR 0107: an individual gets the statutory notice in the portal inbox of the person who filed — once, read by them only, the IIN in no row, body or proof (F-42)', async () => {
    const iin = '900101300224';
    const person = `person-${iin.slice(-4)}-${Date.now()}`;
    const event = serviceRemarksIssued({ recipientKind: 'individual', recipientId: iin, filedBy: person });
    expect(await deliverServices(h, event)).toBe('handled');
    expect(await deliverServices(h, event, '1')).toBe('duplicate');
    const rows = await h.sql<{
      channel: string;
      bin: string | null;
      recipient_subject: string;
      language: string;
      rule_id: string;
      statutory: boolean;
      body: string;
    }>(`select channel, bin, recipient_subject, language, rule_id, statutory, body from notifications_message where source_event_id = ?`, [event.id]);
    expect(rows.map((r) => [r.channel, r.bin, r.recipient_subject, r.language, r.rule_id, r.statutory])).toEqual([
      ['portal', null, person, 'kk', 'F-52', true],
    ]);
    expect(rows[0]!.body).toContain('Қор 16.11.2026 күні');
    expect(rows[0]!.body).toContain('(Қор қағидаларының 52-тармағы)');
    const leaks = await h.sql(`select 1 from notifications_message m where m::text like ?`, [`%${iin}%`]);
    expect(leaks).toEqual([]);

    // the person's inbox over HTTP: theirs only (no company in the token), marked read by them
    type InboxJson = { unread: number; messages: { id: string; bin: string | null; status: string; subject: string }[] };
    const token = await h.token(['applicant'], [], person);
    const inbox = (await h.http().get('/inbox').set(auth(token)).expect(200)).body as InboxJson;
    expect(inbox.unread).toBe(1);
    expect(inbox.messages.map((m) => [m.bin, m.status, m.subject])).toEqual([
      [null, 'unread', 'Astana Hub, қызметтер: қызметке берген өтінішіңіз бойынша ескертулер'],
    ]);
    const stranger = await h.token(['applicant'], [newBin()], `${person}-other`);
    expect(((await h.http().get('/inbox').set(auth(stranger)).expect(200)).body as InboxJson).messages.map((m) => m.id)).not.toContain(inbox.messages[0]!.id);
    await h.http().post(`/inbox/${inbox.messages[0]!.id}/read`).set(auth(stranger)).expect(404);
    await h.http().post(`/inbox/${inbox.messages[0]!.id}/read`).set(auth(token)).expect(200);
    expect(((await h.http().get('/inbox').set(auth(token)).expect(200)).body as InboxJson).unread).toBe(0);
    // no proof is published under a person (there is no BIN, and an IIN never goes to Kafka from here)
    const proofs = (await outboxOf(h, NoticeDeliveredV1.type)).filter((p) => p.envelope.payload['subjectId'] === event.payload.applicationId);
    expect(proofs).toEqual([]);
    expect(JSON.stringify(await outboxOf(h, NoticeDeliveredV1.type))).not.toContain(iin);
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
