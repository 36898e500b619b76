import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HubTracing, startTracing } from '@hub/nest-commons';
import { type GatewayHarness, startGateway } from './support/gateway-harness.js';
import { json } from './support/upstream-stub.js';

/**
 * ADR 0102 (issue #19): the gateway is the first hop of a trace. Its SERVER span continues the
 * caller's `traceparent`; each call to a context is a CLIENT span whose context goes out as
 * `traceparent`, so the context's SERVER span (packages/nest-commons/test/tracing.int.spec.ts) and
 * everything after it (the outbox, Kafka, the consumer: packages/messaging/test/tracing.int.spec.ts)
 * join the same trace.
 */
describe('gateway → context: one trace', () => {
  let gw: GatewayHarness;
  let tracing: HubTracing;
  const exporter = new InMemorySpanExporter();

  beforeAll(async () => {
    tracing = startTracing({ serviceName: 'admin-gateway-test', exporter, simple: true });
    gw = await startGateway();
  });
  afterAll(async () => {
    await gw?.close();
    await tracing?.shutdown();
  });

  it("propagates the caller's trace to the context through a CLIENT span", async () => {
    gw.registration.handler = (_req, res) => json(res, 200, { items: [] });
    const officer = await gw.token('fund-officer', { sub: 'olga' });
    const callerTrace = '0af7651916cd43dd8448eb211c80319c';
    const res = await gw
      .http()
      .get('/api/registration/applications')
      .set('authorization', `Bearer ${officer}`)
      .set('traceparent', `00-${callerTrace}-b7ad6b7169203331-01`);
    expect(res.status).toBe(200);

    const spans = exporter.getFinishedSpans();
    const server = spans.find((s) => s.kind === SpanKind.SERVER);
    const client = spans.find((s) => s.kind === SpanKind.CLIENT);
    expect(server?.spanContext().traceId).toBe(callerTrace);
    expect(server?.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
    expect(client?.name).toBe('GET registration');
    expect(client?.spanContext().traceId).toBe(callerTrace);
    expect(client?.parentSpanContext?.spanId).toBe(server?.spanContext().spanId);
    expect(client?.attributes['http.response.status_code']).toBe(200);
    // What the context received: the CLIENT span as its parent.
    expect(gw.registration.seen[0]?.headers.traceparent).toBe(`00-${callerTrace}-${client?.spanContext().spanId}-01`);
  });

  it('marks the CLIENT span failed when the context answers 5xx', async () => {
    exporter.reset();
    gw.registration.handler = (_req, res) => json(res, 500, { title: 'boom' });
    const officer = await gw.token('fund-officer', { sub: 'olga' });
    await gw.http().get('/api/registration/applications').set('authorization', `Bearer ${officer}`);
    const client = exporter.getFinishedSpans().find((s) => s.kind === SpanKind.CLIENT);
    expect(client?.status.code).toBe(2); // ERROR
  });
});
