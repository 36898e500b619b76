import { z } from 'zod';
import { IsoDateSchema } from '@hub/contracts';
import { type Section, fetchSection } from './sections.js';
import { ROUTE_TABLE } from '../access/route-table.js';
import type { UpstreamClient } from '../upstreams/upstream-client.js';

/**
 * What every context's `GET /deadlines` returns (ADR 0033, paged by ADR 0047): one keyset page
 * `{ items, nextCursor, total, overdueCount }` of open statutory deadlines in due-date order, each
 * with the rule that sets it, its due working day (Asia/Almaty civil date), whether it is overdue
 * and the opaque `cursor` of its position. Extra fields pass through.
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
  /** The context's open deadlines the filters select (all of them, not only this page). */
  count: z.number().int(),
  /** Items of this page the context sent that do not have the agreed shape (left out, counted). */
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

/** The most a context is asked for in one call (the contract's maximum). */
export const CONTEXT_PAGE_MAX = 1000;

export interface BoardFilters {
  readonly bin?: string | undefined;
  readonly overdue?: boolean | undefined;
  readonly dueBefore?: string | undefined;
}

/** Where the board stands in each context: the context's own cursor (absent: from its start). */
export type BoardPosition = Readonly<Record<string, string>>;

/** The board's own cursor: base64url of `{ context: contextCursor }` (opaque to callers). */
export function encodeBoardCursor(position: BoardPosition): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeBoardCursor(text: string): BoardPosition | null {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
    const v: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
    return Object.values(v).every((c) => typeof c === 'string') ? (v as BoardPosition) : null;
  } catch {
    return null;
  }
}

export interface BoardRound {
  /** The merged items of this round, soonest first, open ones that fit the filters. */
  readonly items: BoardItem[];
  readonly sources: DeadlineSource[];
  /** Where the next round starts; null when every context that answered is exhausted. */
  readonly next: BoardPosition | null;
  readonly total: number;
  readonly overdueCount: number;
  /** How many merged items this round went past (shown or not): the distance it moved. */
  readonly taken: number;
}

interface ContextPage {
  readonly context: string;
  /** Usable items in the context's order, each with its cursor. */
  readonly items: { readonly item: BoardItem; readonly cursor: string }[];
  readonly nextCursor: string | null;
  /** The cursor of the page's last item, usable or not (past the malformed ones too). */
  readonly lastCursor: string | undefined;
}

const PageSchema = z.object({
  items: z.array(z.unknown()),
  nextCursor: z.string().min(1).nullable(),
  total: z.number().int().nonnegative(),
  overdueCount: z.number().int().nonnegative(),
});

function contextQuery(limit: number, after: string | undefined, f: BoardFilters): string {
  const q = new URLSearchParams({ status: 'open', limit: String(limit) });
  if (after) q.set('after', after);
  if (f.bin) q.set('bin', f.bin);
  if (f.overdue !== undefined) q.set('overdue', String(f.overdue));
  if (f.dueBefore) q.set('dueBefore', f.dueBefore);
  return `?${q.toString()}`;
}

const keep = (i: BoardItem, f: BoardFilters): boolean =>
  !(typeof i.status === 'string' && CLOSED_STATUSES.has(i.status)) &&
  (f.bin === undefined || i.bin === f.bin) &&
  (f.overdue === undefined || i.overdue === f.overdue) &&
  (f.dueBefore === undefined || i.dueDate <= f.dueBefore);

/**
 * One round of the board (ADR 0047): asks every context in `names` for `limit` deadlines after its
 * position, in parallel, and merges the pages in (due date, context, the context's own order) —
 * a k-way merge of sorted pages. It takes at most `limit` items and never one beyond the last item
 * fetched from a context that has more (so nothing unseen can belong before it), then moves each
 * context's position just past what was taken. Nothing is cut off: what was not taken is fetched
 * again in the next round.
 */
export async function boardRound(
  client: UpstreamClient,
  names: readonly string[],
  position: BoardPosition,
  limit: number,
  filters: BoardFilters,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<BoardRound> {
  const sections = await Promise.all(names.map((n) => fetchSection(client, n, `/deadlines${contextQuery(limit, position[n], filters)}`, headers, timeoutMs)));
  const sources: DeadlineSource[] = [];
  const pages: ContextPage[] = [];
  let total = 0;
  let overdueCount = 0;
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
    const page = PageSchema.safeParse(s.data);
    if (!page.success) {
      sources.push({
        context,
        status: 'error',
        count: 0,
        malformed: 0,
        error: {
          status: 502,
          title: 'Bad gateway',
          detail: `${context}'s /deadlines answer is not a page of the deadlines contract (ADR 0047)`,
          code: 'gateway.deadlines.malformed',
        },
      });
      return;
    }
    let malformed = 0;
    let lastCursor: string | undefined;
    const items: ContextPage['items'] = [];
    for (const raw of page.data.items) {
      const parsed = DeadlineItemSchema.safeParse(raw);
      const cursor = (raw as { cursor?: unknown } | null)?.cursor;
      if (typeof cursor === 'string' && cursor) lastCursor = cursor;
      if (!parsed.success || typeof cursor !== 'string' || !cursor) {
        malformed += 1;
        continue;
      }
      const { cursor: _own, ...item } = parsed.data;
      items.push({ item: { ...item, context }, cursor });
    }
    pages.push({ context, items, nextCursor: page.data.nextCursor, lastCursor });
    total += page.data.total;
    overdueCount += page.data.overdueCount;
    sources.push({ context, status: 'ok', count: page.data.total, malformed });
  });

  // The merge: (due date, context name, the context's own order).
  const merged = pages
    .flatMap((p) => p.items.map((x, index) => ({ ...x, context: p.context, index })))
    .sort((a, b) => (a.item.dueDate < b.item.dueDate ? -1 : a.item.dueDate > b.item.dueDate ? 1 : a.context.localeCompare(b.context) || a.index - b.index));
  // A context with more to come bounds the cut at its last fetched item (its unseen ones sort after it).
  const bounds = pages
    .filter((p) => p.nextCursor !== null)
    .map((p) => (p.items.length ? merged.findIndex((m) => m.context === p.context && m.index === p.items.length - 1) : -1));
  const cut = Math.min(limit, ...bounds.map((b) => b + 1));
  const taken = merged.slice(0, Math.max(0, cut));

  const next: Record<string, string> = { ...position };
  let more = false;
  for (const p of pages) {
    const mine = taken.filter((t) => t.context === p.context).length;
    if (mine === p.items.length) {
      // Its whole page is consumed (malformed items included): go on after it, or it is exhausted.
      if (p.nextCursor !== null) {
        next[p.context] = p.nextCursor;
        more = true;
      } else if (p.lastCursor) next[p.context] = p.lastCursor;
    } else {
      if (mine > 0) next[p.context] = p.items[mine - 1]!.cursor;
      more = true;
    }
  }
  return { items: taken.map((t) => t.item).filter((i) => keep(i, filters)), sources, next: more ? next : null, total, overdueCount, taken: taken.length };
}

/** The contexts the board asks: configured, declaring GET /deadlines, and (if given) the one asked for. */
export function deadlineContexts(client: UpstreamClient, only?: string): string[] {
  return client.names().filter((n) => DEADLINE_CONTEXTS.has(n) && (only === undefined || n === only));
}

/**
 * The deadlines of one company for its overview: the first page of up to 1 000 from every context
 * (a company's open deadlines are a handful); `sources[].count` says how many there are in all.
 */
export async function collectDeadlines(
  client: UpstreamClient,
  filters: BoardFilters,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<{ items: BoardItem[]; sources: DeadlineSource[] }> {
  const round = await boardRound(client, deadlineContexts(client), {}, CONTEXT_PAGE_MAX, filters, headers, timeoutMs);
  return { items: round.items, sources: round.sources };
}
