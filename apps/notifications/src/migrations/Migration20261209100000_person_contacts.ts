import { Migration } from '@mikro-orm/migrations';

/**
 * ADR 0114: a person's contact learnt from the identity provider's claims (e-mail sealed with @hub/pii —
 * F-42, never in clear —, the language of the `locale` claim, companies and roles of the verified token,
 * when first learnt and last changed) and the person's own choices (a language; reminders by e-mail).
 */
export class Migration20261209100000_person_contacts extends Migration {
  override name = 'Migration20261209100000_person_contacts';

  override up(): void | Promise<void> {
    this.addSql(`create table "notifications_person_contact" (
      "subject" varchar(200) not null primary key,
      "email_cipher" text null,
      "claimed_language" varchar(2) null check ("claimed_language" in ('kk', 'ru', 'en')),
      "chosen_language" varchar(2) null check ("chosen_language" in ('kk', 'ru', 'en')),
      "email_reminders" boolean not null default true,
      "companies" jsonb not null default '[]',
      "roles" jsonb not null default '[]',
      "learnt_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "version" int not null default 1
    );`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "notifications_person_contact";`);
  }
}
