// EXPLAIN (ANALYZE, BUFFERS) of the public registry's page and count (F-19) at 100 000 participants
// seeded as bench/registry.bench.mjs seeds them — with and without the indexes of ADR 0048, so the
// before/after is shown on the same data in the same run. Buffers and rows are what a plan costs
// whatever the machine's load; the milliseconds are not (ADR 0041).
//
//   node bench/lib/registry-explain.mjs        BENCH_PARTICIPANTS=100000
import pg from 'pg';
import { BenchFleet } from './fleet.mjs';
import { REGISTRY_SEED } from './registry-seed.mjs';

const N = Number(process.env.BENCH_PARTICIPANTS ?? 100_000);
const fleet = new BenchFleet();
try {
  const db = await fleet.database('registration');
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  await client.query(REGISTRY_SEED, [N]);
  await client.query('analyze registration_participant');
  const today = new Date().toISOString().slice(0, 10);
  const where = `listed_on is not null and activity_types @> $1::jsonb and not coalesce(end_kind = 'early' and ended_on <= $2::date, false) and valid_to >= $2::date`;
  const statements = [
    ['page 1 (keyset order, limit 21)', `select id, company_name, bin from registration_participant where ${where} order by company_name, bin, id limit 21`],
    ['the count', `select count(*)::text as n from registration_participant where ${where}`],
    // The export's cursor (ADR 0087): a cursor is planned for its first rows (cursor_tuple_fraction).
    [
      'the export (the cursor over all listed, registry order)',
      `declare registry_export no scroll cursor for select * from registration_participant where listed_on is not null order by company_name, bin, id`,
    ],
  ];
  const explain = async (label) => {
    for (const [what, sql] of statements) {
      const params = what.startsWith('the export') ? [] : [JSON.stringify([{ code: 'PH-01' }]), today];
      const plan = await client.query(`explain (${sql.startsWith('declare') ? 'costs' : 'analyze, buffers'}) ${sql}`, params);
      console.log(`--- ${label}: ${what}\n${plan.rows.map((r) => `  ${r['QUERY PLAN']}`).join('\n')}`);
    }
  };
  await client.query('begin');
  await client.query('drop index registration_participant_registry_idx');
  await client.query('drop index registration_participant_activity_types_idx');
  await explain('WITHOUT the registry indexes (before ADR 0048)');
  await client.query('rollback');
  await client.query('begin'); // a cursor is declared in a transaction
  await explain('WITH the registry indexes (ADR 0048)');
  await client.query('rollback');
  await client.end();
} finally {
  await fleet.close();
}
