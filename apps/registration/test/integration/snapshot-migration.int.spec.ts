import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '@hub/testing';
import { registrationOrmConfig } from '../../src/mikro-orm.config.js';
import { ApplicationSchema } from '../../src/registration/infrastructure/registration.schemas.js';

/**
 * ADR 0035: the migration from the private jsonb snapshot to real columns loses nothing. A row
 * written in the old shape (as the snapshot repository wrote it) is migrated and then read through
 * the new mapping: every field of the snapshot is in its column, dates as `date`, instants as
 * `timestamptz`; the old `data` stays, read-only.
 */
const snapshot = {
  id: '018f0000-0000-7000-8000-0000000000aa',
  kind: 'registration',
  bin: '180440000113',
  companyName: 'Old Shape LLP',
  address: 'Astana, Turan 1',
  language: 'en',
  status: 'listed',
  activityTypes: [{ code: 'PH-01', works: ['PH-01.1'] }],
  businessPlan: { clients: 'Magnum', projects: [{ activityTypeCode: 'PH-01' }] },
  taxCertificate: { number: 'TAX-1', issuedOn: '2026-11-12', debtKzt: 0 },
  placeOfBusiness: { address: 'Astana, Turan 1', proofKind: 'lease', documentRef: 'DOC-1' },
  eligibility: { isExcisePayer: false },
  eligibilityEvaluation: { eligible: true, ruleSetVersion: 'fund-rules-703/2025', outcomes: [] },
  participantId: '018f0000-0000-7000-8000-0000000000bb',
  filedAt: '2026-11-16T04:00:00.000Z',
  filedOn: '2026-11-16',
  lastSubmittedAt: '2026-11-18T05:00:00.000Z',
  remarks: [
    {
      id: 'r1',
      round: 1,
      field: 'businessPlan.clients',
      message: 'name them',
      issuedAt: '2026-11-17T04:00:00.000Z',
      issuedBy: 'officer-1',
      answer: 'Magnum',
      answeredAt: '2026-11-18T05:00:00.000Z',
    },
  ],
  sentToCommissionAt: '2026-11-19T04:00:00.000Z',
  votes: [{ member: 'member-1', vote: 'register', grounds: [], castAt: '2026-11-20T04:00:00.000Z' }],
  decision: {
    decision: 'register',
    grounds: [],
    protocolNumber: 'CP-2026-00001',
    decidedOn: '2026-11-20',
    recordedBy: 'secretary-1',
    votes: [{ member: 'member-1', vote: 'register', grounds: [], castAt: '2026-11-20T04:00:00.000Z' }],
  },
  notifiedAt: '2026-11-21T04:00:00.000Z',
  contract: { number: 'SC-1', signedOn: '2026-11-23', termStart: '2026-11-23', termEnd: '2027-11-22' },
  certificateNumber: 'AH-2026-00001',
  certificateIssuedOn: '2026-11-24',
  listedOn: '2026-11-25',
  createdBy: 'rep-1',
  createdAt: '2026-11-16T03:00:00.000Z',
  updatedAt: '2026-11-25T04:00:00.000Z',
  history: [{ at: '2026-11-16T03:00:00.000Z', from: null, to: 'draft', by: 'rep-1' }],
};

let db: TestDatabase;
let orm: MikroORM;
beforeAll(async () => {
  const { clientUrl: _unused, ...ormOptions } = registrationOrmConfig('postgres://unused');
  db = await createTestDatabase('reg_migration', {
    ...ormOptions,
    migrate: async (o) => {
      await o.migrator.up({ to: 'Migration20261122022244_one_open_application' });
      await o.em
        .fork()
        .execute(
          `insert into registration_application (id, kind, bin, company_name, status, language, filed_at, data, version, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, 3, ?, ?)`,
          [
            snapshot.id,
            snapshot.kind,
            snapshot.bin,
            snapshot.companyName,
            snapshot.status,
            snapshot.language,
            snapshot.filedAt,
            JSON.stringify(snapshot),
            snapshot.createdAt,
            snapshot.updatedAt,
          ],
        );
      await o.migrator.up();
    },
  });
  orm = db.orm;
}, 60_000);
afterAll(async () => {
  await db?.drop();
});

describe('Migration20261201071500_columns_instead_of_snapshot', () => {
  it('ADR 0035: every field of an old snapshot row is in its column after the migration, and reads back through the mapping', async () => {
    const app = await orm.em.fork().findOneOrFail(ApplicationSchema, { id: snapshot.id });
    expect(app).toMatchObject({
      kind: 'registration',
      bin: snapshot.bin,
      companyName: snapshot.companyName,
      address: snapshot.address,
      language: 'en',
      status: 'listed',
      activityTypes: snapshot.activityTypes,
      businessPlan: snapshot.businessPlan,
      taxCertificate: { number: 'TAX-1', issuedOn: '2026-11-12', debtTiyn: 0 }, // and in tiyn since Migration20261201090000_money_in_tiyn (ADR 0036)
      placeOfBusiness: snapshot.placeOfBusiness,
      eligibility: snapshot.eligibility,
      eligibilityEvaluation: snapshot.eligibilityEvaluation,
      participantId: snapshot.participantId,
      filedOn: '2026-11-16',
      remarks: snapshot.remarks,
      votes: snapshot.votes,
      decision: 'register',
      decisionGrounds: [],
      protocolNumber: 'CP-2026-00001',
      decidedOn: '2026-11-20',
      decisionRecordedBy: 'secretary-1',
      contractNumber: 'SC-1',
      contractSignedOn: '2026-11-23',
      termStart: '2026-11-23',
      termEnd: '2027-11-22',
      certificateNumber: 'AH-2026-00001',
      certificateIssuedOn: '2026-11-24',
      listedOn: '2026-11-25',
      createdBy: 'rep-1',
      history: snapshot.history,
      version: 3,
    });
    expect(app.filedAt?.toISOString()).toBe(snapshot.filedAt);
    expect(app.lastSubmittedAt?.toISOString()).toBe(snapshot.lastSubmittedAt);
    expect(app.sentToCommissionAt?.toISOString()).toBe(snapshot.sentToCommissionAt);
    expect(app.notifiedAt?.toISOString()).toBe(snapshot.notifiedAt);
    expect(app.decisionRecord).toEqual(snapshot.decision);
    expect(app.contract).toEqual(snapshot.contract);
  });

  it('ADR 0035: the columns have their real types, and the old snapshot is kept (nullable, read-only)', async () => {
    const columns = await orm.em
      .fork()
      .execute<{ column_name: string; data_type: string; is_nullable: string }[]>(
        `select column_name, data_type, is_nullable from information_schema.columns where table_name = 'registration_application' and column_name in ('filed_on', 'decided_on', 'term_end', 'listed_on', 'last_submitted_at', 'remarks', 'data')`,
      );
    const type = Object.fromEntries(columns.map((c) => [c.column_name, c.data_type]));
    expect(type).toEqual({
      filed_on: 'date',
      decided_on: 'date',
      term_end: 'date',
      listed_on: 'date',
      last_submitted_at: 'timestamp with time zone',
      remarks: 'jsonb',
      data: 'jsonb',
    });
    expect(columns.find((c) => c.column_name === 'data')!.is_nullable).toBe('YES');
    const [row] = await orm.em.fork().execute<{ data: { companyName: string } }[]>(`select data from registration_application where id = ?`, [snapshot.id]);
    expect(row!.data.companyName).toBe(snapshot.companyName);
  });
});
