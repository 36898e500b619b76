import { Controller, Get, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { type Actor, BinSchema, PageQuerySchema, type Role } from '@hub/contracts';
import { Clock, ForbiddenError } from '@hub/kernel';
import { CurrentActor, Endpoint, HUB_CONFIG, ValidParams, ValidQuery } from '@hub/nest-commons';
import { type Access, decideAccess } from '../access/access-rule.js';
import type { GatewayConfig } from '../config.js';
import { UpstreamClient } from '../upstreams/upstream-client.js';
import { BoardItemSchema, DeadlineSourceSchema, collectDeadlines } from './deadlines.js';
import { callerHeaders, fetchSection } from './sections.js';

/** Who may see a company's whole file: its own representatives (F-35) and the staff who work on it. */
export const OVERVIEW_ACCESS: readonly Role[] = ['applicant', 'fund-officer', 'commission-member', 'commission-secretary', 'finance-officer', 'auditor'];
/** Who sees the deadlines board: the Fund's staff (it is how the Fund keeps its own promises). */
export const DEADLINES_ACCESS: readonly Role[] = ['fund-officer', 'commission-member', 'commission-secretary', 'finance-officer', 'housing-manager', 'training-officer', 'auditor'];

/**
 * The sections of the company overview: which context answers each, at which path (ADR 0033).
 * Each is called in parallel with the caller's own token; the contexts authorise again.
 */
export const OVERVIEW_SECTIONS = [
  { name: 'applications', upstream: 'registration', path: (bin: string) => `/applications?bin=${bin}` },
  { name: 'participation', upstream: 'participation', path: (bin: string) => `/participations/${bin}` },
  { name: 'fees', upstream: 'participation', path: (bin: string) => `/participations/${bin}/fees` },
  { name: 'reports', upstream: 'participation', path: (bin: string) => `/participations/${bin}/reports` },
] as const;

const ErrorSchema = z.object({ status: z.number().int(), title: z.string(), detail: z.string(), code: z.string().optional() });
const SectionSchema = z.union([
  z.object({ status: z.literal('ok'), upstream: z.string(), data: z.unknown() }),
  z.object({ status: z.literal('error'), upstream: z.string(), error: ErrorSchema }),
]);
const OverviewSchema = z.object({
  bin: z.string(),
  generatedAt: z.string(),
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
    description: 'Each section comes from its context, called in parallel with the caller\'s token; a context that fails gives that section an error object and the rest still renders. Applicants see only their own companies (F-35).',
    tags: ['composed'],
    access: OVERVIEW_ACCESS,
    params: BinParams,
    response: OverviewSchema,
  })
  async overview(@ValidParams() p: z.infer<typeof BinParams>, @CurrentActor() actor: Actor, @Req() req: Request): Promise<Overview> {
    requireAccess(OVERVIEW_ACCESS, actor, p.bin); // F-35
    const headers = callerHeaders(req);
    const t = this.config.HUB_GATEWAY_COMPOSE_TIMEOUT_MS;
    const [sections, deadlines] = await Promise.all([
      Promise.all(OVERVIEW_SECTIONS.map((s) => fetchSection(this.upstreams, s.upstream, s.path(p.bin), headers, t))),
      collectDeadlines(this.upstreams, `?bin=${p.bin}`, headers, t),
    ]);
    const [applications, participation, fees, reports] = sections as [(typeof sections)[number], (typeof sections)[number], (typeof sections)[number], (typeof sections)[number]];
    return {
      bin: p.bin,
      generatedAt: this.clock.now().toISOString(),
      // Deadlines of other companies never leak into this view, whatever a context sends back.
      sections: { applications, participation, fees, reports, deadlines: { ...deadlines, items: deadlines.items.filter((i) => i.bin === undefined || i.bin === p.bin) } },
    };
  }

  @Get('deadlines')
  @Endpoint({
    summary: 'Deadlines board: every open statutory deadline across contexts',
    description: "Merged from each context's GET /deadlines, sorted by due working day; `overdue` says whether the Fund (or a participant) is late. A context that is down is listed in `sources` with its error.",
    tags: ['composed'],
    access: DEADLINES_ACCESS,
    query: DeadlinesQuery,
    response: BoardSchema,
  })
  async deadlines(@ValidQuery() q: z.infer<typeof DeadlinesQuery>, @Req() req: Request): Promise<z.infer<typeof BoardSchema>> {
    const forwarded = new URLSearchParams();
    if (q.overdue) forwarded.set('overdue', q.overdue);
    if (q.bin) forwarded.set('bin', q.bin);
    const qs = forwarded.size ? `?${forwarded.toString()}` : '';
    const { items, sources } = await collectDeadlines(this.upstreams, qs, callerHeaders(req), this.config.HUB_GATEWAY_COMPOSE_TIMEOUT_MS);
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
