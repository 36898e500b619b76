import type { Request } from 'express';
import { MessageContexts } from '@hub/messaging';
import { UpstreamFailure, type UpstreamClient } from '../upstreams/upstream-client.js';

/** A section of a composed view: the context's data, or why it is missing (the rest still renders). */
export type Section<T = unknown> =
  | { readonly status: 'ok'; readonly upstream: string; readonly data: T }
  | {
      readonly status: 'error';
      readonly upstream: string;
      readonly error: { readonly status: number; readonly title: string; readonly detail: string; readonly code?: string };
    }
  | { readonly status: 'empty'; readonly upstream: string; readonly detail: string };

/** The caller's own token and the correlation id: a composed view calls the contexts as the caller. */
export function callerHeaders(req: Request): Record<string, string> {
  const headers: Record<string, string> = {};
  if (req.headers.authorization) headers.authorization = req.headers.authorization;
  if (typeof req.headers['accept-language'] === 'string') headers['accept-language'] = req.headers['accept-language'];
  const ctx = MessageContexts.current();
  if (ctx) headers['x-correlation-id'] = ctx.correlationId;
  return headers;
}

/** GETs one section; never throws: a context that fails yields an error section. */
export async function fetchSection(
  client: UpstreamClient,
  upstream: string,
  pathAndQuery: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<Section> {
  try {
    const res = await client.getJson(upstream, pathAndQuery, headers, timeoutMs);
    if (res.status >= 200 && res.status < 300) return { status: 'ok', upstream, data: res.body ?? null };
    const p = (res.body ?? {}) as { title?: unknown; detail?: unknown; code?: unknown };
    return {
      status: 'error',
      upstream,
      error: {
        status: res.status,
        title: typeof p.title === 'string' ? p.title : `HTTP ${res.status}`,
        detail: typeof p.detail === 'string' ? p.detail : `the ${upstream} context answered ${res.status}`,
        ...(typeof p.code === 'string' ? { code: p.code } : {}),
      },
    };
  } catch (e) {
    if (e instanceof UpstreamFailure) {
      return {
        status: 'error',
        upstream,
        error: {
          status: e.status,
          title: e.status === 504 ? 'Gateway timeout' : e.status === 503 ? 'Service unavailable' : 'Bad gateway',
          detail: e.message,
          code: `gateway.upstream.${e.reason}`,
        },
      };
    }
    return {
      status: 'error',
      upstream,
      error: { status: 502, title: 'Bad gateway', detail: `the ${upstream} context could not be read`, code: 'gateway.upstream.bad-gateway' },
    };
  }
}
