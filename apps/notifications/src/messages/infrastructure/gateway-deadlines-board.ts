import { type ClientCredentialsTokenSource, ServiceTokenError } from '@hub/nest-commons';
import { z } from 'zod';
import type { DigestDeadline, DigestSource } from '../domain/rules/staff-digest.rule.js';
import { type BoardReading, DeadlinesBoard } from '../application/ports/deadlines-board.js';

const PageSchema = z.object({
  items: z.array(
    z.looseObject({
      context: z.string().min(1),
      kind: z.string().min(1),
      ruleId: z.string().optional(),
      dueDate: z.iso.date(),
      overdue: z.boolean(),
      bin: z.string().optional(),
      subjectId: z.string().optional(),
    }),
  ),
  nextCursor: z.string().nullable(),
  sources: z.array(
    z.looseObject({
      context: z.string(),
      status: z.enum(['ok', 'not-provided', 'error']),
      error: z.looseObject({ status: z.number(), title: z.string(), detail: z.string().optional() }).optional(),
    }),
  ),
});

/** The owner's aggregate the deadline is about: `subjectId`, else the item's own id field (`applicationId`, `participationId` …; ADR 0033 lets each context name it). */
const subjectOf = (i: Record<string, unknown>): string | undefined =>
  typeof i.subjectId === 'string'
    ? i.subjectId
    : (Object.entries(i).find(([k, v]) => k.endsWith('Id') && k !== 'ruleId' && typeof v === 'string')?.[1] as string | undefined);

/** The board's page size (its maximum) and how many pages the digest walks at most — a runaway cursor must not loop forever. */
const PAGE_SIZE = 200;
const MAX_PAGES = 500;

/**
 * The gateway's deadlines board read as the platform worker `hub-notifications` (ADR 0106): a
 * client-credentials token with the role `deadline-reader`, which opens `GET /deadlines` and nothing
 * else. Walks `nextCursor` to the end (ADR 0047). A context is `ok` only if every page said so: one
 * page's error names it unavailable.
 */
export class GatewayDeadlinesBoard extends DeadlinesBoard {
  constructor(
    private readonly apiUrl: string,
    private readonly tokens: ClientCredentialsTokenSource,
  ) {
    super();
  }

  async read(dueBefore: string): Promise<BoardReading> {
    const items: DigestDeadline[] = [];
    const sources = new Map<string, DigestSource>();
    let after: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const q = new URLSearchParams({ dueBefore, pageSize: String(PAGE_SIZE) });
      if (after) q.set('after', after);
      const res = await this.tokens.fetch(`${this.apiUrl.replace(/\/+$/, '')}/deadlines?${q.toString()}`, {
        headers: { accept: 'application/json, application/problem+json' },
      });
      const body: unknown = await res.json().catch(() => undefined);
      if (res.status !== 200) {
        const detail = (body as { detail?: unknown } | undefined)?.detail;
        throw new Error(`the deadlines board refused ${this.tokens.clientId}: ${res.status}${typeof detail === 'string' ? ` ${detail}` : ''}`);
      }
      const parsed = PageSchema.parse(body);
      for (const i of parsed.items)
        items.push({ context: i.context, kind: i.kind, ruleId: i.ruleId, dueDate: i.dueDate, overdue: i.overdue, bin: i.bin, subjectId: subjectOf(i) });
      for (const s of parsed.sources) {
        const seen = sources.get(s.context);
        if (seen && seen.status !== 'ok') continue; // an error on any page stands
        sources.set(s.context, { context: s.context, status: s.status, detail: s.error ? `${s.error.status} ${s.error.title}` : undefined });
      }
      after = parsed.nextCursor;
      if (after === null) return { items, sources: [...sources.values()] };
    }
    throw new Error(`the deadlines board did not end after ${MAX_PAGES} pages of ${PAGE_SIZE}`);
  }
}

/** Without `NOTIFICATIONS_DEADLINES_URL` and service credentials the digest is owed but cannot be read — said on every try (ADR 0106). */
export class UnconfiguredDeadlinesBoard extends DeadlinesBoard {
  read(): Promise<BoardReading> {
    return Promise.reject(
      new ServiceTokenError(
        'the staff digest cannot read the deadlines board: set NOTIFICATIONS_DEADLINES_URL and HUB_SERVICE_AUTH_URL, HUB_SERVICE_CLIENT_ID, HUB_SERVICE_CLIENT_SECRET (ADR 0106)',
      ),
    );
  }
}
