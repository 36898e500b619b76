import { type Server, type Socket, createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN_A, type GatewayHarness, startGateway } from './support/gateway-harness.js';

/**
 * ADR 0148: the gateway never sends a command on a connection the context is closing. A CI run had
 * `POST /api/clusters/rounds/:id/commission` answered 502 in 75 ms: the gateway's agent kept idle
 * connections for ever (Node honours a server's `Keep-Alive: timeout=` hint only when the agent has a
 * `timeout` of its own), the context closed an idle one after its 5 s, and the POST went out on it as
 * it closed — reset; a command is never resent.
 *
 * The race is made certain here: a context (a raw HTTP/1.1 server, so the test sees each connection)
 * that treats a connection idle longer than its limit as closed at the very moment a request arrives
 * on it — it resets the connection instead of answering. A gateway that reuses such a connection
 * answers 502; one that closes idle connections first opens a new one and gets the 201.
 */
class ExpiringContext {
  /** Connections accepted, and how many were reset because a request came after the idle limit. */
  connections = 0;
  resets = 0;
  private readonly server: Server;

  constructor(
    private readonly idleLimitMs: number,
    /** The `Keep-Alive: timeout=` hint in each answer (seconds), if any. */
    private readonly hintSeconds?: number,
  ) {
    this.server = createServer((socket) => this.serve(socket));
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private serve(socket: Socket): void {
    this.connections += 1;
    let idleSince = performance.now();
    let buffered = Buffer.alloc(0);
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      if (buffered.length === 0 && performance.now() - idleSince > this.idleLimitMs) {
        this.resets += 1;
        socket.resetAndDestroy();
        return;
      }
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buffered.subarray(0, end).toString('latin1');
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      if (buffered.length < end + 4 + length) return;
      buffered = Buffer.alloc(0);
      const body = JSON.stringify({ id: '018f0000-0000-7000-8000-00000000ka01' });
      socket.write(
        [
          'HTTP/1.1 201 Created',
          'content-type: application/json',
          `content-length: ${Buffer.byteLength(body)}`,
          'connection: keep-alive',
          ...(this.hintSeconds !== undefined ? [`keep-alive: timeout=${this.hintSeconds}`] : []),
          '',
          body,
        ].join('\r\n'),
      );
      idleSince = performance.now();
    });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('gateway → context: idle connections are closed by the gateway first (ADR 0148)', () => {
  const contexts: ExpiringContext[] = [];
  let gw: GatewayHarness | undefined;
  afterEach(async () => {
    await gw?.close();
    gw = undefined;
    await Promise.all(contexts.splice(0).map((c) => c.stop()));
  });

  async function gatewayBefore(context: ExpiringContext, env: Record<string, string> = {}) {
    contexts.push(context);
    gw = await startGateway(env, { registration: await context.start() });
    const applicant = await gw.token('applicant', { sub: 'alice', companies: [BIN_A] });
    return () => gw!.http().post('/api/registration/applications').set('authorization', `Bearer ${applicant}`).send({ bin: BIN_A, language: 'ru' });
  }

  it('a command after the gateway’s idle time goes out on a new connection, not on the idle one (HUB_GATEWAY_UPSTREAM_IDLE_MS)', async () => {
    const context = new ExpiringContext(400);
    const file = await gatewayBefore(context, { HUB_GATEWAY_UPSTREAM_IDLE_MS: '200' });
    expect((await file()).status).toBe(201);
    expect((await file()).status).toBe(201); // at once: the kept connection is reused
    expect(context.connections).toBe(1);
    await sleep(700);
    const late = await file();
    expect(late.status, JSON.stringify(late.body)).toBe(201);
    expect(context.resets).toBe(0);
    expect(context.connections).toBe(2);
  });

  it('a context announcing a shorter Keep-Alive timeout than the gateway’s idle time is left a second before it', async () => {
    const context = new ExpiringContext(2_000, 2); // says 2 s, and means it
    const file = await gatewayBefore(context); // the default idle time, 30 s
    expect((await file()).status).toBe(201);
    await sleep(2_300);
    const late = await file();
    expect(late.status, JSON.stringify(late.body)).toBe(201);
    expect(context.resets).toBe(0);
    expect(context.connections).toBe(2);
  });

  it('the race is real: a gateway that keeps idle connections longer than the context does gets the reset (502)', async () => {
    const context = new ExpiringContext(200);
    const file = await gatewayBefore(context, { HUB_GATEWAY_UPSTREAM_IDLE_MS: '5000' });
    expect((await file()).status).toBe(201);
    await sleep(500);
    const late = await file();
    expect(late.status).toBe(502);
    expect(context.resets).toBe(1);
  });
});
