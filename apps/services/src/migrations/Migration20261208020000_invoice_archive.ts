import { Migration } from '@mikro-orm/migrations';

/**
 * ADR 0067 / 0109 (issue #12): an invoice issued to a company (F-55) is rendered as a PDF and stored in
 * the Fund's archive of issued documents (the documents context). The invoice row is not touched: the
 * archive's answer is recorded beside it, once. A durable timer owes the copy of each invoice — also of
 * the companies' invoices issued before this migration (one timer each, due at once). An individual's
 * invoice is not issued as a document (ADR 0067 §5: documents keeps files per company).
 */
export class Migration20261208020000_invoice_archive extends Migration {
  override name = 'Migration20261208020000_invoice_archive';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "services_invoice_archive" (
         "invoice_id" uuid not null primary key references "services_invoice" ("id"),
         "document_id" uuid not null unique,
         "archived_at" timestamptz not null);`,
    );
    this.addSql(
      `insert into "hub_timer" ("id", "kind", "timer_key", "due_at", "payload", "status", "attempts", "created_at", "updated_at")
       select gen_random_uuid(), 'services.invoice-archive', i."id"::text, now(), jsonb_build_object('invoiceId', i."id"), 'scheduled', 0, now(), now()
         from "services_invoice" i where i."recipient_kind" = 'legal-entity'
       on conflict do nothing;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`delete from "hub_timer" where "kind" = 'services.invoice-archive';`);
    this.addSql(`drop table "services_invoice_archive";`);
  }
}
