import { describe, expect, it } from 'vitest';
import { ManualClock } from '@hub/kernel';
import { type HousingReportSource, HousingReports } from './housing-reports.js';

const source: HousingReportSource = {
  occupancy: () =>
    Promise.resolve([{ buildingId: 'b', buildingName: 'Residence "A"', townKatoCode: '711210000', beds: 2, occupiedBedDays: 45, moveIns: 2, moveOuts: 1 }]),
  waitlist: () => Promise.resolve([{ townKatoCode: '711210000', waiting: 3, longestWaitDays: 10, averageWaitDays: 4 }]),
  overdueVacating: () => Promise.resolve(1),
};

describe('housing reports', () => {
  it('occupancy in integer per mille over the period’s bed-days; CSV quotes names', async () => {
    const r = await new HousingReports(source, new ManualClock(new Date('2026-11-16T04:00:00Z'))).report('2026-11-01', '2026-11-30');
    expect(r.occupancy[0]).toMatchObject({ bedDays: 60, occupancyPerMille: 750 });
    expect(HousingReports.csv(r).split('\n')[1]).toBe('b,"Residence ""A""",711210000,2,60,45,750,2,1');
  });
});
