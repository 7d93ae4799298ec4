import { Migration } from '@mikro-orm/migrations';

export class Migration20261207123008 extends Migration {

  override name = 'Migration20261207123008';

  override up(): void | Promise<void> {
    this.addSql(`create table "application" ("id" uuid not null, "status" text not null default 'unconfirmed', "name" varchar(200) null, "email" varchar(254) null, "phone" varchar(40) null, "birth_year" int not null, "activity_type_id" varchar(100) not null, "service_unit_ids" jsonb not null, "motivation" text null, "language" text not null, "privacy_notice_version" varchar(50) null, "confirmed_at" timestamptz null, "decided_at" timestamptz null, "decided_by" varchar(200) null, "volunteer_id" uuid null, "anonymised_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "application_status_index" on "application" ("status");`);
    this.addSql(`create index "application_email_index" on "application" ("email");`);

    this.addSql(`alter table "application" add constraint "application_status_check" check ("status" in ('unconfirmed', 'open', 'invited', 'accepted', 'declined', 'withdrawn'));`);
    this.addSql(`alter table "application" add constraint "application_language_check" check ("language" in ('nb', 'nn', 'en'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "application" cascade;`);
  }

}
