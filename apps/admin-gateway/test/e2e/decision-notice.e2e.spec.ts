import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '@hub/dev-smtp';
import { makeBin } from '@hub/identifiers';
import { uniqueName, waitFor } from '@hub/testing';
import { ProcessFleet, fleetEnv } from '../support/processes.js';
import { expectStatus } from '../support/registration-path.js';
import { draftBody } from '../support/registration-draft.js';

/**
 * Issue #16 (F-17, ADR 0092) through the gateway, every app its own process, real Kafka, PostgreSQL
 * and SMTP: the Commission decides → registration publishes `decision-made` → notifications writes the
 * notice in the company's language and sends it by e-mail → the SMTP server accepts it →
 * notifications publishes `notice-delivered` → registration records the notice as delivered by
 * e-mail and its 5 WD deadline is met — no officer records anything. The portal copy is in the
 * company's inbox through the gateway.
 */
describe('F-17 decision notice: registration → notifications → SMTP → registration, through the gateway', () => {
  const fleet = new ProcessFleet();
  const topicPrefix = `t.${uniqueName('notice').replace(/_/g, '-')}.`;
  const bin = makeBin({ year: 2018, month: 4, serial: 4000 + (process.pid % 5000) });
  let smtp: SmtpSink;
  let gw: string;
  const t: Record<string, string> = {};
  const auth = (who: string) => ({ authorization: `Bearer ${t[who]}` });
  const explained = async <T>(p: Promise<T>): Promise<T> =>
    p.catch((e: Error) => {
      throw new Error(
        `${e.message}\n--- registration ---\n${fleet.logs('registration').slice(-3000)}\n--- notifications ---\n${fleet.logs('notifications').slice(-3000)}`,
      );
    });

  beforeAll(async () => {
    smtp = await startSmtpSink();
    await fleet.createTopics(topicPrefix);
    await fleet.token('bootstrap', ['auditor']);
    const common = fleetEnv(fleet, topicPrefix);
    const [regDb, notDb, gwDb] = await Promise.all([
      fleet.createDatabase('registration'),
      fleet.createDatabase('notifications'),
      fleet.createDatabase('gateway'),
    ]);
    await Promise.all([fleet.migrate('registration', regDb), fleet.migrate('notifications', notDb), fleet.migrate('admin-gateway', gwDb)]);
    const [registration, notifications] = await Promise.all([
      fleet.startApp('registration', { ...common, DATABASE_URL: regDb }),
      fleet.startApp('notifications', { ...common, DATABASE_URL: notDb, NOTIFICATIONS_SMTP_URL: smtp.url, NOTIFICATIONS_DELIVERY_POLL_MS: '200' }),
    ]);
    gw = await fleet.startApp('admin-gateway', {
      HUB_AUTH_ISSUER: fleet.issuerUrl,
      HUB_AUTH_JWKS_FILE: fleet.jwksFile,
      DATABASE_URL: gwDb,
      REGISTRATION_URL: registration,
      HUB_GATEWAY_UPSTREAMS: JSON.stringify({ notifications }),
    });
    t.alice = await fleet.token('alice-rep', ['applicant'], [bin]);
    t.olga = await fleet.token('olga-officer', ['fund-officer']);
    t.marat = await fleet.token('marat-member', ['commission-member']);
    t.saule = await fleet.token('saule-secretary', ['commission-secretary']);
  }, 180_000); // measured 20–70 s on this 2-core machine under load

  afterAll(async () => {
    await fleet.close();
    await smtp?.stop();
  }, 60_000);

  it('F-17: the decision notice reaches the company by e-mail in its language, and the delivery closes the 5 WD deadline in registration', async () => {
    // The company's representative chooses English and an address for its notices (ADR 0090).
    expectStatus(
      await request(gw)
        .put(`/api/notifications/recipients/${bin}/preferences`)
        .set(auth('alice'))
        .send({ language: 'en', email: `board@${bin}.kz` }),
      200,
      'preferences',
    );
    const id = expectStatus(
      await request(gw)
        .post('/api/registration/applications')
        .set(auth('alice'))
        .send({ bin, companyName: `Notice Star ${bin}`, address: 'Astana', language: 'ru' }),
      201,
      'create',
    ).id as string;
    expectStatus(await request(gw).patch(`/api/registration/applications/${id}`).set(auth('alice')).send(draftBody()), 200, 'fill the draft');
    expectStatus(await request(gw).post(`/api/registration/applications/${id}/submit`).set(auth('alice')).send({}), 200, 'submit');
    expectStatus(await request(gw).post(`/api/registration/applications/${id}/send-to-commission`).set(auth('olga')).send({}), 200, 'send to commission');
    expectStatus(await request(gw).post(`/api/registration/applications/${id}/votes`).set(auth('marat')).send({ vote: 'register' }), 200, 'vote');
    const decided = expectStatus(
      await request(gw).post(`/api/registration/applications/${id}/decision`).set(auth('saule')).send({ decision: 'register' }),
      200,
      'decision',
    );
    expect(decided.notifiedAt).toBeNull();

    const mail = await explained(
      waitFor('the decision e-mail at the SMTP server', () => smtp.messages().find((m) => m.to.includes(`board@${bin}.kz`)), { timeoutMs: 30_000 }),
    );
    expect(mail.subject).toBe('Astana Hub: your application has been approved');

    type View = { notifiedAt: string | null; notifiedVia: string | null; deadlines: { kind: string; status: string }[] };
    const notified = await explained(
      waitFor(
        'registration records the delivered notice',
        async () => {
          const v = expectStatus(await request(gw).get(`/api/registration/applications/${id}`).set(auth('olga')), 200, 'application') as unknown as View;
          return v.notifiedVia ? v : undefined;
        },
        { timeoutMs: 30_000 },
      ),
    );
    expect(notified.notifiedVia).toBe('email');
    expect(notified.notifiedAt).not.toBeNull();
    expect(notified.deadlines.find((d) => d.kind === 'decision-notification')?.status).toBe('met');
    // The officer's record is now refused: the notice is proven already.
    expect((await request(gw).post(`/api/registration/applications/${id}/notification`).set(auth('olga')).send({})).status).toBe(409);

    // The portal copy in the company's inbox (the bell), through the gateway.
    const inbox = expectStatus(await request(gw).get('/api/notifications/inbox').set(auth('alice')), 200, 'inbox') as { items?: { subject?: string }[] };
    expect(JSON.stringify(inbox)).toContain('approved');
    expect(smtp.messages().filter((m) => m.to.includes(`board@${bin}.kz`))).toHaveLength(1);
  });
});
