import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';
import type { z } from 'zod';
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

function parse(location: 'body' | 'query' | 'params', schema: z.ZodType | undefined, value: unknown): unknown {
  if (!schema) throw new Error(`the @Endpoint declares no ${location} schema`);
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
