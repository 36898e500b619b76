import { z } from 'zod';
import { IsoDateSchema } from '@hub/contracts';
import { type Section, fetchSection } from './sections.js';
import { ROUTE_TABLE } from '../access/route-table.js';
import type { UpstreamClient } from '../upstreams/upstream-client.js';

/**
 * What every context's `GET /deadlines` returns (ADR 0033): open statutory deadlines, each with the
 * rule that sets it, its due working day (Asia/Almaty civil date) and whether it is overdue. Extra
 * fields pass through. A bare array or `{ items: [...] }` (a page) are both accepted.
 */
export const DeadlineItemSchema = z.looseObject({
  kind: z.string().min(1),
  ruleId: z.string().min(1).optional(),
  dueDate: IsoDateSchema,
  overdue: z.boolean(),
  bin: z.string().optional(),
  subjectId: z.string().optional(),
});
export type DeadlineItem = z.infer<typeof DeadlineItemSchema>;

const CLOSED_STATUSES: ReadonlySet<string> = new Set(['met', 'closed', 'done', 'answered', 'paid', 'cancelled', 'fulfilled', 'submitted']);

export const BoardItemSchema = DeadlineItemSchema.extend({ context: z.string() });
export type BoardItem = z.infer<typeof BoardItemSchema>;

export const DeadlineSourceSchema = z.object({
  context: z.string(),
  status: z.enum(['ok', 'not-provided', 'error']),
  count: z.number().int(),
  /** Items the context sent that do not have the agreed shape (left out, counted). */
  malformed: z.number().int(),
  error: z.object({ status: z.number().int(), title: z.string(), detail: z.string(), code: z.string().optional() }).optional(),
});
export type DeadlineSource = z.infer<typeof DeadlineSourceSchema>;

/**
 * The contexts whose `GET /deadlines` the route table declares (ADR 0030: the gateway calls no
 * context route the table has not decided on — a context without deadlines, e.g. documents, is
 * not asked and not listed).
 */
export const DEADLINE_CONTEXTS: ReadonlySet<string> = new Set(ROUTE_TABLE.filter((r) => r.method === 'GET' && r.path === '/deadlines').map((r) => r.upstream));

/** Calls `GET /deadlines` of every configured context that declares one, in parallel, and merges the answers. */
export async function collectDeadlines(
  client: UpstreamClient,
  query: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<{ items: BoardItem[]; sources: DeadlineSource[] }> {
  const names = client.names().filter((n) => DEADLINE_CONTEXTS.has(n));
  const sections = await Promise.all(names.map((n) => fetchSection(client, n, `/deadlines${query}`, headers, timeoutMs)));
  const items: BoardItem[] = [];
  const sources: DeadlineSource[] = [];
  sections.forEach((s: Section, i) => {
    if (s.status === 'empty') return;
    const context = names[i]!;
    if (s.status === 'error') {
      // A context without a deadlines endpoint (yet) is not an error of the board.
      sources.push(
        s.error.status === 404
          ? { context, status: 'not-provided', count: 0, malformed: 0 }
          : { context, status: 'error', count: 0, malformed: 0, error: s.error },
      );
      return;
    }
    const raw = Array.isArray(s.data) ? s.data : Array.isArray((s.data as { items?: unknown })?.items) ? (s.data as { items: unknown[] }).items : undefined;
    if (!raw) {
      sources.push({
        context,
        status: 'error',
        count: 0,
        malformed: 0,
        error: {
          status: 502,
          title: 'Bad gateway',
          detail: `${context}'s /deadlines answer is neither a list nor a page`,
          code: 'gateway.deadlines.malformed',
        },
      });
      return;
    }
    let malformed = 0;
    let count = 0;
    for (const r of raw) {
      const parsed = DeadlineItemSchema.safeParse(r);
      if (!parsed.success) {
        malformed += 1;
        continue;
      }
      // Open deadlines only: a context may also list met/closed ones (registration's `status`).
      if (typeof parsed.data.status === 'string' && CLOSED_STATUSES.has(parsed.data.status)) continue;
      items.push({ ...parsed.data, context });
      count += 1;
    }
    sources.push({ context, status: 'ok', count, malformed });
  });
  items.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.context.localeCompare(b.context) || a.kind.localeCompare(b.kind)));
  return { items, sources };
}
