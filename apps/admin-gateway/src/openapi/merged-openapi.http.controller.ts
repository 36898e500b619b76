import { STATE_CHANGING } from '../access/route-table.js';
import { Controller, Get, Inject } from '@nestjs/common';
import { Endpoint, HUB_CONFIG, OpenApiGenerator } from '@hub/nest-commons';
import { toOpenApiPath } from '../access/route-pattern.js';
import type { GatewayConfig } from '../config.js';
import { ProxyHandler } from '../proxy/proxy.handler.js';
import { UpstreamClient } from '../upstreams/upstream-client.js';

type Doc = { paths?: Record<string, Record<string, Record<string, unknown>>>; components?: { schemas?: Record<string, unknown> } };

/**
 * The OpenAPI of everything the gateway exposes: its own routes, plus every route of its route
 * table with the context's own operation (from the context's /openapi.json) under the gateway's
 * path, and the gateway's access rule (`x-hub-gateway-access`). A route the context does not
 * document (or a context that is down) still appears, marked `x-hub-upstream-undocumented`.
 */

/** ADR 0038: the header every state-changing call through the gateway accepts. */
const IDEMPOTENCY_KEY_PARAMETER = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'A unique key per request (1–255 visible ASCII characters). A retry with the same key and request gets the first answer (Idempotent-Replayed: true) instead of a second effect; the same key with another request is 422. Kept 24 h (ADR 0038).',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
};
@Controller('api')
export class MergedOpenApiHttpController {
  constructor(
    @Inject(OpenApiGenerator) private readonly own: OpenApiGenerator,
    @Inject(ProxyHandler) private readonly proxy: ProxyHandler,
    @Inject(UpstreamClient) private readonly upstreams: UpstreamClient,
    @Inject(HUB_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get('openapi.json')
  @Endpoint({ summary: 'Merged OpenAPI: the gateway and every proxied context route', tags: ['meta'], access: 'public' })
  async merged(): Promise<Record<string, unknown>> {
    const own = this.own.document() as Doc & Record<string, unknown>;
    const names = this.proxy.table.upstreams();
    const docs = await Promise.all(
      names.map(async (name) => {
        try {
          const res = await this.upstreams.getJson(name, '/openapi.json', {}, this.config.HUB_GATEWAY_COMPOSE_TIMEOUT_MS);
          return res.status === 200 ? { name, doc: res.body as Doc, status: 'ok' as const } : { name, doc: undefined, status: `http-${res.status}` };
        } catch (e) {
          return { name, doc: undefined, status: (e as Error).message };
        }
      }),
    );
    const paths: Record<string, Record<string, unknown>> = structuredClone(own.paths ?? {});
    const schemas: Record<string, unknown> = { ...(own.components?.schemas ?? {}) };
    for (const { name, doc } of docs) {
      for (const [schemaName, schema] of Object.entries(doc?.components?.schemas ?? {})) schemas[schemaName] ??= schema;
      for (const route of this.proxy.table.routes.filter((r) => r.upstream === name)) {
        const upstreamPath = toOpenApiPath(route.path);
        const verb = route.method.toLowerCase();
        const op = doc?.paths?.[upstreamPath]?.[verb];
        const gatewayPath = `/api/${name}${upstreamPath}`;
        paths[gatewayPath] ??= {};
        paths[gatewayPath][verb] = {
          ...(op ?? {
            summary: route.summary,
            responses: { default: { description: 'See the context' } },
            'x-hub-upstream-undocumented': true,
          }),
          operationId: `${name}.${typeof op?.operationId === 'string' ? op.operationId : `${verb} ${route.path}`}`,
          tags: [name, ...((op?.tags as string[] | undefined) ?? [])],
          ...(route.access === 'public' ? {} : { security: [{ bearer: [] }] }),
          'x-hub-gateway-access': route.access,
          ...(route.restrictedPersonalData ? { 'x-hub-restricted-personal-data': true } : {}),
        };
        // ADR 0038: every state-changing call accepts an Idempotency-Key, kept at the gateway.
        if (STATE_CHANGING.has(route.method)) {
          const operation = paths[gatewayPath][verb] as { parameters?: unknown[] };
          operation.parameters = [...(operation.parameters ?? []), IDEMPOTENCY_KEY_PARAMETER];
        }
      }
    }
    const info = own.info as Record<string, unknown>;
    return {
      ...own,
      info: { ...info, title: 'Astana Hub — API (through the admin gateway)' },
      paths,
      components: { ...(own.components ?? {}), schemas },
      'x-hub-upstreams': docs.map((d) => ({ name: d.name, openapi: d.status })),
    };
  }
}
