import { Controller, Get, Inject, Injectable, RequestMethod, type Type } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService } from '@nestjs/core';
import { z } from 'zod';
import { ENDPOINT_METADATA, type EndpointSpec } from '../http/endpoint.js';
import { Endpoint } from '../http/endpoint.js';
import { HUB_APP_INFO, type HubAppInfo } from './app-info.js';

// Nest's own metadata keys (stable since v4): controller/route path and HTTP method.
const PATH_METADATA = 'path';
const METHOD_METADATA = 'method';

const toJsonSchema = (schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

const joinPath = (...parts: string[]): string =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .map((seg) => (seg.startsWith(':') ? `{${seg.slice(1)}}` : seg))
    .join('/')}`;

const PROBLEM = {
  description: 'Problem details (RFC 9457)',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

/** Builds the OpenAPI 3 document from the @Endpoint metadata of every controller: zod is the only source. */
@Injectable()
export class OpenApiGenerator {
  private cached: Record<string, unknown> | undefined;

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(HUB_APP_INFO) private readonly info: HubAppInfo,
  ) {}

  document(): Record<string, unknown> {
    if (this.cached) return this.cached;
    const paths: Record<string, Record<string, unknown>> = {};
    for (const wrapper of this.discovery.getControllers()) {
      const type = wrapper.metatype as Type | undefined;
      if (!type) continue;
      const base = (Reflect.getMetadata(PATH_METADATA, type) as string | undefined) ?? '';
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const spec = Reflect.getMetadata(ENDPOINT_METADATA, handler) as EndpointSpec | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (!spec || method === undefined) continue;
        const routePath = (Reflect.getMetadata(PATH_METADATA, handler) as string | undefined) ?? '';
        const path = joinPath(base, routePath);
        const verb = RequestMethod[method].toLowerCase();
        paths[path] ??= {};
        // The status the route answers: the spec's, else Nest's @HttpCode (a POST that changes a
        // state answers 200, not the documented-by-default 201), else the verb's default.
        const httpCode = Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined;
        paths[path][verb] = this.operation(
          spec.status === undefined && httpCode !== undefined ? { ...spec, status: httpCode } : spec,
          verb,
          `${type.name}.${name}`,
        );
      }
    }
    this.cached = {
      openapi: '3.0.3',
      info: { title: this.info.title, version: this.info.version, description: this.info.description },
      paths,
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        schemas: {
          Problem: {
            type: 'object',
            required: ['type', 'title', 'status', 'detail'],
            properties: {
              type: { type: 'string' },
              title: { type: 'string' },
              status: { type: 'integer' },
              detail: { type: 'string' },
              code: { type: 'string' },
              correlationId: { type: 'string' },
              errors: {
                type: 'array',
                items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' }, code: { type: 'string' } } },
              },
            },
          },
        },
      },
    };
    return this.cached;
  }

  private operation(spec: EndpointSpec, verb: string, operationId: string): Record<string, unknown> {
    const parameters: unknown[] = [];
    for (const [location, schema] of [
      ['path', spec.params],
      ['query', spec.query],
    ] as const) {
      if (!schema) continue;
      const shape: Record<string, z.ZodType> = schema.shape;
      for (const [key, prop] of Object.entries(shape)) {
        parameters.push({ name: key, in: location, required: location === 'path' || !prop.safeParse(undefined).success, schema: toJsonSchema(prop, 'input') });
      }
    }
    const status = String(spec.status ?? (verb === 'post' ? 201 : 200));
    const responses: Record<string, unknown> = {
      [status]: spec.produces
        ? { description: 'OK', content: Object.fromEntries(spec.produces.map((p) => [p, {}])) }
        : spec.response
          ? { description: 'OK', content: { 'application/json': { schema: toJsonSchema(spec.response, 'output') } } }
          : { description: 'OK' },
    };
    const errors = new Set<number>([
      ...(spec.params || spec.query || spec.body ? [400] : []),
      ...(spec.access === 'public' ? [] : [401, 403]),
      ...(spec.errors ?? []),
    ]);
    for (const e of errors) responses[String(e)] = PROBLEM;
    return {
      operationId,
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      tags: spec.tags ?? [],
      ...(spec.access === 'public' ? {} : { security: [{ bearer: [] }], 'x-hub-access': spec.access }),
      ...(parameters.length ? { parameters } : {}),
      ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: toJsonSchema(spec.body, 'input') } } } } : {}),
      responses,
    };
  }
}

@Controller()
export class OpenApiController {
  constructor(@Inject(OpenApiGenerator) private readonly generator: OpenApiGenerator) {}

  @Get('openapi.json')
  @Endpoint({ summary: 'The OpenAPI document of this service', tags: ['meta'], access: 'public' })
  openapi(): Record<string, unknown> {
    return this.generator.document();
  }
}
