import { HttpException, Inject, Injectable } from '@nestjs/common';
import { HUB_CONFIG } from '@hub/nest-commons';
import type { GatewayConfig } from '../config.js';
import { TokenBuckets } from './token-bucket.js';

export class TooManyRequestsException extends HttpException {
  constructor(detail: string) {
    super(detail, 429);
    this.name = 'TooManyRequestsException';
  }
}

/**
 * Two limits (ADR 0031): per client IP before authentication (so that floods of forged tokens do
 * not cost a signature check each), and per caller after it (the verified token subject; the IP
 * for anonymous calls).
 */
@Injectable()
export class RateLimiter {
  readonly perIp: TokenBuckets;
  readonly perCaller: TokenBuckets;

  constructor(@Inject(HUB_CONFIG) config: GatewayConfig) {
    this.perIp = new TokenBuckets(config.HUB_GATEWAY_IP_RATE_PER_MINUTE, config.HUB_GATEWAY_IP_RATE_BURST);
    this.perCaller = new TokenBuckets(config.HUB_GATEWAY_RATE_PER_MINUTE, config.HUB_GATEWAY_RATE_BURST);
  }

  static callerKey(subject: string | undefined, ip: string | undefined): string {
    return subject ? `sub:${subject}` : `ip:${ip ?? 'unknown'}`;
  }
}
