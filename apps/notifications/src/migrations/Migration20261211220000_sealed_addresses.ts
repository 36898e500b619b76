import { Migration } from '@mikro-orm/migrations';

/**
 * F-42, ADR 0121: an e-mail row's address and a company's mailbox are personal data — kept as @hub/pii
 * ciphertext (`address_cipher`, `email_cipher`, each bound to its row) when notifications has a key ring;
 * the staff log reads the masked form stored beside it (`address_masked`, e.g. `d***@alatau.kz`), never the
 * address. An e-mail row has its address in clear or sealed (exactly one). The rows already in clear are sealed by the app at start (`Addresses.sealStored`), which then
 * clears the clear column; without a key ring nothing changes.
 */
export class Migration20261211220000_sealed_addresses extends Migration {
  override name = 'Migration20261211220000_sealed_addresses';

  override up(): void | Promise<void> {
    this.addSql(`alter table "notifications_message" add column "address_cipher" text null, add column "address_masked" varchar(330) null;`);
    // an e-mail row has its address in clear or sealed, never both and never neither; a portal row none
    this.addSql(`alter table "notifications_message" drop constraint "notifications_message_address_check";`);
    this.addSql(
      `alter table "notifications_message" add constraint "notifications_message_address_check" check (("channel" = 'email') = (("address" is not null) <> ("address_cipher" is not null)) and ("channel" = 'email' or ("address" is null and "address_cipher" is null)));`,
    );
    this.addSql(`alter table "notifications_recipient_preference" add column "email_cipher" text null;`);
    // the masked form of the rows written before (the log shows it; no address is needed for that)
    this.addSql(
      `update "notifications_message" set "address_masked" = left("address", 1) || '***' || substring("address" from '@[^@]*$') where "address" is not null and position('@' in "address") > 1;`,
    );
    this.addSql(`update "notifications_message" set "address_masked" = '***' where "address" is not null and "address_masked" is null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "notifications_recipient_preference" drop column if exists "email_cipher";`);
    this.addSql(`alter table "notifications_message" drop constraint if exists "notifications_message_address_check";`);
    this.addSql(`alter table "notifications_message" drop column if exists "address_masked", drop column if exists "address_cipher";`);
    this.addSql(
      `alter table "notifications_message" add constraint "notifications_message_address_check" check (("channel" = 'email') = ("address" is not null)) not valid;`,
    );
  }
}
