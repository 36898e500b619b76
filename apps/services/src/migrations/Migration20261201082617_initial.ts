import { Migration } from '@mikro-orm/migrations';

/** Services and pricing's first schema: catalogue, price list, calls, applications, the copy of participations, and the platform's outbox, inbox and timers (@hub/messaging). */
export class Migration20261201082617_initial extends Migration {
  override name = 'Migration20261201082617_initial';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "hub_inbox" ("consumer" varchar(200) not null, "event_id" uuid not null, "event_type" varchar(200) not null, "topic" varchar(200) not null, "partition" int not null, "offset" varchar(40) not null, "handled_at" timestamptz not null, primary key ("consumer", "event_id"));`,
    );
    this.addSql(
      `create table "hub_outbox" ("position" bigserial primary key, "event_id" uuid not null, "topic" varchar(200) not null, "message_key" varchar(200) not null, "event_type" varchar(200) not null, "event_version" int not null, "envelope" jsonb not null, "created_at" timestamptz not null, "published_at" timestamptz null, "attempts" int not null default 0, "last_error" text null);`,
    );
    this.addSql(`alter table "hub_outbox" add constraint "hub_outbox_event_id_unique" unique ("event_id");`);
    this.addSql(`create index "hub_outbox_unpublished_idx" on "hub_outbox" ("position") where "published_at" is null;`);
    this.addSql(
      `create table "hub_timer" ("id" uuid not null, "kind" varchar(200) not null, "timer_key" varchar(200) not null, "due_at" timestamptz not null, "payload" jsonb not null, "status" varchar(20) not null, "attempts" int not null default 0, "last_error" text null, "correlation_id" varchar(200) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "fired_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "hub_timer_due_idx" on "hub_timer" ("due_at") where "status" = 'scheduled';`);
    this.addSql(`create unique index "hub_timer_live_key_unique" on "hub_timer" ("kind", "timer_key") where "status" = 'scheduled';`);

    this.addSql(
      `create table "services_service" ("id" uuid not null, "code" varchar(60) not null, "title" varchar(300) not null, "direction" varchar(40) not null check ("direction" in ('acceleration','business-incubation','consultation','educational-event','investor-search')), "eligibility" varchar(40) not null check ("eligibility" in ('participants-only','anyone')), "required_sections" jsonb not null, "delivery" varchar(20) not null check ("delivery" in ('fund','third-party')), "version" int not null default 1, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "services_service" add constraint "services_service_code_unique" unique ("code");`);
    this.addSql(
      `create table "services_price_list_entry" ("id" uuid not null, "service_id" uuid not null references "services_service" ("id"), "effective_from" date not null, "participant_price_tiyn" bigint null check ("participant_price_tiyn" >= 0), "non_participant_price_tiyn" bigint null check ("non_participant_price_tiyn" >= 0), "document_ref" varchar(300) not null, "created_at" timestamptz not null, primary key ("id"), check ("participant_price_tiyn" is not null or "non_participant_price_tiyn" is not null));`,
    );
    this.addSql(`create unique index "services_price_list_entry_service_from_unique" on "services_price_list_entry" ("service_id", "effective_from");`);
    this.addSql(
      `create table "services_call" ("id" uuid not null, "service_id" uuid not null references "services_service" ("id"), "title" varchar(300) not null, "contract_conditions" text not null, "draft_contract" jsonb not null, "published_on" date not null, "intake_opens_on" date not null, "intake_closes_on" date not null, "review_working_days" int not null check ("review_working_days" >= 1), "version" int not null default 1, "created_at" timestamptz not null, primary key ("id"), check ("intake_closes_on" >= "intake_opens_on"));`,
    );
    this.addSql(
      `create table "services_application" ("id" uuid not null, "call_id" uuid not null references "services_call" ("id"), "service_id" uuid not null references "services_service" ("id"), "recipient_kind" varchar(20) not null check ("recipient_kind" in ('legal-entity','individual')), "recipient_id" varchar(12) not null, "filed_by" varchar(200) not null, "participant_at_filing" boolean not null, "language" varchar(2) not null check ("language" in ('kk','ru','en')), "translation_required" boolean not null, "declaration_accepted" boolean not null check ("declaration_accepted"), "content" jsonb not null, "status" varchar(20) not null, "remarks" jsonb not null, "filed_at" timestamptz not null, "review_due_on" date not null, "review_overdue" boolean not null, "refusal_ground" varchar(40) null, "refusal_reasons" text null, "decided_at" timestamptz null, "contract_id" uuid null, "contract_price_tiyn" bigint null check ("contract_price_tiyn" >= 0), "price_basis" varchar(20) null, "price_list_entry_id" uuid null references "services_price_list_entry" ("id"), "contract_signed_on" date null, "version" int not null default 1, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    // F-54: one live application per (call, recipient); a refused one does not count, so the recipient may apply again.
    this.addSql(`create unique index "services_application_live_unique" on "services_application" ("call_id", "recipient_id") where "status" <> 'refused';`);
    this.addSql(`create index "services_application_recipient_idx" on "services_application" ("recipient_id");`);

    this.addSql(
      `create table "services_participation" ("participation_id" uuid not null, "participant_id" uuid not null, "bin" varchar(12) not null, "term_start" date not null, "term_end" date not null, "ended_on" date null, "end_ground" varchar(60) null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("participation_id"));`,
    );
    this.addSql(`create index "services_participation_bin_idx" on "services_participation" ("bin");`);
  }

  override down(): void | Promise<void> {
    for (const t of [
      'services_participation',
      'services_application',
      'services_call',
      'services_price_list_entry',
      'services_service',
      'hub_inbox',
      'hub_outbox',
      'hub_timer',
    ]) {
      this.addSql(`drop table if exists "${t}" cascade;`);
    }
  }
}
