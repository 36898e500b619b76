import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN_A, type GatewayHarness, startGateway } from './support/gateway-harness.js';
import { json } from './support/upstream-stub.js';
import { type Problem, bodyOf } from './support/body.js';

interface AuditPage {
  readonly items: readonly { readonly id: string; readonly seq: string; readonly status: number }[];
  readonly total: number;
}
const page = (res: { readonly body: unknown }) => bodyOf<AuditPage>(res);

const APP_ID = '018f0000-0000-7000-8000-0000000000c1';
const REPORT_ID = '018f0000-0000-7000-8000-0000000000d1';

describe('audit trail: append-only, recorded for writes and restricted reads, queryable by auditors', () => {
  let gw: GatewayHarness;
  let alice: string;
  let olga: string;
  let auditor: string;
  const rows = async () => gw.db.orm.em.fork().execute<Record<string, unknown>[]>('select * from gateway_audit_event order by seq');

  beforeAll(async () => {
    gw = await startGateway();
    alice = await gw.token('applicant', { sub: 'alice', companies: [BIN_A] });
    olga = await gw.token('fund-officer', { sub: 'olga' });
    auditor = await gw.token('auditor', { sub: 'audrey' });
  });
  afterAll(async () => gw?.close());

  it('records every state-changing request with who, for which company, what, when, correlation id and outcome', async () => {
    gw.registration.handler = (_req, res) => json(res, 201, { id: APP_ID });
    const created = await gw
      .http()
      .post('/api/registration/applications')
      .set('authorization', `Bearer ${alice}`)
      .set('x-correlation-id', 'corr-audit-1')
      .send({ bin: BIN_A });
    expect(created.status).toBe(201);
    gw.registration.handler = (_req, res) => json(res, 409, { title: 'Not possible in the current state', status: 409, detail: 'x' });
    await gw
      .http()
      .post(`/api/registration/applications/${APP_ID}/submit`)
      .set('authorization', `Bearer ${alice}`)
      .set('x-correlation-id', 'corr-audit-2')
      .send({});
    // A write the gateway refuses is on record too (who tried what).
    await gw
      .http()
      .post(`/api/registration/applications/${APP_ID}/remarks`)
      .set('authorization', `Bearer ${alice}`)
      .set('x-correlation-id', 'corr-audit-3')
      .send({});
    // A plain read of non-restricted data is not audited.
    gw.registration.reset();
    await gw.http().get(`/api/registration/applications/${APP_ID}`).set('authorization', `Bearer ${olga}`);

    const all = await rows();
    expect(all).toHaveLength(3);
    expect(all[0]).toMatchObject({
      kind: 'write',
      subject: 'alice',
      roles: ['applicant'],
      company_bin: BIN_A,
      actor_companies: [BIN_A],
      method: 'POST',
      route: '/api/registration/applications',
      path: '/api/registration/applications',
      upstream: 'registration',
      resource_id: APP_ID, // the id the context created
      status: 201,
      outcome: 'allowed',
      correlation_id: 'corr-audit-1',
    });
    expect(new Date(all[0]!.occurred_at as string).toISOString()).toBe('2026-11-20T06:00:00.000Z'); // the Clock's time
    expect(all[1]).toMatchObject({
      route: '/api/registration/applications/:id/submit',
      resource_id: APP_ID,
      status: 409,
      outcome: 'rejected',
      correlation_id: 'corr-audit-2',
    });
    expect(all[2]).toMatchObject({
      route: '/api/registration/applications/:id/remarks',
      subject: 'alice',
      status: 403,
      outcome: 'denied',
      correlation_id: 'corr-audit-3',
    });
  });

  it("a staff write is recorded under the company the context's answer names (acting for which company)", async () => {
    gw.registration.handler = (_req, res) => json(res, 200, { id: APP_ID, bin: BIN_A, status: 'with-commission' });
    const res = await gw
      .http()
      .post(`/api/registration/applications/${APP_ID}/send-to-commission`)
      .set('authorization', `Bearer ${olga}`)
      .set('x-correlation-id', 'corr-staff-1')
      .send({});
    expect(res.status).toBe(200);
    const row = (await rows()).find((r) => r.correlation_id === 'corr-staff-1');
    expect(row).toMatchObject({ subject: 'olga', roles: ['fund-officer'], company_bin: BIN_A, actor_companies: [], resource_id: APP_ID, outcome: 'allowed' });
  });

  it('F-42: every read of restricted personal data is recorded, including refused ones', async () => {
    gw.participation.handler = (_req, res) => json(res, 200, { items: [{ fullName: 'John Smith' }] });
    const path = `/api/participation/quarterly-reports/${REPORT_ID}/non-residents`;
    expect((await gw.http().get(path).set('authorization', `Bearer ${olga}`).set('x-correlation-id', 'corr-pii-1')).status).toBe(200);
    expect((await gw.http().get(path).set('authorization', `Bearer ${auditor}`).set('x-correlation-id', 'corr-pii-2')).status).toBe(403);
    const pii = (await rows()).filter((r) => r.kind === 'restricted-read');
    expect(pii).toMatchObject([
      {
        subject: 'olga',
        company_bin: null,
        resource_id: REPORT_ID,
        status: 200,
        outcome: 'allowed',
        correlation_id: 'corr-pii-1',
        route: '/api/participation/quarterly-reports/:reportId/non-residents',
      },
      { subject: 'audrey', company_bin: null, resource_id: REPORT_ID, status: 403, outcome: 'denied', correlation_id: 'corr-pii-2' },
    ]);
  });

  it('F-42: when the read cannot be recorded, the restricted data is not released (fail closed)', async () => {
    gw.participation.handler = (_req, res) => json(res, 200, { items: [{ fullName: 'John Smith' }] });
    const em = gw.db.orm.em.fork();
    await em.execute('alter table gateway_audit_event rename to gateway_audit_event_away');
    try {
      const res = await gw.http().get(`/api/participation/quarterly-reports/${REPORT_ID}/non-residents`).set('authorization', `Bearer ${olga}`);
      expect(res.status).toBe(503);
      expect(JSON.stringify(res.body)).not.toContain('John Smith');
    } finally {
      await em.execute('alter table gateway_audit_event_away rename to gateway_audit_event');
    }
  });

  it('the database itself rejects UPDATE, DELETE and TRUNCATE of audit rows', async () => {
    const em = gw.db.orm.em.fork();
    const before = await rows();
    expect(before.length).toBeGreaterThan(0);
    await expect(em.execute(`update gateway_audit_event set subject = 'someone-else'`)).rejects.toThrow(/append-only: UPDATE is not allowed/);
    await expect(em.execute(`delete from gateway_audit_event where subject = 'alice'`)).rejects.toThrow(/append-only: DELETE is not allowed/);
    await expect(em.execute('truncate gateway_audit_event')).rejects.toThrow(/append-only: TRUNCATE is not allowed/);
    expect(await rows()).toEqual(before);
  });

  it('no API edits the trail: PUT/PATCH/DELETE on it do not exist', async () => {
    const first = (await rows())[0]!;
    for (const method of ['put', 'patch', 'delete'] as const) {
      for (const path of ['/api/audit/events', `/api/audit/events/${String(first.id)}`]) {
        const res = await gw.http()[method](path).set('authorization', `Bearer ${auditor}`).send({ subject: 'x' });
        expect(res.status).toBe(404);
      }
    }
  });

  it('auditors query it with filters and pagination; nobody else can', async () => {
    const q = (query: string, token = auditor) => gw.http().get(`/api/audit/events${query}`).set('authorization', `Bearer ${token}`);
    const all = await q('?pageSize=200');
    expect(all.status).toBe(200);
    const total = page(all).total;
    expect(total).toBeGreaterThanOrEqual(5);
    const page1 = await q('?kind=write&subject=alice&pageSize=2&page=1');
    const page2 = await q('?kind=write&subject=alice&pageSize=2&page=2');
    expect(page(page1).items).toHaveLength(2);
    expect(page(page1).items[0]!.id).not.toBe(page(page2).items[0]!.id);
    expect(page(page1).total).toBe(3);
    expect(page(page2).total).toBe(3);
    expect(page(page2).items).toHaveLength(1);
    expect(BigInt(page(page1).items[0]!.seq)).toBeGreaterThan(BigInt(page(page1).items[1]!.seq)); // newest first
    const alices = await q('?subject=alice&kind=write');
    expect(
      page(alices)
        .items.map((i: { status: number }) => i.status)
        .sort(),
    ).toEqual([201, 403, 409]);
    expect(page(await q('?outcome=denied&subject=alice')).items).toHaveLength(1);
    expect(page(await q('?correlationId=corr-pii-1')).items[0]).toMatchObject({ kind: 'restricted-read', subject: 'olga', resourceId: REPORT_ID });
    expect(page(await q('?kind=restricted-read')).total).toBe(2); // the fail-closed attempt left no row (and no data)
    expect(page(await q(`?companyBin=${BIN_A}&kind=write`)).total).toBe(4); // alice's three and olga's one
    expect(page(await q('?from=2030-01-01T00:00:00Z')).total).toBe(0);
    const bad = await q('?kind=delete&pageSize=0');
    expect(bad.status).toBe(400);
    expect(
      bodyOf<Problem>(bad)
        .errors!.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['query.kind', 'query.pageSize']);
    for (const role of ['fund-officer', 'applicant', 'commission-secretary'] as const)
      expect((await q('', await gw.token(role, { companies: [BIN_A] }))).status).toBe(403);
    // keyset paging (issue #11, the auditors' screen): the page below the last seq seen, unshifted by rows appended meanwhile
    await gw.http().post(`/api/registration/applications`).set('authorization', `Bearer ${alice}`).send({});
    const older = await q(`?kind=write&subject=alice&pageSize=2&before=${page(page1).items[1]!.seq}`);
    expect(older.status).toBe(200);
    expect(page(older).items.map((i) => i.id)).toEqual(page(page2).items.map((i) => i.id));
    expect(page(older).total).toBe(4); // every row the filters match, the new one included
    expect((await q('?before=0')).status).toBe(400);
    // Reading the trail is itself on record.
    expect((await rows()).filter((r) => r.kind === 'audit-read' && r.subject === 'audrey').length).toBeGreaterThanOrEqual(8);
  });
  it('a write naming a NUL or an over-long company in its path is still on record (issue #18: the fuzz run lost such records)', async () => {
    const before = (await rows()).length;
    // A fund officer may write the route; the company in the path is whatever the caller typed.
    gw.registration.handler = (_req, res) => json(res, 400, { title: 'Bad', status: 400, detail: 'x', errors: [{ field: 'bin', message: 'not a BIN' }] });
    await gw.http().post('/api/registration/participants/%00/address').set('authorization', `Bearer ${olga}`).send({});
    await gw
      .http()
      .post(`/api/registration/participants/${'9'.repeat(40)}/address`)
      .set('authorization', `Bearer ${olga}`)
      .send({});
    const added = (await rows()).slice(before);
    expect(added).toHaveLength(2);
    expect(added[0]).toMatchObject({
      kind: 'write',
      subject: 'olga',
      company_bin: null,
      resource_id: '\uFFFD',
      path: '/api/registration/participants/%00/address',
    });
    expect(added[1]).toMatchObject({ company_bin: null, resource_id: '9'.repeat(40) });
  });
});
