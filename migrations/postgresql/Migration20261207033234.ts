import { Migration } from '@mikro-orm/migrations';

export class Migration20261207033234 extends Migration {

  override name = 'Migration20261207033234';

  override up(): void | Promise<void> {
    this.addSql(`create table "course_enrolment" ("id" serial primary key, "session_id" uuid not null, "volunteer_id" uuid not null, "state" text not null, "position" int not null, "offered_until" timestamptz null, "updated_at" timestamptz not null);`);
    this.addSql(`create index "course_enrolment_session_id_index" on "course_enrolment" ("session_id");`);
    this.addSql(`create index "course_enrolment_volunteer_id_index" on "course_enrolment" ("volunteer_id");`);
    this.addSql(`alter table "course_enrolment" add constraint "course_enrolment_session_id_volunteer_id_unique" unique ("session_id", "volunteer_id");`);

    this.addSql(`create table "course_session" ("id" uuid not null, "starts_at" timestamptz not null, "minutes" int not null, "place" varchar(300) not null, "language" text not null, "leader" varchar(200) not null, "capacity" int not null, "service_unit_ids" jsonb not null, "activity_type_ids" jsonb not null, "status" text not null default 'scheduled', "sequence" int not null default 0, "roster_version" int not null default -1, "created_by" varchar(200) not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "course_session_starts_at_index" on "course_session" ("starts_at");`);

    this.addSql(`alter table "course_enrolment" add constraint "course_enrolment_state_check" check ("state" in ('enrolled', 'waitlisted', 'offered', 'attended', 'absent', 'released', 'expired', 'refused', 'cancelled'));`);

    this.addSql(`alter table "course_session" add constraint "course_session_language_check" check ("language" in ('nb', 'nn', 'en'));`);
    this.addSql(`alter table "course_session" add constraint "course_session_status_check" check ("status" in ('scheduled', 'cancelled', 'held'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "course_enrolment" cascade;`);
    this.addSql(`drop table if exists "course_session" cascade;`);
  }

}
