import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #15, C-13 … C-18: the expert stage — the hand-over of compliant applications to the national
 * institute (C-13), the experts' opinions (C-14, C-15) on the application, the comparative assessment
 * and the hand-overs of the opinions to the organiser (C-17) and the Commission (C-18) on the round.
 */
export class Migration20261205200000_expert_stage extends Migration {
  override name = 'Migration20261205200000_expert_stage';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "clusters_application" add column "institute_due_on" date null, add column "institute_overdue" boolean not null default false, add column "sent_to_institute_at" timestamptz null, add column "institute_transfer_ref" varchar(200) null, add column "expert_opinion" jsonb null;`,
    );
    this.addSql(
      `alter table "clusters_round" add column "opinions_due_on" date null, add column "opinions_overdue" boolean not null default false, add column "comparative_assessment" jsonb null, add column "opinions_to_organiser_due_on" date null, add column "opinions_to_organiser_overdue" boolean not null default false, add column "opinions_at_organiser" jsonb null, add column "to_commission_due_on" date null, add column "to_commission_overdue" boolean not null default false, add column "opinions_at_commission" jsonb null;`,
    );
    this.addSql(
      `create index "clusters_application_institute_transfer_idx" on "clusters_application" ("institute_due_on") where "status" = 'compliant' and "sent_to_institute_at" is null;`,
    );
    this.addSql(
      `create index "clusters_round_expert_stage_idx" on "clusters_round" ("opinions_due_on") where "opinions_due_on" is not null and "opinions_at_commission" is null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "clusters_round_expert_stage_idx";`);
    this.addSql(`drop index if exists "clusters_application_institute_transfer_idx";`);
    this.addSql(
      `alter table "clusters_round" drop column "opinions_due_on", drop column "opinions_overdue", drop column "comparative_assessment", drop column "opinions_to_organiser_due_on", drop column "opinions_to_organiser_overdue", drop column "opinions_at_organiser", drop column "to_commission_due_on", drop column "to_commission_overdue", drop column "opinions_at_commission";`,
    );
    this.addSql(
      `alter table "clusters_application" drop column "institute_due_on", drop column "institute_overdue", drop column "sent_to_institute_at", drop column "institute_transfer_ref", drop column "expert_opinion";`,
    );
  }
}
