import type { NextFunction, Request, Response } from 'express';
import { uuidv7 } from '@hub/kernel';
import { MessageContexts } from '@hub/messaging';

export const CORRELATION_HEADER = 'x-correlation-id';
export const REQUEST_ID_HEADER = 'x-request-id';

/** A caller's correlation id is kept only when it looks like an id (no spaces, no markup, ≤ 200 characters). */
export const SAFE_CORRELATION_ID = /^[A-Za-z0-9._:-]{1,200}$/;

/**
 * Opens the message context of a request: the correlation id comes from `x-correlation-id` (when
 * well-formed) or is new; the request id becomes the causation id of whatever the request writes.
 * Both are echoed in the response headers. The platform's pipeline does the same inside
 * `platformRequestMiddleware` (ADR 0139); this one is kept for pipelines that compose their own.
 */
export function correlationMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header(CORRELATION_HEADER);
  const correlationId = incoming && SAFE_CORRELATION_ID.test(incoming) ? incoming : uuidv7();
  const requestId = uuidv7();
  (req as Request & { id?: string }).id = requestId;
  res.setHeader(CORRELATION_HEADER, correlationId);
  res.setHeader(REQUEST_ID_HEADER, requestId);
  MessageContexts.run({ correlationId, causationId: requestId }, () => next());
}
