import { Migration } from '@mikro-orm/migrations';

/** Issue #15, C-19 … C-21: the Commission's protocol, the winners and the publication of the results on the round. */
export class Migration20261205173000_results extends Migration {
  override name = 'Migration20261205173000_results';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "clusters_round" add column "protocol" jsonb null, add column "winners" jsonb not null default '[]', add column "publication_due_on" date null, add column "publication_overdue" boolean not null default false, add column "results_published_at" timestamptz null;`,
    );
    this.addSql(`create index "clusters_round_awaiting_publication_idx" on "clusters_round" ("publication_due_on") where "status" = 'winners-decided';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "clusters_round_awaiting_publication_idx";`);
    this.addSql(
      `alter table "clusters_round" drop column "protocol", drop column "winners", drop column "publication_due_on", drop column "publication_overdue", drop column "results_published_at";`,
    );
  }
}
