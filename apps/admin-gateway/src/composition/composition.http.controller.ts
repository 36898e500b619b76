import { Controller, Get, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { type Actor, BinSchema, FUND_STAFF_ROLES, PARTICIPANT_FILE_ROLES, PageQuerySchema, type Role } from '@hub/contracts';
import { Clock, ForbiddenError } from '@hub/kernel';
import { CurrentActor, Endpoint, HUB_CONFIG, ValidParams, ValidQuery } from '@hub/nest-commons';
import { type Access, decideAccess } from '../access/access-rule.js';
import type { GatewayConfig } from '../config.js';
import { UpstreamClient } from '../upstreams/upstream-client.js';
import { BoardItemSchema, DeadlineSourceSchema, collectDeadlines } from './deadlines.js';
import { type Section, callerHeaders, fetchSection } from './sections.js';

/** Who may see a company's whole file: its own representatives and the Fund's people who read participant files (F-35). */
export const OVERVIEW_ACCESS: readonly Role[] = ['applicant', ...PARTICIPANT_FILE_ROLES];
/** Who sees the deadlines board: the Fund's staff (it is how the Fund keeps its own promises) — not applicants, not the authorised body's analyst. */
export const DEADLINES_ACCESS: readonly Role[] = FUND_STAFF_ROLES;

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
});
const BoardSchema = z.object({
  generatedAt: z.string(),
  overdueCount: z.number().int(),
  items: z.array(BoardItemSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
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
      collectDeadlines(this.upstreams, '', headers, t),
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
    // Filters apply here, not upstream: a context's query schema may not know them (ADR 0033).
    const { items, sources } = await collectDeadlines(this.upstreams, '', callerHeaders(req), this.config.HUB_GATEWAY_COMPOSE_TIMEOUT_MS);
    const filtered = items.filter(
      (i) =>
        (q.overdue === undefined || i.overdue === (q.overdue === 'true')) &&
        (q.context === undefined || i.context === q.context) &&
        (q.bin === undefined || i.bin === q.bin) &&
        (q.dueBefore === undefined || i.dueDate <= q.dueBefore),
    );
    const start = (q.page - 1) * q.pageSize;
    return {
      generatedAt: this.clock.now().toISOString(),
      overdueCount: filtered.filter((i) => i.overdue).length,
      items: filtered.slice(start, start + q.pageSize),
      page: q.page,
      pageSize: q.pageSize,
      total: filtered.length,
      sources: q.context ? sources.filter((s) => s.context === q.context) : sources,
    };
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
