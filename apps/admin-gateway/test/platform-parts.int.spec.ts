import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxRelay, TimerPoller } from '@hub/messaging';
import { MESSAGE_BUS } from '@hub/nest-commons';
import { type GatewayHarness, startGateway } from './support/gateway-harness.js';

/** ADR 0035 §8: the gateway takes the platform's HTTP and persistence parts only — it publishes and consumes nothing. */
describe('the gateway starts no messaging', () => {
  let gw: GatewayHarness;
  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(async () => gw?.close());

  it('has no Kafka bus, outbox relay or timer poller in its container', () => {
    for (const token of [MESSAGE_BUS, OutboxRelay, TimerPoller]) expect(() => gw.app.get(token, { strict: false })).toThrow();
  });

  it('its database holds only its own tables after the migrations (no outbox, inbox or timers)', async () => {
    const rows = await gw.db.orm.em
      .getConnection()
      .execute<{ table_name: string }[]>(`select table_name from information_schema.tables where table_schema = 'public' order by table_name`);
    expect(rows.map((r) => r.table_name)).toEqual(['gateway_audit_event', 'gateway_idempotency', 'gateway_rate_limit', 'mikro_orm_migrations']);
  });

  it('is ready on its database alone; the broker is not one of its checks', async () => {
    const res = await gw.http().get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: { status: 'up', required: true } } });
  });
});
