import { Migration } from '@mikro-orm/migrations';

export class Migration20261122234032 extends Migration {

  override name = 'Migration20261122234032';

  override up(): void | Promise<void> {
    this.addSql(`create table "idempotency_record" ("key" varchar(255) not null, "scope" varchar(100) not null, "request_hash" varchar(64) not null, "resource_id" varchar(100) not null, "created_at" timestamptz not null, primary key ("key"));`);

    this.addSql(`create table "outbox_email" ("id" serial primary key, "idempotency_key" varchar(255) not null, "message_id" varchar(255) not null, "template" varchar(100) not null, "recipient" varchar(254) not null, "subject" varchar(300) not null, "text" text not null, "html" text not null, "volunteer_id" uuid null, "step" varchar(50) null, "status" text not null default 'pending', "attempts" int not null default 0, "last_error" varchar(500) null, "created_at" timestamptz not null, "sent_at" timestamptz null);`);
    this.addSql(`alter table "outbox_email" add constraint "outbox_email_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "outbox_email_volunteer_id_index" on "outbox_email" ("volunteer_id");`);
    this.addSql(`alter table "outbox_email" add constraint "outbox_email_status_check" check ("status" in ('pending', 'sent'));`);

    this.addSql(`create table "volunteer" ("id" uuid not null, "name" varchar(200) not null, "email" varchar(254) not null, "phone" varchar(40) null, "language" text not null default 'nb', "service_unit_id" varchar(100) not null, "activity_type_id" varchar(100) not null, "phase" text not null default 'registered', "status_version" int not null default 0, "lifecycle_started_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "volunteer_service_unit_id_index" on "volunteer" ("service_unit_id");`);
    this.addSql(`create index "volunteer_phase_index" on "volunteer" ("phase");`);
    this.addSql(`create index "volunteer_created_at_index" on "volunteer" ("created_at");`);
    this.addSql(`alter table "volunteer" add constraint "volunteer_language_check" check ("language" in ('nb', 'en'));`);
    this.addSql(`alter table "volunteer" add constraint "volunteer_phase_check" check ("phase" in ('registered', 'onboarding', 'active', 'paused', 'ending', 'ended', 'withdrawn'));`);

    this.addSql(`create table "volunteer_step" ("id" serial primary key, "volunteer_id" uuid not null, "step" text not null, "state" text not null, "opened_at" timestamptz null, "due_at" timestamptz null, "completed_at" timestamptz null, "completed_by" varchar(200) null, "reminders_sent" int not null default 0);`);
    this.addSql(`create index "volunteer_step_due_at_index" on "volunteer_step" ("due_at");`);
    this.addSql(`create index "volunteer_step_step_state_index" on "volunteer_step" ("step", "state");`);
    this.addSql(`alter table "volunteer_step" add constraint "volunteer_step_volunteer_id_step_unique" unique ("volunteer_id", "step");`);
    this.addSql(`alter table "volunteer_step" add constraint "volunteer_step_step_check" check ("step" in ('registration', 'policeCertificate', 'confidentialityDeclaration', 'introductionCourse', 'firstConversation', 'followUp', 'endingConversation'));`);
    this.addSql(`alter table "volunteer_step" add constraint "volunteer_step_state_check" check ("state" in ('pending', 'waiting', 'done', 'notRequired', 'overdue'));`);

    this.addSql(`alter table "volunteer_step" add constraint "volunteer_step_volunteer_id_foreign" foreign key ("volunteer_id") references "volunteer" ("id");`);
  }

}
