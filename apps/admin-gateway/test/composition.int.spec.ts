import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN_A, BIN_B, type GatewayHarness, startGateway } from './support/gateway-harness.js';
import { DeadlinesPageQuerySchema, pageDeadlines } from '@hub/contracts';
import { json } from './support/upstream-stub.js';
import { bodyOf } from './support/body.js';

interface DeadlineItem {
  readonly context: string;
  readonly ruleId: string;
  readonly dueDate: string;
  readonly overdue: boolean;
}
interface Sources {
  readonly sources: readonly { readonly context: string; readonly status: string }[];
}
/** The overview's sections as the tests read them (each test looks at the fields its section has). */
interface Overview {
  readonly bin: string;
  readonly participationId: string | null;
  readonly sections: Record<string, { readonly status: string; readonly error: { readonly detail: string } }> & {
    readonly deadlines: { readonly items: readonly DeadlineItem[] } & Sources;
  };
}
interface Board extends Sources {
  readonly items: readonly DeadlineItem[];
  readonly overdueCount: number;
  readonly total: number;
}
const overview = (res: { readonly body: unknown }) => bodyOf<Overview>(res);
const board = (res: { readonly body: unknown }) => bodyOf<Board>(res);

/**
 * A context's side of the paged deadlines contract (ADR 0047), as the stubs answer it: the query the
 * gateway sent, parsed by the contract's own schema, over the stub's list (open ones only).
 */
const contextPage = (url: string, all: readonly Record<string, unknown>[]) => {
  const q = DeadlinesPageQuerySchema.parse(Object.fromEntries(new URL(url, 'http://stub').searchParams));
  const open = all.filter((d) => d['status'] !== 'met') as unknown as { dueDate: string; overdue: boolean; bin?: string; kind: string; subjectId?: string }[];
  return pageDeadlines(open, q, (d) => `${d.kind}:${d.subjectId ?? ''}`);
};

const P_ACTIVE = '018f0000-0000-7000-8000-00000000a001';
const P_ENDED = '018f0000-0000-7000-8000-00000000a000';

describe('composed views: company overview and the deadlines board', () => {
  let gw: GatewayHarness;
  let olga: string;
  /** The two contexts these tests drive; the others' sources are only checked to answer (ok, empty). */
  const TWO = ['registration', 'participation'];

  beforeAll(async () => {
    gw = await startGateway();
    olga = await gw.token('fund-officer', { sub: 'olga' });
  });
  afterAll(async () => gw?.close());
  beforeEach(() => {
    for (const stub of Object.values(gw.upstreams)) stub.reset();
    // Every other context with a GET /deadlines route (housing, …) answers an empty list: these tests
    // are about registration and participation, and stay so as contexts are added.
    for (const [name, stub] of Object.entries(gw.upstreams))
      if (name !== 'registration' && name !== 'participation')
        stub.handler = (req, res) => (req.url.startsWith('/deadlines') ? json(res, 200, contextPage(req.url, [])) : json(res, 404, {}));
    gw.registration.handler = (req, res) => {
      if (req.url.startsWith('/applications'))
        return json(res, 200, { items: [{ id: 'app-1', bin: BIN_A, status: 'registered' }], page: 1, pageSize: 20, total: 1 });
      if (req.url.startsWith('/deadlines'))
        return json(
          res,
          200,
          contextPage(req.url, [
            { kind: 'completeness-review', ruleId: 'F-12', dueDate: '2026-11-25', overdue: false, bin: BIN_A, subjectId: 'app-1' },
            { kind: 'commission-decision', ruleId: 'F-15', dueDate: '2026-11-18', overdue: true, bin: BIN_B },
            { kind: 'broken', dueDate: '2026-11-20', overdue: null },
            { kind: 'notification', ruleId: 'F-17', dueDate: '2026-11-10', overdue: false, bin: BIN_A, status: 'met' },
          ]),
        );
      return json(res, 404, { title: 'Not found', status: 404, detail: 'no' });
    };
    gw.participation.handler = (req, res) => {
      if (req.url.startsWith(`/participations?bin=${BIN_A}`))
        return json(res, 200, {
          items: [
            { id: P_ENDED, bin: BIN_A, status: 'ended', termStart: '2023-01-10' },
            { id: P_ACTIVE, bin: BIN_A, status: 'active', termStart: '2025-01-10', termEnd: '2027-11-20' },
          ],
          page: 1,
          pageSize: 200,
          total: 2,
        });
      if (req.url.startsWith('/participations?')) return json(res, 200, { items: [], page: 1, pageSize: 200, total: 0 });
      if (req.url === `/participations/${P_ACTIVE}/fees`) return json(res, 200, [{ year: 2026, quarter: 3, dueDate: '2026-10-26', outstandingKzt: 0 }]);
      if (req.url === `/participations/${P_ACTIVE}/quarterly-reports`)
        return json(res, 500, { title: 'Internal error', status: 500, detail: 'An unexpected error occurred' });
      if (req.url.startsWith('/deadlines'))
        return json(res, 200, contextPage(req.url, [{ kind: 'quarterly-report', ruleId: 'F-37', dueDate: '2026-10-20', overdue: true, bin: BIN_A }]));
      return json(res, 404, { title: 'Not found', status: 404, detail: 'no' });
    };
  });

  it("one company on one page: every section from its context, called in parallel with the caller's token", async () => {
    const res = await gw.http().get(`/api/companies/${BIN_A}/overview`).set('authorization', `Bearer ${olga}`).set('x-correlation-id', 'corr-ov');
    expect(res.status).toBe(200);
    expect(overview(res).bin).toBe(BIN_A);
    expect(overview(res).sections.applications).toEqual({
      status: 'ok',
      upstream: 'registration',
      data: { items: [{ id: 'app-1', bin: BIN_A, status: 'registered' }], page: 1, pageSize: 20, total: 1 },
    });
    expect(overview(res).sections.participation).toMatchObject({ status: 'ok', upstream: 'participation', data: { total: 2 } });
    expect(overview(res).participationId).toBe(P_ACTIVE); // the active one, not the ended one
    expect(overview(res).sections.fees).toEqual({
      status: 'ok',
      upstream: 'participation',
      data: [{ year: 2026, quarter: 3, dueDate: '2026-10-26', outstandingKzt: 0 }],
    });
    // A section whose context fails carries the error; the rest still renders.
    expect(overview(res).sections.reports).toEqual({
      status: 'error',
      upstream: 'participation',
      error: { status: 500, title: 'Internal error', detail: 'An unexpected error occurred' },
    });
    // Open deadlines of this company only, soonest first; other companies' and met ones never show.
    expect(overview(res).sections.deadlines.items.map((d: { ruleId: string; context: string }) => `${d.context}:${d.ruleId}`)).toEqual([
      'participation:F-37',
      'registration:F-12',
    ]);
    for (const seen of [...gw.registration.seen, ...gw.participation.seen]) {
      expect(seen.headers.authorization).toBe(`Bearer ${olga}`);
      expect(seen.headers['x-correlation-id']).toBe('corr-ov');
    }
    // ADR 0047: the company's deadlines, one page of up to 1 000 from each context, the BIN filter sent along.
    const deadlinesCall = `/deadlines?status=open&limit=1000&bin=${BIN_A}`;
    expect(gw.registration.seen.map((s) => s.url).sort()).toEqual([`/applications?bin=${BIN_A}&pageSize=200`, deadlinesCall]);
    expect(gw.participation.seen.map((s) => s.url).sort()).toEqual([
      deadlinesCall,
      `/participations/${P_ACTIVE}/fees`,
      `/participations/${P_ACTIVE}/quarterly-reports`,
      `/participations?bin=${BIN_A}&pageSize=200`,
    ]);
  });

  it('a company without participation: fees and reports say so (empty), applications still shown', async () => {
    const res = await gw.http().get(`/api/companies/${BIN_B}/overview`).set('authorization', `Bearer ${olga}`);
    expect(res.status).toBe(200);
    expect(overview(res).participationId).toBeNull();
    expect(overview(res).sections.fees).toEqual({ status: 'empty', upstream: 'participation', detail: 'this company has no participation' });
    expect(overview(res).sections.reports?.status).toBe('empty');
    expect(overview(res).sections.deadlines.items.map((d: { ruleId: string }) => d.ruleId)).toEqual(['F-15']);
  });

  it('a context that is down or slow → its sections carry 503/504 errors, the overview still answers 200', async () => {
    gw.participation.handler = (_req, res) => void setTimeout(() => json(res, 200, {}), 2_500);
    gw.registration.handler = (_req, res) => void res.socket?.destroy();
    const started = Date.now();
    const res = await gw.http().get(`/api/companies/${BIN_A}/overview`).set('authorization', `Bearer ${olga}`);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2_400); // sections ran in parallel under one 1.5 s deadline
    expect(overview(res).sections.applications).toMatchObject({ status: 'error', error: { status: 502 } });
    for (const s of ['participation', 'fees', 'reports'] as const)
      expect(overview(res).sections[s]).toMatchObject({ status: 'error', upstream: 'participation', error: { status: 504, code: 'gateway.upstream.timeout' } });
    expect(overview(res).sections.fees?.error.detail).toMatch(/participation could not be read/);
    expect(
      overview(res)
        .sections.deadlines.sources.filter((s: { context: string }) => TWO.includes(s.context))
        .map((s: { context: string; status: string }) => `${s.context}:${s.status}`),
    ).toEqual(['registration:error', 'participation:error']);
  });

  it('F-35: an applicant sees the overview of its own company only; the context still gets its own token', async () => {
    const alice = await gw.token('applicant', { sub: 'alice', companies: [BIN_A] });
    expect((await gw.http().get(`/api/companies/${BIN_A}/overview`).set('authorization', `Bearer ${alice}`)).status).toBe(200);
    expect(gw.participation.seen.every((s) => s.headers.authorization === `Bearer ${alice}`)).toBe(true);
    gw.participation.reset();
    expect((await gw.http().get(`/api/companies/${BIN_B}/overview`).set('authorization', `Bearer ${alice}`)).status).toBe(403);
    expect((await gw.http().get('/api/companies/12345/overview').set('authorization', `Bearer ${olga}`)).status).toBe(400);
  });

  it('deadlines board: every context merged, soonest first, overdue flagged and counted, malformed items counted not shown', async () => {
    const res = await gw.http().get('/api/deadlines').set('authorization', `Bearer ${olga}`);
    expect(res.status).toBe(200);
    expect(
      board(res).items.map((d: { context: string; ruleId: string; dueDate: string; overdue: boolean }) => [d.context, d.ruleId, d.dueDate, d.overdue]),
    ).toEqual([
      ['participation', 'F-37', '2026-10-20', true],
      ['registration', 'F-15', '2026-11-18', true],
      ['registration', 'F-12', '2026-11-25', false],
    ]);
    expect(board(res).overdueCount).toBe(2);
    // The total is the contexts' own count of what they hold open (the malformed item is still registration's).
    expect(board(res).total).toBe(4);
    expect(board(res).sources.filter((x) => TWO.includes(x.context))).toEqual([
      { context: 'registration', status: 'ok', count: 3, malformed: 1 },
      { context: 'participation', status: 'ok', count: 1, malformed: 0 },
    ]);
    const others = board(res).sources.filter((x) => !TWO.includes(x.context));
    expect(others.map((x) => x.context)).toContain('housing'); // every context whose table declares GET /deadlines is asked
    expect(others.every((x) => x.status === 'ok')).toBe(true);
    // ADR 0030: a configured context whose table declares no GET /deadlines (documents) is not asked.
    expect(gw.stub('documents').seen.map((r) => `${r.method} ${r.url}`)).toEqual([]);
    const overdue = await gw.http().get('/api/deadlines?overdue=true&context=registration').set('authorization', `Bearer ${olga}`);
    expect(board(overdue).items.map((d: { ruleId: string }) => d.ruleId)).toEqual(['F-15']);
    // ADR 0047: the filters go to the contexts (which page what they select); only the context asked for is called.
    expect(gw.registration.seen.at(-1)!.url).toBe('/deadlines?status=open&limit=20&overdue=true');
    expect(gw.participation.seen.filter((r) => r.url.includes('overdue=true'))).toEqual([]);
    const paged = await gw.http().get('/api/deadlines?pageSize=2&page=2').set('authorization', `Bearer ${olga}`);
    expect(board(paged)).toMatchObject({ page: 2, pageSize: 2, total: 4, nextCursor: null });
    expect(board(paged).items.map((d) => d.ruleId)).toEqual(['F-12']); // the broken item is skipped (counted as malformed), never shown
  });

  it('deadlines board tolerates a context without a deadlines endpoint (not-provided) and one that is down (error)', async () => {
    gw.registration.handler = (_req, res) => json(res, 404, { title: 'Not found', status: 404, detail: 'Cannot GET /deadlines' });
    gw.participation.handler = (_req, res) => void res.socket?.destroy();
    const res = await gw.http().get('/api/deadlines').set('authorization', `Bearer ${olga}`);
    expect(res.status).toBe(200);
    expect(board(res).items).toEqual([]);
    expect(board(res).sources.filter((x) => TWO.includes(x.context))).toMatchObject([
      { context: 'registration', status: 'not-provided' },
      { context: 'participation', status: 'error', error: { status: 502 } },
    ]);
  });

  it('ADR 0047: 2 500 open deadlines across three contexts — every one reachable by nextCursor, once, merged in (due date, context, context order); numbered pages agree; filters go down', async () => {
    const day = (i: number) => `2026-12-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`;
    const make = (n: number, prefix: string) =>
      Array.from({ length: n }, (_, i) => ({
        kind: 'k',
        ruleId: 'F-0',
        subjectId: `${prefix}-${String(i).padStart(5, '0')}`,
        dueDate: day(i),
        overdue: i % 4 === 0,
        bin: i % 2 ? BIN_A : BIN_B,
      })).sort(() => Math.random() - 0.5);
    const lists: Record<string, ReturnType<typeof make>> = { registration: make(1500, 'r'), participation: make(700, 'p'), housing: make(300, 'h') };
    for (const [name, stub] of Object.entries(gw.upstreams))
      stub.handler = (req, res) => (req.url.startsWith('/deadlines') ? json(res, 200, contextPage(req.url, lists[name] ?? [])) : json(res, 404, {}));
    const expected = Object.entries(lists)
      .flatMap(([context, l]) => l.map((d) => ({ ...d, context })))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.context.localeCompare(b.context) || a.subjectId.localeCompare(b.subjectId))
      .map((d) => `${d.dueDate}|${d.context}|${d.subjectId}`);
    const walk = async (query: string, total: number) => {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const res: { status: number; body: unknown } = await gw
          .http()
          .get(`/api/deadlines?${query}${after ? `&after=${after}` : ''}`)
          .set('authorization', `Bearer ${olga}`);
        expect(res.status).toBe(200);
        type Walked = { total: number; nextCursor: string | null; items: (DeadlineItem & { subjectId: string })[] };
        const b: Walked = bodyOf<Walked>(res);
        expect(b.items.length).toBeLessThanOrEqual(200);
        seen.push(...b.items.map((d) => `${d.dueDate}|${d.context}|${d.subjectId}`));
        after = b.nextCursor;
        pages += 1;
        expect(b.total).toBe(total);
      } while (after && pages < 100);
      return { seen, pages };
    };
    const all = await walk('pageSize=200', 2500);
    expect(all.seen).toHaveLength(2500);
    expect(new Set(all.seen).size).toBe(2500);
    expect(all.seen).toEqual(expected);
    expect(all.pages).toBe(13);
    // The web's numbered pager reaches the same pages (walking there in rounds of up to 1 000).
    for (const page of [2, 7, 13]) {
      const res = await gw.http().get(`/api/deadlines?pageSize=200&page=${page}`).set('authorization', `Bearer ${olga}`);
      const b = bodyOf<{ items: (DeadlineItem & { subjectId: string })[]; page: number; total: number }>(res);
      expect(b).toMatchObject({ page, total: 2500 });
      expect(b.items.map((d) => `${d.dueDate}|${d.context}|${d.subjectId}`)).toEqual(expected.slice((page - 1) * 200, page * 200));
    }
    // Filters are sent to the contexts, which select before paging.
    gw.registration.seen.length = 0;
    const want = Object.entries(lists)
      .flatMap(([context, l]) => l.filter((d) => d.overdue && d.bin === BIN_B && d.dueDate <= '2026-12-20').map((d) => ({ ...d, context })))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.context.localeCompare(b.context) || a.subjectId.localeCompare(b.subjectId))
      .map((d) => `${d.dueDate}|${d.context}|${d.subjectId}`);
    const overdue = await walk(`pageSize=150&overdue=true&bin=${BIN_B}&dueBefore=2026-12-20`, want.length);
    expect(want.length).toBeGreaterThan(150);
    expect(overdue.seen).toEqual(want);
    expect(gw.registration.seen[0]!.url).toBe(`/deadlines?status=open&limit=150&bin=${BIN_B}&overdue=true&dueBefore=2026-12-20`);
    // A cursor the board did not issue is bad input naming the field.
    const bad = await gw.http().get('/api/deadlines?after=%7Bnope').set('authorization', `Bearer ${olga}`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/query\.after/);
  });

  it('ADR 0047: a context whose page is all malformed does not stall the board; one that fails mid-walk is named, the others go on', async () => {
    const good = Array.from({ length: 30 }, (_, i) => ({
      kind: 'k',
      subjectId: `g-${String(i).padStart(3, '0')}`,
      dueDate: `2026-12-${String(1 + i).padStart(2, '0')}`,
      overdue: false,
    }));
    const junk = Array.from({ length: 30 }, (_, i) => ({
      kind: '',
      subjectId: `j-${String(i).padStart(3, '0')}`,
      dueDate: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`,
      overdue: 'no',
    }));
    let calls = 0;
    for (const [name, stub] of Object.entries(gw.upstreams))
      stub.handler = (req, res) => {
        if (!req.url.startsWith('/deadlines')) return json(res, 404, {});
        if (name === 'participation') return json(res, 200, contextPage(req.url, junk));
        if (name === 'registration' && ++calls > 3) return void res.socket?.destroy();
        return json(res, 200, contextPage(req.url, name === 'registration' ? good : []));
      };
    const shown: string[] = [];
    const malformed: number[] = [];
    let after: string | null = null;
    let last: Board | undefined;
    for (let i = 0; i < 20; i += 1) {
      const res: { body: unknown } = await gw
        .http()
        .get(`/api/deadlines?pageSize=10${after ? `&after=${after}` : ''}`)
        .set('authorization', `Bearer ${olga}`);
      last = board(res);
      shown.push(...last.items.map((d) => (d as unknown as { subjectId: string }).subjectId));
      malformed.push((last.sources.find((x) => x.context === 'participation') as unknown as { malformed: number }).malformed);
      after = (res.body as { nextCursor: string | null }).nextCursor;
      if (!after) break;
    }
    expect(malformed.reduce((a, b) => a + b, 0)).toBe(30); // every junk item counted once, none shown
    // Three pages of junk (nothing shown, the board moves on), then registration's first ten; then registration is down.
    expect(shown).toEqual(good.slice(0, 10).map((g) => g.subjectId));
    expect(last!.sources.find((x) => x.context === 'registration')).toMatchObject({ status: 'error' });
    expect(new Set(shown).size).toBe(shown.length);
  });
});
