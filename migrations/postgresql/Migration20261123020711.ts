import { Migration } from '@mikro-orm/migrations';

export class Migration20261123020711 extends Migration {

  override name = 'Migration20261123020711';

  override up(): void | Promise<void> {
    this.addSql(`create table "api_token" ("id" uuid not null, "user_id" uuid not null, "name" varchar(200) not null, "token_hash" varchar(64) not null, "created_at" timestamptz not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "api_token_user_id_index" on "api_token" ("user_id");`);
    this.addSql(`alter table "api_token" add constraint "api_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "import_job" ("id" uuid not null, "kind" varchar(50) not null, "state" text not null default 'running', "total" int not null default 0, "processed" int not null default 0, "result" jsonb null, "created_by" varchar(200) not null, "created_at" timestamptz not null, "finished_at" timestamptz null, primary key ("id"));`);

    this.addSql(`create table "staff_session" ("token_hash" varchar(64) not null, "user_id" uuid not null, "csrf_token" varchar(64) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, primary key ("token_hash"));`);
    this.addSql(`create index "staff_session_user_id_index" on "staff_session" ("user_id");`);
    this.addSql(`create index "staff_session_expires_at_index" on "staff_session" ("expires_at");`);

    this.addSql(`create table "staff_user" ("id" uuid not null, "email" varchar(254) not null, "name" varchar(200) not null, "role" text not null, "service_unit_ids" jsonb not null, "certificate_officer" boolean not null default false, "language" text not null default 'nb', "password_hash" varchar(255) null, "oidc_subject" varchar(255) null, "disabled_at" timestamptz null, "last_sign_in_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "staff_user" add constraint "staff_user_email_unique" unique ("email");`);
    this.addSql(`alter table "staff_user" add constraint "staff_user_oidc_subject_unique" unique ("oidc_subject");`);

    this.addSql(`alter table "import_job" add constraint "import_job_state_check" check ("state" in ('running', 'done', 'failed'));`);

    this.addSql(`alter table "staff_user" add constraint "staff_user_role_check" check ("role" in ('coordinator', 'contact', 'unitManager'));`);
    this.addSql(`alter table "staff_user" add constraint "staff_user_language_check" check ("language" in ('nb', 'en'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "api_token" cascade;`);
    this.addSql(`drop table if exists "import_job" cascade;`);
    this.addSql(`drop table if exists "staff_session" cascade;`);
    this.addSql(`drop table if exists "staff_user" cascade;`);
  }

}
