import { Controller, Get, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { z } from 'zod';
import {
  AnalyticsReportDto,
  BinSchema,
  IdParams,
  NonResidentsSchema,
  PiiAccessLogDto,
  QuarterParams,
  QuarterlyReportDto,
  ReportParams,
  SubmitQuarterlyReportBody,
  type Actor,
} from '@hub/contracts';
import { PARTICIPANT_FILE_READERS } from '../../../shared/application/access.js';
import { CurrentActor, Endpoint, ValidBody, ValidParams, ValidQuery } from '@hub/nest-commons';
import { GenerateAnalyticsCommand } from '../../application/commands/generate-analytics/generate-analytics.command.js';
import { ReadNonResidentsCommand } from '../../application/commands/read-non-residents/read-non-residents.command.js';
import { SubmitQuarterlyReportCommand } from '../../application/commands/submit-quarterly-report/submit-quarterly-report.command.js';
import { ReportingQueries } from '../../application/queries/reporting.queries.js';
import type { AnalyticsReport } from '../../domain/analytics-report.js';
import type { ArchivedAnalytics } from '../../application/ports/analytics-archive.ports.js';
import type { QuarterlyReport, ReportIndicators } from '../../domain/quarterly-report.aggregate.js';
import { tiyn, ZERO } from '@hub/kernel';

/** F-39 indicators in tiyn (ADR 0036); investments absent → 0. */
const indicatorsOf = (i: z.infer<typeof SubmitQuarterlyReportBody>['indicators']): ReportIndicators => ({
  revenueTiyn: tiyn(i.revenueTiyn, 'indicators.revenueTiyn'),
  exportRevenueTiyn: tiyn(i.exportRevenueTiyn, 'indicators.exportRevenueTiyn'),
  headcount: i.headcount,
  residentHeadcount: i.residentHeadcount,
  nonResidentHeadcount: i.nonResidentHeadcount,
  investmentsAttractedTiyn: i.investmentsAttractedTiyn === undefined ? ZERO : tiyn(i.investmentsAttractedTiyn, 'indicators.investmentsAttractedTiyn'),
});

const ReportIdParams = z.object({ reportId: z.uuid() });
const AccessLogQuery = z.object({ bin: BinSchema.optional() });

const reportDto = (r: QuarterlyReport): z.infer<typeof QuarterlyReportDto> => ({
  id: r.id,
  participationId: r.participationId,
  bin: r.bin,
  year: r.year,
  quarter: r.quarter,
  dueDate: r.dueDate,
  status: r.status,
  submittedAt: r.submittedAt?.toISOString() ?? null,
  nonResidentCount: r.nonResidentCount,
  familyMemberCount: r.familyMemberCount,
});

/** The report's current edition and (issue #10, ADR 0132) its issued copy in the Fund's archive, once archived. */
const analyticsDto = (a: AnalyticsReport, archived: ArchivedAnalytics | undefined): z.infer<typeof AnalyticsReportDto> => ({
  id: a.id,
  year: a.year,
  quarter: a.quarter,
  generatedAt: a.generatedAt.toISOString(),
  dueDate: a.dueDate,
  participants: a.participants,
  archived: archived ? { documentId: archived.documentId, sha256: archived.sha256, archivedAt: archived.archivedAt.toISOString() } : null,
});

/** Quarterly reports (F-37, F-39), non-residents (F-42) and analytics for the authorised body (F-41). */
@Controller()
export class ReportingController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ReportingQueries) private readonly queries: ReportingQueries,
  ) {}

  @Post('participations/:id/quarterly-reports/:year/:quarter')
  @HttpCode(200)
  @Endpoint({
    summary: 'F-37, F-39, F-42: submit the quarterly activity report with results analysis and the non-residents list',
    access: ['applicant', 'fund-officer'],
    params: ReportParams,
    body: SubmitQuarterlyReportBody,
    response: QuarterlyReportDto,
    status: 200,
    errors: [404, 409],
  })
  async submit(@CurrentActor() actor: Actor, @ValidParams() p: z.infer<typeof ReportParams>, @ValidBody() b: z.infer<typeof SubmitQuarterlyReportBody>) {
    return reportDto(
      await this.commands.execute(
        new SubmitQuarterlyReportCommand(actor, p.id, p.year, p.quarter, {
          resultsAnalysis: b.resultsAnalysis,
          indicators: indicatorsOf(b.indicators),
          nonResidents: b.nonResidents,
        }),
      ),
    );
  }

  @Get('participations/:id/quarterly-reports')
  @Endpoint({
    summary: 'F-37: the quarterly reports of a participation (no personal data)',
    access: PARTICIPANT_FILE_READERS,
    params: IdParams,
    response: z.array(QuarterlyReportDto),
    errors: [404],
  })
  async reports(@CurrentActor() actor: Actor, @ValidParams() p: z.infer<typeof IdParams>) {
    return (await this.queries.reportsOf(actor, p.id)).map(reportDto);
  }

  @Get('quarterly-reports/overdue')
  @Endpoint({
    summary: 'F-37, F-39, F-28(4): reports not submitted by the 20th of the month after the quarter',
    access: ['fund-officer'],
    response: z.array(QuarterlyReportDto),
  })
  async overdue() {
    return (await this.queries.overdue()).map(reportDto);
  }

  @Get('quarterly-reports/:reportId/non-residents')
  @Endpoint({
    summary: 'F-42: the non-residents of a report — restricted personal data; every read is logged',
    access: ['fund-officer', 'applicant'],
    params: ReportIdParams,
    response: NonResidentsSchema,
    errors: [404],
  })
  nonResidents(@CurrentActor() actor: Actor, @ValidParams() p: z.infer<typeof ReportIdParams>) {
    return this.commands.execute(new ReadNonResidentsCommand(actor, p.reportId));
  }

  @Get('pii-access-log')
  @Endpoint({
    summary: 'F-42: who read restricted personal data, when, for which company',
    access: ['fund-officer', 'auditor'],
    query: AccessLogQuery,
    response: z.array(PiiAccessLogDto),
  })
  async accessLog(@ValidQuery() q: z.infer<typeof AccessLogQuery>): Promise<z.infer<typeof PiiAccessLogDto>[]> {
    const rows = await this.queries.accessLog(q.bin);
    return rows.map((r) => ({
      id: r.id,
      actorSubject: r.actorSubject,
      actorRoles: [...r.actorRoles],
      bin: r.bin,
      reportId: r.reportId,
      what: r.what,
      correlationId: r.correlationId,
      accessedAt: r.accessedAt.toISOString(),
    }));
  }

  @Post('analytics/quarterly/:year/:quarter')
  @HttpCode(200)
  @Endpoint({
    summary: 'F-41: (re)generate the quarterly analytical information for the authorised body',
    access: ['fund-officer'],
    params: QuarterParams,
    response: AnalyticsReportDto,
    status: 200,
  })
  async generate(@ValidParams() p: z.infer<typeof QuarterParams>) {
    // A new edition: its archiving timer was written with it, so it is not archived yet (ADR 0132).
    return analyticsDto(await this.commands.execute(new GenerateAnalyticsCommand(p.year, p.quarter)), undefined);
  }

  @Get('analytics/quarterly/:year/:quarter')
  @Endpoint({
    summary: 'F-41: the quarterly analytical information (metadata)',
    access: ['fund-officer', 'authorised-body-analyst'],
    params: QuarterParams,
    response: AnalyticsReportDto,
    errors: [404],
  })
  async meta(@ValidParams() p: z.infer<typeof QuarterParams>) {
    const a = await this.queries.analytics(p.year, p.quarter);
    return analyticsDto(a, await this.queries.archivedAnalytics(a));
  }

  @Get('analytics/quarterly/:year/:quarter/report.csv')
  @Endpoint({
    summary: 'F-41: download as CSV',
    access: ['fund-officer', 'authorised-body-analyst'],
    params: QuarterParams,
    produces: ['text/csv'],
    errors: [404],
  })
  async csv(@ValidParams() p: z.infer<typeof QuarterParams>, @Res() res: Response): Promise<void> {
    const a = await this.queries.analytics(p.year, p.quarter);
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader('content-disposition', `attachment; filename="analytics-${a.year}-Q${a.quarter}.csv"`)
      .send(a.csv);
  }

  @Get('analytics/quarterly/:year/:quarter/report.md')
  @Endpoint({
    summary: 'F-41: download as a readable document (Markdown)',
    access: ['fund-officer', 'authorised-body-analyst'],
    params: QuarterParams,
    produces: ['text/markdown'],
    errors: [404],
  })
  async document(@ValidParams() p: z.infer<typeof QuarterParams>, @Res() res: Response): Promise<void> {
    const a = await this.queries.analytics(p.year, p.quarter);
    res
      .status(200)
      .type('text/markdown; charset=utf-8')
      .setHeader('content-disposition', `attachment; filename="analytics-${a.year}-Q${a.quarter}.md"`)
      .send(a.document);
  }
}
