import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '@hub/testing';
import { registrationOrmConfig } from '../../src/mikro-orm.config.js';
import { KZT_AMOUNTS_SQL } from '../../src/migrations/Migration20261201090000_money_in_tiyn.js';

/**
 * ADR 0036: Migration20261201090000_money_in_tiyn turns the KZT numbers stored in the application's
 * jsonb columns (F-9(2) tax debt, Annex 1 (8) cost estimate, Annex 1 (9) yearly revenues) into
 * integer tiyn digit for digit, points remarks and eligibility outcomes at the new field names,
 * restores everything with down(), and aborts — converting nothing — on an amount finer than a tiyn.
 * Rows are written in the shape the application had before the migration, on the real database.
 */
const BEFORE = 'Migration20261201071500_columns_instead_of_snapshot';
const MIGRATION = 'Migration20261201090000_money_in_tiyn';
const A = '018f0000-0000-7000-8000-0000000000a1';
const B = '018f0000-0000-7000-8000-0000000000b2';
const C = '018f0000-0000-7000-8000-0000000000c3';

const planKzt = {
  clients: 'Magnum',
  costEstimate: { totalKzt: 9_999_999_999_999.99, breakdown: 'payroll' },
  projects: [
    {
      activityTypeCode: 'PH-01',
      offering: {
        products: 'SaaS',
        yearlySales: [
          { year: 2027, volume: '300', revenueKzt: 1_234_567.89 },
          { year: 2028, volume: '400', revenueKzt: 0.1 },
        ],
      },
    },
    { activityTypeCode: 'PH-02', name: 'no offering yet' },
  ],
};
const planTiyn = {
  clients: 'Magnum',
  costEstimate: { totalTiyn: 999_999_999_999_999, breakdown: 'payroll' },
  projects: [
    {
      activityTypeCode: 'PH-01',
      offering: {
        products: 'SaaS',
        yearlySales: [
          { year: 2027, volume: '300', revenueTiyn: 123_456_789 },
          { year: 2028, volume: '400', revenueTiyn: 10 },
        ],
      },
    },
    { activityTypeCode: 'PH-02', name: 'no offering yet' },
  ],
};
const remarksKzt = [
  { id: 'r1', round: 1, field: 'taxCertificate.debtKzt', message: 'the certificate says 25950.01' },
  { id: 'r2', round: 1, field: 'businessPlan.projects.0.offering.yearlySales.1.revenueKzt', message: 'too low' },
  { id: 'r3', round: 1, field: 'businessPlan.clients', message: 'name them' },
];
const outcomesKzt = {
  eligible: false,
  ruleSetVersion: 'fund-rules-703/2025',
  outcomes: [
    { ruleId: 'F-9(2)/debt', outcome: 'failed', field: 'taxCertificate.debtKzt', message: 'the tax debt of 25950.01 KZT is above 6 × MCI of 2026 (25950 KZT)' },
  ],
};

let db: TestDatabase;
let orm: MikroORM;
const sql = <T>(q: string, params: unknown[] = []): Promise<T[]> => orm.em.fork().execute<T[]>(q, params);
const insert = (id: string, bin: string, taxCertificate: unknown, businessPlan: unknown, remarks: unknown = [], evaluation: unknown = null) =>
  sql(
    `insert into registration_application (id, kind, bin, company_name, status, language, address, activity_types, business_plan, tax_certificate, remarks, votes, eligibility_evaluation, created_by, history, version, created_at, updated_at)
     values (?, 'registration', ?, 'Money LLP', 'listed', 'en', 'Astana', '[]', ?::jsonb, ?::jsonb, ?::jsonb, '[]', ?::jsonb, 'rep-1', '[]', 1, now(), now())`,
    [id, bin, JSON.stringify(businessPlan), JSON.stringify(taxCertificate), JSON.stringify(remarks), JSON.stringify(evaluation)],
  );
const row = async (id: string) =>
  (
    await sql<{ tax_certificate: unknown; business_plan: unknown; remarks: unknown; eligibility_evaluation: unknown }>(
      `select tax_certificate, business_plan, remarks, eligibility_evaluation from registration_application where id = ?`,
      [id],
    )
  )[0]!;

beforeAll(async () => {
  const { clientUrl: _unused, ...ormOptions } = registrationOrmConfig('postgres://unused');
  db = await createTestDatabase('reg_money', {
    ...ormOptions,
    migrate: async (o) => {
      await o.migrator.up({ to: BEFORE });
    },
  });
  orm = db.orm;
  await insert(A, '180440000113', { number: 'TAX-1', issuedOn: '2026-11-12', debtKzt: 25_950.01 }, planKzt, remarksKzt, outcomesKzt);
  await insert(B, '180440000124', { issuedOn: '2026-11-12', debtKzt: 0 }, null); // a draft without a plan
}, 60_000);
afterAll(async () => {
  await db?.drop();
});

describe(MIGRATION, () => {
  it('ADR 0036, F-9(2), Annex 1 (8)/(9): KZT numbers become integer tiyn digit for digit, field names follow; down() restores the KZT numbers', async () => {
    await orm.migrator.up({ to: MIGRATION });
    const a = await row(A);
    expect(a.tax_certificate).toEqual({ number: 'TAX-1', issuedOn: '2026-11-12', debtTiyn: 2_595_001 });
    expect(a.business_plan).toEqual(planTiyn);
    expect(a.remarks).toEqual([
      { ...remarksKzt[0], field: 'taxCertificate.debtTiyn' },
      { ...remarksKzt[1], field: 'businessPlan.projects.0.offering.yearlySales.1.revenueTiyn' },
      remarksKzt[2],
    ]);
    expect(a.eligibility_evaluation).toEqual({ ...outcomesKzt, outcomes: [{ ...outcomesKzt.outcomes[0], field: 'taxCertificate.debtTiyn' }] });
    expect(await row(B)).toMatchObject({ tax_certificate: { issuedOn: '2026-11-12', debtTiyn: 0 }, business_plan: null });
    expect(await sql(KZT_AMOUNTS_SQL)).toEqual([]);
    const [types] = await sql<{ t: string }>(
      `select jsonb_typeof(tax_certificate->'debtTiyn') || '/' || (tax_certificate->>'debtTiyn') as t from registration_application where id = ?`,
      [A],
    );
    expect(types!.t).toBe('number/2595001'); // an integer, no decimals

    await orm.migrator.down({ to: BEFORE });
    const back = await row(A);
    expect(back.tax_certificate).toEqual({ number: 'TAX-1', issuedOn: '2026-11-12', debtKzt: 25_950.01 });
    expect(back.business_plan).toEqual(planKzt);
    expect(back.remarks).toEqual(remarksKzt);
    expect(back.eligibility_evaluation).toEqual(outcomesKzt);
    await orm.migrator.up({ to: MIGRATION });
  });

  it('ADR 0036: an amount finer than a tiyn aborts the migration and converts nothing (no rounding)', async () => {
    await orm.migrator.down({ to: BEFORE });
    await insert(C, '180440000135', { issuedOn: '2026-11-12', debtKzt: 0.005 }, { costEstimate: { totalKzt: 1 } });
    await expect(orm.migrator.up({ to: MIGRATION })).rejects.toThrow(
      /018f0000-0000-7000-8000-0000000000c3 holds taxCertificate\.debtKzt = 0\.005 KZT, not a whole number of tiyn/,
    );
    expect((await row(A)).tax_certificate).toEqual({ number: 'TAX-1', issuedOn: '2026-11-12', debtKzt: 25_950.01 });
    expect((await row(C)).business_plan).toEqual({ costEstimate: { totalKzt: 1 } });
    await sql(`delete from registration_application where id = ?`, [C]);
    await orm.migrator.up({ to: MIGRATION });
    expect((await row(A)).tax_certificate).toMatchObject({ debtTiyn: 2_595_001 });
  });
});
