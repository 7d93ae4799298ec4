import { Migration } from '@mikro-orm/migrations';

export class Migration20261123001031 extends Migration {

  override name = 'Migration20261123001031';

  override up(): void | Promise<void> {
    this.addSql(`create table "audit_entry" ("id" serial primary key, "volunteer_id" uuid not null, "at" timestamptz not null, "actor" varchar(200) not null, "action" varchar(100) not null, "step" varchar(50) null, "details" jsonb null);`);
    this.addSql(`create index "audit_entry_volunteer_id_index" on "audit_entry" ("volunteer_id");`);

    this.addSql(`create table "deviation" ("id" serial primary key, "occurred_on" varchar(10) not null, "service_unit_id" varchar(100) not null, "volunteer_id" uuid null, "external_id" varchar(100) null, "recorded_by" varchar(200) not null, "recorded_at" timestamptz not null);`);
    this.addSql(`create index "deviation_service_unit_id_index" on "deviation" ("service_unit_id");`);
    this.addSql(`create index "deviation_volunteer_id_index" on "deviation" ("volunteer_id");`);

    this.addSql(`create table "police_certificate_check" ("id" serial primary key, "volunteer_id" uuid not null, "activity_type_id" varchar(100) not null, "issued_on" varchar(10) not null, "presented_on" varchar(10) not null, "checked_by" varchar(200) not null, "outcome" text not null, "recorded_at" timestamptz not null);`);
    this.addSql(`create index "police_certificate_check_volunteer_id_index" on "police_certificate_check" ("volunteer_id");`);

    this.addSql(`alter table "outbox_email" add "ics" text null;`);

    this.addSql(`alter table "volunteer" add "birth_year" int null, add "suitability_note" text null, add "contact_name" varchar(200) null, add "contact_email" varchar(254) null, add "closed_at" timestamptz null, add "anonymised_at" timestamptz null;`);

    this.addSql(`alter table "volunteer_step" add "session_at" timestamptz null;`);

    this.addSql(`alter table "police_certificate_check" add constraint "police_certificate_check_outcome_check" check ("outcome" in ('approved', 'notApproved'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "audit_entry" cascade;`);
    this.addSql(`drop table if exists "deviation" cascade;`);
    this.addSql(`drop table if exists "police_certificate_check" cascade;`);

    this.addSql(`alter table "outbox_email" drop column "ics";`);

    this.addSql(`alter table "volunteer" drop column "birth_year", drop column "suitability_note", drop column "contact_name", drop column "contact_email", drop column "closed_at", drop column "anonymised_at";`);

    this.addSql(`alter table "volunteer_step" drop column "session_at";`);
  }

}
