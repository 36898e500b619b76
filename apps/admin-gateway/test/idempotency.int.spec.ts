import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN_A, type GatewayHarness, startGateway } from './support/gateway-harness.js';
import { json } from './support/upstream-stub.js';
import { type Problem, bodyOf } from './support/body.js';

// Issue #18, ADR 0038: a client whose answer was lost retries with the same Idempotency-Key and gets
// the first answer — not a 409 it cannot tell from a real conflict, and never a second effect.
describe('Idempotency-Key on every state-changing call through the gateway (ADR 0038)', () => {
  let gw: GatewayHarness;
  let applicant: string;
  let created = 0;
  const post = (key: string | undefined, body: unknown = { bin: BIN_A, language: 'ru' }, token = applicant) => {
    const r = gw.http().post('/api/registration/applications').set('authorization', `Bearer ${token}`);
    return (key === undefined ? r : r.set('idempotency-key', key)).send(body as object);
  };

  beforeAll(async () => {
    gw = await startGateway();
    applicant = await gw.token('applicant', { sub: 'alice', companies: [BIN_A] });
  });
  afterAll(async () => gw?.close());
  beforeEach(() => {
    gw.registration.reset();
    created = 0;
    gw.registration.handler = (_req, res) => {
      created += 1;
      const id = `018f0000-0000-7000-8000-${String(created).padStart(12, '0')}`;
      json(res, 201, { id, status: 'draft' }, { location: `/applications/${id}` });
    };
  });

  it('a repeat with the same key and body gets the first answer — status, body, Location — marked replayed; the context saw one call', async () => {
    const first = await post('k-replay-1');
    expect(first.status).toBe(201);
    const again = await post('k-replay-1');
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.location).toBe(first.headers.location);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(gw.registration.seen).toHaveLength(1);
  });

  it('without a key every call is forwarded (no change for clients that do not send one)', async () => {
    expect((await post(undefined)).status).toBe(201);
    expect((await post(undefined)).status).toBe(201);
    expect(gw.registration.seen).toHaveLength(2);
  });

  it('the same key with another body is 422 naming the header; another caller may use the same key for itself', async () => {
    expect((await post('k-reuse')).status).toBe(201);
    const reused = await post('k-reuse', { bin: BIN_A, language: 'kk' });
    expect(reused.status).toBe(422);
    expect(bodyOf<Problem & { errors: { field: string }[] }>(reused)).toMatchObject({
      code: 'gateway.idempotency-key-reused',
      errors: [{ field: 'header.idempotency-key' }],
    });
    const bob = await gw.token('applicant', { sub: 'bob', companies: [BIN_A] });
    expect((await post('k-reuse', { bin: BIN_A, language: 'kk' }, bob)).status).toBe(201);
    expect(gw.registration.seen).toHaveLength(2);
  });

  it('a malformed key is 400 naming the header, and nothing is forwarded', async () => {
    const res = await post('x'.repeat(256));
    expect(res.status).toBe(400);
    expect(bodyOf<Problem & { errors: { field: string }[] }>(res).errors[0]!.field).toBe('header.idempotency-key');
    expect(gw.registration.seen).toHaveLength(0);
  });

  it('a 4xx answer is kept too (the request was decided); a 5xx frees the key so the retry is carried out', async () => {
    gw.registration.handler = (_req, res) => json(res, 409, { type: 'x', title: 'Conflict', status: 409, detail: 'already filed' });
    expect((await post('k-4xx')).status).toBe(409);
    expect((await post('k-4xx')).headers['idempotent-replayed']).toBe('true');
    expect(gw.registration.seen).toHaveLength(1);

    gw.registration.reset();
    let calls = 0;
    gw.registration.handler = (_req, res) => {
      calls += 1;
      if (calls === 1) json(res, 500, { type: 'x', title: 'Internal error', status: 500, detail: 'boom' });
      else json(res, 201, { id: '018f0000-0000-7000-8000-0000000000ff' });
    };
    expect((await post('k-5xx')).status).toBe(500);
    const retried = await post('k-5xx');
    expect(retried.status).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(gw.registration.seen).toHaveLength(2);
  });

  it('while the first call runs, a repeat is 409 with Retry-After; afterwards it gets the answer', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    gw.registration.handler = async (_req, res) => {
      await gate;
      json(res, 201, { id: '018f0000-0000-7000-8000-0000000000ee' });
    };
    const first = post('k-inflight');
    const firstDone = first.then((r) => r); // start it
    await new Promise((r) => setTimeout(r, 200));
    const concurrent = await post('k-inflight');
    expect(concurrent.status).toBe(409);
    expect(bodyOf<Problem>(concurrent).code).toBe('gateway.idempotency-in-flight');
    expect(Number(concurrent.headers['retry-after'])).toBeGreaterThan(0);
    release();
    expect((await firstDone).status).toBe(201);
    const later = await post('k-inflight');
    expect(later.status).toBe(201);
    expect(later.headers['idempotent-replayed']).toBe('true');
    expect(gw.registration.seen).toHaveLength(1);
  });

  it('when the first call timed out (it may have been carried out), a repeat is told the outcome is unknown — never forwarded again', async () => {
    gw.registration.handler = async (_req, res) => {
      await new Promise((r) => setTimeout(r, 2_500)); // past the gateway's 1.5 s upstream timeout
      json(res, 201, { id: '018f0000-0000-7000-8000-0000000000dd' });
    };
    expect((await post('k-timeout')).status).toBe(504);
    gw.clock.advance(10_000); // past the key's lock (timeout + 5 s)
    const repeat = await post('k-timeout');
    expect(repeat.status).toBe(409);
    expect(bodyOf<Problem>(repeat)).toMatchObject({ code: 'gateway.idempotency-outcome-unknown' });
    expect(gw.registration.seen).toHaveLength(1);
  }, 15_000);

  it('an answer is kept for the configured time (24 h); after that the key is new again', async () => {
    expect((await post('k-ttl')).status).toBe(201);
    gw.clock.advance(24 * 3_600_000 + 1_000);
    const fresh = await gw.token('applicant', { sub: 'alice', companies: [BIN_A] });
    const after = await post('k-ttl', { bin: BIN_A, language: 'ru' }, fresh);
    expect(after.status).toBe(201);
    expect(after.headers['idempotent-replayed']).toBeUndefined();
    expect(gw.registration.seen).toHaveLength(2);
  });
});
