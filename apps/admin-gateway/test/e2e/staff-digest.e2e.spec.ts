import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kzCalendar, startOfAlmatyDay, almatyDate } from '@hub/calendar';
import { type SmtpSink, startSmtpSink } from '@hub/dev-smtp';
import { makeBin } from '@hub/identifiers';
import { uniqueName, waitFor } from '@hub/testing';
import { ProcessFleet, fleetEnv } from '../support/processes.js';
import { expectStatus } from '../support/registration-path.js';
import { draftBody } from '../support/registration-draft.js';
import { deadPort } from '../support/upstream-stub.js';

/**
 * ADR 0104 §4, ADR 0106 §5, ADR 0108 end to end, every app its own process and the dev issuer's real
 * token endpoint: notifications' daily timer fires at 08:30 Almaty on a Kazakh working day, reads the
 * gateway's deadlines board **as itself** (`hub-notifications`, role `deadline-reader`, client
 * credentials), and e-mails the Fund officers' mailbox the open deadline registration holds — and names
 * the contexts it could not read: services (configured in the gateway, not answering) and participation
 * (not on the board at all). The whole fleet shares one shifted clock (`shared-test-clock.mjs`) so the
 * digest day comes without waiting for it.
 */
describe('the staff daily digest reads the deadlines board through the gateway as a platform worker', () => {
  const fleet = new ProcessFleet();
  const topicPrefix = `t.${uniqueName('digest').replace(/_/g, '-')}.`;
  const clockFile = join(mkdtempSync(join(tmpdir(), 'hub-digest-clock-')), 'offset');
  const bin = makeBin({ year: 2019, month: 6, serial: 4000 + (process.pid % 5000) });
  const calendar = kzCalendar();
  let smtp: SmtpSink;
  let gw: string;
  let notificationsEnv: Record<string, string>;
  const t: Record<string, string> = {};
  const auth = (who: string) => ({ authorization: `Bearer ${t[who]}` });
  /** Moves the whole fleet's "now" to `at`. */
  const setNow = (at: Date) => writeFileSync(clockFile, String(at.getTime() - Date.now()));

  beforeAll(async () => {
    fleet.shareClock(clockFile);
    smtp = await startSmtpSink();
    await fleet.createTopics(topicPrefix);
    const jwksUrl = await fleet.startIssuer(); // serves POST /token (client credentials) too
    const tokenUrl = jwksUrl.replace(/\/jwks\.json$/, '/token');
    const common = fleetEnv(fleet, topicPrefix);
    const [regDb, notDb, gwDb] = await Promise.all([
      fleet.createDatabase('registration'),
      fleet.createDatabase('notifications'),
      fleet.createDatabase('gateway'),
    ]);
    await Promise.all([fleet.migrate('registration', regDb), fleet.migrate('notifications', notDb), fleet.migrate('admin-gateway', gwDb)]);
    const gatewayPort = await deadPort();
    const registration = await fleet.startApp('registration', { ...common, DATABASE_URL: regDb });
    // services is on the gateway's list but nothing answers there; participation is not configured at all.
    const services = `http://127.0.0.1:${await deadPort()}`;
    gw = await fleet.startApp(
      'admin-gateway',
      {
        HUB_AUTH_ISSUER: fleet.issuerUrl,
        HUB_AUTH_JWKS_FILE: fleet.jwksFile,
        DATABASE_URL: gwDb,
        REGISTRATION_URL: registration,
        HUB_GATEWAY_UPSTREAMS: JSON.stringify({ services }),
      },
      gatewayPort,
    );
    // Notifications starts later (once the fleet's clock is on the digest's morning), as tools/hub up would start it.
    notificationsEnv = {
      ...common,
      DATABASE_URL: notDb,
      NOTIFICATIONS_SMTP_URL: smtp.url,
      NOTIFICATIONS_DELIVERY_POLL_MS: '200',
      NOTIFICATIONS_DEADLINES_URL: `http://127.0.0.1:${gatewayPort}/api`,
      HUB_SERVICE_AUTH_URL: tokenUrl,
      HUB_SERVICE_CLIENT_ID: 'hub-notifications',
      HUB_SERVICE_CLIENT_SECRET: await fleet.clientSecret('hub-notifications'),
      NOTIFICATIONS_STAFF_DIGESTS: JSON.stringify({ 'fund-officer': { email: 'fund-officers@e2e.test', language: 'en' } }),
    };
    t.alice = await fleet.token('alice-rep', ['applicant'], [bin]);
    t.olga = await fleet.token('olga-officer', ['fund-officer']);
  }, 180_000);

  afterAll(async () => {
    await fleet.close();
    await smtp?.stop();
  }, 60_000);

  it("08:30 on a working day: the Fund officers' digest lists registration's open deadline and names services and participation as unavailable", async () => {
    // A company files an application: registration opens the Fund's review deadline (F-12/F-14).
    const id = expectStatus(
      await request(gw)
        .post('/api/registration/applications')
        .set(auth('alice'))
        .send({ bin, companyName: `Digest Star ${bin}`, address: 'Astana', language: 'ru' }),
      201,
      'create',
    ).id as string;
    expectStatus(await request(gw).patch(`/api/registration/applications/${id}`).set(auth('alice')).send(draftBody()), 200, 'fill the draft');
    expectStatus(await request(gw).post(`/api/registration/applications/${id}/submit`).set(auth('alice')).send({}), 200, 'submit');
    type Item = { context: string; kind: string; ruleId?: string; dueDate: string; overdue: boolean; bin?: string; applicationId?: string; subjectId?: string };
    const board = expectStatus(await request(gw).get(`/api/deadlines?bin=${bin}`).set(auth('olga')), 200, 'the board as an officer') as { items: Item[] };
    const open = board.items.filter((i) => i.context === 'registration').sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];
    expect(open).toBeDefined();

    // The digest's morning: the working day before the deadline's due day (it falls within reminder.staff-review-wd = 3 WD).
    const day = calendar.addWorkingDays(open!.dueDate, -1);
    expect(day > almatyDate(new Date())).toBe(true);
    const at = (hhmm: number) => new Date(startOfAlmatyDay(day).getTime() + hhmm * 60_000);
    setNow(at(7 * 60)); // 07:00 Almaty
    await fleet.startApp('notifications', notificationsEnv);
    await new Promise((r) => setTimeout(r, 500)); // its start arms the digest for 08:30 today; nothing goes before
    expect(smtp.messages().filter((m) => m.to.includes('fund-officers@e2e.test'))).toEqual([]);

    setNow(at(8 * 60 + 30));
    const mail = await waitFor('the Fund officers’ digest at the SMTP server', () => smtp.messages().find((m) => m.to.includes('fund-officers@e2e.test')), {
      timeoutMs: 30_000,
    }).catch((e: Error) => {
      throw new Error(
        `${e.message}\n--- notifications ---\n${fleet.logs('notifications').slice(-4000)}\n--- admin-gateway ---\n${fleet.logs('admin-gateway').slice(-2000)}`,
      );
    });
    const [y, m, d] = day.split('-');
    expect(mail.subject).toMatch(new RegExp(`^Astana Hub: deadlines on ${y}-${m}-${d} — Fund officer \\(\\d+, \\d+ overdue\\)$`));
    // The deadline as registration holds it: its working day, rule, context, kind, subject and BIN (read through the gateway as hub-notifications).
    const subject = open!.subjectId ?? open!.applicationId ?? id;
    expect(mail.text).toContain(`- ${open!.dueDate} · ${open!.ruleId ?? '—'} · registration · ${open!.kind}`);
    expect(mail.text).toContain(`BIN ${bin}`);
    expect(mail.text).toContain(subject);
    // Never silently partial: the contexts the board could not read are named.
    expect(mail.text).toMatch(/- services: the deadlines board could not read it — its deadlines are missing from this digest \(\d{3} [^)]+\)/);
    expect(mail.text).toContain('- participation: is not on the deadlines board — its deadlines are missing from this digest');
    expect(smtp.messages().filter((x) => x.to.includes('fund-officers@e2e.test'))).toHaveLength(1);
  }, 180_000);
});
