import { Controller, Get, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { DEADLINE_READER_ROLES, type Actor, BinSchema, FUND_STAFF_ROLES, PARTICIPANT_FILE_ROLES, PageQuerySchema, type Role } from '@hub/contracts';
import { Clock, ForbiddenError } from '@hub/kernel';
import { CurrentActor, Endpoint, HUB_CONFIG, ValidParams, ValidQuery } from '@hub/nest-commons';
import { type Access, decideAccess } from '../access/access-rule.js';
import type { GatewayConfig } from '../config.js';
import { UpstreamClient } from '../upstreams/upstream-client.js';
import {
  BoardItemSchema,
  type BoardPosition,
  type BoardRound,
  CONTEXT_PAGE_MAX,
  DeadlineSourceSchema,
  boardRound,
  collectDeadlines,
  deadlineContexts,
  decodeBoardCursor,
  encodeBoardCursor,
} from './deadlines.js';
import { type Section, callerHeaders, fetchSection } from './sections.js';

/** Who may see a company's whole file: its own representatives and the Fund's people who read participant files (F-35). */
export const OVERVIEW_ACCESS: readonly Role[] = ['applicant', ...PARTICIPANT_FILE_ROLES];
/** Who sees the deadlines board: the Fund's staff (it is how the Fund keeps its own promises) and the platform's deadline reader (ADR 0106: the staff digest) — not applicants, not the authorised body's analyst. */
export const DEADLINES_ACCESS: readonly Role[] = [...FUND_STAFF_ROLES, ...DEADLINE_READER_ROLES];

/**
 * Where each section of the company overview comes from (ADR 0033). Stage 1 runs in parallel; the
 * participation's own sections (fees, reports) need its id, so they run in parallel in stage 2 —
 * for the company's active participation, else its latest one.
 */
export const OVERVIEW_SOURCES = {
  applications: { upstream: 'registration', path: (bin: string) => `/applications?bin=${bin}&pageSize=200` },
  participation: { upstream: 'participation', path: (bin: string) => `/participations?bin=${bin}&pageSize=200` },
  fees: { upstream: 'participation', path: (participationId: string) => `/participations/${participationId}/fees` },
  reports: { upstream: 'participation', path: (participationId: string) => `/participations/${participationId}/quarterly-reports` },
} as const;

const ErrorSchema = z.object({ status: z.number().int(), title: z.string(), detail: z.string(), code: z.string().optional() });
const SectionSchema = z.union([
  z.object({ status: z.literal('ok'), upstream: z.string(), data: z.unknown() }),
  z.object({ status: z.literal('error'), upstream: z.string(), error: ErrorSchema }),
  z.object({ status: z.literal('empty'), upstream: z.string(), detail: z.string() }),
]);
const OverviewSchema = z.object({
  bin: z.string(),
  generatedAt: z.string(),
  /** The participation whose fees and reports are shown (active, else latest), if any. */
  participationId: z.string().nullable(),
  sections: z.object({
    applications: SectionSchema,
    participation: SectionSchema,
    fees: SectionSchema,
    reports: SectionSchema,
    deadlines: z.object({ items: z.array(BoardItemSchema), sources: z.array(DeadlineSourceSchema) }),
  }),
});
type Overview = z.infer<typeof OverviewSchema>;

const BinParams = z.object({ bin: BinSchema });
const DeadlinesQuery = PageQuerySchema.extend({
  overdue: z.enum(['true', 'false']).optional().describe('only overdue (true) or only not yet overdue (false)'),
  context: z.string().min(1).max(60).optional(),
  bin: BinSchema.optional(),
  dueBefore: z.iso.date().optional().describe('due on or before this date'),
  after: z
    .string()
    .min(1)
    .max(20_000)
    .refine((v) => decodeBoardCursor(v) !== null, { message: 'not a cursor this board issued (take nextCursor)' })
    .optional()
    .describe('the next page by keyset (a page’s nextCursor; ADR 0047) — `page` is then not used'),
});
const BoardSchema = z.object({
  generatedAt: z.string(),
  overdueCount: z.number().int(),
  items: z.array(BoardItemSchema),
  /** The page number asked for (absent when paging by `after`). */
  page: z.number().int().optional(),
  pageSize: z.number().int(),
  total: z.number().int(),
  /** The next page by keyset (pass as `after`); null on the last page (ADR 0047). */
  nextCursor: z.string().nullable(),
  sources: z.array(DeadlineSourceSchema),
});

function requireAccess(access: Access, actor: Actor, bin?: string): void {
  const d = decideAccess(access, actor, bin);
  if (!d.allowed) throw new ForbiddenError(d.detail);
}

/** Composed views for staff: one company on one page, and every open statutory deadline. */
@Controller('api')
export class CompositionHttpController {
  constructor(
    @Inject(UpstreamClient) private readonly upstreams: UpstreamClient,
    @Inject(HUB_CONFIG) private readonly config: GatewayConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Get('companies/:bin/overview')
  @Endpoint({
    summary: "One company's applications, participation, fees, reports and deadlines",
    description:
      "Each section comes from its context, called in parallel with the caller's token; a context that fails gives that section an error object and the rest still renders. Applicants see only their own companies (F-35).",
    tags: ['composed'],
    access: OVERVIEW_ACCESS,
    params: BinParams,
    response: OverviewSchema,
  })
  async overview(@ValidParams() p: z.infer<typeof BinParams>, @CurrentActor() actor: Actor, @Req() req: Request): Promise<Overview> {
    requireAccess(OVERVIEW_ACCESS, actor, p.bin); // F-35
    const headers = callerHeaders(req);
    const t = this.config.HUB_GATEWAY_COMPOSE_TIMEOUT_MS;
    const src = OVERVIEW_SOURCES;
    const [applications, participation, deadlines] = await Promise.all([
      fetchSection(this.upstreams, src.applications.upstream, src.applications.path(p.bin), headers, t),
      fetchSection(this.upstreams, src.participation.upstream, src.participation.path(p.bin), headers, t),
      collectDeadlines(this.upstreams, { bin: p.bin }, headers, t),
    ]);
    const current = currentParticipation(participation, p.bin);
    const noParticipation = (upstream: string): Section =>
      participation.status === 'error'
        ? { status: 'error', upstream, error: { ...participation.error, detail: `the participation could not be read: ${participation.error.detail}` } }
        : { status: 'empty', upstream, detail: 'this company has no participation' };
    const [fees, reports] = current
      ? await Promise.all([
          fetchSection(this.upstreams, src.fees.upstream, src.fees.path(current), headers, t),
          fetchSection(this.upstreams, src.reports.upstream, src.reports.path(current), headers, t),
        ])
      : [noParticipation(src.fees.upstream), noParticipation(src.reports.upstream)];
    return {
      bin: p.bin,
      generatedAt: this.clock.now().toISOString(),
      participationId: current ?? null,
      // Only this company's deadlines, whatever a context sends back.
      sections: { applications, participation, fees, reports, deadlines: { ...deadlines, items: deadlines.items.filter((i) => i.bin === p.bin) } },
    };
  }

  @Get('deadlines')
  @Endpoint({
    summary: 'Deadlines board: every open statutory deadline across contexts',
    description:
      "Merged from each context's GET /deadlines, sorted by due working day; `overdue` says whether the Fund (or a participant) is late. A context that is down is listed in `sources` with its error.",
    tags: ['composed'],
    access: DEADLINES_ACCESS,
    query: DeadlinesQuery,
    response: BoardSchema,
  })
  async deadlines(@ValidQuery() q: z.infer<typeof DeadlinesQuery>, @Req() req: Request): Promise<z.infer<typeof BoardSchema>> {
    // ADR 0047: the contexts page and filter; the gateway merges their pages (k-way, by due date).
    const headers = callerHeaders(req);
    const t = this.config.HUB_GATEWAY_COMPOSE_TIMEOUT_MS;
    const names = deadlineContexts(this.upstreams, q.context);
    const filters = { bin: q.bin, overdue: q.overdue === undefined ? undefined : q.overdue === 'true', dueBefore: q.dueBefore };
    let position: BoardPosition | null = q.after ? decodeBoardCursor(q.after) : {};
    // A numbered page (the web's pager) walks there in rounds of up to 1 000: deep pages cost more;
    // `after` costs one round whatever the depth.
    let skip = q.after ? 0 : (q.page - 1) * q.pageSize;
    while (skip > 0 && position) {
      const round: BoardRound = await boardRound(this.upstreams, names, position, Math.min(skip, CONTEXT_PAGE_MAX), filters, headers, t);
      const moved = Object.keys(round.next ?? {}).some((k) => round.next?.[k] !== position?.[k]);
      skip -= round.taken;
      position = round.next;
      if (round.next && !moved) break; // no context could move (all failing): stop rather than spin
    }
    const round = position
      ? await boardRound(this.upstreams, names, position, q.pageSize, filters, headers, t)
      : await this.emptyRound(names, filters, headers, t);
    return {
      generatedAt: this.clock.now().toISOString(),
      overdueCount: round.overdueCount,
      items: round.items,
      ...(q.after ? {} : { page: q.page }),
      pageSize: q.pageSize,
      total: round.total,
      nextCursor: round.next ? encodeBoardCursor(round.next) : null,
      sources: round.sources,
    };
  }

  /** Past the last page: no items, but the counts and sources as every page has them. */
  private async emptyRound(names: string[], filters: Parameters<typeof boardRound>[4], headers: Record<string, string>, t: number): Promise<BoardRound> {
    const r = await boardRound(this.upstreams, names, {}, 1, filters, headers, t);
    return { ...r, items: [], next: null };
  }
}

/** The id of the company's active participation, else of its latest one (by term start). */
function currentParticipation(section: Section, bin: string): string | undefined {
  if (section.status !== 'ok') return undefined;
  const data = section.data as { items?: unknown } | undefined;
  const items = (Array.isArray(data?.items) ? data.items : []) as { id?: unknown; bin?: unknown; status?: unknown; termStart?: unknown }[];
  const mine = items.filter((i) => typeof i.id === 'string' && (i.bin === undefined || i.bin === bin));
  const active = mine.find((i) => i.status === 'active');
  const start = (i: { termStart?: unknown }): string => (typeof i.termStart === 'string' ? i.termStart : '');
  const latest = [...mine].sort((a, b) => start(b).localeCompare(start(a)))[0];
  return (active ?? latest)?.id as string | undefined;
}
