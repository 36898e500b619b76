import { Inject, Injectable } from '@nestjs/common';
import type { IsoDate } from '@hub/calendar';
import { UnitOfWork } from '@hub/nest-commons';
import { HousingReportSource, type OccupancyRow, type WaitlistRow } from '../application/housing-reports.js';

const CONTRACTED = `('contracted','occupied','vacating','released')`;

/** The report's figures in SQL on a fresh reader (no transaction). Date arithmetic in PostgreSQL: `date - date` is whole days. */
@Injectable()
export class SqlHousingReportSource extends HousingReportSource {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }

  async occupancy(from: IsoDate, to: IsoDate): Promise<Omit<OccupancyRow, 'bedDays' | 'occupancyPerMille'>[]> {
    const rows = await this.uow
      .reader()
      .execute<{ id: string; name: string; town: string; beds: number; occupied: number; move_ins: number; move_outs: number }[]>(
        `select b.id, b.name, b.town_kato_code as town,
         coalesce((select sum(jsonb_array_length(r->'beds')) from housing_unit u cross join jsonb_array_elements(u.rooms) r where u.building_id = b.id and u.kind = 'dwelling'), 0)::int as beds,
         coalesce((select sum(greatest(0, least(coalesce(a.released_on, ?::date + 1), ?::date + 1) - greatest(a.starts_on, ?::date))) from housing_allocation a where a.building_id = b.id and a.status in ${CONTRACTED}), 0)::int as occupied,
         (select count(*) from housing_allocation a where a.building_id = b.id and a.status in ${CONTRACTED} and a.starts_on between ? and ?)::int as move_ins,
         (select count(*) from housing_allocation a where a.building_id = b.id and a.status = 'released' and a.released_on between ? and ?)::int as move_outs
       from housing_building b order by b.name, b.id`,
        [to, to, from, from, to, from, to],
      );
    return rows.map((r) => ({
      buildingId: r.id,
      buildingName: r.name,
      townKatoCode: r.town,
      beds: r.beds,
      occupiedBedDays: r.occupied,
      moveIns: r.move_ins,
      moveOuts: r.move_outs,
    }));
  }

  async waitlist(today: IsoDate): Promise<WaitlistRow[]> {
    const rows = await this.uow.reader().execute<{ town: string; waiting: number; longest: number; average: number }[]>(
      `select town_kato_code as town, count(*)::int as waiting,
         max(?::date - (requested_at at time zone 'Asia/Almaty')::date)::int as longest,
         floor(avg(?::date - (requested_at at time zone 'Asia/Almaty')::date))::int as average
       from housing_case where status = 'waiting' group by town_kato_code order by town_kato_code`,
      [today, today],
    );
    return rows.map((r) => ({ townKatoCode: r.town, waiting: r.waiting, longestWaitDays: r.longest, averageWaitDays: r.average }));
  }

  async overdueVacating(): Promise<number> {
    const [row] = await this.uow
      .reader()
      .execute<{ n: number }[]>(`select count(*)::int as n from housing_allocation where status = 'vacating' and vacate_overdue`);
    return row?.n ?? 0;
  }
}
