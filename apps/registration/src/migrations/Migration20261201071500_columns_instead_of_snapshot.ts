import { Migration } from '@mikro-orm/migrations';

/**
 * ADR 0035: the application aggregate is mapped to real columns instead of its private jsonb
 * snapshot (`data`). Every field of the snapshot moves to its column — civil dates to `date`,
 * instants to `timestamptz`, value-object collections to `jsonb` — so nothing is lost; `data` is
 * kept, read-only and nullable, until the next release (then dropped). The participant,
 * certificate and deadline dates go from varchar(10) to `date`; deadlines and translation tasks
 * get an optimistic lock.
 */
export class Migration20261201071500_columns_instead_of_snapshot extends Migration {
  override name = 'Migration20261201071500_columns_instead_of_snapshot';

  override up(): void | Promise<void> {
    this.addSql(`alter table "registration_application"
      add column "address" varchar(1000) null,
      add column "activity_types" jsonb null,
      add column "business_plan" jsonb null,
      add column "tax_certificate" jsonb null,
      add column "place_of_business" jsonb null,
      add column "eligibility" jsonb null,
      add column "eligibility_evaluation" jsonb null,
      add column "participant_id" uuid null,
      add column "filed_on" date null,
      add column "last_submitted_at" timestamptz null,
      add column "remarks" jsonb null,
      add column "sent_to_commission_at" timestamptz null,
      add column "votes" jsonb null,
      add column "decision" varchar(10) null,
      add column "decision_grounds" jsonb null,
      add column "protocol_number" varchar(20) null,
      add column "decided_on" date null,
      add column "decision_recorded_by" varchar(200) null,
      add column "notified_at" timestamptz null,
      add column "contract_number" varchar(100) null,
      add column "contract_signed_on" date null,
      add column "term_start" date null,
      add column "term_end" date null,
      add column "certificate_number" varchar(20) null,
      add column "certificate_issued_on" date null,
      add column "listed_on" date null,
      add column "created_by" varchar(200) null,
      add column "history" jsonb null;`);
    // JSON null (`'null'::jsonb`) becomes SQL NULL; `->>` already yields SQL NULL for it.
    this.addSql(`update "registration_application" set
      "address" = "data"->>'address',
      "activity_types" = coalesce(nullif("data"->'activityTypes', 'null'::jsonb), '[]'::jsonb),
      "business_plan" = nullif("data"->'businessPlan', 'null'::jsonb),
      "tax_certificate" = nullif("data"->'taxCertificate', 'null'::jsonb),
      "place_of_business" = nullif("data"->'placeOfBusiness', 'null'::jsonb),
      "eligibility" = nullif("data"->'eligibility', 'null'::jsonb),
      "eligibility_evaluation" = nullif("data"->'eligibilityEvaluation', 'null'::jsonb),
      "participant_id" = ("data"->>'participantId')::uuid,
      "filed_on" = ("data"->>'filedOn')::date,
      "last_submitted_at" = ("data"->>'lastSubmittedAt')::timestamptz,
      "remarks" = coalesce(nullif("data"->'remarks', 'null'::jsonb), '[]'::jsonb),
      "sent_to_commission_at" = ("data"->>'sentToCommissionAt')::timestamptz,
      "votes" = coalesce(nullif("data"->'votes', 'null'::jsonb), '[]'::jsonb),
      "decision" = "data"->'decision'->>'decision',
      "decision_grounds" = nullif("data"->'decision'->'grounds', 'null'::jsonb),
      "protocol_number" = "data"->'decision'->>'protocolNumber',
      "decided_on" = ("data"->'decision'->>'decidedOn')::date,
      "decision_recorded_by" = "data"->'decision'->>'recordedBy',
      "notified_at" = ("data"->>'notifiedAt')::timestamptz,
      "contract_number" = "data"->'contract'->>'number',
      "contract_signed_on" = ("data"->'contract'->>'signedOn')::date,
      "term_start" = ("data"->'contract'->>'termStart')::date,
      "term_end" = ("data"->'contract'->>'termEnd')::date,
      "certificate_number" = "data"->>'certificateNumber',
      "certificate_issued_on" = ("data"->>'certificateIssuedOn')::date,
      "listed_on" = ("data"->>'listedOn')::date,
      "created_by" = "data"->>'createdBy',
      "history" = coalesce(nullif("data"->'history', 'null'::jsonb), '[]'::jsonb);`);
    // The decision's votes are the application's votes (no vote is cast after a decision); the snapshot's copy stays in "data".
    this.addSql(`alter table "registration_application"
      alter column "address" set not null,
      alter column "activity_types" set not null,
      alter column "remarks" set not null,
      alter column "votes" set not null,
      alter column "created_by" set not null,
      alter column "history" set not null,
      alter column "data" drop not null;`);
    this.addSql(
      `comment on column "registration_application"."data" is 'DEPRECATED (ADR 0035): the pre-column snapshot, read-only, no longer written; drop in the next release';`,
    );

    this.addSql(`alter table "registration_participant"
      alter column "contract_signed_on" type date using "contract_signed_on"::date,
      alter column "term_start" type date using "term_start"::date,
      alter column "term_end" type date using "term_end"::date,
      alter column "certificate_issued_on" type date using "certificate_issued_on"::date,
      alter column "listed_on" type date using "listed_on"::date;`);
    this.addSql(`alter table "registration_certificate"
      alter column "issued_on" type date using "issued_on"::date,
      alter column "valid_from" type date using "valid_from"::date,
      alter column "valid_to" type date using "valid_to"::date;`);
    this.addSql(`alter table "registration_deadline"
      alter column "started_on" type date using "started_on"::date,
      alter column "due_date" type date using "due_date"::date,
      add column "version" int not null default 1;`);
    this.addSql(`alter table "registration_translation_task" add column "version" int not null default 1;`);
  }

  override down(): void | Promise<void> {
    // Back to the snapshot: rows written after the upgrade get their "data" rebuilt from the columns.
    this.addSql(`update "registration_application" set "data" = jsonb_build_object(
      'id', "id", 'kind', "kind", 'bin', "bin", 'companyName', "company_name", 'address', "address", 'language', "language", 'status', "status",
      'activityTypes', "activity_types", 'businessPlan', "business_plan", 'taxCertificate', "tax_certificate", 'placeOfBusiness', "place_of_business",
      'eligibility', "eligibility", 'eligibilityEvaluation', "eligibility_evaluation", 'participantId', "participant_id",
      'filedAt', to_jsonb("filed_at"), 'filedOn', "filed_on"::text, 'lastSubmittedAt', to_jsonb("last_submitted_at"), 'remarks', "remarks",
      'sentToCommissionAt', to_jsonb("sent_to_commission_at"), 'votes', "votes",
      'decision', case when "decision" is null then null else jsonb_build_object('decision', "decision", 'grounds', coalesce("decision_grounds", '[]'::jsonb), 'protocolNumber', "protocol_number", 'decidedOn', "decided_on"::text, 'recordedBy', "decision_recorded_by", 'votes', "votes") end,
      'notifiedAt', to_jsonb("notified_at"),
      'contract', case when "contract_number" is null then null else jsonb_build_object('number', "contract_number", 'signedOn', "contract_signed_on"::text, 'termStart', "term_start"::text, 'termEnd', "term_end"::text) end,
      'certificateNumber', "certificate_number", 'certificateIssuedOn', "certificate_issued_on"::text, 'listedOn', "listed_on"::text,
      'createdBy', "created_by", 'createdAt', to_jsonb("created_at"), 'updatedAt', to_jsonb("updated_at"), 'history', "history");`);
    this.addSql(`alter table "registration_application" alter column "data" set not null,
      drop column "address", drop column "activity_types", drop column "business_plan", drop column "tax_certificate", drop column "place_of_business",
      drop column "eligibility", drop column "eligibility_evaluation", drop column "participant_id", drop column "filed_on", drop column "last_submitted_at",
      drop column "remarks", drop column "sent_to_commission_at", drop column "votes", drop column "decision", drop column "decision_grounds",
      drop column "protocol_number", drop column "decided_on", drop column "decision_recorded_by", drop column "notified_at", drop column "contract_number",
      drop column "contract_signed_on", drop column "term_start", drop column "term_end", drop column "certificate_number", drop column "certificate_issued_on",
      drop column "listed_on", drop column "created_by", drop column "history";`);
    this.addSql(
      `alter table "registration_participant" alter column "contract_signed_on" type varchar(10), alter column "term_start" type varchar(10), alter column "term_end" type varchar(10), alter column "certificate_issued_on" type varchar(10), alter column "listed_on" type varchar(10);`,
    );
    this.addSql(
      `alter table "registration_certificate" alter column "issued_on" type varchar(10), alter column "valid_from" type varchar(10), alter column "valid_to" type varchar(10);`,
    );
    this.addSql(
      `alter table "registration_deadline" alter column "started_on" type varchar(10), alter column "due_date" type varchar(10), drop column "version";`,
    );
    this.addSql(`alter table "registration_translation_task" drop column "version";`);
  }
}
