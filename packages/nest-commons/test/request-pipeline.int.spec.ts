import { writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Controller, Get, type INestApplication, Module, Param } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isUuid } from '@hub/kernel';
import { MessageContexts } from '@hub/messaging';
import { DevTokenIssuer } from '@hub/testing';
import {
  Endpoint,
  HUB_CONFIG,
  HUB_LOGGER,
  HubHttpModule,
  configureHttp,
  createLogger,
  httpConfigSchema,
  keepConnectionsAlive,
  tracingActive,
} from '../src/index.js';

/**
 * ADR 0139: the platform's per-request layer is one middleware and one `finish` listener. What the
 * five middlewares it replaces guaranteed, checked on a real HTTP server: correlation and request
 * ids (echoed, and the message context of the handler), the base headers, the HTTP RED metrics by
 * route template, the request log line's fields (path without the query, F-42), and no span opened
 * when the process exports no traces.
 */
@Controller('echo')
class EchoController {
  @Get(':id')
  @Endpoint({ summary: 'Echoes the message context', access: 'public', params: z.object({ id: z.string() }) })
  echo(@Param('id') id: string): { id: string; correlationId?: string; causationId?: string | null } {
    const ctx = MessageContexts.current();
    return { id, correlationId: ctx?.correlationId, causationId: ctx?.causationId };
  }
}

describe('the platform request pipeline (one middleware)', () => {
  let app: INestApplication;
  let officer: string;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    const issuer = await DevTokenIssuer.create();
    const jwksFile = join(tmpdir(), `jwks-pipeline-${process.pid}.json`);
    writeFileSync(jwksFile, JSON.stringify(issuer.jwks()));
    const env = { PORT: '3997', HUB_AUTH_ISSUER: issuer.issuer, HUB_AUTH_JWKS_FILE: jwksFile, HUB_LOG_LEVEL: 'info' };
    @Module({
      imports: [HubHttpModule.forRoot({ name: 'pipeline-test', title: 'Test', description: 'test app', configSchema: httpConfigSchema, env, cqrs: false })],
      controllers: [EchoController],
    })
    class AppModule {}
    const out = new PassThrough();
    out.on('data', (c: Buffer) => {
      for (const l of c.toString('utf8').trim().split('\n')) if (l) lines.push(JSON.parse(l) as Record<string, unknown>);
    });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(HUB_LOGGER)
      .useValue(createLogger('pipeline-test', 'info', out))
      .compile();
    app = moduleRef.createNestApplication({ bodyParser: false });
    configureHttp(app, app.get(HUB_CONFIG));
    keepConnectionsAlive(app, app.get(HUB_CONFIG)); // as bootstrapHubApp does
    await app.init();
    officer = await issuer.issue({ sub: 'officer-7', roles: ['fund-officer'] });
  });

  afterAll(async () => {
    await app?.close();
  });

  const server = () => app.getHttpServer() as Server;

  it("keeps a well-formed caller's correlation id, makes a v7 request id, and runs the handler in that message context", async () => {
    const res = await request(server()).get('/echo/A-1').set('x-correlation-id', 'corr-pipe-1');
    expect(res.status).toBe(200);
    expect(res.headers['x-correlation-id']).toBe('corr-pipe-1');
    const requestId = res.headers['x-request-id'] as string;
    expect(isUuid(requestId) && requestId[14] === '7').toBe(true);
    expect(res.body).toEqual({ id: 'A-1', correlationId: 'corr-pipe-1', causationId: requestId });
  });

  it('replaces a malformed or oversized correlation id by a new v7 id, and two requests never share a request id', async () => {
    const bad = await request(server()).get('/echo/A-2').set('x-correlation-id', 'has space <b>');
    const long = await request(server()).get('/echo/A-3').set('x-correlation-id', 'x'.repeat(201));
    for (const res of [bad, long]) {
      const id = res.headers['x-correlation-id'] as string;
      expect(isUuid(id) && id[14] === '7').toBe(true);
      expect((res.body as { correlationId: string }).correlationId).toBe(id);
    }
    expect(bad.headers['x-request-id']).not.toBe(long.headers['x-request-id']);
  });

  it('sets the base headers on every answer, also on a 404', async () => {
    for (const path of ['/echo/A-4', '/nowhere']) {
      const res = await request(server()).get(path);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('writes one request line per answer: method, path without the query (F-42), status, ms, the actor id, the correlation id', async () => {
    const res = await request(server()).get('/echo/B-1?iin=900101300123').set('authorization', `Bearer ${officer}`).set('x-correlation-id', 'corr-log-1');
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 50)); // the line is written on `finish`
    const line = lines.filter((l) => l.msg === 'request' && l.path === '/echo/B-1');
    expect(line).toHaveLength(1);
    expect(line[0]).toMatchObject({
      level: 30,
      name: 'pipeline-test',
      method: 'GET',
      path: '/echo/B-1',
      status: 200,
      actor: 'officer-7',
      correlationId: 'corr-log-1',
    });
    expect(typeof line[0]!.ms).toBe('number');
    expect(Number.isInteger(line[0]!.ms)).toBe(true);
    expect(JSON.stringify(lines)).not.toContain('900101300123');
  });

  it('counts and times every answer by route template and status (never the path), unmatched paths as "unmatched"', async () => {
    await request(server()).get('/echo/C-1');
    await request(server()).get('/echo/C-2');
    await request(server()).get('/no/such/route');
    const text = (await request(server()).get('/metrics')).text;
    const count = (re: RegExp) => Number(re.exec(text)?.[1] ?? NaN);
    expect(count(/hub_http_requests_total\{method="GET",route="\/echo\/:id",status="200",app="pipeline-test"\} (\d+)/)).toBeGreaterThanOrEqual(2);
    expect(count(/hub_http_requests_total\{method="GET",route="unmatched",status="404",app="pipeline-test"\} (\d+)/)).toBeGreaterThanOrEqual(1);
    expect(count(/hub_http_request_duration_seconds_count\{app="pipeline-test",method="GET",route="\/echo\/:id",status="200"\} (\d+)/)).toBe(
      count(/hub_http_requests_total\{method="GET",route="\/echo\/:id",status="200",app="pipeline-test"\} (\d+)/),
    );
    expect(text).not.toContain('C-1');
  });

  it('keeps an idle connection 65 s and says so (ADR 0148: longer than the gateway keeps its idle connections, 30 s)', async () => {
    const res = await request(server()).get('/echo/K-1').set('connection', 'keep-alive');
    expect(res.status).toBe(200);
    expect(res.headers['keep-alive']).toBe('timeout=65');
    const http = server();
    expect(http.keepAliveTimeout).toBe(65_000);
    expect(http.headersTimeout).toBeGreaterThan(http.keepAliveTimeout);
  });

  it('opens no span when the process exports no traces (ADR 0102: nothing registered, nothing per request)', () => {
    expect(tracingActive()).toBe(false);
  });
});
