import { Migration } from '@mikro-orm/migrations';

export class Migration20261123005914 extends Migration {

  override name = 'Migration20261123005914';

  override up(): void | Promise<void> {
    this.addSql(`create table "annual_evaluation" ("year" serial primary key, "status" text not null default 'collecting', "kicked_off_at" timestamptz not null, "report" jsonb null, "approved_by" varchar(200) null, "approved_at" timestamptz null, "case_number" varchar(50) null, "sent_on" varchar(10) null);`);

    this.addSql(`create table "evaluation_recipient" ("id" serial primary key, "year" int not null, "email" varchar(254) not null, "name" varchar(200) not null, "kind" text not null, "response" jsonb null, "responded_at" timestamptz null);`);
    this.addSql(`create index "evaluation_recipient_year_index" on "evaluation_recipient" ("year");`);
    this.addSql(`alter table "evaluation_recipient" add constraint "evaluation_recipient_year_email_unique" unique ("year", "email");`);

    this.addSql(`create table "hours_entry" ("id" serial primary key, "volunteer_id" uuid not null, "service_unit_id" varchar(100) not null, "activity_type_id" varchar(100) not null, "month" varchar(7) not null, "hours" double precision not null, "status" text not null, "source" text not null, "entered_by" varchar(200) not null, "approved_by" varchar(200) null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`create index "hours_entry_service_unit_id_index" on "hours_entry" ("service_unit_id");`);
    this.addSql(`create index "hours_entry_month_index" on "hours_entry" ("month");`);
    this.addSql(`alter table "hours_entry" add constraint "hours_entry_volunteer_id_service_unit_id_activity_45195_unique" unique ("volunteer_id", "service_unit_id", "activity_type_id", "month");`);

    this.addSql(`alter table "annual_evaluation" add constraint "annual_evaluation_status_check" check ("status" in ('collecting', 'reportReady', 'approved', 'sentToPolitics'));`);

    this.addSql(`alter table "evaluation_recipient" add constraint "evaluation_recipient_kind_check" check ("kind" in ('contact', 'organisationContact'));`);

    this.addSql(`alter table "hours_entry" add constraint "hours_entry_status_check" check ("status" in ('approved', 'pending'));`);
    this.addSql(`alter table "hours_entry" add constraint "hours_entry_source_check" check ("source" in ('contact', 'volunteer', 'import'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "annual_evaluation" cascade;`);
    this.addSql(`drop table if exists "evaluation_recipient" cascade;`);
    this.addSql(`drop table if exists "hours_entry" cascade;`);
  }

}
