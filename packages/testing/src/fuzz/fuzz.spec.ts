import { describe, expect, it } from 'vitest';
import { type FuzzResponse, type FuzzSender, type OpenApiDocument, fuzzRoutes } from './fuzz.js';
import { sampleOf } from './schema-sample.js';

// The fuzzer's own checks must be able to fail: a fake app that breaks one invariant at a time.
const openapi: OpenApiDocument = {
  paths: {
    '/things': {
      post: {
        'x-hub-access': ['fund-officer'],
        requestBody: {
          content: {
            'application/json': { schema: { type: 'object', properties: { name: { type: 'string' }, bin: { type: 'string', pattern: '^\\d{12}$' } } } },
          },
        },
      },
    },
    '/things/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }] } },
  },
};
const problem = (status: number, extra: Record<string, unknown> = {}): FuzzResponse => ({
  status,
  contentType: 'application/problem+json; charset=utf-8',
  body: { type: 'https://x/p', title: 't', status, detail: 'd', ...extra },
});
async function run(send: FuzzSender, fingerprint: () => Promise<string> = () => Promise.resolve('same')) {
  return fuzzRoutes({ openapi, send, tokens: { none: undefined, 'fund-officer': 'tok' }, requests: 40, seed: 7, fingerprint });
}

describe('fuzzRoutes (issue #18)', () => {
  it('passes an app that answers every bad request with a problem naming the field and changes nothing', async () => {
    const report = await run(() => Promise.resolve(problem(400, { errors: [{ field: 'body.name', message: 'bad' }] })));
    expect(report.failures).toEqual([]);
    expect(report.stateChecks).toBe(40);
    expect(report.byStatus).toEqual({ '400': 40 });
  });

  it('reports a 5xx', async () => {
    const report = await run(() => Promise.resolve(problem(500)));
    expect(report.failures[0]?.reason).toMatch(/^a 500/);
  });

  it('reports a 4xx that is not problem+json, and a 400 that names no field', async () => {
    expect((await run(() => Promise.resolve({ status: 404, contentType: 'text/html', body: '<h1>' }))).failures[0]?.reason).toMatch(/not problem\+json/);
    expect((await run(() => Promise.resolve(problem(400)))).failures[0]?.reason).toMatch(/names no field/);
    expect((await run(() => Promise.resolve(problem(422, { errors: [{ message: 'x' }] })))).failures[0]?.reason).toMatch(/names no field/);
  });

  it('reports a state change on a 4xx, not on a 2xx', async () => {
    let n = 0;
    const changing = () => Promise.resolve(String(n++));
    expect((await run(() => Promise.resolve(problem(409)), changing)).failures.some((f) => f.reason === 'the state changed on a 4xx')).toBe(true);
    expect((await run(() => Promise.resolve({ status: 201, contentType: 'application/json', body: {} }), changing)).failures).toEqual([]);
  });

  it('is reproducible from its seed and sends the admitted role most of the time', async () => {
    const seen: string[] = [];
    const record: FuzzSender = (r) => {
      seen.push(`${r.method} ${r.path} ${r.headers.authorization ?? '-'} ${r.body ?? ''}`);
      return Promise.resolve(problem(403));
    };
    await run(record);
    const first = [...seen];
    seen.length = 0;
    await run(record);
    expect(seen).toEqual(first);
    const posts = first.filter((l) => l.startsWith('POST'));
    expect(posts.filter((l) => l.includes('Bearer tok')).length).toBeGreaterThan(posts.length / 2);
  });
});

describe('sampleOf', () => {
  it('builds a plausible value from a JSON schema', () => {
    expect(
      sampleOf({
        type: 'object',
        properties: {
          bin: { type: 'string', pattern: '^\\d{12}$' },
          on: { type: 'string', format: 'date' },
          kind: { type: 'string', enum: ['a', 'b'] },
          n: { type: 'integer', minimum: 3 },
          list: { type: 'array', items: { type: 'boolean' }, minItems: 2 },
        },
      }),
    ).toEqual({ bin: '123456789012', on: '2026-11-16', kind: 'a', n: 3, list: [true, true] });
  });
});
