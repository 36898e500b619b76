import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type Observable, from, switchMap } from 'rxjs';
import { RateLimiter, TooManyRequestsException } from './rate-limiter.js';

/** The per-caller limit for the gateway's own routes (after the AuthGuard set the verified actor). */
@Injectable()
export class RateLimitInterceptor implements NestInterceptor {
  constructor(@Inject(RateLimiter) private readonly limiter: RateLimiter) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<Request>();
    if (req.path.startsWith('/health/')) return next.handle();
    return from(this.limiter.perCaller.take(RateLimiter.callerKey(req.actor?.subject, req.ip))).pipe(
      switchMap((r) => {
        if (!r.ok) {
          ctx.switchToHttp().getResponse<Response>().setHeader('retry-after', String(r.retryAfterSec));
          throw new TooManyRequestsException(`slow down: try again in ${r.retryAfterSec} s`);
        }
        return next.handle();
      }),
    );
  }
}
