import type { Response } from 'express';
import { MessageContexts } from '@hub/messaging';

const TYPE_BASE = 'https://hub.astanahub.kz/problems/';

/** Writes an RFC 9457 problem from the gateway's own middleware (outside Nest's exception filter). */
export function sendProblem(
  res: Response,
  status: number,
  code: string,
  title: string,
  detail: string,
  instance: string,
  extra: Record<string, unknown> = {},
): void {
  const correlationId = MessageContexts.current()?.correlationId;
  res
    .status(status)
    .type('application/problem+json')
    .json({ type: `${TYPE_BASE}${code}`, title, status, detail, code, instance, ...(correlationId ? { correlationId } : {}), ...extra });
}
