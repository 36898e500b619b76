// The public registry's participants for the benchmarks (ADR 0041 §5): shared by registry.bench.mjs and
// lib/registry-explain.mjs.
// What ParticipantSchema rows look like after F-18/F-19 (listed), F-25 (an extension) and F-28 (early end).
export const REGISTRY_SEED = `
insert into registration_participant (id, bin, company_name, address, activity_types, registration_application_id,
  contract_number, contract_signed_on, term_start, term_end, certificate_number, certificate_issued_on, listed_on,
  version, created_at, updated_at, valid_to, extensions, ended_on, end_kind, end_ground, end_ground_number)
select gen_random_uuid(), lpad(i::text, 12, '0'),
  (array['ТОО','АО','ТОО «Astana','LLP'])[1 + i % 4] || ' Компания ' || md5(i::text),
  'Астана, ул. Бенч, ' || i,
  jsonb_build_array(jsonb_build_object('code', 'PH-0' || (1 + i % 6), 'name', 'Вид ' || (1 + i % 6), 'works', '[]'::jsonb)),
  gen_random_uuid(), 'C-' || i, date '2024-01-10' + (i % 700), date '2024-01-10' + (i % 700), date '2027-01-10' + (i % 700),
  'AH-B-' || i, date '2024-01-10' + (i % 700), date '2024-01-10' + (i % 700),
  1, now(), now(),
  case when i % 10 = 0 then date '2030-01-10' + (i % 700) else date '2027-01-10' + (i % 700) - (i % 3) * 800 end,
  case when i % 10 = 0 then jsonb_build_array(jsonb_build_object('extensionId', gen_random_uuid(), 'certificateNumber', 'AH-X-' || i,
    'issuedOn', '2026-01-10', 'validFrom', '2027-01-10', 'validTo', '2030-01-10')) else '[]'::jsonb end,
  case when i % 17 = 0 then date '2025-06-01' + (i % 100) end,
  case when i % 17 = 0 then 'early' end,
  case when i % 17 = 0 then 'participant-request' end,
  case when i % 17 = 0 then 1 end
from generate_series(1, $1::int) i`;

// ADR 0125: the registry's rows per (participant, activity type), as registration's participant
// repository writes them with each participant (and the migration backfills them): run after
// REGISTRY_SEED.
export const REGISTRY_ROWS_SEED = `
insert into registration_registry_activity (participant_id, code, company_name, bin, certificate_number, listed, valid_to, ended_on, end_kind)
select distinct on (p.id, t->>'code') p.id, t->>'code', p.company_name, p.bin, p.certificate_number, p.listed_on is not null, p.valid_to, p.ended_on, p.end_kind
  from registration_participant p cross join lateral jsonb_array_elements(p.activity_types) t
 where t->>'code' is not null`;

// The filtered registry page as the app sends it since ADR 0125 ($1 activity type, $2 today):
// active participants of one activity type, in registry order.
export const REGISTRY_BY_ACTIVITY_WHERE = `code = $1 and listed and not coalesce(end_kind = 'early' and ended_on <= $2::date, false) and valid_to >= $2::date`;

/**
 * The registry page's one statement since ADR 0144 (as `RegistrationQueries.registrySlice` builds it
 * for an activity type): the page's keys from the per-activity-type rows, joined to the participant
 * columns an entry shows. `where` over `registration_registry_activity`, `extra` appended to it (a keyset).
 */
export const registryPageSql = (where, offset = 0, extra = '') =>
  `select k.id as key_id, k.company_name as key_name, k.bin as key_bin, p.company_name, p.bin, p.activity_types, p.certificate_number,
          p.term_start::text as term_start, p.valid_to::text as valid_to, p.listed_on::text as listed_on, p.extensions,
          p.ended_on::text as ended_on, p.end_kind, p.end_ground, p.end_ground_number
     from (select participant_id as id, company_name, bin from registration_registry_activity where ${where}${extra}
            order by company_name, bin, participant_id limit 21${offset ? ` offset ${offset}` : ''}) k
     join registration_participant p on p.id = k.id
    order by k.company_name, k.bin, k.id`;
