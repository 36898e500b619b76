import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN_A, type GatewayHarness, startGateway } from './support/gateway-harness.js';
import { json } from './support/upstream-stub.js';
import { type Problem, bodyOf } from './support/body.js';

// Issue #18 (ADR 0043, amendment 2026-12-06): timeouts and a circuit breaker towards each context,
// retries only for idempotent reads. The contexts here are real HTTP servers on real ports that the
// test stops, restarts and slows down; the gateway is the real one (same module, same HTTP pipeline).
const OPEN_MS = 1_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('gateway → context: circuit breaker, timeouts, retries only for idempotent reads (issue #18)', () => {
  let gw: GatewayHarness;
  let officer: string;
  let applicant: string;

  beforeAll(async () => {
    gw = await startGateway({
      HUB_GATEWAY_BREAKER_FAILURES: '3',
      HUB_GATEWAY_BREAKER_OPEN_MS: String(OPEN_MS),
      HUB_GATEWAY_UPSTREAM_TIMEOUT_MS: '600',
      HUB_GATEWAY_READ_RETRIES: '1',
      HUB_GATEWAY_RETRY_BACKOFF_MS: '20',
    });
    officer = await gw.token('fund-officer', { sub: 'olga' });
    applicant = await gw.token('applicant', { sub: 'alice', companies: [BIN_A] });
  });
  afterAll(async () => gw?.close());
  beforeEach(() => {
    gw.registration.reset();
    gw.participation.reset();
  });

  const readParticipations = () => gw.http().get('/api/participation/participations').set('authorization', `Bearer ${officer}`);
  const readApplications = () => gw.http().get('/api/registration/applications').set('authorization', `Bearer ${officer}`);
  const fileApplication = (key?: string) => {
    const r = gw.http().post('/api/registration/applications').set('authorization', `Bearer ${applicant}`);
    return (key ? r.set('idempotency-key', key) : r).send({ bin: BIN_A, language: 'ru' });
  };
  const circuitGauge = async (upstream: string): Promise<number | undefined> => {
    const text = (await gw.http().get('/metrics')).text;
    const line = text.split('\n').find((l) => l.startsWith('hub_gateway_upstream_circuit_state{') && l.includes(`upstream="${upstream}"`));
    return line === undefined ? undefined : Number(line.split(' ').pop());
  };

  it('a GET whose connection breaks is sent once more and answered; a POST whose connection breaks is sent exactly once (502)', async () => {
    let calls = 0;
    gw.registration.handler = (_req, res) => {
      calls += 1;
      if (calls === 1) return void res.socket?.destroy(); // the first exchange breaks mid-way
      json(res, 200, { items: [] });
    };
    const read = await readApplications();
    expect(read.status).toBe(200);
    expect(gw.registration.seen.map((s) => s.method)).toEqual(['GET', 'GET']);

    gw.registration.reset();
    calls = 0;
    gw.registration.handler = (_req, res) => {
      calls += 1;
      if (calls === 1) return void res.socket?.destroy();
      json(res, 201, { id: '018f0000-0000-7000-8000-0000000000bb' });
    };
    const command = await fileApplication();
    expect(command.status).toBe(502);
    expect(bodyOf<Problem>(command).code).toBe('gateway.upstream.bad-gateway');
    await sleep(200); // nothing arrives late either
    expect(gw.registration.seen.map((s) => s.method)).toEqual(['POST']);
  });

  it('a POST to a slow context times out (504) after one attempt — never retried', async () => {
    // The context would answer after 4 s; the gateway's deadline is 600 ms. The bound below only says
    // the gateway did not wait for the answer — with room for a loaded machine (1 400 ms failed once
    // at load 16).
    gw.registration.handler = (_req, res) => void setTimeout(() => json(res, 201, {}), 4_000);
    const started = Date.now();
    const res = await fileApplication();
    expect(res.status).toBe(504);
    expect(bodyOf<Problem>(res).code).toBe('gateway.upstream.timeout');
    expect(Date.now() - started).toBeLessThan(3_000);
    await sleep(300);
    expect(gw.registration.seen.filter((s) => s.method === 'POST')).toHaveLength(1);
    gw.registration.handler = (_req, res) => json(res, 200, { items: [] });
    expect((await readApplications()).status).toBe(200); // a success: registration's failure count starts again
  });

  it('a stopped context: closed → open (fail fast, Retry-After, nothing sent) → half-open (one probe, others refused) → closed', async () => {
    expect((await readParticipations()).status).toBe(200);
    expect(await circuitGauge('participation')).toBe(0);

    await gw.participation.stop();
    gw.participation.seen.length = 0;
    const answers: string[] = [];
    for (let i = 0; i < 5 && answers.at(-1) !== 'gateway.upstream.circuit-open'; i += 1) {
      const res = await readParticipations();
      expect(res.status).toBe(503);
      answers.push(bodyOf<Problem>(res).code ?? '');
    }
    // Each refused GET counts twice (the read is retried once); the third failure opens the circuit.
    expect(answers).toEqual(['gateway.upstream.unreachable', 'gateway.upstream.unreachable', 'gateway.upstream.circuit-open']);
    expect(await circuitGauge('participation')).toBe(2);

    // The context is back, but the circuit is open: the gateway answers at once and sends nothing.
    await gw.participation.restart();
    const started = Date.now();
    const fast = await readParticipations();
    expect(fast.status).toBe(503);
    expect(bodyOf<Problem>(fast)).toMatchObject({ code: 'gateway.upstream.circuit-open', upstream: 'participation' });
    expect(Number(fast.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Date.now() - started).toBeLessThan(300);
    expect(gw.participation.seen).toHaveLength(0);
    // …and the other context is served meanwhile.
    expect((await readApplications()).status).toBe(200);

    // Open time over: half-open. One slow probe goes through; a call meanwhile is refused, not sent.
    await sleep(OPEN_MS + 100);
    gw.participation.handler = (_req, res) => void setTimeout(() => json(res, 200, { items: [] }), 300);
    const probe = readParticipations().then((r) => r);
    await sleep(100);
    const during = await readParticipations();
    expect(during.status).toBe(503);
    expect(bodyOf<Problem>(during).code).toBe('gateway.upstream.circuit-open');
    expect((await probe).status).toBe(200);
    expect(gw.participation.seen).toHaveLength(1);

    // The probe succeeded: closed, every call goes through again.
    expect(await circuitGauge('participation')).toBe(0);
    gw.participation.handler = (_req, res) => json(res, 200, { items: [] });
    for (let i = 0; i < 3; i += 1) expect((await readParticipations()).status).toBe(200);
    expect(gw.participation.seen).toHaveLength(4);
  });

  it('a slow context: timeouts (not retried) open the circuit; a probe that times out opens it again', async () => {
    gw.participation.handler = (_req, res) => void setTimeout(() => json(res, 200, { items: [] }), 1_500);
    for (let i = 0; i < 3; i += 1) {
      const res = await readParticipations();
      expect(res.status).toBe(504);
      expect(bodyOf<Problem>(res).code).toBe('gateway.upstream.timeout');
    }
    expect(gw.participation.seen).toHaveLength(3); // one attempt each: the deadline was spent
    expect(bodyOf<Problem>(await readParticipations()).code).toBe('gateway.upstream.circuit-open');
    expect(gw.participation.seen).toHaveLength(3);

    await sleep(OPEN_MS + 100);
    const probe = await readParticipations();
    expect(probe.status).toBe(504); // the probe itself times out…
    expect(gw.participation.seen).toHaveLength(4);
    expect(bodyOf<Problem>(await readParticipations()).code).toBe('gateway.upstream.circuit-open'); // …so it is open again at once
    expect(await circuitGauge('participation')).toBe(2);

    gw.participation.handler = (_req, res) => json(res, 200, { items: [] });
    await sleep(OPEN_MS + 100);
    expect((await readParticipations()).status).toBe(200);
    expect(await circuitGauge('participation')).toBe(0);
  });

  it('a command refused by an open circuit was not carried out: its Idempotency-Key is free, the repeat is sent once', async () => {
    await gw.registration.stop();
    for (let i = 0; i < 3; i += 1) await readApplications();
    const refused = await fileApplication('idem-breaker-1');
    expect(refused.status).toBe(503);
    expect(bodyOf<Problem>(refused).code).toBe('gateway.upstream.circuit-open');

    await gw.registration.restart();
    gw.registration.handler = (req, res) => json(res, req.method === 'POST' ? 201 : 200, { id: '018f0000-0000-7000-8000-0000000000cc' });
    await sleep(OPEN_MS + 100);
    const again = await fileApplication('idem-breaker-1');
    expect(again.status).toBe(201);
    expect(gw.registration.seen.filter((s) => s.method === 'POST')).toHaveLength(1);
  });
});
