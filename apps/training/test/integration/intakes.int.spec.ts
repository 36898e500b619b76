import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';
import {
  type Harness,
  auth,
  deliverParticipation,
  json,
  newBin,
  participationStarted,
  participationTerminated,
  poller,
  startHarness,
} from '../support/training-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('training_int');
});
afterAll(async () => {
  await h?.close();
});

const announce = async (window: { opensOn: string; closesOn: string } = { opensOn: '2026-11-01', closesOn: '2026-12-31' }) =>
  h
    .http()
    .post('/intakes')
    .set(auth(await h.token(['training-officer'])))
    .send({
      title: 'ICT training intake 2027',
      ...window,
      selectionCriteria: { version: '2026-1', text: 'Selection criteria of the Fund' },
      intakeOrder: { version: '2026-1', text: 'Intake order of the Fund' },
    });

const course = {
  name: 'Backend engineering in TypeScript',
  description: 'A full-stack course',
  curriculum: [
    { week: 1, topics: 'Tooling', academicHours: 20 },
    { week: 2, topics: 'HTTP', academicHours: 20 },
  ],
  durationMonths: 6,
  studentSelectionCriteria: 'An entrance test',
  priceTiyn: 45_000_000,
};

const applicationBody = (intakeId: string, bin: string, overrides: Record<string, unknown> = {}) => ({
  intakeId,
  bin,
  language: 'ru',
  courses: [course],
  attachments: [{ kind: 'premises-rights', documentId: 'doc-1', title: 'Lease of the classroom' }],
  declarationOfAccuracy: true,
  ...overrides,
});

const file = async (intakeId: string, bin: string, overrides: Record<string, unknown> = {}) =>
  h
    .http()
    .post('/provider-applications')
    .set(auth(await h.token(['applicant'], [bin])))
    .send(applicationBody(intakeId, bin, overrides));

/** A company that is an active Astana Hub participant in this context's read model (participation's event through the real inbox, ADR 0062). */
const aParticipant = async (): Promise<string> => {
  const event = participationStarted();
  expect(await deliverParticipation(h, event)).toBe('handled');
  return event.payload.bin;
};

const rows = (bin: string) => h.sql<{ n: string }>(`select count(*)::text as n from training_provider_application where bin = ?`, [bin]);

describe('intakes (F-64, F-77)', () => {
  it('a training officer announces an intake with its versioned criteria and order; its event is in the outbox', async () => {
    const res = await announce();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ opensOn: '2026-11-01', closesOn: '2026-12-31', selectionCriteria: { version: '2026-1' } });
    const outbox = await h.sql<{ event_type: string }>(`select event_type from hub_outbox where envelope->>'aggregateId' = ?`, [json(res).id]);
    expect(outbox).toEqual([{ event_type: 'training.intake-announced' }]);
  });

  it('an intake that ends before it starts is 400/422 naming closesOn; nothing stored', async () => {
    const before = await h.sql<{ n: string }>(`select count(*)::text as n from training_intake`);
    const res = await announce({ opensOn: '2026-12-31', closesOn: '2026-12-01' });
    expect([400, 422]).toContain(res.status);
    expect(JSON.stringify(res.body)).toContain('closesOn');
    expect(await h.sql(`select count(*)::text as n from training_intake`)).toEqual(before);
  });
});

describe('provider applications (F-64 … F-68, F-77) on the real database', () => {
  it('a participant files inside the window: the application, its event and its F-68 review timer (10 working days) commit together', async () => {
    const intakeId = json(await announce()).id;
    const bin = await aParticipant();
    const res = await file(intakeId, bin);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ bin, intakeId, status: 'filed', filedOn: '2026-11-16', reviewDueOn: '2026-11-30' });
    const outbox = await h.sql<{ event_type: string; message_key: string }>(
      `select event_type, message_key from hub_outbox where envelope->>'aggregateId' = ?`,
      [json(res).id],
    );
    expect(outbox).toEqual([{ event_type: 'training.provider-application-filed', message_key: bin }]);
    const timers = await h.sql<{ status: string }>(`select status from hub_timer where kind = 'training.completeness-review-due' and timer_key = ?`, [
      json(res).id,
    ]);
    expect(timers).toEqual([{ status: 'scheduled' }]);
  });

  it('F-64: a late application (after the intake closed) is 422 naming the rule, and nothing is stored', async () => {
    const intakeId = json(await announce({ opensOn: '2026-10-01', closesOn: '2026-11-13' })).id;
    const bin = await aParticipant();
    const res = await file(intakeId, bin);
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(res.body)).toContain('F-64');
    expect(await rows(bin)).toEqual([{ n: '0' }]);
  });

  it('F-77: a company that is not an Astana Hub participant is refused with 422, nothing stored', async () => {
    const intakeId = json(await announce()).id;
    const bin = newBin();
    const res = await file(intakeId, bin);
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('F-77');
    expect(await rows(bin)).toEqual([{ n: '0' }]);
  });

  it('F-77: a participant whose participation was terminated early is no longer eligible (422); the same termination twice has one effect', async () => {
    const intakeId = json(await announce()).id;
    const started = participationStarted();
    expect(await deliverParticipation(h, started)).toBe('handled');
    const terminated = participationTerminated(started.payload, '2026-11-10');
    expect(await deliverParticipation(h, terminated, '1')).toBe('handled');
    expect(await deliverParticipation(h, terminated, '2')).toBe('duplicate');
    const res = await file(intakeId, started.payload.bin);
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('F-77');
    expect(await rows(started.payload.bin)).toEqual([{ n: '0' }]);
  });

  it('F-67: without the declaration of accuracy the application is refused with 422', async () => {
    const intakeId = json(await announce()).id;
    const bin = await aParticipant();
    const res = await file(intakeId, bin, { declarationOfAccuracy: false });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('F-67');
    expect(await rows(bin)).toEqual([{ n: '0' }]);
  });

  it('bad input is 400 naming the field: a fractional price (ADR 0036), no course, an unknown attachment kind', async () => {
    const intakeId = json(await announce()).id;
    const bin = await aParticipant();
    const fractional = await file(intakeId, bin, { courses: [{ ...course, priceTiyn: 10.5 }] });
    expect(fractional.status).toBe(400);
    expect(JSON.stringify(fractional.body)).toContain('priceTiyn');
    const none = await file(intakeId, bin, { courses: [] });
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.body)).toContain('courses');
    const kind = await file(intakeId, bin, { attachments: [{ kind: 'diploma', documentId: 'x', title: 'x' }] });
    expect(kind.status).toBe(400);
    expect(JSON.stringify(kind.body)).toContain('kind');
    expect(await rows(bin)).toEqual([{ n: '0' }]);
  });

  it('an unknown intake is 404', async () => {
    const bin = await aParticipant();
    expect((await file(uuidv7(), bin)).status).toBe(404);
  });

  it('F-35: a representative sees only its own applications; filing for another company is 403', async () => {
    const intakeId = json(await announce()).id;
    const theirs = await aParticipant();
    const created = await file(intakeId, theirs);
    const mine = newBin();
    const me = await h.token(['applicant'], [mine]);
    expect((await h.http().post('/provider-applications').set(auth(me)).send(applicationBody(intakeId, theirs))).status).toBe(403);
    expect(
      (
        await h
          .http()
          .get(`/provider-applications/${json(created).id}`)
          .set(auth(me))
      ).status,
    ).toBe(404);
    expect((await h.http().get('/provider-applications').set(auth(me))).body).toEqual([]);
    const officer = await h.token(['training-officer']);
    expect((await h.http().get(`/provider-applications?bin=${theirs}`).set(auth(officer))).body).toHaveLength(1);
  });

  it('F-68: GET /deadlines lists the open completeness review; the durable timer marks it overdue after its 10th working day', async () => {
    const intakeId = json(await announce()).id;
    const bin = await aParticipant();
    const id = json(await file(intakeId, bin)).id;
    const officer = await h.token(['training-officer']);
    const board = json<{ items: { subjectId: string; ruleId: string; dueDate: string; overdue: boolean }[] }>(
      await h.http().get('/deadlines').set(auth(officer)),
    ).items;
    expect(board.find((d) => d.subjectId === id)).toMatchObject({ ruleId: 'F-68', dueDate: '2026-11-30', overdue: false });
    h.clock.set('2026-11-30T19:00:01Z'); // after 23:59:59 on 30 November in Almaty (UTC+5)
    await poller(h).runDue();
    expect(json(await h.http().get(`/provider-applications/${id}`).set(auth(officer))).status).toBe('review-overdue');
    const after = json<{ items: { subjectId: string; overdue: boolean }[] }>(await h.http().get('/deadlines').set(auth(officer))).items;
    expect(after.find((d) => d.subjectId === id)?.overdue).toBe(true);
    h.clock.set('2026-11-16T04:00:00Z');
  });
});

/**
 * Role × route matrix against a policy written here by hand (not derived from the controllers or
 * the gateway table). Keep it in step with the README's roles.
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
  /** F-69: applications are read by the company and the Fund's staff except Commission members (who go through the Commission's routes). */
  const FILE: readonly Role[] = STAFF.filter((r) => r !== 'commission-member');
  const policy: { method: 'get' | 'post' | 'put'; path: string; allowed: readonly Role[] }[] = [
    { method: 'post', path: '/intakes', allowed: ['training-officer'] },
    { method: 'get', path: '/intakes', allowed: ['applicant', ...STAFF] },
    { method: 'get', path: '/intakes/:intakeId', allowed: ['applicant', ...STAFF] },
    { method: 'post', path: '/provider-applications', allowed: ['applicant'] },
    { method: 'get', path: '/provider-applications', allowed: ['applicant', ...FILE] },
    { method: 'get', path: '/provider-applications/:id', allowed: ['applicant', ...FILE] },
    { method: 'post', path: '/provider-applications/:id/completeness-review', allowed: ['training-officer'] },
    { method: 'get', path: '/provider-applications/:id/completeness-reviews', allowed: FILE },
    { method: 'post', path: '/provider-applications/:id/remarks', allowed: ['training-officer'] },
    { method: 'post', path: '/provider-applications/:id/remarks/fix', allowed: ['applicant'] },
    { method: 'get', path: '/provider-applications/:id/notices', allowed: ['applicant', ...FILE] },
    { method: 'post', path: '/intakes/:intakeId/commission/members', allowed: ['training-officer'] },
    { method: 'get', path: '/intakes/:intakeId/commission', allowed: STAFF },
    { method: 'post', path: '/intakes/:intakeId/commission/declaration', allowed: ['commission-member'] },
    { method: 'get', path: '/intakes/:intakeId/commission/applications', allowed: ['commission-member'] },
    { method: 'get', path: '/intakes/:intakeId/commission/schedule', allowed: STAFF },
    { method: 'post', path: '/provider-applications/:id/presentation', allowed: ['commission-secretary'] },
    { method: 'post', path: '/provider-applications/:id/votes', allowed: ['commission-member'] },
    { method: 'post', path: '/intakes/:intakeId/commission/decision', allowed: ['commission-secretary'] },
    { method: 'get', path: '/intakes/:intakeId/commission/protocol', allowed: STAFF },
    { method: 'get', path: '/intakes/:intakeId/quota-calculation', allowed: ['applicant', ...STAFF] },
    { method: 'get', path: '/intakes/:intakeId/quota-calculation.csv', allowed: ['applicant', ...STAFF] },
    { method: 'post', path: '/provider-applications/:id/decision-notice', allowed: ['training-officer'] },
    { method: 'post', path: '/provider-applications/:id/contract', allowed: ['training-officer'] },
    { method: 'put', path: '/provider-applications/:id/trainees', allowed: ['applicant'] },
    { method: 'get', path: '/provider-applications/:id/trainees', allowed: ['applicant', 'training-officer'] },
    { method: 'get', path: '/deadlines', allowed: STAFF },
  ];
  let id: string;
  let intakeId: string;
  let bin: string;
  beforeAll(async () => {
    intakeId = json(await announce()).id;
    bin = await aParticipant();
    id = json(await file(intakeId, bin)).id;
    // the commission-member token of the matrix (subject `commission-member-x`) sits on this intake's Commission
    await h
      .http()
      .post(`/intakes/${intakeId}/commission/members`)
      .set(auth(await h.token(['training-officer'])))
      .send({ subject: 'commission-member-x', fullName: 'Matrix member', affiliation: 'fund' });
  });

  for (const route of policy) {
    it(`${route.method.toUpperCase()} ${route.path}`, async () => {
      const path = route.path.replace(':intakeId', intakeId).replace(':id', id);
      const call = (headers: Record<string, string>) => {
        const req = h.http()[route.method](path).set(headers);
        if (route.method === 'get') return req;
        return route.path === '/intakes'
          ? req.send({
              title: 'Matrix',
              opensOn: '2026-11-01',
              closesOn: '2026-12-31',
              selectionCriteria: { version: '1', text: 't' },
              intakeOrder: { version: '1', text: 't' },
            })
          : route.path === '/provider-applications'
            ? req.send(applicationBody(intakeId, bin))
            : req.send({});
      };
      expect((await call({})).status).toBe(401);
      for (const role of ROLES) {
        const status = (await call(auth(await h.token([role], role === 'applicant' ? [bin] : [])))).status;
        if (route.allowed.includes(role)) expect([200, 201, 400, 404, 409, 422], `${role} is allowed`).toContain(status);
        else expect(status, `${role} is refused`).toBe(403);
      }
    });
  }
});
