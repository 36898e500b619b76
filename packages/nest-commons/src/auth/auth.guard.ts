import { type CanActivate, type ExecutionContext, Inject, Injectable, UnauthorizedException, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Actor } from '@hub/contracts';
import { ForbiddenError } from '@hub/kernel';
import { ENDPOINT_METADATA, type EndpointSpec } from '../http/endpoint.js';
import { BearerAuthenticator } from './bearer-authenticator.js';

declare module 'express' {
  interface Request {
    actor?: Actor;
  }
}

/**
 * Global guard: every route must declare its access in @Endpoint; a route that does not is
 * denied (deny by default). Tokens are verified here too, not only at the gateway (defence in
 * depth): the gateway forwards the caller's bearer token, never a trust-me identity header. The
 * check itself is BearerAuthenticator, the same one the gateway runs.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(BearerAuthenticator) private readonly authenticator: BearerAuthenticator,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const spec = this.reflector.get<EndpointSpec | undefined>(ENDPOINT_METADATA, ctx.getHandler());
    if (!spec) throw new ForbiddenError('this route declares no access rule, so nobody may call it');
    const req = ctx.switchToHttp().getRequest<Request>();
    const result = await this.authenticator.authenticate(req.headers.authorization);
    if (!result.ok) throw new UnauthorizedException(result.detail);
    req.actor = result.actor;
    if (spec.access === 'public') return true;
    const actor = result.actor;
    if (!actor) throw new UnauthorizedException('a bearer token is required');
    if (spec.access === 'authenticated') return true;
    if (!actor.roles.some((r) => (spec.access as readonly string[]).includes(r))) {
      throw new ForbiddenError(`this needs one of the roles: ${spec.access.join(', ')}`);
    }
    return true;
  }
}

/** The verified caller (undefined on a public route called without a token). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor | undefined => ctx.switchToHttp().getRequest<Request>().actor);
