import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnitOfWork } from '@hub/nest-commons';
import { type Harness, type RegistryPage, body, startHarness } from '../support/registration-harness.js';
import { RegistrationQueries } from '../../src/registration/infrastructure/queries/registration.queries.js';
import { REGISTRY_ACTIVITY_SYNC } from '../../src/registration/infrastructure/registration.mikro-orm.repositories.js';
import { ParticipantSchema } from '../../src/registration/infrastructure/registration.schemas.js';

/**
 * Issue #17, ADR 0048: the public registry (F-19) read by keyset — every listed participant reachable
 * by `nextCursor`, once, in the registry's order — and the export streamed in batches from one
 * server-side cursor (ADR 0087), whole and in the same order. Figures at 100 000 are the
 * benchmark's (bench/registry.bench.mjs), never a timed test.
 */
let h: Harness;
const N = 1203;
beforeAll(async () => {
  h = await startHarness('reg_registry_scale', { start: '2026-11-16T04:00:00Z' });
  // Bulk SQL in the shape the repository writes (ADR 0041 §5); company names repeat so that the BIN
  // and the id break ties; some are terminated early, some extended; one in seven is not listed.
  await h.sql(
    `insert into registration_participant (id, bin, company_name, address, activity_types, registration_application_id,
       contract_number, contract_signed_on, term_start, term_end, certificate_number, certificate_issued_on, listed_on,
       version, created_at, updated_at, valid_to, extensions, ended_on, end_kind, end_ground, end_ground_number)
     select gen_random_uuid(), lpad((i % 1100)::text, 12, '0'), 'ТОО «Компания ' || (i % 97) || '»', 'Астана, ' || i,
       jsonb_build_array(jsonb_build_object('code', 'PH-0' || (1 + i % 6), 'name', 'Вид ' || (1 + i % 6), 'works', '[]'::jsonb)),
       gen_random_uuid(), 'C-' || i, date '2024-01-10', date '2024-01-10', date '2027-01-10', 'AH-S-' || i, date '2024-01-10',
       case when i % 7 = 0 then null else date '2024-01-12' end, 1, now(), now(), date '2027-01-10', '[]'::jsonb,
       case when i % 17 = 0 then date '2025-06-01' end, case when i % 17 = 0 then 'early' end,
       case when i % 17 = 0 then 'participant-request' end, case when i % 17 = 0 then 1 end
     from generate_series(1, ?::int) i`,
    [N + Math.floor(N / 6)],
  );
  // ADR 0125: and their rows per activity type, as the participant repository writes them.
  const ids = await h.sql<{ id: string }>(`select id from registration_participant`);
  await h.sql(REGISTRY_ACTIVITY_SYNC, [JSON.stringify(ids.map((r) => r.id))]);
});
afterAll(async () => {
  await h?.close();
});

type Page = RegistryPage & { nextCursor: string | null };
const page = (res: { body: unknown }) => body<Page>(res);

/** Walks every page by `nextCursor`; `totals` lists each page's `total` (ADR 0125: a number on the first, null after). */
async function walk(query: string): Promise<{ entries: Page['items']; pages: number; totals: (number | null)[] }> {
  const entries: Page['items'] = [];
  const totals: (number | null)[] = [];
  let after: string | null = null;
  let pages = 0;
  do {
    const res = await h.http().get(`/registry?${query}${after ? `&after=${after}` : ''}`);
    expect(res.status).toBe(200);
    entries.push(...page(res).items);
    totals.push(page(res).total);
    after = page(res).nextCursor;
    pages += 1;
  } while (after);
  return { entries, pages, totals };
}

const listedInOrder = (where = '') =>
  h.sql<{ certificate_number: string }>(
    `select certificate_number from registration_participant where listed_on is not null ${where} order by company_name, bin, id`,
  );

describe('the public registry at scale (ADR 0048)', () => {
  it('F-19: walking nextCursor reaches every listed participant once, in (company name, BIN, id) order; the first keyset page is page 1', async () => {
    const expected = (await listedInOrder()).map((r) => r.certificate_number);
    expect(expected.length).toBeGreaterThanOrEqual(N);
    const all = await walk('pageSize=200');
    expect(all.entries.map((e) => e.certificateNumber)).toEqual(expected);
    expect(all.pages).toBe(Math.ceil(expected.length / 200));
    // ADR 0125: the total on the first page only; the later pages are served without a count.
    expect(all.totals).toEqual([expected.length, ...Array<null>(all.pages - 1).fill(null)]);
    const first = await h.http().get('/registry?pageSize=200&page=1');
    const second = await h.http().get('/registry?pageSize=200&page=2');
    expect(page(first).items.map((e) => e.certificateNumber)).toEqual(expected.slice(0, 200));
    const afterFirst = await h.http().get(`/registry?pageSize=200&after=${page(first).nextCursor}`);
    expect(page(afterFirst).items.map((e) => e.certificateNumber)).toEqual(page(second).items.map((e) => e.certificateNumber));
  });

  it("F-19: a filter (activity type through its own rows, ADR 0125; status) selects before paging; the first page's total follows it", async () => {
    const expected = (await listedInOrder(`and activity_types @> '[{"code":"PH-03"}]'::jsonb`)).map((r) => r.certificate_number);
    const filtered = await walk('pageSize=50&activityType=PH-03');
    expect(filtered.entries.map((e) => e.certificateNumber)).toEqual(expected);
    expect(filtered.totals[0]).toBe(expected.length);
    expect(filtered.totals.slice(1).every((t) => t === null)).toBe(true);
    // By page number too: page 2 of the filter is the keyset page after page 1, without a total.
    const [p1, p2] = [await h.http().get('/registry?pageSize=50&activityType=PH-03'), await h.http().get('/registry?pageSize=50&activityType=PH-03&page=2')];
    expect(page(p2).items.map((e) => e.certificateNumber)).toEqual(expected.slice(50, 100));
    expect(page(p2).total).toBeNull();
    const byCursor = await h.http().get(`/registry?pageSize=50&activityType=PH-03&after=${page(p1).nextCursor}`);
    expect(page(byCursor).items).toEqual(page(p2).items);
    const activeOnes = await walk('pageSize=40&activityType=PH-05&status=active');
    expect(activeOnes.entries.map((e) => e.certificateNumber)).toEqual(
      (
        await listedInOrder(
          `and activity_types @> '[{"code":"PH-05"}]'::jsonb and not coalesce(end_kind = 'early' and ended_on <= date '2026-11-16', false) and valid_to >= date '2026-11-16'`,
        )
      ).map((r) => r.certificate_number),
    );
    const terminated = await walk('pageSize=30&status=terminated');
    expect(terminated.entries.length).toBeGreaterThan(30);
    expect(terminated.entries.every((e) => e.status === 'terminated' && e.termination !== null)).toBe(true);
  });

  it('F-19: the CSV and JSON exports are streamed in batches: every listed participant once, in order, with the header first', async () => {
    const expected = (await listedInOrder()).map((r) => r.certificate_number);
    const csv = await h.http().get('/registry/export?format=csv').buffer(true);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.at(-1)).toBe(''); // ends with a line break
    expect(lines[0]).toMatch(/^company_name,bin,activity_types,certificate_number,/);
    const certificates = lines.slice(1, -1).map((l) => /^"[^"]*","\d{12}","[^"]*","([^"]+)"/.exec(l)?.[1]);
    expect(certificates).toEqual(expected);
    const json = await h.http().get('/registry/export?format=json');
    expect(json.status).toBe(200);
    expect((JSON.parse(json.text) as { certificateNumber: string }[]).map((e) => e.certificateNumber)).toEqual(expected);
  });

  it('ADR 0087: the export reads one server-side cursor in batches — the same entries, field for field, as the pages show; a filter applies; an export left early ends its transaction', async () => {
    const paged = await walk('pageSize=200');
    const json = await h.http().get('/registry/export?format=json');
    expect(JSON.parse(json.text)).toEqual(paged.entries); // rows mapped from the cursor = entities the page loads

    const queries = h.app.get(RegistrationQueries);
    const sizes: number[] = [];
    const certificates: string[] = [];
    for await (const batch of queries.registryExport({ activityType: 'PH-02' }, 100)) {
      sizes.push(batch.length);
      certificates.push(...batch.map((e) => e.certificateNumber));
    }
    const expected = (await listedInOrder(`and activity_types @> '[{"code":"PH-02"}]'::jsonb`)).map((r) => r.certificate_number);
    expect(certificates).toEqual(expected);
    expect(sizes.length).toBe(Math.ceil(expected.length / 100)); // fetched 100 at a time
    expect(sizes.slice(0, -1).every((n) => n === 100)).toBe(true);

    // A client that goes away: the generator is returned after one batch; its transaction is over.
    const early = queries.registryExport({}, 100);
    expect((await early.next()).value).toHaveLength(100);
    await early.return(undefined);
    const [open] = await h.sql<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`,
    );
    expect(open?.n).toBe(0);
  });

  it('ADR 0144: the page built from plain rows shows, field for field, the entry of the aggregate the ORM loads — extended, expired and terminated early alike — in one "today"', async () => {
    // Some participants extended (Annex 3: the validity moves), some expired on the harness's day
    // (2026-11-16); their rows per activity type follow, as the repository writes them.
    const changed = await h.sql<{ id: string }>(
      `update registration_participant set
         extensions = case when bin::bigint % 5 = 1 then jsonb_build_array(jsonb_build_object('certificateNumber', 'EXT-' || certificate_number,
           'issuedOn', '2026-01-05', 'validFrom', '2027-01-11', 'validTo', '2028-01-10', 'decisionRef', 'confidential')) else extensions end,
         valid_to = case when bin::bigint % 5 = 1 then date '2028-01-10' else date '2026-11-15' end
       where listed_on is not null and bin::bigint % 5 in (1, 2) returning id`,
    );
    await h.sql(REGISTRY_ACTIVITY_SYNC, [JSON.stringify(changed.map((r) => r.id))]);
    const em = h.app.get(UnitOfWork).reader();
    const queries = h.app.get(RegistrationQueries);
    const aggregates = await em.find(ParticipantSchema, { listedOn: { $ne: null } }, { orderBy: { companyName: 'asc', bin: 'asc', id: 'asc' } });
    const expected = aggregates.map((p) => queries.registryEntry(p, '2026-11-16'));
    const statuses = new Set(expected.map((e) => e.status));
    expect([...statuses].sort()).toEqual(['active', 'expired', 'terminated']);
    expect(expected.some((e) => e.extensions.length === 1 && e.validTo === '2028-01-10')).toBe(true);
    // Unfiltered, by keyset and by page number; filtered by an activity type (its own rows) and status.
    expect((await walk('pageSize=100')).entries).toEqual(expected);
    const byNumber = page(await h.http().get('/registry?pageSize=100&page=3'));
    expect(byNumber.items).toEqual(expected.slice(200, 300));
    const pH4 = aggregates.filter((p) => p.activityTypes.some((t) => t.code === 'PH-04'));
    const expired = expected.filter((e, i) => e.status === 'expired' && pH4.includes(aggregates[i]!));
    expect(expired.length).toBeGreaterThan(0);
    expect((await walk('pageSize=25&activityType=PH-04&status=expired')).entries).toEqual(expired);
    const active = expected.filter((e, i) => e.status === 'active' && pH4.includes(aggregates[i]!));
    expect((await walk('pageSize=25&activityType=PH-04&status=active')).entries).toEqual(active);
    // Never a confidential detail of an extension (F-35): the decision reference is not shown.
    expect(JSON.stringify(byNumber)).not.toMatch(/confidential/);
  });

  it('a cursor the registry did not issue is bad input naming the field', async () => {
    const res = await h.http().get('/registry?after=bm9wZQ');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/query\.after/);
  });
});
