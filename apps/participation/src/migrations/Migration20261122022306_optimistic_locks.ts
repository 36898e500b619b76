import { Migration } from '@mikro-orm/migrations';

export class Migration20261122022306_optimistic_locks extends Migration {
  override name = 'Migration20261122022306_optimistic_locks';

  override up(): void | Promise<void> {
    this.addSql(`alter table "audit_obligation" add "version" int not null default 1;`);

    this.addSql(`alter table "early_termination" add "version" int not null default 1;`);

    this.addSql(`alter table "participation_extension" add "version" int not null default 1;`);

    this.addSql(`alter table "membership_fee" add "version" int not null default 1;`);

    this.addSql(`alter table "information_request" add "version" int not null default 1;`);

    this.addSql(`alter table "quarterly_report" add "version" int not null default 1;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "audit_obligation" drop column "version";`);

    this.addSql(`alter table "early_termination" drop column "version";`);

    this.addSql(`alter table "information_request" drop column "version";`);

    this.addSql(`alter table "membership_fee" drop column "version";`);

    this.addSql(`alter table "participation_extension" drop column "version";`);

    this.addSql(`alter table "quarterly_report" drop column "version";`);
  }
}
