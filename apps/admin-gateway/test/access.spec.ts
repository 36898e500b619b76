import { describe, expect, it } from 'vitest';
import type { Actor } from '@hub/contracts';
import { decideAccess } from '../src/access/access-rule.js';
import { compilePattern, matchPattern } from '../src/access/route-pattern.js';
import { RouteTable } from '../src/access/route-table.js';
import { windowOf } from '../src/rate-limit/rate-limiter.js';

const BIN_A = '180340012345';
const BIN_B = '190440054321';
const actor = (roles: Actor['roles'], companies: string[] = []): Actor => ({ subject: 's', roles, companies });

describe('route patterns', () => {
  it('match literal segments and one-segment parameters, nothing more', () => {
    const p = compilePattern('/participations/:bin/reports/:id');
    expect(matchPattern(p, `/participations/${BIN_A}/reports/r1`)).toEqual({ bin: BIN_A, id: 'r1' });
    expect(matchPattern(p, `/participations/${BIN_A}/reports`)).toBeUndefined();
    expect(matchPattern(p, `/participations/${BIN_A}/reports/r1/extra`)).toBeUndefined();
    expect(matchPattern(p, `/participations/${BIN_A}%2Fx/reports/r1`)).toBeUndefined(); // an encoded slash is not a segment
    expect(matchPattern(p, `/participations/%E0%A4%A/reports/r1`)).toBeUndefined(); // malformed encoding
  });
  it('refuse wildcards: every proxied path is spelled out (ADR 0030)', () => {
    expect(() => compilePattern('/applications/*')).toThrow(/neither a literal nor a :param/);
    expect(() => compilePattern('applications')).toThrow(/must start with/);
  });
});

describe('route table', () => {
  const table = new RouteTable([
    { upstream: 'r', method: 'GET', path: '/applications/:id', summary: '', access: ['fund-officer'] },
    { upstream: 'r', method: 'GET', path: '/applications/queue', summary: '', access: ['auditor'] },
    { upstream: 'r', method: 'POST', path: '/applications/:id', summary: '', access: ['applicant'] },
  ]);
  it('prefers the most specific route, says 405 with the allowed methods, unknown otherwise', () => {
    const m = table.lookup('r', 'GET', '/applications/queue');
    expect(m.kind === 'match' && m.match.route.access).toEqual(['auditor']);
    expect(table.lookup('r', 'delete', '/applications/x')).toEqual({ kind: 'method-not-allowed', allowed: ['GET', 'POST'] });
    expect(table.lookup('r', 'GET', '/nothing')).toEqual({ kind: 'unknown' });
    expect(table.lookup('other', 'GET', '/applications/x')).toEqual({ kind: 'unknown' });
  });
  it('refuses a table with duplicates, a route nobody may call, or a company parameter its path lacks', () => {
    const r = { upstream: 'r', method: 'GET' as const, path: '/a/:id', summary: '', access: ['auditor' as const] };
    expect(() => new RouteTable([r, r])).toThrow(/declared twice/);
    expect(() => new RouteTable([{ ...r, access: [] }])).toThrow(/allows no role/);
    expect(() => new RouteTable([{ ...r, companyParam: 'bin' }])).toThrow(/names :bin/);
  });
  it('ADR 0143: the indexed lookup answers as a scan of the whole table does, for every declared path and method', () => {
    const real = new RouteTable();
    // the lookup before ADR 0143: every route of the upstream matched one by one, the most specific of the method first
    const compiled = real.routes.map((r) => ({ r, pattern: compilePattern(r.path) }));
    const scan = (upstream: string, method: string, path: string) => {
      const hits = compiled
        .filter(({ r }) => r.upstream === upstream)
        .map(({ r, pattern }) => ({ r, params: matchPattern(pattern, path), specificity: pattern.specificity }))
        .filter((x) => x.params !== undefined);
      if (hits.length === 0) return { kind: 'unknown' };
      const same = hits.filter((x) => x.r.method === method.toUpperCase()).sort((a, b) => b.specificity - a.specificity);
      if (!same[0]) return { kind: 'method-not-allowed', allowed: [...new Set(hits.map((x) => x.r.method))] };
      return { kind: 'match', match: { route: same[0].r, params: same[0].params } };
    };
    const paths = real.routes.flatMap((r) => [r.path.replace(/:([A-Za-z0-9_]+)/g, 'v-$1'), r.path.replace(/:([A-Za-z0-9_]+)/g, 'queue')]);
    paths.push('/applications/%E0%A4%A', '/applications/a%2Fb', '/', '/nothing/at/all');
    let compared = 0;
    for (const upstream of [...real.upstreams(), 'nobody'])
      for (const method of ['GET', 'post', 'PUT', 'PATCH', 'DELETE'])
        for (const path of paths) {
          expect(real.lookup(upstream, method, path), `${upstream} ${method} ${path}`).toEqual(scan(upstream, method, path));
          compared++;
        }
    expect(compared).toBeGreaterThan(1000);
    const hit = real.lookup('registration', 'GET', '/applications');
    expect(hit.kind).toBe('match');
  }, 30_000); // > 1 000 deep comparisons: seconds on a loaded machine
  it('the real table compiles', () => {
    // Contexts made later (tools/hub new-context) add theirs; these three are there.
    expect(new RouteTable().upstreams()).toEqual(expect.arrayContaining(['registration', 'participation', 'documents']));
  });
});

describe('decideAccess', () => {
  it('public for all; a role list needs a token (401) and one of the roles (403)', () => {
    expect(decideAccess('public', undefined)).toEqual({ allowed: true });
    expect(decideAccess(['fund-officer'], undefined)).toMatchObject({ allowed: false, status: 401 });
    expect(decideAccess(['fund-officer'], actor(['auditor']))).toMatchObject({ allowed: false, status: 403 });
    expect(decideAccess(['fund-officer'], actor(['auditor', 'fund-officer']))).toEqual({ allowed: true });
  });
  it('F-35: an applicant only for the companies its token names; staff are not company-bound', () => {
    expect(decideAccess(['applicant'], actor(['applicant'], [BIN_A]), BIN_A)).toEqual({ allowed: true });
    expect(decideAccess(['applicant'], actor(['applicant'], [BIN_A]), BIN_B)).toMatchObject({
      allowed: false,
      status: 403,
      detail: expect.stringMatching(/F-35/) as string,
    });
    expect(decideAccess(['applicant', 'fund-officer'], actor(['fund-officer']), BIN_B)).toEqual({ allowed: true });
    expect(decideAccess('authenticated', actor(['applicant'], []), BIN_B)).toMatchObject({ allowed: false, status: 403 });
    // a staff role the route does not grant does not lift the company restriction
    expect(decideAccess(['applicant'], actor(['applicant', 'auditor'], [BIN_A]), BIN_B)).toMatchObject({ allowed: false, status: 403 });
  });
});

describe('rate limits as windows (ADR 0031)', () => {
  it('a rate per minute and a burst become a window of `burst` calls lasting burst/rate minutes', () => {
    expect(windowOf(300, 60)).toEqual({ points: 60, durationSec: 12 });
    expect(windowOf(1200, 200)).toEqual({ points: 200, durationSec: 10 });
    expect(windowOf(6, 3)).toEqual({ points: 3, durationSec: 30 });
    // never shorter than a second
    expect(windowOf(100_000, 10)).toEqual({ points: 10, durationSec: 1 });
  });
});
