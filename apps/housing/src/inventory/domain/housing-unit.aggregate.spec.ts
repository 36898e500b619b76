import { describe, expect, it } from 'vitest';
import { ValidationError } from '@hub/kernel';
import { HousingUnit } from './housing-unit.aggregate.js';

const at = new Date('2026-11-16T04:00:00Z');
const base = { id: '0194f3a0-0000-7000-8000-000000000001', buildingId: '0194f3a0-0000-7000-8000-000000000002', townKatoCode: '711210000', code: 'A-1', at };

describe('HousingUnit (inventory)', () => {
  it('a dwelling lists its beds as <room>/<bed> and refuses a room without beds', () => {
    const u = HousingUnit.register({
      ...base,
      kind: 'dwelling',
      rooms: [
        { code: '1', beds: ['a', 'b'] },
        { code: '2', beds: ['a'] },
      ],
    });
    expect(u.places()).toEqual(['1/a', '1/b', '2/a']);
    expect(() => HousingUnit.register({ ...base, kind: 'dwelling', rooms: [{ code: '1', beds: [] }] })).toThrow(ValidationError);
  });

  it('F-57: premises have a kind and an exact decimal area (a string, never a float)', () => {
    const p = HousingUnit.register({ ...base, kind: 'premises', premisesKind: 'production', areaM2: '120.50' });
    expect([p.areaM2, p.places()]).toEqual(['120.50', ['*']]);
    expect(() => HousingUnit.register({ ...base, kind: 'premises', premisesKind: 'production', areaM2: '1.005' })).toThrow(/areaM2|area/);
    expect(() => HousingUnit.register({ ...base, kind: 'premises', areaM2: '10' })).toThrow(ValidationError);
  });

  it('out-of-service periods: in service outside them, overlapping periods refused', () => {
    const u = HousingUnit.register({ ...base, kind: 'dwelling', rooms: [{ code: '1', beds: ['a'] }] });
    u.takeOutOfService({ from: '2026-12-01', to: '2026-12-10', reason: 'repair' }, at);
    expect([u.isInServiceOn('2026-11-30'), u.isInServiceOn('2026-12-01'), u.isInServiceOn('2026-12-10'), u.isInServiceOn('2026-12-11')]).toEqual([
      true,
      false,
      false,
      true,
    ]);
    expect(() => u.takeOutOfService({ from: '2026-12-10', to: '2026-12-12', reason: 'again' }, at)).toThrow(ValidationError);
  });
});
