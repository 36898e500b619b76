import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoticeDeliveredV1 } from '@hub/contracts';
import { type Harness, auth, decisionMade, deliver, newBin, outboxOf, remarksIssued, startHarness } from '../support/notifications-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('notifications_inbox');
});
afterAll(async () => {
  await h?.close();
});

interface InboxJson {
  unread: number;
  messages: { id: string; bin: string; ruleId: string; status: string; subject: string; dueOn: string | null; readAt: string | null }[];
}

describe('the in-portal inbox over HTTP (recipients from the token’s hub_companies, F-35)', () => {
  it('lists the caller’s companies’ messages with the unread count; marking read counts down once and proves the F-17 delivery once', async () => {
    const bin = newBin();
    const decision = decisionMade({ bin });
    await deliver(h, remarksIssued({ bin }));
    await deliver(h, decision);
    const token = await h.token(['applicant'], [bin]);

    const before = (await h.http().get('/inbox').set(auth(token)).expect(200)).body as InboxJson;
    expect(before.unread).toBe(2);
    expect(before.messages.map((m) => [m.ruleId, m.status, m.dueOn])).toEqual([
      ['F-17', 'unread', '2026-11-20'],
      ['F-14', 'unread', null],
    ]);

    const id = before.messages[0]!.id;
    const read = await h.http().post(`/inbox/${id}/read`).set(auth(token)).expect(200);
    expect(read.body).toMatchObject({ id, status: 'read', readAt: h.clock.now().toISOString() });
    await h.http().post(`/inbox/${id}/read`).set(auth(token)).expect(200);
    expect(((await h.http().get('/inbox').set(auth(token)).expect(200)).body as InboxJson).unread).toBe(1);

    const proofs = (await outboxOf(h, NoticeDeliveredV1.type)).filter((r) => r.envelope.payload.sourceEventId === decision.id);
    expect(proofs.map((p) => [p.envelope.payload.channel, p.envelope.payload.ruleId, p.envelope.payload.subjectId])).toEqual([
      ['portal', 'F-17', decision.payload.applicationId],
    ]);
  });

  it('another company’s representative sees none of it and cannot mark it read (404, not 403: nothing leaks)', async () => {
    const bin = newBin();
    await deliver(h, decisionMade({ bin }));
    const owner = await h.token(['applicant'], [bin]);
    const [message] = ((await h.http().get('/inbox').set(auth(owner)).expect(200)).body as InboxJson).messages;
    const stranger = await h.token(['applicant'], [newBin()]);
    expect((await h.http().get('/inbox').set(auth(stranger)).expect(200)).body).toEqual({ unread: 0, messages: [] });
    const res = await h.http().post(`/inbox/${message!.id}/read`).set(auth(stranger)).expect(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('preferences: only the company’s representative sets them; a bad address or language is a 400 naming the field', async () => {
    const bin = newBin();
    const token = await h.token(['applicant'], [bin]);
    await h
      .http()
      .put(`/recipients/${bin}/preferences`)
      .set(auth(await h.token(['applicant'], [newBin()])))
      .send({ language: 'ru', email: null })
      .expect(403);
    const bad = await h.http().put(`/recipients/${bin}/preferences`).set(auth(token)).send({ language: 'de', email: 'nope' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('email');
    expect(JSON.stringify(bad.body)).toContain('language');
    await h.http().put(`/recipients/${bin}/preferences`).set(auth(token)).send({ language: 'ru', email: 'a@b.kz' }).expect(200);
    expect((await h.http().get(`/recipients/${bin}/preferences`).set(auth(token)).expect(200)).body).toEqual({
      bin,
      language: 'ru',
      email: 'a@b.kz',
      emailReminders: true,
    });
  });

  it('staff have no inbox route here (the routes are for applicants)', async () => {
    await h
      .http()
      .get('/inbox')
      .set(auth(await h.token(['fund-officer'])))
      .expect(403);
    await h.http().get('/inbox').expect(401);
  });
});

describe('the message log for the Fund’s staff (issue #16)', () => {
  it('per application and per company: channel, status, attempts, due date — no body, the address masked (F-42); applicants may not read it', async () => {
    const bin = newBin();
    await h
      .http()
      .put(`/recipients/${bin}/preferences`)
      .set(auth(await h.token(['applicant'], [bin])))
      .send({ language: 'kk', email: 'director@alatau.kz' })
      .expect(200);
    const decision = decisionMade({ bin });
    await deliver(h, decision);
    const officer = await h.token(['fund-officer']);
    const byApplication = (await h.http().get(`/messages?subjectId=${decision.payload.applicationId}`).set(auth(officer)).expect(200)).body as Record<
      string,
      unknown
    >[];
    expect(byApplication.map((m) => [m.channel, m.status, m.recipient, m.ruleId, m.dueOn, m.attempts]).sort()).toEqual([
      ['email', 'pending', 'applicant <d***@alatau.kz>', 'F-17', '2026-11-20', 0],
      ['portal', 'unread', 'applicant', 'F-17', '2026-11-20', 0],
    ]);
    expect(JSON.stringify(byApplication)).not.toContain('director@');
    expect(byApplication[0]).not.toHaveProperty('body');
    expect(((await h.http().get(`/messages?bin=${bin}`).set(auth(officer)).expect(200)).body as unknown[]).length).toBe(2);
    const unfiltered = await h.http().get('/messages').set(auth(officer));
    expect(unfiltered.status).toBe(422);
    await h
      .http()
      .get(`/messages?bin=${bin}`)
      .set(auth(await h.token(['applicant'], [bin])))
      .expect(403);
  });
});
