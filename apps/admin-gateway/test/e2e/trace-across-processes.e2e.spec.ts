import { randomBytes } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBin } from '@hub/identifiers';
import { uniqueName, waitFor } from '@hub/testing';
import { ProcessFleet, fleetEnv } from '../support/processes.js';
import { expectStatus } from '../support/registration-path.js';
import { TODAY, draftBody } from '../support/registration-draft.js';

/** One span as an OTLP/HTTP JSON export carries it, with its service. */
interface CollectedSpan {
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly name: string;
  /** OTLP's SpanKind: 2 server, 3 client, 4 producer, 5 consumer. */
  readonly kind: number;
  readonly attributes: Record<string, unknown>;
}
const SERVER = 2;
const CLIENT = 3;
const PRODUCER = 4;
const CONSUMER = 5;

type AnyValue = { stringValue?: string; intValue?: number | string; boolValue?: boolean };
type Attr = { key: string; value: AnyValue };
const hex = (id: unknown): string => (typeof id !== 'string' || id === '' ? '' : /^[0-9a-f]+$/.test(id) ? id : Buffer.from(id, 'base64').toString('hex'));
const attrs = (list: Attr[] | undefined): Record<string, unknown> =>
  Object.fromEntries((list ?? []).map((a) => [a.key, a.value.stringValue ?? a.value.intValue ?? a.value.boolValue]));

/**
 * A stand-in OpenTelemetry Collector: the OTLP/HTTP receiver (`POST /v1/traces`, JSON — what the
 * apps' exporter sends, ADR 0102) on a real port, keeping every span it is sent.
 */
async function startCollector(): Promise<{ url: string; spans: CollectedSpan[]; close(): Promise<void> }> {
  const spans: CollectedSpan[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        let body = Buffer.concat(chunks);
        if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
        const doc = JSON.parse(body.toString('utf8')) as {
          resourceSpans?: { resource?: { attributes?: Attr[] }; scopeSpans?: { spans?: Record<string, unknown>[] }[] }[];
        };
        for (const rs of doc.resourceSpans ?? []) {
          const named = attrs(rs.resource?.attributes)['service.name'];
          const service = typeof named === 'string' ? named : '';
          for (const ss of rs.scopeSpans ?? [])
            for (const s of ss.spans ?? [])
              spans.push({
                service,
                traceId: hex(s.traceId),
                spanId: hex(s.spanId),
                parentSpanId: hex(s.parentSpanId),
                name: String(s.name),
                kind: Number(s.kind),
                attributes: attrs(s.attributes as Attr[] | undefined),
              });
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      } catch {
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Issue #19, ADR 0102: one trace id spans the gateway, registration and participation for the
 * register → participation-started path, with every app its own process (`node dist/main.js`, ADR
 * 0034's fleet), real Kafka and PostgreSQL, spans exported over OTLP/HTTP to a collector — nothing
 * in-process, no in-memory exporter: what an operator's collector would receive.
 */
describe('traces across processes: gateway → registration → outbox → Kafka → participation, one trace id (issue #19, ADR 0102)', () => {
  const fleet = new ProcessFleet();
  const topicPrefix = `t.${uniqueName('trace').replace(/_/g, '-')}.`;
  const bin = makeBin({ year: 2018, month: 4, serial: 6000 + (process.pid % 3000) });
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let gw: string;
  const t: Record<string, string> = {};
  const auth = (who: string) => ({ authorization: `Bearer ${t[who]}` });

  beforeAll(async () => {
    collector = await startCollector();
    await fleet.createTopics(topicPrefix);
    await fleet.token('bootstrap', ['auditor']);
    // Every process exports to the collector; OTEL_BSP_SCHEDULE_DELAY shortens the batch wait.
    const tracing = { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_BSP_SCHEDULE_DELAY: '200' };
    const common = { ...tracing, ...fleetEnv(fleet, topicPrefix, { timerPollMs: null }) };
    const [regDb, partDb, gwDb] = await Promise.all([
      fleet.createDatabase('trace_registration'),
      fleet.createDatabase('trace_participation'),
      fleet.createDatabase('trace_gateway'),
    ]);
    await Promise.all([fleet.migrate('registration', regDb), fleet.migrate('participation', partDb), fleet.migrate('admin-gateway', gwDb)]);
    const pii = `e2e:${randomBytes(32).toString('base64')}`;
    const [registration, participation] = await Promise.all([
      fleet.startApp('registration', { ...common, DATABASE_URL: regDb }),
      fleet.startApp('participation', { ...common, DATABASE_URL: partDb, HUB_PII_KEYS: pii, HUB_PII_ACTIVE_KEY: 'e2e' }),
    ]);
    gw = await fleet.startApp('admin-gateway', {
      ...tracing,
      HUB_AUTH_ISSUER: fleet.issuerUrl,
      HUB_AUTH_JWKS_FILE: fleet.jwksFile,
      DATABASE_URL: gwDb,
      REGISTRATION_URL: registration,
      PARTICIPATION_URL: participation,
    });
    t.alice = await fleet.token('alice-rep', ['applicant'], [bin]);
    t.olga = await fleet.token('olga-officer', ['fund-officer']);
    t.marat = await fleet.token('marat-member', ['commission-member']);
    t.saule = await fleet.token('saule-secretary', ['commission-secretary']);
  }, 120_000);

  afterAll(async () => {
    await fleet.close();
    await collector?.close();
  }, 60_000);

  it('the command whose event starts the participation is one trace: gateway SERVER → CLIENT → registration SERVER → PRODUCER → participation CONSUMER', async () => {
    const created = expectStatus(
      await request(gw)
        .post('/api/registration/applications')
        .set(auth('alice'))
        .send({ bin, companyName: `Trace Qazaq ${bin}`, address: 'Astana, Mangilik El 55/8', language: 'ru' }),
      201,
      'create',
    );
    const id = created.id as string;
    expectStatus(await request(gw).patch(`/api/registration/applications/${id}`).set(auth('alice')).send(draftBody()), 200, 'draft');
    expectStatus(await request(gw).post(`/api/registration/applications/${id}/submit`).set(auth('alice')).send({}), 200, 'submit');
    expectStatus(await request(gw).post(`/api/registration/applications/${id}/send-to-commission`).set(auth('olga')).send({}), 200, 'send');
    expectStatus(await request(gw).post(`/api/registration/applications/${id}/votes`).set(auth('marat')).send({ vote: 'register' }), 200, 'vote');
    expectStatus(await request(gw).post(`/api/registration/applications/${id}/decision`).set(auth('saule')).send({ decision: 'register' }), 200, 'decision');
    expectStatus(await request(gw).post(`/api/registration/applications/${id}/notification`).set(auth('olga')).send({}), 200, 'notification');
    expectStatus(
      await request(gw)
        .post(`/api/registration/applications/${id}/contract`)
        .set(auth('olga'))
        .send({ contractNumber: `SC-${bin}`, signedOn: TODAY }),
      200,
      'contract',
    );
    expectStatus(await request(gw).post(`/api/registration/applications/${id}/certificate`).set(auth('olga')).send({}), 200, 'certificate');
    expectStatus(await request(gw).post(`/api/registration/applications/${id}/listing`).set(auth('olga')).send({}), 200, 'listing');

    // Participation started from registration's event (Kafka)…
    await waitFor(
      `participation of ${bin} started`,
      async () => {
        const res = await request(gw).get(`/api/participation/participations?bin=${bin}`).set(auth('olga'));
        return ((res.body as { items?: { status: string }[] }).items ?? []).some((p) => p.status === 'active') || undefined;
      },
      { timeoutMs: 60_000 },
    ).catch((e: Error) => {
      throw new Error(`${e.message}\n--- participation log ---\n${fleet.logs('participation').slice(-4000)}`);
    });

    // …and the collector holds the whole path under one trace id.
    const consumed = await waitFor(
      'participation CONSUMER span of participant-registered exported',
      () =>
        Promise.resolve(
          collector.spans.find(
            (s) => s.service === 'participation' && s.kind === CONSUMER && s.attributes['hub.event.type'] === 'registration.participant-registered',
          ),
        ),
      { timeoutMs: 30_000 },
    ).catch((e: Error) => {
      const seen = [...new Set(collector.spans.map((s) => `${s.service}:${s.kind}:${s.name}`))].slice(0, 60);
      throw new Error(`${e.message}; spans received: ${JSON.stringify(seen)}`);
    });
    const inTrace = () => collector.spans.filter((s) => s.traceId === consumed.traceId);
    // The gateway's spans of that request end before participation consumes; wait for every part's batch.
    await waitFor(
      'every part of the trace exported',
      () => Promise.resolve(new Set(inTrace().map((s) => s.service)).size >= 3 && inTrace().some((s) => s.kind === PRODUCER) ? true : undefined),
      { timeoutMs: 30_000 },
    );
    const spans = inTrace();
    const one = (service: string, kind: number) => {
      const found = spans.filter((s) => s.service === service && s.kind === kind);
      expect(found.length, `${service} kind ${kind} in ${JSON.stringify(spans.map((s) => [s.service, s.kind, s.name]))}`).toBeGreaterThanOrEqual(1);
      return found[0]!;
    };
    expect(consumed.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(spans.map((s) => s.service))).toEqual(new Set(['admin-gateway', 'registration', 'participation']));

    const gatewayServer = one('admin-gateway', SERVER);
    const gatewayClient = one('admin-gateway', CLIENT);
    const registrationServer = one('registration', SERVER);
    const producer = one('registration', PRODUCER);
    // The trace begins at the gateway: its SERVER span is the only root, the request that signed/listed.
    expect(spans.filter((s) => s.parentSpanId === '').map((s) => [s.service, s.kind])).toEqual([['admin-gateway', SERVER]]);
    expect(gatewayServer.attributes['http.request.method']).toBe('POST');
    // HTTP: the gateway's CLIENT span is the parent of registration's SERVER span (traceparent header).
    expect(registrationServer.parentSpanId).toBe(gatewayClient.spanId);
    // Kafka: the relay's PRODUCER span (from the outbox row's traceparent) is the parent of participation's CONSUMER span (message header).
    expect(consumed.parentSpanId).toBe(producer.spanId);
    // The span names the logical topic (the run's test prefix is a deployment detail).
    expect(producer.attributes['messaging.destination.name']).toBe('hub.registration.events.v1');
    // Every span of the trace hangs off another span of the same trace (no broken link).
    const ids = new Set(spans.map((s) => s.spanId));
    for (const s of spans) if (s.parentSpanId) expect(ids.has(s.parentSpanId), `${s.service} ${s.name} parent`).toBe(true);
  });
});
