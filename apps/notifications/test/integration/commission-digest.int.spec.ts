import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ClustersCommissionAgendaChangedV1,
  CommissionVoteCastV1,
  DecisionMadeV1,
  type EventEnvelope,
  SentToCommissionV1,
  TOPICS,
  TrainingCommissionAgendaChangedV1,
  topicSpecs,
} from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';
import { KafkaJsMessageBus, type MessageBus, PrefixedMessageBus, Timers } from '@hub/messaging';
import { MESSAGE_BUS, UnitOfWork } from '@hub/nest-commons';
import { testKafkaBrokers, uniqueName, waitFor } from '@hub/testing';
import { COMMISSION_DIGEST_TIMER, CommissionDigests, commissionDigestSourceId } from '../../src/messages/application/commission-digests.js';
import { type Harness, auth, newBin, poller, startHarness } from '../support/notifications-harness.js';

/**
 * Issue #16, ADR 0138 §2–§4: the Commission members' "awaiting your vote" digest on the real PostgreSQL,
 * Kafka and SMTP server. The contract events are published to this run's own Kafka topics as registration,
 * training and clusters publish them (the workers on: the app's consumers read them through its inbox, the
 * durable timer fires, the e-mail worker sends); members are learnt from their verified tokens (ADR 0114 §2).
 */
const registration = TOPICS.registration.name;
const training = TOPICS.training.name;
const clusters = TOPICS.clusters.name;

let h: Harness;
beforeAll(async () => {
  const prefix = `t.${uniqueName('notifications-cdigest').replace(/_/g, '-')}.`;
  const admin = new PrefixedMessageBus(new KafkaJsMessageBus({ clientId: 'notifications-cdigest-topics', brokers: testKafkaBrokers() }), prefix);
  try {
    await admin.createTopics(topicSpecs().filter((t) => [registration, training, clusters].some((name) => t.name === name || t.name === `${name}.dlq`)));
  } finally {
    await admin.close();
  }
  h = await startHarness('notifications_cdigest', {
    workers: true,
    env: { HUB_KAFKA_TOPIC_PREFIX: prefix, HUB_PII_KEYS: `t1:${randomBytes(32).toString('base64')}`, HUB_PII_ACTIVE_KEY: 't1' },
  });
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const bus = () => h.app.get<MessageBus>(MESSAGE_BUS);
const envelopeOf = <P>(type: string, aggregateId: string, payload: P): EventEnvelope<P> => ({
  id: uuidv7(),
  type,
  version: 1,
  occurredAt: h.clock.now().toISOString(),
  correlationId: uuidv7(),
  causationId: null,
  aggregateId,
  payload,
});
/** Publishes to the real Kafka as the owner's outbox relay would; each envelope as many times as listed (at-least-once). */
const publish = (topic: string, key: string, ...events: EventEnvelope[]) => bus().publish(events.map((e) => ({ topic, key, value: JSON.stringify(e) })));

const RUN = Date.now();
const A = `member-a-${RUN}`;
const B = `member-b-${RUN}`;
const C = `member-c-${RUN}`;
const D = `member-d-${RUN}`;
const E = `cluster-member-e-${RUN}`;
const address = (who: string) => `${who}@commission.test`;

/** The member opens their settings screen: their contact is learnt from the verified token (ADR 0114 §2, ADR 0138 §3). */
async function signIn(sub: string, locale: string, roles: string[] = ['commission-member']) {
  const token = await h.issuer.issue({ sub, roles, companies: [], name: sub, email: address(sub), locale });
  const res = await h.http().get('/me/notification-settings').set(auth(token)).expect(200);
  return { token, settings: res.body as Record<string, unknown> };
}

/**
 * ADR 0145: the member only signs in — the portal's shell says hello (`PUT /me/contact`, once per session) and
 * they never open their settings; twice (a second session) changes nothing. Returns the stored contact.
 */
async function signInOnly(sub: string, locale: string, roles: string[] = ['commission-member']) {
  const token = await h.issuer.issue({ sub, roles, companies: [], name: sub, email: address(sub), locale });
  for (let session = 0; session < 2; session++) expect((await h.http().put('/me/contact').set(auth(token)).expect(204)).text).toBe('');
  return h.sql<{
    subject: string;
    roles: string[];
    claimed_language: string;
    email_known: boolean;
    commission_digest: boolean;
    chosen_language: string | null;
  }>(
    `select subject, roles, claimed_language, email_cipher is not null as email_known, commission_digest, chosen_language from notifications_person_contact where subject = ?`,
    [sub],
  );
}

interface DigestRow {
  recipient_subject: string;
  recipient_role: string;
  language: string;
  subject: string;
  body: string;
  bin: string | null;
}
const digestRows = (day: string) =>
  h.sql<DigestRow>(
    `select recipient_subject, recipient_role, language, subject, body, bin from notifications_message where source_event_id = ? order by recipient_subject`,
    [commissionDigestSourceId(day)],
  );
const liveTimers = () =>
  h.sql<{ day: string; due: string }>(
    `select payload->>'day' as day, to_char(due_at at time zone 'Asia/Almaty', 'YYYY-MM-DD HH24:MI') as due from hub_timer where kind = ? and status = 'scheduled' order by due_at`,
    [COMMISSION_DIGEST_TIMER],
  );
const items = (context: string) =>
  h.sql<{ application_id: string; due_on: string | null; awaiting: string[]; voted: string[]; closed: boolean }>(
    `select application_id, to_char(due_on, 'YYYY-MM-DD') as due_on, awaiting, voted, closed from notifications_commission_agenda_item where context = ? order by application_id`,
    [context],
  );
/** The digest of `day` fired at 08:30 Almaty (the workers' poller, or this call — whichever comes first; the timer runs once). */
async function fire(day: string, expectRows: number): Promise<DigestRow[]> {
  h.clock.set(`${day}T03:30:00Z`);
  await poller(h).runDue();
  return waitFor(`the commission digests of ${day}`, async () => {
    const rows = await digestRows(day);
    const armed = (await liveTimers())[0]?.day ?? '';
    return rows.length === expectRows && armed > day ? rows : undefined;
  });
}

const intake = uuidv7();
const app1 = uuidv7();
const app2 = uuidv7();
const app3 = uuidv7();
const bin3 = newBin();

describe('ADR 0138: the Commission members’ digest', () => {
  it('is seeded at start for 08:30 Almaty on the next working day (the staff digest’s chain, ADR 0108 §4)', async () => {
    // the harness's clock: Monday 16 November 2026, 09:00 Almaty — today's 08:30 has passed
    await h.app.get(CommissionDigests).chain.ensureArmed();
    expect(await liveTimers()).toEqual([{ day: '2026-11-17', due: '2026-11-17 08:30' }]);
  });

  it('opens /me/notification-settings to Commission members with the digest switch on by default; applicants have none (422 naming the field)', async () => {
    const a = await signIn(A, 'ru');
    expect(a.settings).toEqual({
      language: null,
      effectiveLanguage: 'ru',
      emailKnown: true,
      kinds: { statutory: { email: true }, reminders: { email: true } },
      commissionDigest: true,
    });
    await signIn(B, 'en');
    expect((await signIn(E, 'kk', ['cluster-commission-member'])).settings).toMatchObject({ commissionDigest: true });
    const applicant = await h.issuer.issue({ sub: `applicant-${RUN}`, roles: ['applicant'], companies: [], name: 'x' });
    expect((await h.http().get('/me/notification-settings').set(auth(applicant)).expect(200)).body).toMatchObject({ commissionDigest: null });
    const refused = await h
      .http()
      .put('/me/notification-settings')
      .set(auth(applicant))
      .send({ language: null, kinds: { statutory: { email: true }, reminders: { email: true } }, commissionDigest: false });
    expect(refused.status).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(refused.body)).toContain('commissionDigest');
    const bad = await h
      .http()
      .put('/me/notification-settings')
      .set(auth(a.token))
      .send({ language: null, kinds: { statutory: { email: true }, reminders: { email: true } }, commissionDigest: 'off' });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(bad.body)).toContain('commissionDigest');
    // a fund officer still has no person settings (the route is the persons')
    await h
      .http()
      .get('/me/notification-settings')
      .set(auth(await h.token(['fund-officer'])))
      .expect(403);
  });

  it('training’s agenda (F-69: B declared a conflict on one application): A’s e-mail lists 2, B’s lists 1, no BIN; a duplicate and an older snapshot change nothing', async () => {
    const state = (asOf: string, items: { applicationId: string; dueOn: string | null; awaiting: string[] }[]) =>
      envelopeOf(TrainingCommissionAgendaChangedV1.type, intake, { intakeId: intake, members: [A, B], items, closed: false, asOf });
    const current = state('2026-11-16T05:00:00.000Z', [
      { applicationId: app1, dueOn: '2026-11-20', awaiting: [A, B] },
      { applicationId: app2, dueOn: '2026-11-19', awaiting: [A] }, // B conflicted: training leaves B out
    ]);
    const older = state('2026-11-16T04:00:00.000Z', [{ applicationId: uuidv7(), dueOn: '2026-11-18', awaiting: [A, B] }]);
    await publish(training, intake, current, current, older);
    const kept = await waitFor('training’s agenda kept', async () => {
      const r = await items('training');
      const head = await h.sql<{ as_of: Date }>(`select as_of from notifications_commission_agenda where commission_id = ?`, [intake]);
      return r.length === 2 && head.length === 1 ? r : undefined;
    });
    // give the older snapshot time to arrive after the current one (same key, same partition: in order)
    await waitFor('every copy consumed', async () => {
      const n = await h.sql<{ n: string }>(`select count(*) as n from hub_inbox where consumer = 'notifications.commission-agendas'`);
      return Number(n[0]!.n) >= 2 ? true : undefined;
    });
    expect((await items('training')).map((i) => [i.application_id, i.due_on, [...i.awaiting].sort()])).toEqual(
      kept.map((i) => [i.application_id, i.due_on, [...i.awaiting].sort()]),
    );
    expect(kept.find((i) => i.application_id === app2)!.awaiting).toEqual([A]);

    const rows = await fire('2026-11-17', 2);
    expect(rows.map((r) => [r.recipient_subject, r.recipient_role, r.language, r.bin])).toEqual([
      [A, 'commission', 'ru', null],
      [B, 'commission', 'en', null],
    ]);
    const a = rows.find((r) => r.recipient_subject === A)!;
    expect(a.subject).toBe('Astana Hub: ваш голос ожидают заявки (2) — 17.11.2026');
    const short = (id: string) => `#${id.replace(/-/g, '').slice(-8)}`;
    // earliest due first: app2 (19 Nov) before app1 (20 Nov); a link into the portal
    expect(a.body).toContain(
      `обучение (2):\n- ${short(app2)} · решение до 19.11.2026 · http://127.0.0.1:3000/training/intakes/${intake}/commission\n- ${short(app1)} · решение до 20.11.2026`,
    );
    const b = rows.find((r) => r.recipient_subject === B)!;
    expect(b.subject).toBe('Astana Hub: 1 application(s) await your vote — 2026-11-17');
    expect(b.body).toContain(`- ${short(app1)} · decision due 2026-11-20`);
    expect(b.body).not.toContain(short(app2)); // F-69: the conflicted member learns nothing of the application
    for (const r of rows) expect(r.body).not.toMatch(/\b\d{12}\b/); // no BIN (F-35)
    // delivered by SMTP, once each
    await waitFor('the two e-mails at the SMTP server', () =>
      [A, B].every((m) => h.smtp.messages().some((x) => x.to.includes(address(m)))) ? true : undefined,
    );
    expect(await liveTimers()).toEqual([{ day: '2026-11-18', due: '2026-11-18 08:30' }]);
  });

  it('a second firing for the same day writes nothing (once per member and day)', async () => {
    await h.app.get(UnitOfWork).run(async (em) => {
      await h.app
        .get(Timers)
        .schedule(em, { kind: COMMISSION_DIGEST_TIMER, key: 'again', dueAt: new Date('2026-11-17T03:30:00Z'), payload: { day: '2026-11-17' } });
    });
    await poller(h).runDue();
    await waitFor('the second timer done', async () =>
      (await h.sql(`select 1 from hub_timer where kind = ? and timer_key = 'again' and status = 'scheduled'`, [COMMISSION_DIGEST_TIMER])).length === 0
        ? true
        : undefined,
    );
    expect(await digestRows('2026-11-17')).toHaveLength(2);
    expect(await h.app.get(UnitOfWork).run(() => h.app.get(CommissionDigests).write('2026-11-17'))).toEqual([]);
    await new Promise((r) => setTimeout(r, 1000));
    expect(h.smtp.messages().filter((m) => m.to.includes(address(A)))).toHaveLength(1);
  });

  it('registration: two more learnt commission-members, C votes (the fact twice) → C is not awaited, D is; no BIN in the e-mail', async () => {
    await signIn(C, 'kk');
    // ADR 0145: D never opens the settings screen — signing in (the shell's hello) is enough to be learnt
    expect(await signInOnly(D, 'en')).toEqual([
      { subject: D, roles: ['commission-member'], claimed_language: 'en', email_known: true, commission_digest: true, chosen_language: null },
    ]);
    const sent = envelopeOf(SentToCommissionV1.type, app3, {
      applicationId: app3,
      bin: bin3,
      sentAt: h.clock.now().toISOString(),
      decisionDueDate: '2026-11-30',
    });
    const vote = envelopeOf(CommissionVoteCastV1.type, app3, { applicationId: app3, bin: bin3, member: C, castAt: h.clock.now().toISOString() });
    const voteAgain = envelopeOf(CommissionVoteCastV1.type, app3, { applicationId: app3, bin: bin3, member: C, castAt: h.clock.now().toISOString() });
    await publish(registration, bin3, sent, sent, vote, vote, voteAgain);
    const [item] = await waitFor('registration’s item with C’s vote', async () => {
      const r = await items('registration');
      return r.length === 1 && r[0]!.voted.length > 0 ? r : undefined;
    });
    expect(item).toMatchObject({ application_id: app3, due_on: '2026-11-30', voted: [C], closed: false });

    const rows = await fire('2026-11-18', 3); // A, B (training and registration), D (only signed in, ADR 0145) — not C
    expect(rows.map((r) => r.recipient_subject)).toEqual([A, B, D].sort());
    const d = rows.find((r) => r.recipient_subject === D)!;
    expect(d.body).toContain(
      `registration (1):\n- #${app3.replace(/-/g, '').slice(-8)} · decision due 2026-11-30 · http://127.0.0.1:3000/staff/applications/${app3}`,
    );
    const a = rows.find((r) => r.recipient_subject === A)!;
    expect(a.body.indexOf('регистрация (1)')).toBeLessThan(a.body.indexOf('обучение (2)')); // per context
    for (const r of rows) expect(r.body).not.toContain(bin3); // F-35
  });

  it('decision-made closes the item; switched off → none; clusters’ round for a cluster-commission-member', async () => {
    const decided = envelopeOf(DecisionMadeV1.type, app3, {
      applicationId: app3,
      bin: bin3,
      kind: 'registration',
      decision: 'register',
      grounds: [],
      protocolNumber: 'P-1',
      decidedOn: '2026-11-18',
      notificationDueDate: '2026-11-25',
    });
    await publish(registration, bin3, decided, decided);
    await waitFor('registration’s item closed', async () => ((await items('registration'))[0]?.closed ? true : undefined));

    // B switches the digest off (a reminder, ADR 0093)
    const b = await h.issuer.issue({ sub: B, roles: ['commission-member'], companies: [], name: B, email: address(B), locale: 'en' });
    const put = await h
      .http()
      .put('/me/notification-settings')
      .set(auth(b))
      .send({ language: null, kinds: { statutory: { email: true }, reminders: { email: true } }, commissionDigest: false })
      .expect(200);
    expect(put.body).toMatchObject({ commissionDigest: false });

    const round = uuidv7();
    const app4 = uuidv7();
    const agenda = envelopeOf(ClustersCommissionAgendaChangedV1.type, round, {
      roundId: round,
      members: [E],
      items: [{ applicationId: app4, dueOn: null, awaiting: [E] }],
      closed: false,
      asOf: h.clock.now().toISOString(),
    });
    await publish(clusters, round, agenda);
    await waitFor('clusters’ agenda kept', async () => ((await items('clusters')).length === 1 ? true : undefined));

    const rows = await fire('2026-11-19', 2); // A (training only), E (clusters); not B (off), not D (decided)
    expect(rows.map((r) => r.recipient_subject)).toEqual([A, E].sort());
    const a = rows.find((r) => r.recipient_subject === A)!;
    expect(a.body).not.toContain('регистрация');
    expect(a.subject).toContain('(2)');
    const e = rows.find((r) => r.recipient_subject === E)!;
    expect(e.language).toBe('kk');
    expect(e.body).toContain(
      `кластерлер (1):\n- #${app4.replace(/-/g, '').slice(-8)} · шешім мерзімі белгіленбеген · http://127.0.0.1:3000/clusters/rounds/${round}`,
    );

    // the round decided (closed): nothing awaits anyone
    await publish(
      clusters,
      round,
      envelopeOf(ClustersCommissionAgendaChangedV1.type, round, {
        roundId: round,
        members: [E],
        items: [],
        closed: true,
        asOf: new Date(h.clock.now().getTime() + 1000).toISOString(),
      }),
    );
    await waitFor('clusters’ agenda closed', async () => ((await items('clusters')).length === 0 ? true : undefined));
  });

  it('working days only: the digest of Tuesday 15 December 2026 arms Thursday 17 — Independence Day (16 December) between (ADR 0108 §4, the calendar data); a stale day is not sent late', async () => {
    await h.app.get(UnitOfWork).run(() => h.app.get(CommissionDigests).chain.arm('2026-12-15'));
    const rows = await fire('2026-12-15', 1); // A: training's two items still await
    expect(rows.map((r) => r.recipient_subject)).toEqual([A]);
    expect(await liveTimers()).toEqual([{ day: '2026-12-17', due: '2026-12-17 08:30' }]);

    h.clock.set('2026-12-21T05:00:00Z'); // Monday 21 December, 10:00 Almaty — the digest of Thursday 17 is stale
    await poller(h).runDue();
    await waitFor('the chain resumed', async () => ((await liveTimers())[0]?.day === '2026-12-22' ? true : undefined));
    expect(await digestRows('2026-12-17')).toEqual([]);
  });
});
