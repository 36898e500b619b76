import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DeadlineView,
  type Harness,
  type ReviewQueuePage,
  actorsFor,
  anyString,
  auth,
  body,
  driveTo,
  poller,
  startHarness,
} from '../support/registration-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('reg_deadlines', { start: '2026-11-16T04:00:00Z' });
});
afterAll(async () => {
  await h?.close();
});

const missedEvents = (applicationId: string) =>
  h.sql<{ message_key: string; envelope: { payload: Record<string, unknown> } }>(
    `select message_key, envelope from hub_outbox where event_type = 'registration.deadline-missed' and envelope->>'aggregateId' = ?`,
    [applicationId],
  );

/** One page of the deadlines contract (ADR 0047). */
type DeadlinesPage = { items: (DeadlineView & { cursor: string })[]; nextCursor: string | null; total: number; overdueCount: number };
const page = (res: { body: unknown }) => body<DeadlinesPage>(res);
const items = (res: { body: unknown }) => page(res).items;

describe('statutory deadlines as durable timers', () => {
  it('F-12: an application not reviewed within 5 WD is overdue: the timer raises deadline-missed once, the queue and the deadline board show it', async () => {
    h.clock.set('2026-11-16T04:00:00Z');
    const a = await actorsFor(h);
    const late = await driveTo(h, a, 'submitted');
    const onTime = await driveTo(h, await actorsFor(h), 'submitted');
    await h.http().post(`/applications/${onTime}/send-to-commission`).set(auth(a.officer));

    // Sunday 2026-11-22 evening: not yet due (due date Monday 2026-11-23, end of day in Almaty).
    h.clock.set('2026-11-23T18:59:00Z');
    expect(await poller(h).runDue()).toBe(0);
    let board = await h.http().get('/deadlines?overdue=true').set(auth(a.officer));
    expect(items(board).filter((d) => d.applicationId === late)).toEqual([]);

    h.clock.set('2026-11-24T04:00:00Z');
    expect(await poller(h).runDue()).toBe(1);
    expect(await poller(h).runDue()).toBe(0);
    const events = await missedEvents(late);
    expect(events).toHaveLength(1);
    expect(events[0]!.message_key).toBe(a.bin);
    expect(events[0]!.envelope.payload).toMatchObject({ applicationId: late, bin: a.bin, kind: 'completeness-review', ruleId: 'F-12', dueDate: '2026-11-23' });
    expect(await missedEvents(onTime)).toEqual([]);

    board = await h.http().get('/deadlines?overdue=true').set(auth(a.officer));
    expect(board.status).toBe(200);
    expect(items(board)).toContainEqual(
      expect.objectContaining({
        kind: 'completeness-review',
        ruleId: 'F-12',
        applicationId: late,
        bin: a.bin,
        dueDate: '2026-11-23',
        overdue: true,
        missedAt: anyString(),
      }),
    );
    expect(items(board).every((d) => d.overdue)).toBe(true);

    const queue = await h.http().get('/review-queue?overdue=true').set(auth(a.officer));
    expect(body<ReviewQueuePage>(queue).items).toContainEqual(expect.objectContaining({ id: late, overdue: true, dueDate: '2026-11-23', workingDaysLeft: -1 }));

    const metrics = await h.http().get('/metrics');
    expect(metrics.status).toBe(200);
    // prom-client gauges on the platform's registry (the app label is the platform's default label).
    expect(metrics.text).toMatch(/^hub_registration_deadlines_overdue\{kind="completeness-review",rule="F-12"(,app="registration")?\} 1$/m);
    expect(metrics.text).toMatch(/^hub_registration_deadlines_missed\{kind="completeness-review",rule="F-12"(,app="registration")?\} 1$/m);
    expect(metrics.text).toMatch(/^hub_registration_applications\{kind="registration",status="submitted"(,app="registration")?\} \d+$/m);
    expect(metrics.text).toContain('process_cpu_seconds_total');
    expect(metrics.text).not.toContain(a.bin);

    // The step done late closes the deadline; missedAt stays as the record of lateness.
    await h.http().post(`/applications/${late}/send-to-commission`).set(auth(a.officer));
    const after = await h.http().get(`/deadlines?applicationId=${late}`).set(auth(a.officer));
    expect(items(after).find((d) => d.kind === 'completeness-review')).toMatchObject({ status: 'met', overdue: false, missedAt: anyString() });
  });

  it('F-15: the Commission decision deadline skips the 16 December holiday; F-17 notification follows the decision', async () => {
    h.clock.set('2026-12-10T04:00:00Z'); // Thursday
    const a = await actorsFor(h);
    const id = await driveTo(h, a, 'with-commission');
    const view = await h.http().get(`/applications/${id}`).set(auth(a.officer));
    // 10 WD from Thu 10 Dec: 11, 14, 15, (16 Independence Day), 17, 18, 21, 22, 23, 24, 25.
    expect(body(view).deadlines.find((d) => d.kind === 'commission-decision')).toMatchObject({
      ruleId: 'F-15',
      startedOn: '2026-12-10',
      dueDate: '2026-12-25',
    });
  });

  it('F-18, F-19: certificate and listing within 3 WD of signing; missing them is raised, doing them closes the deadlines', async () => {
    h.clock.set('2026-11-16T04:00:00Z');
    const a = await actorsFor(h);
    const id = await driveTo(h, a, 'contract-signed');
    h.clock.set('2026-11-20T04:00:00Z'); // due Thursday 19th
    await poller(h).runDue();
    const kinds = (await missedEvents(id)).map((e) => e.envelope.payload['ruleId']).sort();
    expect(kinds).toEqual(expect.arrayContaining(['F-18', 'F-19']));
    await h.http().post(`/applications/${id}/certificate`).set(auth(a.officer));
    await h.http().post(`/applications/${id}/listing`).set(auth(a.officer));
    const board = await h.http().get('/deadlines?overdue=true').set(auth(a.officer));
    expect(items(board).filter((d) => d.applicationId === id && ['certificate', 'registry-listing'].includes(d.kind))).toEqual([]);
  });

  it('F-18, F-19: the 3 WD run from the day the contract was SIGNED (signedOn), not from the day it is recorded; a future or pre-decision signing date is refused', async () => {
    h.clock.set('2026-11-16T04:00:00Z'); // Monday: the Commission decides
    const a = await actorsFor(h);
    const id = await driveTo(h, a, 'registered');
    h.clock.set('2026-11-19T04:00:00Z'); // Thursday: the officer records the contract signed on Monday
    const future = await h
      .http()
      .post(`/applications/${id}/contract`)
      .set(auth(a.officer))
      .send({ contractNumber: `SC-${a.bin}`, signedOn: '2026-11-20' });
    expect(future.status).toBe(422);
    expect(future.body).toMatchObject({ errors: [expect.objectContaining({ field: 'signedOn', code: 'date.future' })] });
    const early = await h
      .http()
      .post(`/applications/${id}/contract`)
      .set(auth(a.officer))
      .send({ contractNumber: `SC-${a.bin}`, signedOn: '2026-11-13' });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ errors: [expect.objectContaining({ field: 'signedOn', code: 'date.before-decision' })] });
    const signed = await h
      .http()
      .post(`/applications/${id}/contract`)
      .set(auth(a.officer))
      .send({ contractNumber: `SC-${a.bin}`, signedOn: '2026-11-16' });
    expect(signed.status).toBe(200);
    const deadlines = items(await h.http().get(`/deadlines?applicationId=${id}`).set(auth(a.officer)));
    // Signed Monday 16th: 3 WD → Thursday 19th (from the recording day it would be Tuesday 24th).
    expect(deadlines.filter((d) => ['certificate', 'registry-listing'].includes(d.kind)).sort((x, y) => x.kind.localeCompare(y.kind))).toEqual([
      expect.objectContaining({ kind: 'certificate', ruleId: 'F-18', startedOn: '2026-11-16', dueDate: '2026-11-19' }),
      expect.objectContaining({ kind: 'registry-listing', ruleId: 'F-19', startedOn: '2026-11-16', dueDate: '2026-11-19' }),
    ]);
  });

  it('F-17: the 5 WD of the notification run from the Commission decision date of the protocol (an input), not the recording day; a future date or one before the sending is refused', async () => {
    h.clock.set('2026-11-16T04:00:00Z'); // Monday: sent to the Commission
    const a = await actorsFor(h);
    const id = await driveTo(h, a, 'with-commission');
    await h.http().post(`/applications/${id}/votes`).set(auth(a.member1)).send({ vote: 'register' });
    h.clock.set('2026-11-20T04:00:00Z'); // Friday: the secretary records the protocol of Tuesday 17th
    const decide = (decidedOn: string) => h.http().post(`/applications/${id}/decision`).set(auth(a.secretary)).send({ decision: 'register', decidedOn });
    const future = await decide('2026-11-21');
    expect(future.status).toBe(422);
    expect(future.body).toMatchObject({ errors: [expect.objectContaining({ field: 'decidedOn', code: 'date.future' })] });
    const before = await decide('2026-11-13');
    expect(before.status).toBe(422);
    expect(before.body).toMatchObject({ errors: [expect.objectContaining({ field: 'decidedOn', code: 'date.before-commission' })] });
    const res = await decide('2026-11-17');
    expect(res.status).toBe(200);
    expect(body(res).decision).toMatchObject({ decidedOn: '2026-11-17' });
    // 5 WD from Tue 17th → Tue 24th (from the recording day, Fri 20th, it would be Fri 27th).
    expect(body(res).deadlines.find((d) => d.kind === 'decision-notification')).toMatchObject({
      ruleId: 'F-17',
      startedOn: '2026-11-17',
      dueDate: '2026-11-24',
    });
  });

  it("F-35: an applicant sees only its own companies' deadlines; staff roles see all; no token gets 401", async () => {
    const a = await actorsFor(h);
    const id = await driveTo(h, a, 'submitted');
    const mine = await h.http().get('/deadlines').set(auth(a.applicant));
    expect(mine.status).toBe(200);
    expect(items(mine).map((d) => d.applicationId)).toEqual([id]);
    const auditor = await h.token(['auditor']);
    expect(items(await h.http().get('/deadlines').set(auth(auditor))).length).toBeGreaterThan(1);
    expect((await h.http().get('/deadlines')).status).toBe(401);
  });

  it('ADR 0047: with 2 500 open deadlines (more than any page) every one is reachable by nextCursor, once, in (due moment, id) order; the counts and filters hold', async () => {
    h.clock.set('2026-12-20T04:00:00Z');
    // Bulk SQL in the shape the repository writes (ADR 0041 §5): 30 due days, many deadlines per due
    // moment (ties broken by id), half of them past due; 50 companies.
    await h.sql(
      `insert into registration_deadline (id, application_id, bin, kind, rule_id, started_on, due_date, due_at, status, created_at, version)
       select gen_random_uuid(), gen_random_uuid(), '99' || lpad((g % 50)::text, 10, '0'), 'completeness-review', 'F-12', date '2026-11-25',
              date '2026-12-05' + (g % 30), ((date '2026-12-05' + (g % 30))::text || 'T19:00:00Z')::timestamptz, 'open', now(), 1
         from generate_series(1, 2500) g`,
    );
    const officer = (await actorsFor(h)).officer;
    const [expected] = await h.sql<{ total: string; overdue: string }>(
      `select count(*)::text as total, count(*) filter (where due_at < ?::timestamptz)::text as overdue from registration_deadline where status = 'open'`,
      ['2026-12-20T04:00:00Z'],
    );
    const walk = async (query: string) => {
      const seen: DeadlinesPage['items'] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const res: { status: number; body: unknown } = await h
          .http()
          .get(`/deadlines?${query}${after ? `&after=${after}` : ''}`)
          .set(auth(officer));
        expect(res.status).toBe(200);
        seen.push(...page(res).items);
        after = page(res).nextCursor;
        pages += 1;
      } while (after);
      return { seen, pages };
    };
    const open = await walk('status=open&limit=1000');
    expect(open.seen.length).toBe(Number(expected!.total));
    expect(open.seen.length).toBeGreaterThanOrEqual(2500);
    expect(open.pages).toBe(Math.ceil(open.seen.length / 1000));
    expect(new Set(open.seen.map((d) => d.cursor)).size).toBe(open.seen.length);
    const rows = await h.sql<{ id: string }>(`select id from registration_deadline where status = 'open' order by due_at, id`);
    // Keyset order = (due moment, id): the order of the database's own sort, every row once.
    expect(open.seen.map((d) => d.dueDate)).toEqual([...open.seen.map((d) => d.dueDate)].sort());
    expect(open.seen.map((d) => d.applicationId)).toEqual(
      (await h.sql<{ application_id: string }>(`select application_id from registration_deadline where status = 'open' order by due_at, id`)).map(
        (r) => r.application_id,
      ),
    );
    expect(rows).toHaveLength(open.seen.length);
    const first = await h.http().get('/deadlines?status=open&limit=7').set(auth(officer));
    expect(page(first)).toMatchObject({ total: Number(expected!.total), overdueCount: Number(expected!.overdue) });
    expect(items(first)).toHaveLength(7);
    // An item's own cursor resumes right after it.
    const resumed = await h
      .http()
      .get(`/deadlines?status=open&limit=3&after=${items(first)[3]!.cursor}`)
      .set(auth(officer));
    expect(items(resumed).map((d) => d.applicationId)).toEqual(
      items(first)
        .slice(4, 7)
        .map((d) => d.applicationId),
    );
    // Filters select before paging; the counts follow them.
    const bin = '990000000007';
    const filtered = await walk(`status=open&limit=13&bin=${bin}&overdue=true&dueBefore=2026-12-15`);
    const [n] = await h.sql<{ n: string }>(
      `select count(*)::text as n from registration_deadline where status = 'open' and bin = ? and due_at < ?::timestamptz and due_date <= '2026-12-15'`,
      [bin, '2026-12-20T04:00:00Z'],
    );
    expect(filtered.seen.length).toBe(Number(n!.n));
    expect(filtered.seen.length).toBeGreaterThan(13);
    expect(filtered.seen.every((d) => d.bin === bin && d.overdue && d.dueDate <= '2026-12-15')).toBe(true);
    // A cursor this endpoint did not issue, or a page too large, is bad input naming the field.
    const bad = await h.http().get('/deadlines?after=not-a-cursor&limit=1001').set(auth(officer));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/query\.after/);
    expect(JSON.stringify(bad.body)).toMatch(/query\.limit/);
  });

  it('ADR 0106: the platform deadline reader (the staff digest) sees every company’s deadlines like the Fund, and nothing else', async () => {
    const a = await actorsFor(h);
    await driveTo(h, a, 'submitted');
    const worker = await h.serviceToken('hub-notifications', ['deadline-reader']);
    const asOfficer = page(await h.http().get('/deadlines').set(auth(a.officer)));
    const asWorker = await h.http().get('/deadlines').set(auth(worker));
    expect(asWorker.status).toBe(200);
    expect(page(asWorker).total).toBe(asOfficer.total);
    expect(page(asWorker).total).toBeGreaterThan(0);
    expect((await h.http().get('/applications').set(auth(worker))).status).toBe(403);
    expect((await h.http().get('/review-queue').set(auth(worker))).status).toBe(403);
  });
});
