import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Timers } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { STAFF_DIGEST_TIMER, StaffDigests, digestSourceId } from '../../src/messages/application/staff-digests.js';
import { type Harness, delivery, poller, startHarness } from '../support/notifications-harness.js';

/**
 * The staff daily digest (ADR 0104 §4, ADR 0106 §5, ADR 0108) on the real database with the platform's
 * durable timers and a real SMTP server. The gateway's board and the identity provider's token endpoint
 * are stood in by one small HTTP server speaking their contracts (`POST /token`, client credentials;
 * `GET /api/deadlines`, keyset pages with `sources`, ADR 0047) — the e2e spec
 * (`admin-gateway/test/e2e/staff-digest.e2e.spec.ts`) runs the real gateway, contexts and dev issuer.
 */
const SECRET = 'digest-test-secret-0123456789';
const seen: { auth: string | undefined; dueBefore: string | null; after: string | null }[] = [];
const tokenRequests: string[] = [];
let boardDown = false;

/** Two pages: the first names services as failing, the second carries the rest — the digest must walk nextCursor. */
function boardPage(after: string | null) {
  const sources = [
    { context: 'registration', status: 'ok', count: 2, malformed: 0 },
    { context: 'participation', status: 'ok', count: 2, malformed: 0 },
    { context: 'training', status: 'ok', count: 1, malformed: 0 },
    { context: 'housing', status: 'ok', count: 0, malformed: 0 },
    {
      context: 'services',
      status: 'error',
      count: 0,
      malformed: 0,
      error: { status: 503, title: 'Service unavailable', detail: 'services did not answer', code: 'gateway.upstream.unavailable' },
    },
  ];
  if (after === null)
    return {
      items: [
        { context: 'registration', kind: 'decision-notice', ruleId: 'F-17', dueDate: '2026-11-12', overdue: true, bin: '180440000019', subjectId: 'app-1' },
        { context: 'participation', kind: 'fee', ruleId: 'F-21', dueDate: '2026-11-18', overdue: false, bin: '180440000027', subjectId: 'fee-1' },
      ],
      nextCursor: 'page-2',
      sources,
    };
  return {
    items: [
      { context: 'training', kind: 'review', ruleId: 'F-70', dueDate: '2026-11-19', overdue: false, subjectId: 'tr-1' },
      { context: 'registration', kind: 'review', ruleId: 'F-14', dueDate: '2026-11-20', overdue: false, bin: '180440000035', subjectId: 'app-2' },
    ],
    nextCursor: null,
    sources,
  };
}

function standIn(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  const json = (status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  if (req.method === 'POST' && url.pathname === '/token') {
    tokenRequests.push(req.headers.authorization ?? '');
    const ok = req.headers.authorization === `Basic ${Buffer.from(`hub-notifications:${SECRET}`).toString('base64')}`;
    return ok ? json(200, { access_token: 'worker-token', token_type: 'Bearer', expires_in: 300 }) : json(401, { error: 'invalid_client' });
  }
  if (req.method === 'GET' && url.pathname === '/api/deadlines') {
    seen.push({ auth: req.headers.authorization, dueBefore: url.searchParams.get('dueBefore'), after: url.searchParams.get('after') });
    if (boardDown) return json(503, { title: 'Service unavailable', status: 503, detail: 'the gateway is restarting' });
    if (req.headers.authorization !== 'Bearer worker-token') return json(401, { title: 'Unauthorized', status: 401 });
    return json(200, { generatedAt: new Date().toISOString(), overdueCount: 1, pageSize: 200, total: 4, ...boardPage(url.searchParams.get('after')) });
  }
  json(404, { title: 'Not found' });
}

let h: Harness;
let server: Server;
beforeAll(async () => {
  server = createServer(standIn);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  h = await startHarness('notifications_digest', {
    env: {
      NOTIFICATIONS_DEADLINES_URL: `${base}/api`,
      HUB_SERVICE_AUTH_URL: `${base}/token`,
      HUB_SERVICE_CLIENT_ID: 'hub-notifications',
      HUB_SERVICE_CLIENT_SECRET: SECRET,
      NOTIFICATIONS_DIGEST_BOARD_TRIES: '3',
      NOTIFICATIONS_STAFF_DIGESTS: JSON.stringify({
        'fund-officer': { email: 'officers@fund.test', language: 'ru' },
        'training-officer': { email: 'training@fund.test', language: 'en' },
        'housing-manager': { email: 'housing@fund.test', language: 'kk' },
        'cluster-organiser': { email: 'clusters@fund.test', language: 'en' },
      }),
    },
  });
});
afterAll(async () => {
  await h?.close();
  await new Promise((r) => server?.close(r));
});

const digests = () => h.app.get(StaffDigests);
const liveTimers = () =>
  h.sql<{ day: string; due: string }>(
    `select payload->>'day' as day, to_char(due_at at time zone 'Asia/Almaty', 'YYYY-MM-DD HH24:MI') as due from hub_timer where kind = ? and status = 'scheduled' order by due_at`,
    [STAFF_DIGEST_TIMER],
  );
const digestRows = (day: string) =>
  h.sql<{
    recipient_subject: string;
    recipient_role: string;
    address: string;
    language: string;
    subject: string;
    body: string;
    status: string;
    bin: string | null;
  }>(
    `select recipient_subject, recipient_role, address, language, subject, body, status, bin from notifications_message where source_event_id = ? order by recipient_subject`,
    [digestSourceId(day)],
  );

describe('ADR 0108: the staff daily digest', () => {
  it('is armed once at start for 08:30 Almaty on the next working day', async () => {
    h.clock.set('2026-11-16T04:00:00Z'); // Monday 09:00 Almaty: today's 08:30 has passed
    await digests().ensureArmed();
    await digests().ensureArmed();
    expect(await liveTimers()).toEqual([{ day: '2026-11-17', due: '2026-11-17 08:30' }]);
  });

  it('fires at 08:30, reads the whole board as hub-notifications, writes one e-mail per role in its language, names the context the board could not read, arms the next working day', async () => {
    h.clock.set('2026-11-17T03:29:00Z');
    await poller(h).runDue();
    expect(await digestRows('2026-11-17')).toEqual([]);

    h.clock.set('2026-11-17T03:30:00Z');
    expect(await poller(h).runDue()).toBe(1);
    // The worker's own token (client credentials, HTTP Basic) on every page; both pages read; 17 Nov + 3 WD.
    expect(tokenRequests).toHaveLength(1);
    expect(seen.map((s) => [s.auth, s.dueBefore, s.after])).toEqual([
      ['Bearer worker-token', '2026-11-20', null],
      ['Bearer worker-token', '2026-11-20', 'page-2'],
    ]);
    const rows = await digestRows('2026-11-17');
    expect(rows.map((r) => [r.recipient_subject, r.recipient_role, r.address, r.language, r.status, r.bin])).toEqual([
      ['staff-role:cluster-organiser', 'staff', 'clusters@fund.test', 'en', 'pending', null],
      ['staff-role:fund-officer', 'staff', 'officers@fund.test', 'ru', 'pending', null],
      ['staff-role:housing-manager', 'staff', 'housing@fund.test', 'kk', 'pending', null],
      ['staff-role:training-officer', 'staff', 'training@fund.test', 'en', 'pending', null],
    ]);
    const fund = rows.find((r) => r.recipient_subject === 'staff-role:fund-officer')!;
    expect(fund.subject).toBe('Astana Hub: сроки на 17.11.2026 — сотрудник Фонда (3, просрочено 1)');
    expect(fund.body).toContain('- 12.11.2026 (просрочено) · F-17 · регистрация · decision-notice · app-1 · БИН 180440000019');
    expect(fund.body).toContain('- 18.11.2026 · F-21 · участие · fee · fee-1 · БИН 180440000027');
    expect(fund.body).toContain('- 20.11.2026 · F-14 · регистрация · review · app-2 · БИН 180440000035'); // from the second page
    expect(fund.body).toContain('- услуги: табло сроков не смогло их прочитать — сроков этого раздела в письме нет (503 Service unavailable)');
    const clusters = rows.find((r) => r.recipient_subject === 'staff-role:cluster-organiser')!;
    expect(clusters.body).toContain('- clusters: is not on the deadlines board — its deadlines are missing from this digest');
    const training = rows.find((r) => r.recipient_subject === 'staff-role:training-officer')!;
    expect(training.body).toContain('- 2026-11-19 · F-70 · training · review · tr-1');
    expect(training.body).toContain('Every context answered.');
    expect(await liveTimers()).toEqual([{ day: '2026-11-18', due: '2026-11-18 08:30' }]);

    // Durable delivery (ADR 0091): each role's mailbox gets its digest over SMTP, once.
    await delivery(h).runOnce();
    await delivery(h).runOnce();
    for (const to of ['officers@fund.test', 'training@fund.test', 'housing@fund.test', 'clusters@fund.test'])
      expect(h.smtp.messages().filter((m) => m.to.includes(to))).toHaveLength(1);
  });

  it('one digest per role per working day: a second firing for the same day writes nothing', async () => {
    const before = seen.length;
    // A second timer for the same day (a replica's or a person's re-arm): it fires, and nothing is written twice.
    await h.app.get(UnitOfWork).run(async (em) => {
      await h.app.get(Timers).schedule(em, { kind: STAFF_DIGEST_TIMER, key: 'again', dueAt: new Date('2026-11-17T03:30:00Z'), payload: { day: '2026-11-17' } });
    });
    expect(await poller(h).runDue()).toBe(1);
    expect(await digestRows('2026-11-17')).toHaveLength(4);
    expect(seen.length).toBe(before); // every role had its digest: the board was not even read
    const again = await h.app.get(UnitOfWork).run(() => digests().write('2026-11-17', true));
    expect([again.written.length, [...again.alreadyWritten].sort()]).toEqual([0, ['cluster-organiser', 'fund-officer', 'housing-manager', 'training-officer']]);
  });

  it('the board unreadable: retried with backoff, and on the last try the digests name every context unavailable with the reason; the next day is armed', async () => {
    boardDown = true;
    h.clock.set('2026-11-18T03:30:00Z');
    await poller(h).runDue(); // try 1 fails
    expect(await digestRows('2026-11-18')).toEqual([]);
    expect(await liveTimers()).toEqual([{ day: '2026-11-18', due: '2026-11-18 08:30' }]); // retried soon, the next day not yet armed
    h.clock.set('2026-11-18T04:30:00Z');
    await poller(h).runDue(); // try 2 fails
    expect(await digestRows('2026-11-18')).toEqual([]);
    h.clock.set('2026-11-18T05:30:00Z');
    await poller(h).runDue(); // try 3: the last — written anyway
    const rows = await digestRows('2026-11-18');
    expect(rows).toHaveLength(4);
    const fund = rows.find((r) => r.recipient_subject === 'staff-role:fund-officer')!;
    for (const name of ['регистрация', 'участие', 'услуги'])
      expect(fund.body).toMatch(new RegExp(`- ${name}: табло сроков не смогло их прочитать.*the deadlines board refused hub-notifications: 503`));
    expect(fund.subject).toBe('Astana Hub: сроки на 18.11.2026 — сотрудник Фонда (0, просрочено 0)');
    expect(await liveTimers()).toEqual([{ day: '2026-11-19', due: '2026-11-19 08:30' }]);
    boardDown = false;
  });

  it('working days only: the digest of Tuesday 15 December 2026 arms Thursday 17 (Independence Day between)', async () => {
    await h.app.get(UnitOfWork).run(() => digests().arm('2026-12-15'));
    h.clock.set('2026-12-15T03:30:00Z');
    await poller(h).runDue();
    expect(await digestRows('2026-12-15')).toHaveLength(4);
    expect(await liveTimers()).toEqual([{ day: '2026-12-17', due: '2026-12-17 08:30' }]);
  });

  it('a day already past when its timer fires (the workers were down) is not sent late: the chain resumes at the next morning', async () => {
    h.clock.set('2026-12-21T05:00:00Z'); // Monday 21 December, 10:00 Almaty — the digest of Thursday 17 is stale
    await poller(h).runDue();
    expect(await digestRows('2026-12-17')).toEqual([]);
    expect(await liveTimers()).toEqual([{ day: '2026-12-22', due: '2026-12-22 08:30' }]);
  });
});
