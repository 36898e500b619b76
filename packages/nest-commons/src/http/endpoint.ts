import { SetMetadata, applyDecorators } from '@nestjs/common';
import type { z } from 'zod';
import type { Role } from '@hub/contracts';

/**
 * One decorator per route that declares everything about it: who may call it, what it accepts
 * and returns. The same metadata validates input (the `Valid*` parameter decorators), authorises
 * (the auth guard: a route without `access` is denied), and generates the OpenAPI document.
 */
export interface EndpointSpec {
  readonly summary: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  /** `public`, `authenticated` (any valid token), or the roles allowed. */
  readonly access: 'public' | 'authenticated' | readonly Role[];
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly response?: z.ZodType;
  /** Success status (default 200, or 201 for POST). */
  readonly status?: number;
  /** Documented error statuses besides the common ones (400/401/403/422). */
  readonly errors?: readonly number[];
  /** Non-JSON success responses (e.g. 'text/csv', 'application/pdf'). */
  readonly produces?: readonly string[];
}

export const ENDPOINT_METADATA = 'hub:endpoint';

export function Endpoint(spec: EndpointSpec): MethodDecorator {
  return applyDecorators(SetMetadata(ENDPOINT_METADATA, spec));
}
