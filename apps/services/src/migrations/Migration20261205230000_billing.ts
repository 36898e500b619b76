import { Migration } from '@mikro-orm/migrations';

/** Invoices, payments and delivery acts under service contracts (F-55) — ADR 0066. */
export class Migration20261205230000_billing extends Migration {
  override name = 'Migration20261205230000_billing';

  override up(): void | Promise<void> {
    // Numbers people quote on a payment order: SRV-<year>-<n>, ACT-<year>-<n>, from sequences (gaps allowed, never reused).
    this.addSql(`create sequence "services_invoice_number_seq";`);
    this.addSql(`create sequence "services_delivery_act_number_seq";`);
    this.addSql(
      `create table "services_invoice" ("id" uuid not null, "number" varchar(30) not null, "application_id" uuid not null references "services_application" ("id"), "contract_id" uuid not null, "recipient_kind" varchar(20) not null check ("recipient_kind" in ('legal-entity','individual')), "recipient_id" varchar(12) not null, "amount_tiyn" bigint not null check ("amount_tiyn" > 0), "paid_tiyn" bigint not null default 0, "purpose" varchar(500) not null, "issued_on" date not null, "due_on" date not null, "status" varchar(20) not null check ("status" in ('issued','paid','cancelled')), "overdue" boolean not null default false, "paid_on" date null, "cancel_reason" text null, "issued_by" varchar(200) not null, "version" int not null default 1, "updated_at" timestamptz not null, primary key ("id"), unique ("number"), check ("paid_tiyn" >= 0 and "paid_tiyn" <= "amount_tiyn"), check (("status" = 'paid') = ("paid_tiyn" = "amount_tiyn")), check ("due_on" >= "issued_on"));`,
    );
    this.addSql(`create index "services_invoice_application_idx" on "services_invoice" ("application_id");`);
    this.addSql(`create index "services_invoice_recipient_idx" on "services_invoice" ("recipient_id");`);
    this.addSql(`create index "services_invoice_open_due_idx" on "services_invoice" ("due_on", "id") where "status" = 'issued';`);
    this.addSql(
      `create table "services_invoice_payment" ("id" uuid not null, "invoice_id" uuid not null references "services_invoice" ("id"), "amount_tiyn" bigint not null check ("amount_tiyn" > 0), "paid_on" date not null, "reference" varchar(100) not null, "source" varchar(20) not null check ("source" in ('manual','bank-statement')), "import_id" uuid null, "recorded_by" varchar(200) not null, "recorded_at" timestamptz not null, primary key ("id"), unique ("reference"));`,
    );
    this.addSql(`create index "services_invoice_payment_invoice_idx" on "services_invoice_payment" ("invoice_id");`);
    this.addSql(
      `create table "services_delivery_act" ("id" uuid not null, "number" varchar(30) not null, "application_id" uuid not null references "services_application" ("id"), "contract_id" uuid not null, "recipient_kind" varchar(20) not null check ("recipient_kind" in ('legal-entity','individual')), "recipient_id" varchar(12) not null, "delivered_from" date not null, "delivered_to" date not null, "description" text not null, "issued_on" date not null, "status" varchar(20) not null check ("status" in ('issued','accepted','disputed')), "answered_on" date null, "answered_by" varchar(200) null, "dispute_reason" text null, "version" int not null default 1, "updated_at" timestamptz not null, primary key ("id"), unique ("number"), check ("delivered_to" >= "delivered_from"), check (("status" = 'disputed') = ("dispute_reason" is not null)));`,
    );
    this.addSql(`create index "services_delivery_act_application_idx" on "services_delivery_act" ("application_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "services_delivery_act" cascade;`);
    this.addSql(`drop table if exists "services_invoice_payment" cascade;`);
    this.addSql(`drop table if exists "services_invoice" cascade;`);
    this.addSql(`drop sequence if exists "services_delivery_act_number_seq";`);
    this.addSql(`drop sequence if exists "services_invoice_number_seq";`);
  }
}
