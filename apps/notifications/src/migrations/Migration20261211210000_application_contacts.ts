import { Migration } from '@mikro-orm/migrations';

/**
 * ADR 0121 (ADR 0114 §1's middle source): registration's application contact — from
 * `registration.application-submitted` v1: the company, the application's language (F-10) and the portal
 * subject of the person who filed it (F-8), the latter only as @hub/pii ciphertext bound to the
 * application (F-42; null without a key ring or in an older event).
 */
export class Migration20261211210000_application_contacts extends Migration {
  override name = 'Migration20261211210000_application_contacts';

  override up(): void | Promise<void> {
    this.addSql(`create table "notifications_application_contact" (
      "application_id" uuid not null primary key,
      "bin" varchar(12) not null,
      "language" varchar(2) not null check ("language" in ('kk', 'ru', 'en')),
      "filed_by_cipher" text null,
      "updated_at" timestamptz not null,
      "version" int not null default 1
    );`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "notifications_application_contact";`);
  }
}
