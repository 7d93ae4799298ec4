import { Migration } from '@mikro-orm/migrations';

export class Migration20261207062801 extends Migration {

  override name = 'Migration20261207062801';

  override up(): void | Promise<void> {
    this.addSql(`create table "meeting" ("id" uuid not null, "kind" text not null, "title" varchar(200) not null, "agenda" text not null, "place" varchar(300) not null, "starts_at" timestamptz not null, "minutes" int not null, "service_unit_ids" jsonb not null, "status" text not null default 'scheduled', "sequence" int not null default 0, "minutes_reference" varchar(500) null, "created_by" varchar(200) not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "meeting_kind_index" on "meeting" ("kind");`);
    this.addSql(`create index "meeting_starts_at_index" on "meeting" ("starts_at");`);

    this.addSql(`create table "meeting_invitation" ("id" serial primary key, "meeting_id" uuid not null, "invitee_kind" text not null, "invitee_id" varchar(100) not null, "name" varchar(200) not null, "email" varchar(254) not null, "language" text not null, "rsvp" text not null default 'pending', "responded_at" timestamptz null, "attended" boolean null);`);
    this.addSql(`create index "meeting_invitation_meeting_id_index" on "meeting_invitation" ("meeting_id");`);
    this.addSql(`alter table "meeting_invitation" add constraint "meeting_invitation_meeting_id_email_unique" unique ("meeting_id", "email");`);

    this.addSql(`alter table "meeting" add constraint "meeting_kind_check" check ("kind" in ('network', 'dialogue'));`);
    this.addSql(`alter table "meeting" add constraint "meeting_status_check" check ("status" in ('scheduled', 'cancelled', 'held'));`);

    this.addSql(`alter table "meeting_invitation" add constraint "meeting_invitation_invitee_kind_check" check ("invitee_kind" in ('unitContact', 'staff', 'volunteerContact', 'organisation'));`);
    this.addSql(`alter table "meeting_invitation" add constraint "meeting_invitation_language_check" check ("language" in ('nb', 'nn', 'en'));`);
    this.addSql(`alter table "meeting_invitation" add constraint "meeting_invitation_rsvp_check" check ("rsvp" in ('pending', 'yes', 'no'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "meeting" cascade;`);
    this.addSql(`drop table if exists "meeting_invitation" cascade;`);
  }

}
