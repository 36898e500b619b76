import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@hub/contracts';
import { type Harness, auth, json, newBin, poller, startHarness } from '../support/housing-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('housing_int');
});
afterAll(async () => {
  await h?.close();
});

const openRequest = async (bin: string, subject = 'A request about something') =>
  h
    .http()
    .post('/requests')
    .set(auth(await h.token(['applicant'], [bin])))
    .send({ bin, subject });

describe('requests on the real database', () => {
  it('opens a request: the aggregate, its outbox event and its review timer commit together', async () => {
    const bin = newBin();
    const res = await openRequest(bin);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ bin, status: 'open', reviewDueOn: '2026-11-26' });
    const outbox = await h.sql<{ event_type: string; message_key: string }>(
      `select event_type, message_key from hub_outbox where envelope->>'aggregateId' = ?`,
      [json(res).id],
    );
    expect(outbox).toEqual([{ event_type: 'housing.request-opened', message_key: bin }]);
    const timers = await h.sql<{ status: string }>(`select status from hub_timer where kind = 'housing.request-review-due' and timer_key = ?`, [json(res).id]);
    expect(timers).toEqual([{ status: 'scheduled' }]);
  });

  it('F-00 (placeholder): the fourth open request of a company is refused with 422 naming the rule, and nothing is written', async () => {
    const bin = newBin();
    for (let i = 0; i < 3; i++) expect((await openRequest(bin, `Request ${i}`)).status).toBe(201);
    const refused = await openRequest(bin, 'One too many');
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain('F-00');
    const [row] = await h.sql<{ n: string }>(`select count(*)::text as n from housing_request where bin = ?`, [bin]);
    expect(row?.n).toBe('3');
  });

  it('F-35: a representative sees only its own companies; opening for another company is 403', async () => {
    const mine = newBin();
    const theirs = newBin();
    const created = await openRequest(theirs);
    const me = await h.token(['applicant'], [mine]);
    expect((await h.http().post('/requests').set(auth(me)).send({ bin: theirs, subject: 'Not mine' })).status).toBe(403);
    expect(
      (
        await h
          .http()
          .get(`/requests/${json(created).id}`)
          .set(auth(me))
      ).status,
    ).toBe(404);
    expect((await h.http().get('/requests').set(auth(me))).body).toEqual([]);
    const officer = await h.token(['fund-officer']);
    expect((await h.http().get(`/requests?bin=${theirs}`).set(auth(officer))).body).toHaveLength(1);
  });

  it('the review timer marks a request still open at the end of its due day as overdue', async () => {
    const bin = newBin();
    const body = json(await openRequest(bin));
    h.clock.set('2026-11-26T19:00:01Z'); // after 23:59:59 on 26 November in Almaty (UTC+5)
    await poller(h).runDue();
    const officer = await h.token(['fund-officer']);
    expect(json(await h.http().get(`/requests/${body.id}`).set(auth(officer))).status).toBe('overdue');
    h.clock.set('2026-11-16T04:00:00Z');
  });

  it('bad input is 400 with the field named', async () => {
    const bin = newBin();
    const res = await h
      .http()
      .post('/requests')
      .set(auth(await h.token(['applicant'], [bin])))
      .send({ bin: '123', subject: '' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('bin');
  });

  it('serves its OpenAPI document and Prometheus metrics with the domain figure', async () => {
    const openapi = await h.http().get('/openapi.json');
    expect(Object.keys(json<{ paths: Record<string, unknown> }>(openapi).paths)).toEqual(expect.arrayContaining(['/requests', '/requests/{id}']));
    const metrics = await h.http().get('/metrics');
    expect(metrics.text).toContain('hub_housing_requests{');
  });
});

/**
 * Role × route matrix against a policy written here by hand (not derived from the controllers or
 * the gateway table, so a wrong entry in either is caught). Keep it in step with the README's roles.
 */
describe('access policy: every role and anonymous on every route', () => {
  const STAFF: readonly Role[] = [
    'fund-officer',
    'finance-officer',
    'commission-member',
    'commission-secretary',
    'housing-manager',
    'training-officer',
    'auditor',
  ];
  const policy: { method: 'get' | 'post'; path: string; allowed: readonly Role[] }[] = [
    { method: 'post', path: '/requests', allowed: ['applicant'] },
    { method: 'get', path: '/requests', allowed: ['applicant', ...STAFF] },
    { method: 'get', path: '/requests/:id', allowed: ['applicant', ...STAFF] },
  ];
  let id: string;
  let bin: string;
  beforeAll(async () => {
    bin = newBin();
    id = json(await openRequest(bin, 'Matrix request')).id;
  });

  for (const route of policy) {
    it(`${route.method.toUpperCase()} ${route.path}`, async () => {
      const path = route.path.replace(':id', id);
      const call = (headers: Record<string, string>) => {
        const req = h.http()[route.method](path).set(headers);
        return route.method === 'post' ? req.send({ bin, subject: 'Matrix probe' }) : req;
      };
      expect((await call({})).status).toBe(401);
      for (const role of ROLES) {
        const status = (await call(auth(await h.token([role], role === 'applicant' ? [bin] : [])))).status;
        if (route.allowed.includes(role)) expect([200, 201, 422], `${role} is allowed`).toContain(status);
        else expect(status, `${role} is refused`).toBe(403);
      }
    });
  }
});
