import { Module } from '@nestjs/common';
import { HousingReportSource, HousingReports } from './application/housing-reports.js';
import { SqlHousingReportSource } from './infrastructure/housing-report.sql-source.js';
import { ReportsHttpController } from './interface/http/reports.http.controller.js';

/** Reports (issue #14): reads only. */
@Module({
  controllers: [ReportsHttpController],
  providers: [{ provide: HousingReportSource, useClass: SqlHousingReportSource }, HousingReports],
})
export class ReportsModule {}
