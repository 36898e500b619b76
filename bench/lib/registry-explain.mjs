// EXPLAIN (ANALYZE, BUFFERS) of the public registry's page and count (F-19) at 100 000 participants
// seeded as bench/registry.bench.mjs seeds them — with and without the indexes of ADR 0048, so the
// before/after is shown on the same data in the same run. Buffers and rows are what a plan costs
// whatever the machine's load; the milliseconds are not (ADR 0041).
//
//   node bench/lib/registry-explain.mjs        BENCH_PARTICIPANTS=100000
import pg from 'pg';
import { BenchFleet } from './fleet.mjs';
import { REGISTRY_BY_ACTIVITY_WHERE, REGISTRY_ROWS_SEED, REGISTRY_SEED, registryPageSql } from './registry-seed.mjs';

const N = Number(process.env.BENCH_PARTICIPANTS ?? 100_000);
const fleet = new BenchFleet();
try {
  const db = await fleet.database('registration');
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  await client.query(REGISTRY_SEED, [N]);
  await client.query(REGISTRY_ROWS_SEED);
  await client.query('analyze registration_participant');
  // Vacuumed as autovacuum would have: the visibility map lets the count be an index-only scan.
  await client.query('vacuum (analyze) registration_registry_activity');
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
  // ADR 0125: the page the app sends now — one range scan of the per-activity-type rows' index —
  // page 1 and its count (first page only), then the keyset page after page 1 (no count).
  const page = (after) =>
    `select participant_id as id, company_name, bin from registration_registry_activity where ${REGISTRY_BY_ACTIVITY_WHERE}${after ? ' and (company_name, bin, participant_id) > ($3, $4, $5::uuid)' : ''} order by company_name, bin, participant_id limit 21`;
  const params = ['PH-01', today];
  const first = await client.query(page(false), params);
  const last = first.rows[19];
  for (const [what, sql, p] of [
    ['page 1 (limit 21)', page(false), params],
    ['the count (first page only)', `select count(*)::text as n from registration_registry_activity where ${REGISTRY_BY_ACTIVITY_WHERE}`, params],
    ['page 2 by keyset (after the 20th row of page 1)', page(true), [...params, last.company_name, last.bin, last.id]],
    [
      "the page's rows (21 ids; the second statement before ADR 0144)",
      'select * from registration_participant where id = any($1::uuid[])',
      [first.rows.map((r) => r.id)],
    ],
    ['ADR 0144: page 1 as ONE statement (keys joined to the shown columns)', registryPageSql(REGISTRY_BY_ACTIVITY_WHERE), params],
    ['ADR 0144: page 5 by number (offset 80), one statement', registryPageSql(REGISTRY_BY_ACTIVITY_WHERE, 80), params],
    [
      'ADR 0144: page 2 by keyset, one statement',
      registryPageSql(REGISTRY_BY_ACTIVITY_WHERE, 0, ' and (company_name, bin, participant_id) > ($3, $4, $5::uuid)'),
      [...params, last.company_name, last.bin, last.id],
    ],
  ]) {
    const plan = await client.query(`explain (analyze, buffers) ${sql}`, p);
    console.log(`--- ADR 0125, per-activity-type rows: ${what}\n${plan.rows.map((r) => `  ${r['QUERY PLAN']}`).join('\n')}`);
  }
  await client.end();
} finally {
  await fleet.close();
}
