import { Inject, Injectable } from '@nestjs/common';
import { type IsoDate, almatyDate } from '@hub/calendar';
import { Clock, ValidationError } from '@hub/kernel';

export interface OccupancyRow {
  readonly buildingId: string;
  readonly buildingName: string;
  readonly townKatoCode: string;
  readonly beds: number;
  /** Bed-days held by a contract (contracted, occupied, vacating, released) inside the period. */
  readonly occupiedBedDays: number;
  readonly bedDays: number;
  /** Occupancy in per mille (integer; 1000 = full), never a float. */
  readonly occupancyPerMille: number;
  readonly moveIns: number;
  readonly moveOuts: number;
}
export interface WaitlistRow {
  readonly townKatoCode: string;
  readonly waiting: number;
  readonly longestWaitDays: number;
  readonly averageWaitDays: number;
}
export interface HousingReport {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly occupancy: readonly OccupancyRow[];
  readonly waitlist: readonly WaitlistRow[];
  readonly overdueVacating: number;
}

/** Port: the figures, from the database (reads only). */
export abstract class HousingReportSource {
  abstract occupancy(from: IsoDate, to: IsoDate): Promise<Omit<OccupancyRow, 'bedDays' | 'occupancyPerMille'>[]>;
  abstract waitlist(today: IsoDate): Promise<WaitlistRow[]>;
  abstract overdueVacating(): Promise<number>;
}

const days = (from: IsoDate, to: IsoDate): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/** Occupancy and turnover by building and period, waitlist length and waiting times, overdue vacating (issue #14 reports). */
@Injectable()
export class HousingReports {
  constructor(
    @Inject(HousingReportSource) private readonly source: HousingReportSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async report(from: IsoDate, to: IsoDate): Promise<HousingReport> {
    if (to < from) throw ValidationError.field('to', 'the period ends before it starts');
    if (days(from, to) > 3660) throw ValidationError.field('to', 'a report covers at most ten years');
    const period = days(from, to);
    const occupancy = (await this.source.occupancy(from, to)).map((r) => {
      const bedDays = r.beds * period;
      return { ...r, bedDays, occupancyPerMille: bedDays === 0 ? 0 : Math.floor((r.occupiedBedDays * 1000) / bedDays) };
    });
    return { from, to, occupancy, waitlist: await this.source.waitlist(almatyDate(this.clock.now())), overdueVacating: await this.source.overdueVacating() };
  }

  static csv(r: HousingReport): string {
    const head = 'building_id,building_name,town_kato_code,beds,bed_days,occupied_bed_days,occupancy_per_mille,move_ins,move_outs';
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const rows = r.occupancy.map((o) =>
      [o.buildingId, quote(o.buildingName), o.townKatoCode, o.beds, o.bedDays, o.occupiedBedDays, o.occupancyPerMille, o.moveIns, o.moveOuts].join(','),
    );
    return [head, ...rows].join('\n') + '\n';
  }
}
