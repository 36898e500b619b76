import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { ENDPOINT_METADATA, type EndpointSpec } from './endpoint.js';

/** A request part that failed its schema; the problem filter answers 400 naming each field. */
export class RequestValidationError extends Error {
  constructor(
    readonly location: 'body' | 'query' | 'params',
    readonly zodError: z.ZodError,
  ) {
    super(`invalid ${location}`);
  }
}

function specOf(ctx: ExecutionContext): EndpointSpec {
  const spec = Reflect.getMetadata(ENDPOINT_METADATA, ctx.getHandler()) as EndpointSpec | undefined;
  if (!spec) throw new Error(`${ctx.getClass().name}.${ctx.getHandler().name} has no @Endpoint: declare its schemas`);
  return spec;
}

/**
 * Paths of strings that hold U+0000. PostgreSQL cannot store or compare it in text or jsonb, so a
 * value carrying it would fail deep in a query as a 500 (found by the route fuzzer, issue #18):
 * refused at the boundary for every endpoint, naming the field. One walk with one path stack; a
 * path is copied only when a NUL is found (ADR 0139: no array per visited value).
 */
function nulPaths(value: unknown): (string | number)[][] {
  const out: (string | number)[][] = [];
  const path: (string | number)[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (depth > 64 || out.length >= 20) return;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) out.push(path.slice());
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        walk(v[i], depth + 1);
        path.pop();
      }
    } else if (v !== null && typeof v === 'object') {
      for (const k in v) {
        if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
        path.push(k);
        if (k.includes('\u0000')) out.push(path.slice());
        else walk((v as Record<string, unknown>)[k], depth + 1);
        path.pop();
      }
    }
  };
  walk(value, 0);
  return out;
}

function parse(location: 'body' | 'query' | 'params', schema: z.ZodType | undefined, value: unknown): unknown {
  if (!schema) throw new Error(`the @Endpoint declares no ${location} schema`);
  const withNul = nulPaths(value);
  if (withNul.length > 0) {
    throw new RequestValidationError(
      location,
      new z.ZodError(withNul.map((path) => ({ code: 'custom' as const, path, message: 'must not contain the NUL character (U+0000)', input: undefined }))),
    );
  }
  const result = schema.safeParse(value ?? (location === 'body' ? undefined : {}));
  if (!result.success) throw new RequestValidationError(location, result.error);
  return result.data;
}

export const ValidBody = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  parse('body', specOf(ctx).body, ctx.switchToHttp().getRequest<Request>().body),
);
export const ValidQuery = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  parse('query', specOf(ctx).query, ctx.switchToHttp().getRequest<Request>().query),
);
export const ValidParams = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  parse('params', specOf(ctx).params, ctx.switchToHttp().getRequest<Request>().params),
);
