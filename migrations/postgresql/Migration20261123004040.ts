import { Migration } from '@mikro-orm/migrations';

export class Migration20261123004040 extends Migration {

  override name = 'Migration20261123004040';

  override up(): void | Promise<void> {
    this.addSql(`create table "agreement" ("id" uuid not null, "organisation_id" uuid not null, "status" text not null default 'draft', "current_version" int not null default 1, "cycle" int not null default 0, "start_date" varchar(10) null, "review_due_on" varchar(10) null, "early_review" boolean not null default false, "last_outcome" text null, "status_version" int not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "agreement_organisation_id_index" on "agreement" ("organisation_id");`);
    this.addSql(`create index "agreement_status_index" on "agreement" ("status");`);
    this.addSql(`create index "agreement_review_due_on_index" on "agreement" ("review_due_on");`);

    this.addSql(`create table "agreement_review" ("id" serial primary key, "agreement_id" uuid not null, "cycle" int not null, "early" boolean not null default false, "answers" jsonb not null, "organisation_answers" jsonb null, "outcome" text null, "reviewed_by" varchar(200) null, "completed_at" timestamptz null);`);
    this.addSql(`create index "agreement_review_agreement_id_index" on "agreement_review" ("agreement_id");`);
    this.addSql(`alter table "agreement_review" add constraint "agreement_review_agreement_id_cycle_unique" unique ("agreement_id", "cycle");`);

    this.addSql(`create table "agreement_version" ("id" serial primary key, "agreement_id" uuid not null, "version" int not null, "service_unit_ids" jsonb not null, "activity_type_ids" jsonb not null, "municipal_contact_name" varchar(200) not null, "municipal_contact_email" varchar(254) not null, "start_date" varchar(10) not null, "quality_system_ref" varchar(200) null, "sections" jsonb not null, "created_by" varchar(200) not null, "created_at" timestamptz not null, "signed_by" varchar(200) null, "signed_on" varchar(10) null);`);
    this.addSql(`alter table "agreement_version" add constraint "agreement_version_agreement_id_version_unique" unique ("agreement_id", "version");`);

    this.addSql(`create table "organisation" ("id" uuid not null, "name" varchar(200) not null, "organisation_number" varchar(9) not null, "registered_in_frivillighetsregisteret" boolean not null, "contact_name" varchar(200) not null, "contact_email" varchar(254) not null, "contact_phone" varchar(40) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "organisation" add constraint "organisation_organisation_number_unique" unique ("organisation_number");`);

    this.addSql(`alter table "audit_entry" add "agreement_id" uuid null;`);
    this.addSql(`alter table "audit_entry" alter column "volunteer_id" drop not null;`);
    this.addSql(`create index "audit_entry_agreement_id_index" on "audit_entry" ("agreement_id");`);

    this.addSql(`alter table "deviation" add "agreement_id" uuid null;`);
    this.addSql(`create index "deviation_agreement_id_index" on "deviation" ("agreement_id");`);

    this.addSql(`alter table "outbox_email" add "agreement_id" uuid null;`);
    this.addSql(`create index "outbox_email_agreement_id_index" on "outbox_email" ("agreement_id");`);

    this.addSql(`alter table "agreement" add constraint "agreement_status_check" check ("status" in ('draft', 'active', 'reviewDue', 'underReview', 'terminated'));`);
    this.addSql(`alter table "agreement" add constraint "agreement_last_outcome_check" check ("last_outcome" in ('continued', 'revised', 'terminated'));`);

    this.addSql(`alter table "agreement_review" add constraint "agreement_review_outcome_check" check ("outcome" in ('continued', 'revised', 'terminated'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "agreement" cascade;`);
    this.addSql(`drop table if exists "agreement_review" cascade;`);
    this.addSql(`drop table if exists "agreement_version" cascade;`);
    this.addSql(`drop table if exists "organisation" cascade;`);

    this.addSql(`drop index "audit_entry_agreement_id_index";`);
    this.addSql(`alter table "audit_entry" drop column "agreement_id";`);
    this.addSql(`alter table "audit_entry" alter column "volunteer_id" set not null;`);

    this.addSql(`drop index "deviation_agreement_id_index";`);
    this.addSql(`alter table "deviation" drop column "agreement_id";`);

    this.addSql(`drop index "outbox_email_agreement_id_index";`);
    this.addSql(`alter table "outbox_email" drop column "agreement_id";`);
  }

}
