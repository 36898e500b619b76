import { Migration } from '@mikro-orm/migrations';

/**
 * ADR 0123 (issue #12, F-55, F-56): the payer's name as the contract names it, captured when the contract
 * is signed and printed on its invoices. A legal entity's name or an individual's (F-42 personal data):
 * kept as `@hub/pii` ciphertext bound to the application id, re-encrypted by `pii:reencrypt`. Contracts
 * signed before stay without it (their invoices print the BIN alone).
 */
export class Migration20261211400000_contract_payer_name extends Migration {
  override name = 'Migration20261211400000_contract_payer_name';

  override up(): void | Promise<void> {
    this.addSql(`alter table "services_application" add column "contract_payer_name_cipher" text null;`);
    this.addSql(
      `alter table "services_application" add constraint "services_application_payer_name_on_contract"
         check ("contract_payer_name_cipher" is null or "contract_id" is not null);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "services_application" drop constraint "services_application_payer_name_on_contract";`);
    this.addSql(`alter table "services_application" drop column "contract_payer_name_cipher";`);
  }
}
