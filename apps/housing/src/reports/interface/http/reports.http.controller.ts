import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { FUND_STAFF_ROLES, IsoDateSchema } from '@hub/contracts';
import { Endpoint, ValidQuery } from '@hub/nest-commons';
import { HousingReports } from '../../application/housing-reports.js';

const PeriodQuery = z
  .object({ from: IsoDateSchema, to: IsoDateSchema })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'the period ends before it starts' });
const ReportSchema = z.object({
  from: IsoDateSchema,
  to: IsoDateSchema,
  occupancy: z.array(
    z.object({
      buildingId: z.uuid(),
      buildingName: z.string(),
      townKatoCode: z.string(),
      beds: z.int(),
      bedDays: z.int(),
      occupiedBedDays: z.int(),
      occupancyPerMille: z.int(),
      moveIns: z.int(),
      moveOuts: z.int(),
    }),
  ),
  waitlist: z.array(z.object({ townKatoCode: z.string(), waiting: z.int(), longestWaitDays: z.int(), averageWaitDays: z.int() })),
  overdueVacating: z.int(),
});

/** Reports for the Fund's staff: occupancy and turnover by building and period, waitlist length and waiting times, overdue vacating. */
@Controller('reports')
export class ReportsHttpController {
  constructor(@Inject(HousingReports) private readonly reports: HousingReports) {}

  @Get('housing')
  @Endpoint({
    summary: 'Occupancy and turnover by building, waitlist by town, overdue vacating (F-61, F-62)',
    tags: ['reports'],
    access: [...FUND_STAFF_ROLES],
    query: PeriodQuery,
    response: ReportSchema,
  })
  report(@ValidQuery() q: z.infer<typeof PeriodQuery>) {
    return this.reports.report(q.from, q.to);
  }

  @Get('occupancy.csv')
  @Endpoint({
    summary: 'Occupancy and turnover by building for a period, as CSV',
    tags: ['reports'],
    access: [...FUND_STAFF_ROLES],
    query: PeriodQuery,
    produces: ['text/csv'],
  })
  async csv(@ValidQuery() q: z.infer<typeof PeriodQuery>, @Res() res: Response): Promise<void> {
    const r = await this.reports.report(q.from, q.to);
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader('content-disposition', `attachment; filename="housing-occupancy-${q.from}-${q.to}.csv"`)
      .send(HousingReports.csv(r));
  }
}
