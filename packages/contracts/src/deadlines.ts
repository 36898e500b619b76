import { z } from 'zod';
import { BinSchema, IsoDateSchema } from './common.js';

/**
 * The paged deadlines contract between every context and the admin gateway (ADR 0033 as amended by
 * ADR 0047). A context's `GET /deadlines` answers one page of its deadlines in keyset order — due
 * date, then a key unique within the context — each item carrying the opaque `cursor` of its own
 * position, plus `nextCursor` (null on the last page) and the counts of everything the filters
 * select. Nothing is cut off silently: whatever does not fit the page is one `after=` away.
 */
export const DEADLINES_MAX_LIMIT = 1000;
export const DEADLINES_DEFAULT_LIMIT = 200;

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

/**
 * A keyset cursor: base64url of the JSON array of the sort values of a row (ADR 0047) — opaque to
 * callers, checked on the way in. btoa/atob, not Buffer: the contracts are bundled into the web app.
 */
export function encodeKeysetCursor(values: readonly string[]): string {
  return btoa(encodeURIComponent(JSON.stringify(values)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** The sort values inside a cursor, or null when the text is not a cursor of `arity` values. */
export function decodeKeysetCursor(cursor: string, arity: number): string[] | null {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
    const v: unknown = JSON.parse(decodeURIComponent(atob(cursor.replace(/-/g, '+').replace(/_/g, '/'))));
    return Array.isArray(v) && v.length === arity && v.every((x) => typeof x === 'string') ? v : null;
  } catch {
    return null;
  }
}

/** A deadlines cursor: the context's sort value (due date or due moment) and its unique key. */
export function encodeDeadlineCursor(sortValue: string, key: string): string {
  return encodeKeysetCursor([sortValue, key]);
}

/** The pair inside a deadlines cursor, or null when the text is not one. */
export function decodeDeadlineCursor(cursor: string): readonly [string, string] | null {
  const v = decodeKeysetCursor(cursor, 2);
  return v ? [v[0]!, v[1]!] : null;
}

export const DeadlineCursorSchema = z
  .string()
  .min(1)
  .max(600)
  .refine((v) => decodeDeadlineCursor(v) !== null, { message: 'not a cursor this endpoint issued (take nextCursor or an item’s cursor)' })
  .describe('Opaque keyset cursor: an item’s `cursor` or a page’s `nextCursor`');

/** The query every context's `GET /deadlines` accepts (a context may add its own filters). */
export const DeadlinesPageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(DEADLINES_MAX_LIMIT).default(DEADLINES_DEFAULT_LIMIT).describe('page size (1 … 1000)'),
  after: DeadlineCursorSchema.optional(),
  bin: BinSchema.optional(),
  overdue: booleanQuery.optional().describe('only overdue (true) or only not yet overdue (false)'),
  dueBefore: IsoDateSchema.optional().describe('due on or before this date'),
  /** Open deadlines only. The gateway always sends it; contexts that list only open ones accept and ignore it. */
  status: z.literal('open').optional(),
});
export type DeadlinesPageQuery = z.infer<typeof DeadlinesPageQuerySchema>;

/** A page of a context's deadlines: the item schema with its `cursor`, the next cursor and the counts. */
export const deadlinesPageOf = <T extends z.ZodObject>(item: T) =>
  z.object({
    items: z.array(item.extend({ cursor: z.string().describe('the position just after this item (pass as `after`)') })),
    nextCursor: z.string().nullable().describe('null on the last page'),
    /** Every deadline the filters select (not only this page). */
    total: z.number().int(),
    overdueCount: z.number().int(),
  });

export interface DeadlinesPage<T> {
  items: (T & { cursor: string })[];
  nextCursor: string | null;
  total: number;
  overdueCount: number;
}

/**
 * Pages a context's complete, visible list of open deadlines in memory — for the contexts whose
 * open deadlines are few by nature (housing beds, training and services applications, cluster
 * rounds; ADR 0047). Order: due date, then `key` (unique within the context), by code unit.
 */
export function pageDeadlines<T extends { dueDate: string; overdue: boolean; bin?: string | undefined }>(
  all: readonly T[],
  q: DeadlinesPageQuery,
  key: (item: T) => string,
): DeadlinesPage<T> {
  const selected = all
    .filter(
      (d) =>
        (q.bin === undefined || d.bin === q.bin) &&
        (q.overdue === undefined || d.overdue === q.overdue) &&
        (q.dueBefore === undefined || d.dueDate <= q.dueBefore),
    )
    .map((d) => ({ d, k: key(d) }))
    .sort((a, b) => (a.d.dueDate < b.d.dueDate ? -1 : a.d.dueDate > b.d.dueDate ? 1 : a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  const after = q.after ? decodeDeadlineCursor(q.after) : null;
  const rest = after ? selected.filter(({ d, k }) => d.dueDate > after[0] || (d.dueDate === after[0] && k > after[1])) : selected;
  const page = rest.slice(0, q.limit).map(({ d, k }) => ({ ...d, cursor: encodeDeadlineCursor(d.dueDate, k) }));
  return {
    items: page,
    nextCursor: rest.length > q.limit ? page.at(-1)!.cursor : null,
    total: selected.length,
    overdueCount: selected.filter(({ d }) => d.overdue).length,
  };
}
