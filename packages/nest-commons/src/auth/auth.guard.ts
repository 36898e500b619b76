import { type CanActivate, type ExecutionContext, Inject, Injectable, UnauthorizedException, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { type Actor, AccessTokenClaimsSchema } from '@hub/contracts';
import { ForbiddenError } from '@hub/kernel';
import { ENDPOINT_METADATA, type EndpointSpec } from '../http/endpoint.js';
import { TokenVerifier } from './token-verifier.js';

declare module 'express' {
  interface Request {
    actor?: Actor;
  }
}

/**
 * Global guard: every route must declare its access in @Endpoint; a route that does not is
 * denied (deny by default). Tokens are verified here too, not only at the gateway (defence in
 * depth): the gateway forwards the caller's bearer token, never a trust-me identity header.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const spec = this.reflector.get<EndpointSpec | undefined>(ENDPOINT_METADATA, ctx.getHandler());
    if (!spec) throw new ForbiddenError('this route declares no access rule, so nobody may call it');
    const req = ctx.switchToHttp().getRequest<Request>();
    const header = req.headers.authorization;
    if (spec.access === 'public') {
      if (header) req.actor = await this.authenticate(header).catch(() => undefined);
      return true;
    }
    if (!header) throw new UnauthorizedException('a bearer token is required');
    const actor = await this.authenticate(header);
    req.actor = actor;
    if (spec.access === 'authenticated') return true;
    if (!actor.roles.some((r) => (spec.access as readonly string[]).includes(r))) {
      throw new ForbiddenError(`this needs one of the roles: ${spec.access.join(', ')}`);
    }
    return true;
  }

  private async authenticate(header: string): Promise<Actor> {
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new UnauthorizedException('the Authorization header must be "Bearer <token>"');
    let payload: unknown;
    try {
      payload = await this.verifier.verify(token);
    } catch (e) {
      throw new UnauthorizedException(`the token is not valid: ${(e as Error).message}`);
    }
    const claims = AccessTokenClaimsSchema.safeParse(payload);
    if (!claims.success) throw new UnauthorizedException('the token lacks the claims this platform needs (sub, roles)');
    return { subject: claims.data.sub, roles: claims.data.roles, companies: claims.data.hub_companies, ...(claims.data.name ? { name: claims.data.name } : {}) };
  }
}

/** The verified caller (undefined on a public route called without a token). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor | undefined => ctx.switchToHttp().getRequest<Request>().actor);
