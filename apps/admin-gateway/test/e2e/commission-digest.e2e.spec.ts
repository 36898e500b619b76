import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IsoDate, almatyDate, kzCalendar, startOfAlmatyDay } from '@hub/calendar';
import { type SmtpSink, startSmtpSink } from '@hub/dev-smtp';
import { makeBin } from '@hub/identifiers';
import { uniqueName, waitFor } from '@hub/testing';
import { ProcessFleet, fleetEnv } from '../support/processes.js';
import { expectStatus } from '../support/registration-path.js';
import { draftBody } from '../support/registration-draft.js';

/**
 * Issue #16, ADR 0138 §2–§4, ADR 0145 end to end: registration, notifications and the gateway each their own
 * process, the real Kafka broker, PostgreSQL and an SMTP server. Commission members only sign in — the portal's
 * shell says hello through the gateway (`PUT /api/notifications/me/contact`, their e-mail and locale from the
 * verified token, F-42) — a Fund officer sends a filed application to the Commission (F-13, F-15), registration's
 * `sent-to-commission` and a member's `commission-vote-cast` travel registration → Kafka → notifications' inbox, and
 * at 08:30 Almaty on a Kazakh working day each member still awaited gets one "awaiting your vote" e-mail in their
 * language naming the application (short id, F-15 decision day, portal link; no BIN, F-35) — not the member who
 * voted, not the one who never signed in, and nothing before 08:30. The fleet shares one shifted clock
 * (`shared-test-clock.mjs`, ADR 0034) so the digest's morning comes without waiting for it.
 * The in-process proof of every rule is `apps/notifications/test/integration/commission-digest.int.spec.ts`.
 */
describe('the Commission members’ daily digest: registration → Kafka → notifications → SMTP, the members learnt through the gateway', () => {
  const fleet = new ProcessFleet();
  const topicPrefix = `t.${uniqueName('cdigest').replace(/_/g, '-')}.`;
  const clockFile = join(mkdtempSync(join(tmpdir(), 'hub-cdigest-clock-')), 'offset');
  const bin = makeBin({ year: 2019, month: 9, serial: 4000 + (process.pid % 5000) });
  const calendar = kzCalendar();
  const run_ = Date.now().toString(36);
  /** The members: two say hello and stay awaited (en, ru); one says hello and votes; one never signs in. */
  const member = {
    marat: { sub: `marat-member-${run_}`, email: `marat-${run_}@commission.e2e.test`, locale: 'en' },
    aigerim: { sub: `aigerim-member-${run_}`, email: `aigerim-${run_}@commission.e2e.test`, locale: 'ru' },
    dana: { sub: `dana-member-${run_}`, email: `dana-${run_}@commission.e2e.test`, locale: 'en' },
    yerlan: { sub: `yerlan-member-${run_}`, email: `yerlan-${run_}@commission.e2e.test`, locale: 'kk' },
  } as const;
  type Member = keyof typeof member;
  /** The digest's morning: the next Kazakh working day after today (Almaty). */
  const day: IsoDate = calendar.addWorkingDays(almatyDate(new Date()), 1);
  const at = (hhmm: number) => new Date(startOfAlmatyDay(day).getTime() + hhmm * 60_000);
  let smtp: SmtpSink;
  let gw: string;
  let notDb: string;
  const t: Record<string, string> = {};
  const auth = (who: string) => ({ authorization: `Bearer ${t[who]}` });
  const explained = async <T>(p: Promise<T>): Promise<T> =>
    p.catch((e: Error) => {
      throw new Error(
        `${e.message}\n--- registration ---\n${fleet.logs('registration').slice(-3000)}\n--- notifications ---\n${fleet.logs('notifications').slice(-4000)}\n--- admin-gateway ---\n${fleet.logs('admin-gateway').slice(-2000)}`,
      );
    });
  /** Moves the whole fleet's "now" to `when`. */
  const setNow = (when: Date) => writeFileSync(clockFile, String(when.getTime() - Date.now()));
  const mailsTo = (who: Member) => smtp.messages().filter((m) => m.to.includes(member[who].email));
  /** Reads notifications' own database — only to know the facts have arrived before the clock moves (the digest reads them at 08:30). */
  const notificationsSql = async <R>(text: string, values: unknown[]): Promise<R[]> => {
    const client = new pg.Client({ connectionString: notDb });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as R[];
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    // The fleet starts on the real time: the broker refuses a message stamped far in the future ("The timestamp of the
    // message is out of acceptable range"), so every fact travels over Kafka before the clock moves. Notifications arms
    // the next 08:30 at start (ADR 0108 §4): `day`'s, or today's — which the move then finds stale, skips and re-arms
    // for `day` (the chain's stale-day rule).
    fleet.shareClock(clockFile);
    smtp = await startSmtpSink();
    await fleet.createTopics(topicPrefix);
    await fleet.token('bootstrap', ['auditor']); // creates the issuer's key and the JWKS file the apps trust
    const common = fleetEnv(fleet, topicPrefix);
    const [regDb, notificationsDb, gwDb] = await Promise.all([
      fleet.createDatabase('registration'),
      fleet.createDatabase('notifications'),
      fleet.createDatabase('gateway'),
    ]);
    notDb = notificationsDb;
    await Promise.all([fleet.migrate('registration', regDb), fleet.migrate('notifications', notDb), fleet.migrate('admin-gateway', gwDb)]);
    const [registration, notifications] = await Promise.all([
      fleet.startApp('registration', { ...common, DATABASE_URL: regDb }),
      fleet.startApp('notifications', {
        ...common,
        DATABASE_URL: notDb,
        NOTIFICATIONS_SMTP_URL: smtp.url,
        NOTIFICATIONS_DELIVERY_POLL_MS: '200',
        // A member's address is kept only sealed (F-42, ADR 0114): without a key ring nobody's e-mail is learnt.
        HUB_PII_KEYS: `e2e:${randomBytes(32).toString('base64')}`,
        HUB_PII_ACTIVE_KEY: 'e2e',
      }),
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
    for (const who of Object.keys(member) as Member[])
      t[who] = await fleet.token(member[who].sub, ['commission-member'], [], { email: member[who].email, locale: member[who].locale });
  }, 180_000); // measured 34–37 s on this 2-core machine (three migrations, three apps, seven tokens)

  afterAll(async () => {
    await fleet.close();
    await smtp?.stop();
  }, 60_000);

  it('08:30 on a working day: each awaited member who said hello gets one e-mail in their language naming the application; the voter, the silent member and an earlier hour get none', async () => {
    // ADR 0145: Marat, Aigerim and Dana sign in — the shell says hello through the gateway (twice: a second session changes nothing). Yerlan never does.
    for (const who of ['marat', 'aigerim', 'dana'] as const)
      for (let session = 0; session < 2; session++) {
        const hello = await request(gw).put('/api/notifications/me/contact').set(auth(who)).send();
        expect(hello.status, `${who}'s hello: ${hello.text}`).toBe(204);
      }

    // A company files an application (F-8) and the Fund officer sends it to the Commission (F-13, F-15: the 10 WD decision deadline starts).
    const id = expectStatus(
      await request(gw)
        .post('/api/registration/applications')
        .set(auth('alice'))
        .send({ bin, companyName: `Commission Star ${bin}`, address: 'Astana', language: 'ru' }),
      201,
      'create',
    ).id as string;
    expectStatus(await request(gw).patch(`/api/registration/applications/${id}`).set(auth('alice')).send(draftBody()), 200, 'fill the draft');
    expectStatus(await request(gw).post(`/api/registration/applications/${id}/submit`).set(auth('alice')).send({}), 200, 'submit');
    const sent = expectStatus(
      await request(gw).post(`/api/registration/applications/${id}/send-to-commission`).set(auth('olga')).send({}),
      200,
      'send to commission',
    ) as {
      status: string;
      deadlines: { kind: string; status: string; dueDate: IsoDate }[];
    };
    expect(sent.status).toBe('with-commission');
    const decisionDue = sent.deadlines.find((d) => d.kind === 'commission-decision' && d.status === 'open')?.dueDate;
    expect(decisionDue).toBeDefined();
    // Dana votes (F-15): registration publishes who voted, never how.
    expectStatus(await request(gw).post(`/api/registration/applications/${id}/votes`).set(auth('dana')).send({ vote: 'register' }), 200, 'Dana votes');

    // Both facts travel registration → Kafka → notifications' inbox (consumer notifications.commission-agendas). Measured under 0.1 s after the vote.
    const [item] = await explained(
      waitFor(
        'the application on notifications’ registration agenda with Dana’s vote',
        async () => {
          const rows = await notificationsSql<{ due_on: string; voted: string[]; closed: boolean }>(
            `select to_char(due_on, 'YYYY-MM-DD') as due_on, voted, closed from notifications_commission_agenda_item where context = 'registration' and application_id = $1`,
            [id],
          );
          return rows[0]?.voted.includes(member.dana.sub) ? rows : undefined;
        },
        { timeoutMs: 60_000 },
      ),
    );
    expect(item).toEqual({ due_on: decisionDue, voted: [member.dana.sub], closed: false });

    // The fleet's clock moves to the digest's morning — nothing travels over Kafka from here on.
    // Not before its hour: at 08:29 Almaty the timer has not fired (polled every 200 ms).
    setNow(at(8 * 60 + 29));
    await new Promise((r) => setTimeout(r, 2_000));
    expect(smtp.messages().filter((m) => m.to.some((to) => to.endsWith('@commission.e2e.test')))).toEqual([]);

    // 08:30 Almaty on the working day: the digest fires and the e-mail worker sends. Measured 0.8 s after the move.
    setNow(at(8 * 60 + 30));
    const mails = await explained(
      waitFor(
        'Marat’s and Aigerim’s digests at the SMTP server',
        () => {
          const m = mailsTo('marat')[0];
          const a = mailsTo('aigerim')[0];
          return m && a ? { marat: m, aigerim: a } : undefined;
        },
        { timeoutMs: 30_000 },
      ),
    );
    const short = `#${id.replace(/-/g, '').slice(-8)}`;
    const ddmmyyyy = (d: string) => d.split('-').reverse().join('.');
    // Marat's in English (his token's locale, ADR 0114): the application by its short id, registration's decision day, the portal link.
    expect(mails.marat.subject).toBe(`Astana Hub: 1 application(s) await your vote — ${day}`);
    expect(mails.marat.text).toContain(`registration (1):\n- ${short} · decision due ${decisionDue} · http://127.0.0.1:3000/staff/applications/${id}`);
    // Aigerim's in Russian, the days as Russian readers write them.
    expect(mails.aigerim.subject).toBe(`Astana Hub: ваш голос ожидают заявки (1) — ${ddmmyyyy(day)}`);
    expect(mails.aigerim.text).toContain(
      `регистрация (1):\n- ${short} · решение до ${ddmmyyyy(decisionDue!)} · http://127.0.0.1:3000/staff/applications/${id}`,
    );
    // F-35: no BIN, no company name.
    for (const m of [mails.marat, mails.aigerim]) {
      expect(m.text).not.toContain(bin);
      expect(m.text).not.toContain('Commission Star');
    }

    // Give the worker time for anything else it would send: once per member and day; Dana voted (F-15), Yerlan never said hello (ADR 0145).
    await new Promise((r) => setTimeout(r, 2_000));
    expect(mailsTo('marat')).toHaveLength(1);
    expect(mailsTo('aigerim')).toHaveLength(1);
    expect(mailsTo('dana')).toEqual([]);
    expect(mailsTo('yerlan')).toEqual([]);
  }, 180_000); // measured 5.5–5.8 s, 4 s of it the two waits for what must not come
});
